/**
 * Which language the add-on speaks to this spreadsheet's user: Bahasa Indonesia when the spreadsheet's
 * locale is Indonesian (`in`/`id`, as Sheets' File ▸ Settings ▸ Locale sets it), English otherwise.
 * Provisional: the message catalogue work replaces this file with its own at merge.
 */
import { SpreadsheetApp } from '../services';

export type Locale = 'en' | 'id';

export function localeOf(spreadsheetLocale: string): Locale {
  return /^(in|id)([_-]|$)/i.test(spreadsheetLocale.trim()) ? 'id' : 'en';
}

export function sheetLocale(): Locale {
  try {
    return localeOf(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

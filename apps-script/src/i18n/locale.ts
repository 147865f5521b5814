/**
 * Which language the add-on speaks: the spreadsheet's own choice in Settings when one is saved, else
 * the user's Google language (Session.getActiveUserLocale,
 * https://developers.google.com/apps-script/reference/base/session#getActiveUserLocale(): `id` for
 * Bahasa Indonesia; Java's legacy `in` is accepted too). Decided once per execution: every entry point
 * in main.ts starts with `resetLocale()`, so a language saved in Settings applies from the next action.
 */
import { PropertiesService, Session } from '../services';
import { LOCALES, type Locale } from './define';

export type { Locale } from './define';

/** Document Properties: per spreadsheet, which is what "per spreadsheet override" means for an add-on. */
export const LANGUAGE_PROPERTY = 'MIDTRANS_LANGUAGE';

let decided: Locale | undefined;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** `id`, `id_ID`, `in`, `in-ID` → `id`; anything else → `en`. */
export function localeOf(tag: unknown): Locale {
  return typeof tag === 'string' && /^(id|in)([-_].*)?$/i.test(tag.trim()) ? 'id' : 'en';
}

function languageStore(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
  } catch {
    return PropertiesService.getScriptProperties();
  }
}

/** The saved override ('' = follow the user's Google language). */
export function savedLanguage(): Locale | '' {
  try {
    const v = languageStore()?.getProperty(LANGUAGE_PROPERTY) ?? '';
    return isLocale(v) ? v : '';
  } catch {
    return '';
  }
}

export function saveLanguage(choice: unknown): void {
  const store = languageStore();
  if (!store) return;
  if (isLocale(choice)) store.setProperty(LANGUAGE_PROPERTY, choice);
  else store.deleteProperty(LANGUAGE_PROPERTY);
  decided = undefined;
}

function userLocale(): Locale {
  try {
    return localeOf(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

export function locale(): Locale {
  if (decided === undefined) decided = savedLanguage() || userLocale();
  return decided;
}

export function resetLocale(): void {
  decided = undefined;
}

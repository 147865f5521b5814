/**
 * Messages to the person at the sheet. Triggers and the web app have no UI (`getUi()` throws there),
 * so every call degrades to a log line instead of failing the work it reports on.
 */
import { SpreadsheetApp } from './services';
import { t } from './i18n/catalogue';
import { locale } from './i18n/locale';

function title(): string {
  return t(locale(), 'menu.title');
}

export function toast(message: string, seconds = 5): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title(), seconds);
  } catch {
    console.log(message);
  }
}

export function alert(message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title(), message, ui.ButtonSet.OK);
  } catch {
    console.log(message);
  }
}

/** Yes/no question; false when there is nobody to ask. */
export function confirm(message: string): boolean {
  try {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(title(), message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  } catch {
    return false;
  }
}

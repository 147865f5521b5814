/**
 * Messages to the person at the sheet. Triggers and the web app have no UI (`getUi()` throws there),
 * so every call degrades to a log line instead of failing the work it reports on.
 */
import { SpreadsheetApp } from './services';
const TITLE = 'Midtrans';

/** `1 link`, `3 links`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function toast(message: string, seconds = 5): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, TITLE, seconds);
  } catch {
    console.log(message);
  }
}

export function alert(message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, message, ui.ButtonSet.OK);
  } catch {
    console.log(message);
  }
}

/** Yes/no question; false when there is nobody to ask. */
export function confirm(message: string): boolean {
  try {
    const ui = SpreadsheetApp.getUi();
    return ui.alert(TITLE, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  } catch {
    return false;
  }
}

/**
 * Which OAuth scope each emulated service call needs, and what Apps Script does when the project does
 * not have it.
 *
 * A manifest that lists `oauthScopes` gets exactly those: Apps Script stops adding the scopes it would
 * otherwise detect in the code (https://developers.google.com/apps-script/concepts/scopes, "Setting
 * explicit scopes"). Without the list, detection grants what the code uses (`oauthScopes` undefined here).
 *
 * The scopes per method are the "Authorization" sections of Google's reference pages: any one listed
 * scope suffices.
 * - SpreadsheetApp, Spreadsheet, Sheet, Range…: spreadsheets.currentonly or spreadsheets; openById and
 *   openByUrl only spreadsheets (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 * - Ui.showSidebar / showModalDialog / showModelessDialog: script.container.ui
 *   (https://developers.google.com/apps-script/reference/base/ui).
 * - UrlFetchApp: script.external_request (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app).
 * - ScriptApp's triggers: script.scriptapp (https://developers.google.com/apps-script/reference/script/script-app).
 * - Session.getActiveUser / getEffectiveUser: userinfo.email (https://developers.google.com/apps-script/reference/base/session).
 * - MailApp: script.send_mail (https://developers.google.com/apps-script/reference/mail/mail-app).
 * Properties, Lock, Utilities, ContentService, HtmlService's outputs, Charts' builders, Logger and
 * console list none.
 *
 * A call without its scope throws "You do not have permission to call Session.getActiveUser. Required
 * permissions: https://www.googleapis.com/auth/userinfo.email". Google's pages do not print the text;
 * it is the one users report (hijonathan/google-scripts#14, Elijas/auto-youtube-subscription-playlist-2#121,
 * oshliaer/google-apps-script-snippets#18, #19 and #23 for showSidebar, getProjectTriggers and getEffectiveUser). So a
 * missing userinfo.email makes Session.getEffectiveUser() throw before any address is read, rather than
 * answer a blank one (the blank answer is for contexts that may not reveal it: auth-mode.ts).
 */

export const SCOPE = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
} as const;

const SHEETS = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const NONE: readonly string[] = [];

/** By the class part of the emulator's method name (`Range.getValues` → `Range`). */
const BY_CLASS: Record<string, readonly string[]> = {
  SpreadsheetApp: SHEETS,
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  RangeList: SHEETS,
  Selection: SHEETS,
  TextFinder: SHEETS,
  EmbeddedChart: SHEETS,
  EmbeddedChartBuilder: SHEETS,
  UrlFetchApp: [SCOPE.externalRequest],
  ScriptApp: [SCOPE.scriptApp],
  TriggerBuilder: [SCOPE.scriptApp],
  ClockTriggerBuilder: [SCOPE.scriptApp],
  SpreadsheetTriggerBuilder: [SCOPE.scriptApp],
  Trigger: [SCOPE.scriptApp],
  MailApp: [SCOPE.sendMail],
};

/** Methods whose page says otherwise than their class. */
const BY_METHOD: Record<string, readonly string[]> = {
  'SpreadsheetApp.openById': [SCOPE.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPE.spreadsheets],
  // Menus and the Ui object itself need no scope: add-ons build their menu in AuthMode.NONE.
  'SpreadsheetApp.getUi': NONE,
  'Ui.showSidebar': [SCOPE.containerUi],
  'Ui.showModalDialog': [SCOPE.containerUi],
  'Ui.showModelessDialog': [SCOPE.containerUi],
  'Session.getActiveUser': [SCOPE.userEmail],
  'Session.getEffectiveUser': [SCOPE.userEmail],
  'ScriptApp.getService': NONE,
  'ScriptApp.getScriptId': NONE,
  'ScriptApp.getOAuthToken': NONE,
  'ScriptApp.getInstallationSource': NONE,
  'ScriptApp.getAuthorizationInfo': NONE,
};

/** The scopes of which a call needs one; empty when it needs none. */
export function scopesFor(method: string): readonly string[] {
  if (Object.prototype.hasOwnProperty.call(BY_METHOD, method)) return BY_METHOD[method];
  return BY_CLASS[method.split('.')[0]] ?? NONE;
}

/** Alternatives are written `(a || b)`, as in the reports of spreadsheet calls. */
export function permissionMessage(method: string, scopes: readonly string[]): string {
  const required = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${required}`;
}

/** Throws Apps Script's error when `granted` (undefined: detected from the code, so everything) lacks the call's scope. */
export function requireScope(method: string, granted: ReadonlySet<string> | undefined): void {
  if (!granted) return;
  const needed = scopesFor(method);
  if (needed.length && !needed.some((s) => granted.has(s))) throw new Error(permissionMessage(method, needed));
}

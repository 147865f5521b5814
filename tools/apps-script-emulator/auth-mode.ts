/**
 * What an execution may call in each AuthMode, on top of the project's scopes (scopes.ts).
 *
 * - FULL: menu items, sidebars, installable triggers (they run as the user who made them) and the web app
 *   (with executeAs USER_DEPLOYING, as the deployer): everything the scopes allow
 *   (https://developers.google.com/apps-script/reference/script/auth-mode,
 *   https://developers.google.com/apps-script/guides/triggers/installable).
 * - LIMITED: a simple `onOpen`/`onEdit` of a bound script, or of an add-on used in the document. Simple
 *   triggers may read and change the file they are bound to but not other files, and may not call services
 *   that need authorization (https://developers.google.com/apps-script/guides/triggers, "Restrictions").
 *   So the spreadsheet calls covered by `spreadsheets.currentonly` go through, `openById`, UrlFetchApp,
 *   triggers and dialogs (`script.container.ui`) are refused, and the user's address is blank
 *   (https://developers.google.com/apps-script/reference/base/session: not available "in any context that
 *   allows a script to run without that user's authorization, like a simple onOpen(e)").
 * - NONE: an add-on's `onOpen` in a document where it was not used yet: no service that needs
 *   authorization; it may build its menu (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 *   Google's AuthMode example reads Properties only outside NONE, so Properties is refused here too, and,
 *   strictly, everything but the menu, the locale, Utilities and logging [INFERRED: the page names menus
 *   as what works; the rest of the allow-list is our reading].
 *   Module scope runs in every execution, NONE included (https://developers.google.com/apps-script/guides/v8-runtime),
 *   so loadBundle evaluates the bundle's top level in NONE.
 *
 * The refusal's text is the permission error of scopes.ts, scopes named when the call has any
 * [INFERRED: the wording of a refusal for a call that needs no scope, such as Properties in NONE].
 */
import { permissionMessage, scopesFor, SCOPE } from './scopes';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

const BOUND_FILE = new Set<string>([SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets]);
/** Answered with a blank address outside FULL rather than refused (Session's reference). */
const BLANK_ADDRESS = new Set(['Session.getActiveUser', 'Session.getEffectiveUser']);
const OTHER_FILES = new Set(['SpreadsheetApp.openById', 'SpreadsheetApp.openByUrl']);

/** What NONE allows: building the menu, the locale, and services that touch no user data. */
function allowedInNone(method: string): boolean {
  const cls = method.split('.')[0];
  if (['Menu', 'Utilities', 'Blob', 'Logger', 'console'].includes(cls)) return true;
  return ['SpreadsheetApp.getUi', 'Ui.createMenu', 'Ui.createAddonMenu', 'Session.getActiveUserLocale'].includes(method);
}

function refuse(method: string): never {
  const scopes = scopesFor(method);
  throw new Error(scopes.length ? permissionMessage(method, scopes) : `You do not have permission to call ${method}.`);
}

/** Throws when an execution in `mode` may not make this call. */
export function requireAuthMode(method: string, mode: AuthMode): void {
  if (mode === 'FULL') return;
  if (mode === 'NONE') {
    if (!allowedInNone(method)) refuse(method);
    return;
  }
  if (BLANK_ADDRESS.has(method)) return;
  if (OTHER_FILES.has(method)) refuse(method);
  const needed = scopesFor(method);
  if (needed.length && !needed.every((s) => BOUND_FILE.has(s))) refuse(method);
}

/** Whether the user's address may be revealed in this mode. */
export function revealsAddress(mode: AuthMode): boolean {
  return mode === 'FULL';
}

/**
 * Time-driven triggers, available to bound scripts (an add-on may only run them hourly, reference §0.4,
 * so there the sidebar's Continue button drives a long run instead).
 */
import { PROPERTY } from './settings';

export const CONTINUE_HANDLER = 'continueGeneration';
export const REFRESH_HANDLER = 'timedRefresh';
const CONTINUE_AFTER_MS = 60_000;

export function isBound(): boolean {
  try {
    return ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE;
  } catch {
    return true;
  }
}

function deleteTriggers(handler: string): void {
  for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t);
}

/** Schedules the rest of a run; returns the sentence that tells the user how it continues. */
export function scheduleContinuation(): string {
  if (isBound()) {
    try {
      deleteTriggers(CONTINUE_HANDLER);
      ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
      return 'it continues by itself in about a minute (or press Continue in Midtrans ▸ Settings)';
    } catch (e) {
      console.log(`No continuation trigger: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return 'open Midtrans ▸ Settings and press Continue to finish';
}

export function clearContinuation(): void {
  try {
    deleteTriggers(CONTINUE_HANDLER);
  } catch {
    // Not bound or not authorised for triggers: there is nothing to clear.
  }
}

export function setTimedRefreshTrigger(on: boolean): void {
  if (on && !isBound()) throw new Error('A timed refresh needs the script bound to the sheet (see README); use Refresh statuses instead.');
  deleteTriggers(REFRESH_HANDLER);
  const props = PropertiesService.getScriptProperties();
  if (on) {
    ScriptApp.newTrigger(REFRESH_HANDLER).timeBased().everyHours(1).create();
    props.setProperty(PROPERTY.timedRefresh, 'on');
  } else {
    props.deleteProperty(PROPERTY.timedRefresh);
  }
}

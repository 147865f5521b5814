/**
 * Time-driven triggers, available to bound scripts (an add-on may only run them hourly, https://developers.google.com/apps-script/guides/triggers/installable,
 * so there the sidebar's Continue button drives a long run instead).
 */
import { PropertiesService, ScriptApp, Session, Utilities } from './services';
import { PROPERTY } from './settings';

export const REFRESH_HANDLER = 'timedRefresh';
const CONTINUE_AFTER_MS = 60_000;

/** A run that stops for time and goes on later: its trigger handler, and how the user goes on by hand. */
export interface Continuation {
  handler: string;
  /** Said after "it continues by itself in about a minute (or …)" where minute triggers exist. */
  alsoByHand: string;
  /** Said where they do not (an add-on may run time triggers only hourly). */
  byHand: string;
}

export const GENERATION_CONTINUATION: Continuation = {
  handler: 'continueGeneration',
  alsoByHand: 'press Continue in Midtrans ▸ Settings',
  byHand: 'open Midtrans ▸ Settings and press Continue to finish',
};

export const REFRESH_CONTINUATION: Continuation = {
  handler: 'continueRefresh',
  alsoByHand: 'run Refresh statuses again',
  byHand: 'run Refresh statuses again to check them: it picks up where this one stopped',
};

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
export function scheduleContinuation(c: Continuation): string {
  if (isBound()) {
    try {
      deleteTriggers(c.handler);
      ScriptApp.newTrigger(c.handler).timeBased().after(CONTINUE_AFTER_MS).create();
      return `it continues by itself in about a minute (or ${c.alsoByHand})`;
    } catch (e) {
      console.log(`No continuation trigger: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return c.byHand;
}

/**
 * Schedules the rest of a run for when the daily URL Fetch quota resets (`at`, epoch ms). A one-shot
 * trigger a day away is within an add-on's once-an-hour limit too.
 */
export function scheduleContinuationAt(c: Continuation, at: number): string {
  const when = Utilities.formatDate(new Date(at), Session.getScriptTimeZone(), 'yyyy-MM-dd HH:mm');
  try {
    deleteTriggers(c.handler);
    ScriptApp.newTrigger(c.handler).timeBased().after(Math.max(CONTINUE_AFTER_MS, at - Date.now())).create();
    return `it continues by itself at ${when}, when the quota resets (or ${c.alsoByHand} then)`;
  } catch (e) {
    console.log(`No continuation trigger: ${e instanceof Error ? e.message : String(e)}`);
  }
  return `after ${when}, ${c.byHand}`;
}

export function clearContinuation(c: Continuation): void {
  try {
    deleteTriggers(c.handler);
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

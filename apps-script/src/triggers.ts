/**
 * Time-driven triggers, available to bound scripts (an add-on may only run them hourly, https://developers.google.com/apps-script/guides/triggers/installable,
 * so there the sidebar's Continue button drives a long run instead).
 */
import { PropertiesService, ScriptApp } from './services';
import { PROPERTY } from './settings';
import { t, type MessageKey } from './i18n/catalogue';
import { locale } from './i18n/locale';
import { wibAt } from './i18n/format';

export const REFRESH_HANDLER = 'timedRefresh';
const CONTINUE_AFTER_MS = 60_000;

/** A run that stops for time and goes on later: its trigger handler, and how the user goes on by hand. */
export interface Continuation {
  handler: string;
  /** Said after "it continues by itself in about a minute (or …)" where minute triggers exist. */
  alsoByHand: MessageKey;
  /** Said where they do not (an add-on may run time triggers only hourly). */
  byHand: MessageKey;
}

export const GENERATION_CONTINUATION: Continuation = {
  handler: 'continueGeneration',
  alsoByHand: 'continue.generation.also',
  byHand: 'continue.generation.byHand',
};

export const REFRESH_CONTINUATION: Continuation = {
  handler: 'continueRefresh',
  alsoByHand: 'continue.refresh.also',
  byHand: 'continue.refresh.byHand',
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
      return t(locale(), 'continue.inAMinute', { byHand: t(locale(), c.alsoByHand) });
    } catch (e) {
      console.log(`No continuation trigger: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return t(locale(), c.byHand);
}

/**
 * Schedules the rest of a run for when the daily URL Fetch quota resets (`at`, epoch ms). A one-shot
 * trigger a day away is within an add-on's once-an-hour limit too.
 */
export function scheduleContinuationAt(c: Continuation, at: number): string {
  const when = wibAt(at, locale());
  try {
    deleteTriggers(c.handler);
    ScriptApp.newTrigger(c.handler)
      .timeBased()
      .after(Math.max(CONTINUE_AFTER_MS, at - Date.now()))
      .create();
    return t(locale(), 'continue.atQuotaReset', { when, byHand: t(locale(), c.alsoByHand) });
  } catch (e) {
    console.log(`No continuation trigger: ${e instanceof Error ? e.message : String(e)}`);
  }
  return t(locale(), 'continue.after', { when, byHand: t(locale(), c.byHand) });
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

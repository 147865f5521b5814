/**
 * One bulk run at a time. The script lock makes "is a run going? if not, I am it" atomic, and a marker
 * in Script Properties says a run is going for as long as it runs, without holding the lock: holding
 * it for minutes would make every notification in that window give up. Every normal or failed run
 * clears its marker (finally); only Apps Script's hard kill at 6 minutes skips that, and no execution
 * outlives 6 minutes, so a marker older than that (plus a margin for clock skew) is a dead run's.
 */
import { LockService, PropertiesService, Session, Utilities } from './services';
import { PROPERTY } from './settings';

export const EXECUTION_LIMIT_MS = 6 * 60_000;
const STALE_MS = EXECUTION_LIMIT_MS + 30_000;
/** How long a short critical section (a chunk's writes, a notification) waits for the lock. */
export const LOCK_WAIT_MS = 3_000;

export interface RunMarker {
  id: string;
  kind: string;
  startedAt: number;
}

export type BeginResult = { ok: true; run: RunMarker } | { ok: false; message: string };

function readMarker(props: GoogleAppsScript.Properties.Properties): RunMarker | undefined {
  const text = props.getProperty(PROPERTY.run);
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as RunMarker;
    return typeof m.startedAt === 'number' ? m : undefined;
  } catch {
    return undefined;
  }
}

function clock(ms: number): string {
  return Utilities.formatDate(new Date(ms), Session.getScriptTimeZone(), 'HH:mm:ss');
}

/** Runs `fn` holding the script lock, or returns undefined when another execution holds it. */
export function withScriptLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): { ran: true; value: T } | { ran: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ran: false };
  try {
    return { ran: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

export function beginRun(kind: string, now: number): BeginResult {
  const props = PropertiesService.getScriptProperties();
  const result = withScriptLock<BeginResult>(() => {
    const current = readMarker(props);
    if (current && now - current.startedAt < STALE_MS) {
      return {
        ok: false,
        message: `Another Midtrans run (${current.kind}) started at ${clock(current.startedAt)} is still going. Wait for it to finish (at the latest by ${clock(current.startedAt + STALE_MS)}): rows it has done already show their links, and a second run at the same time could only get in its way.`,
      };
    }
    const run: RunMarker = { id: Utilities.getUuid(), kind, startedAt: now };
    props.setProperty(PROPERTY.run, JSON.stringify(run));
    return { ok: true, run };
  });
  if (!result.ran) return { ok: false, message: 'Another Midtrans action is saving right now; try again in a few seconds.' };
  return result.value;
}

export function endRun(run: RunMarker): void {
  const props = PropertiesService.getScriptProperties();
  const current = readMarker(props);
  // A run that overran and was declared stale must not clear its successor's marker.
  if (!current || current.id === run.id) props.deleteProperty(PROPERTY.run);
}

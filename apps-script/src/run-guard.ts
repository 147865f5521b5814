/**
 * One bulk run at a time. The script lock makes "is a run going? if not, I am it" atomic, and a marker
 * in Script Properties says a run is going for as long as it runs, without holding the lock: holding
 * it for minutes would make every notification in that window give up. A run killed at the 6-minute
 * limit never clears its marker, so a marker whose heartbeat is older than that limit is stale.
 */
import { PROPERTY } from './settings';

export const EXECUTION_LIMIT_MS = 6 * 60_000;
const STALE_MS = EXECUTION_LIMIT_MS + 60_000;
/** How long a short critical section (a chunk's writes, a notification) waits for the lock. */
export const LOCK_WAIT_MS = 3_000;

export interface RunMarker {
  id: string;
  kind: string;
  startedAt: number;
  heartbeat: number;
}

export type BeginResult = { ok: true; run: RunMarker } | { ok: false; message: string };

function readMarker(props: GoogleAppsScript.Properties.Properties): RunMarker | undefined {
  const text = props.getProperty(PROPERTY.run);
  if (!text) return undefined;
  try {
    const m = JSON.parse(text) as RunMarker;
    return typeof m.heartbeat === 'number' ? m : undefined;
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
    if (current && now - current.heartbeat < STALE_MS) {
      return {
        ok: false,
        message: `Another Midtrans run (${current.kind}) started at ${clock(current.startedAt)} is still going. Wait for it to finish: rows it has done already show their links, and starting a second run now could not make them faster.`,
      };
    }
    const run: RunMarker = { id: Utilities.getUuid(), kind, startedAt: now, heartbeat: now };
    props.setProperty(PROPERTY.run, JSON.stringify(run));
    return { ok: true, run };
  });
  if (!result.ran) return { ok: false, message: 'Another Midtrans action is saving right now; try again in a few seconds.' };
  return result.value;
}

/** Keeps the marker fresh between chunks (no lock: only the owner of the marker writes it). */
export function heartbeat(run: RunMarker, now: number): void {
  run.heartbeat = now;
  PropertiesService.getScriptProperties().setProperty(PROPERTY.run, JSON.stringify(run));
}

export function endRun(run: RunMarker): void {
  const props = PropertiesService.getScriptProperties();
  const current = readMarker(props);
  // A run that overran and was declared stale must not clear its successor's marker.
  if (!current || current.id === run.id) props.deleteProperty(PROPERTY.run);
}

/**
 * How many creates go into the next `fetchAll`. Midtrans publishes no rate limit, only HTTP 429 and
 * "back off" (docs/sheets-bulk-runs.md), so the add-on finds the pace itself, the way TCP does:
 * - a chunk answered cleanly doubles the next one (few round trips for a big sheet);
 * - a chunk with 429s shrinks to what Midtrans did accept, which becomes the ceiling; the chunk stays
 *   there and probes a tenth above it only after PROBE_AFTER clean chunks (each probe past a real limit
 *   costs a retry round trip, so probing rarely is what keeps a rate-limited run fast);
 * - a chunk with a timeout halves;
 * - (a Retry-After is waited out by sendAll in adapters.ts, before whichever request comes next);
 * - and no chunk is larger than what the time left in this execution can carry, measured from the
 *   chunks already sent (so a slow Midtrans gets smaller chunks, never a chunk cut by the 6-minute limit).
 * Pure: no Apps Script service is touched here.
 */

/** The first chunk: small enough to learn Midtrans' pace cheaply. */
export const FIRST_CHUNK = 25;
/** Never more creates in one fetchAll [inferred: 1,000 in one call is reported working; half keeps margin]. */
export const MAX_CHUNK = 500;
const MIN_CHUNK = 1;
/** Clean chunks at the ceiling before trying above it. */
export const PROBE_AFTER = 10;

export interface ChunkPace {
  size: number;
  /** What Midtrans accepted at once when it last answered 429: the size stays here until a probe. */
  ceiling?: number;
  /** Clean chunks sent at the ceiling since the last 429. */
  cleanAtCeiling: number;
  /** Measured milliseconds per create, from the chunks sent so far (undefined before the first). */
  msPerCreate?: number;
}

export interface ChunkOutcome {
  sent: number;
  /** Creates answered 429 on their first try. */
  throttled: number;
  timedOut: boolean;
  /** Wall time the chunk took, retries included. */
  elapsedMs: number;
}

export function firstPace(): ChunkPace {
  return { size: FIRST_CHUNK, cleanAtCeiling: 0 };
}

/** The pace after a chunk's outcome. */
export function nextPace(pace: ChunkPace, o: ChunkOutcome): ChunkPace {
  const next: ChunkPace = { ...pace };
  if (o.sent > 0) {
    // The latest chunk's time per create, its fixed round trip included: an over-estimate for a bigger
    // chunk, which is the safe side of the 6-minute limit.
    next.msPerCreate = o.elapsedMs / o.sent;
  }
  if (o.throttled > 0) {
    next.size = Math.max(MIN_CHUNK, Math.min(pace.size, o.sent - o.throttled));
    next.ceiling = next.size;
    next.cleanAtCeiling = 0;
  } else if (o.timedOut) {
    next.size = Math.max(MIN_CHUNK, Math.floor(pace.size / 2));
  } else if (o.sent >= pace.size) {
    if (pace.ceiling === undefined) next.size = Math.min(MAX_CHUNK, pace.size * 2);
    else if (pace.size < pace.ceiling) next.size = Math.min(pace.ceiling, pace.size * 2);
    else {
      next.cleanAtCeiling = pace.cleanAtCeiling + 1;
      if (next.cleanAtCeiling >= PROBE_AFTER) {
        // Midtrans took this size PROBE_AFTER times running: the limit may have moved up.
        next.ceiling = Math.min(MAX_CHUNK, pace.size + Math.max(1, Math.ceil(pace.size / 10)));
        next.size = next.ceiling;
        next.cleanAtCeiling = 0;
      }
    }
  }
  return next;
}

/**
 * The size to send now with `msLeft` of this execution's budget: the pace, but no more than the
 * measured cost per create lets finish in the time left (at least one, so a run always moves on).
 */
export function chunkFor(pace: ChunkPace, msLeft: number): number {
  if (pace.msPerCreate === undefined || pace.msPerCreate <= 0) return pace.size;
  const fits = Math.floor(msLeft / pace.msPerCreate);
  return Math.max(MIN_CHUNK, Math.min(pace.size, fits));
}

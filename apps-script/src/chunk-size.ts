/**
 * How many creates go into the next `fetchAll`. Midtrans publishes no rate limit, only HTTP 429 and
 * "back off" (docs/sheets-bulk-runs.md), so the add-on finds the pace itself, the way TCP does:
 * - a chunk answered cleanly doubles the next one (few round trips for a big sheet);
 * - a chunk with 429s shrinks to what Midtrans did accept, and from then on grows by a tenth at a time
 *   (probing gently near a limit that has shown itself);
 * - a chunk with a timeout halves;
 * - a Retry-After is waited out before the next chunk;
 * - and no chunk is larger than what the time left in this execution can carry, measured from the
 *   chunks already sent (so a slow Midtrans gets smaller chunks, never a chunk cut by the 6-minute limit).
 * Pure: no Apps Script service is touched here.
 */

/** The first chunk: small enough to learn Midtrans' pace cheaply. */
export const FIRST_CHUNK = 25;
/** Never more creates in one fetchAll [inferred: 1,000 in one call is reported working; half keeps margin]. */
export const MAX_CHUNK = 500;
export const MIN_CHUNK = 1;

export interface ChunkPace {
  size: number;
  /** Set once Midtrans has answered 429: growth turns additive. */
  limitSeen: boolean;
  /** Measured milliseconds per create, from the chunks sent so far (undefined before the first). */
  msPerCreate?: number;
  /** Do not send the next chunk before this time (epoch ms), from Retry-After. */
  notBefore?: number;
}

export interface ChunkOutcome {
  sent: number;
  /** Creates answered 429 on their first try. */
  throttled: number;
  timedOut: boolean;
  /** Longest Retry-After among the 429s, in ms. */
  retryAfterMs?: number;
  /** Wall time the chunk took, retries included. */
  elapsedMs: number;
  /** When it ended (epoch ms). */
  endedAt: number;
}

export function firstPace(): ChunkPace {
  return { size: FIRST_CHUNK, limitSeen: false };
}

/** The pace after a chunk's outcome. */
export function nextPace(pace: ChunkPace, o: ChunkOutcome): ChunkPace {
  const next: ChunkPace = { ...pace, notBefore: undefined };
  if (o.sent > 0) {
    // The latest chunk's time per create, its fixed round trip included: an over-estimate for a bigger
    // chunk, which is the safe side of the 6-minute limit.
    next.msPerCreate = o.elapsedMs / o.sent;
  }
  if (o.throttled > 0) {
    next.limitSeen = true;
    next.size = Math.max(MIN_CHUNK, Math.min(pace.size, o.sent - o.throttled));
  } else if (o.timedOut) {
    next.size = Math.max(MIN_CHUNK, Math.floor(pace.size / 2));
  } else if (o.sent >= pace.size) {
    next.size = Math.min(MAX_CHUNK, pace.limitSeen ? pace.size + Math.max(1, Math.ceil(pace.size / 10)) : pace.size * 2);
  }
  if (o.retryAfterMs !== undefined && o.retryAfterMs > 0) next.notBefore = o.endedAt + o.retryAfterMs;
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

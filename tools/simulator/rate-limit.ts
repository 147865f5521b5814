/**
 * An optional Midtrans rate limit, off by default. Midtrans publishes no number but defines HTTP 429 and
 * advises backing off (reference: Apps Script notes §4.3, [mt-ratelimit-note]); the ceiling, the window and
 * the Retry-After header here are therefore all [inferred] shapes, chosen by the test that turns them on.
 *
 * - `maxConcurrent`: a request that arrives while that many accepted requests are still in flight is
 *   answered 429. An accepted request is in flight for `holdMs` after it arrives: the synchronous handler
 *   never sees a request end, so its service time stands in for it (the Apps Script emulator sends all of
 *   one fetchAll at the same emulated instant, so they are exactly the concurrent ones).
 * - `perSecond`: at most that many accepted requests in any 1-second window.
 * - `retryAfterSeconds`: when set, a 429 carries `Retry-After` (a fixed number, or drawn from a range), on
 *   a share `retryAfterRate` of 429s; both draws come from the seed, so a run repeats exactly.
 * A refused request changes nothing, like the documented error faults.
 */
import { streamFrom } from './seeded-random';
import type { SimRoute } from './types';

export interface RateLimitOptions {
  maxConcurrent?: number;
  perSecond?: number;
  /** How long an accepted request counts as in flight (default 300 ms [inferred]: Midtrans' processing time). */
  holdMs?: number;
  retryAfterSeconds?: number | { min: number; max: number };
  /** Share of 429s that carry Retry-After when `retryAfterSeconds` is set (default 1). */
  retryAfterRate?: number;
  /** Routes limited; default the create route only. */
  routes?: SimRoute[];
}

const DEFAULT_HOLD_MS = 300;

type RateDecision = { limited: false } | { limited: true; retryAfterSeconds?: number };

export class RateLimiter {
  /** Arrival times of accepted requests, oldest first (trimmed to the longest window in use). */
  private accepted: number[] = [];
  private random: () => number;

  constructor(
    private options: RateLimitOptions | undefined,
    private readonly seed: number,
  ) {
    this.random = streamFrom(seed ^ 0x2a7e1);
  }

  set(options: RateLimitOptions | undefined): void {
    this.options = options;
    this.reset();
  }

  reset(): void {
    this.accepted = [];
    this.random = streamFrom(this.seed ^ 0x2a7e1);
  }

  /** Called once per request that reached a route; records it when accepted. */
  decide(route: SimRoute, now: number): RateDecision {
    const o = this.options;
    if (!o || (o.maxConcurrent === undefined && o.perSecond === undefined)) return { limited: false };
    if (!(o.routes ?? ['create']).includes(route)) return { limited: false };
    const hold = o.holdMs ?? DEFAULT_HOLD_MS;
    const keep = Math.max(o.maxConcurrent !== undefined ? hold : 0, o.perSecond !== undefined ? 1000 : 0);
    while (this.accepted.length && this.accepted[0] <= now - keep) this.accepted.shift();
    const inFlight = o.maxConcurrent === undefined ? 0 : this.count(now - hold);
    const lastSecond = o.perSecond === undefined ? 0 : this.count(now - 1000);
    if ((o.maxConcurrent !== undefined && inFlight >= o.maxConcurrent) || (o.perSecond !== undefined && lastSecond >= o.perSecond)) {
      return { limited: true, retryAfterSeconds: this.retryAfter(o) };
    }
    this.accepted.push(now);
    return { limited: false };
  }

  private count(after: number): number {
    let n = 0;
    for (let i = this.accepted.length - 1; i >= 0 && this.accepted[i] > after; i--) n++;
    return n;
  }

  private retryAfter(o: RateLimitOptions): number | undefined {
    const spec = o.retryAfterSeconds;
    if (spec === undefined) return undefined;
    if (this.random() >= (o.retryAfterRate ?? 1)) return undefined;
    if (typeof spec === 'number') return Math.max(0, Math.round(spec));
    return Math.max(0, Math.round(spec.min + (spec.max - spec.min) * this.random()));
  }
}

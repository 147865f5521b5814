/**
 * Midtrans's notification retry policy by reply code and its schedule (docs/midtrans-contract.md §5.2, NOTIF/BP):
 * 2xx none; 500 one retry; 503 four; 400/404 two; 301–303 none (counted failed); 307/308 followed
 * with the same POST body, at most 5 redirects; anything else (timeouts, other codes) five retries.
 * Schedule: ~2, 10, 30, 90, 210 minutes after the previous attempt, each with random jitter.
 */

export const RETRY_SCHEDULE_MS = [2, 10, 30, 90, 210].map((m) => m * 60_000);
export const MAX_REDIRECTS = 5;
/** §5.2: 15 s per NOTIF/BP (HANDLE says 30 s). */
export const NOTIFICATION_TIMEOUT_MS = 15_000;

/** Retries allowed after an attempt answered with `status` (null = no answer). */
export function retriesFor(status: number | null): number {
  if (status !== null && status >= 200 && status < 300) return 0;
  if (status === 500) return 1;
  if (status === 503) return 4;
  if (status === 400 || status === 404) return 2;
  if (status !== null && status >= 301 && status <= 303) return 0;
  return 5;
}

export const isDelivered = (status: number | null) => status !== null && status >= 200 && status < 300;
export const isFollowedRedirect = (status: number | null) => status === 307 || status === 308;

/**
 * Delay before retry number `retry` (1-based), scaled. "The first retry might be 33 s" (NOTIF) for a
 * nominal 2 minutes, so the jitter factor is drawn from [0.25, 1.25) [inferred range].
 */
export function retryDelayMs(retry: number, timeScale: number, random: () => number): number {
  const nominal = RETRY_SCHEDULE_MS[Math.min(retry, RETRY_SCHEDULE_MS.length) - 1];
  return nominal * (0.25 + random()) * timeScale;
}

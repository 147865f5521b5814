/** The core's ports over Apps Script services (no crypto, Buffer or fetch in Apps Script: https://developers.google.com/apps-script/guides/v8-runtime). */
import { UrlFetchApp, Utilities } from './services';
import type { HttpRequest, HttpResponse } from '@midtrans-pl/core';

/**
 * Lower-case hex SHA-512. `computeDigest` returns signed bytes (−128..127), so each is masked and
 * zero-padded; dropping the pad would corrupt every byte below 16 and fail every signature check.
 */
export function sha512Hex(input: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_512, input, Utilities.Charset.UTF_8);
  let hex = '';
  for (const b of bytes) {
    const v = b & 0xff;
    hex += (v < 16 ? '0' : '') + v.toString(16);
  }
  return hex;
}

/**
 * Random bytes from `Utilities.getUuid()` (a version-4 UUID from Java's SecureRandom): its 32 hex
 * digits minus the version digit and the variant digit leave 30 fully random ones, 15 bytes a call.
 * Unused bytes are kept for the next caller within the execution, so a row (order id and link id,
 * 26 bytes) costs under two calls instead of three.
 */
let pool: number[] = [];
export function randomBytes(n: number): Uint8Array {
  while (pool.length < n) {
    const hex = Utilities.getUuid().replace(/-/g, '');
    const random = hex.slice(0, 12) + hex.slice(13, 16) + hex.slice(17);
    for (let i = 0; i + 1 < random.length; i += 2) pool.push(parseInt(random.slice(i, i + 2), 16));
  }
  const out = Uint8Array.from(pool.slice(0, n));
  pool = pool.slice(n);
  return out;
}

export function now(): number {
  return Date.now();
}

/** One core request as a `fetchAll` entry; HTTP errors come back as responses, never as exceptions. */
export function toFetchRequest(request: HttpRequest): GoogleAppsScript.URL_Fetch.URLFetchRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== 'content-type') headers[name] = value;
  const out: GoogleAppsScript.URL_Fetch.URLFetchRequest = {
    url: request.url,
    method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
  // UrlFetchApp takes the content type as its own option and ignores it among the headers.
  if (request.body !== undefined) {
    out.contentType = 'application/json';
    out.payload = request.body;
  }
  return out;
}

export function fromFetchResponse(response: GoogleAppsScript.URL_Fetch.HTTPResponse): HttpResponse {
  return { status: response.getResponseCode(), body: response.getContentText() };
}

/** What the `fetchAll` calls of this execution met: read by generation to pace its chunks (chunk-size.ts). */
export interface FetchWatch {
  /** Requests sent (each counts against the daily UrlFetch quota). */
  requests: number;
  /** Per fetchAll call: how many were answered 429. */
  throttledPerCall: number[];
  /** fetchAll calls that failed as a whole (timeout, DNS). */
  failedCalls: number;
  /** The real quota said no ("Service invoked too many times for one day: urlfetch."). */
  quotaExhausted: boolean;
}

const QUOTA_MESSAGE = /too many times for one day: urlfetch/i;
/** The longest Retry-After honoured before a request [inferred: longer waits are better spent in a continuation]. */
const MAX_RETRY_AFTER_WAIT_MS = 30_000;

function emptyWatch(): FetchWatch {
  return { requests: 0, throttledPerCall: [], failedCalls: 0, quotaExhausted: false };
}

let watch = emptyWatch();
/** Do not send before this (epoch ms): the last Retry-After. */
let notBefore = 0;

/** Starts a fresh record of this execution's fetchAll calls and returns the one that ended. */
export function takeFetchWatch(): FetchWatch {
  const ended = watch;
  watch = emptyWatch();
  return ended;
}

function retryAfterOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): number | undefined {
  const headers = response.getHeaders() as Record<string, unknown>;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'retry-after') continue;
    const text = String(value).trim();
    if (/^\d+$/.test(text)) return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now());
  }
  return undefined;
}

/**
 * Sends the requests in one `fetchAll` round trip. A network failure (DNS, timeout) makes the real
 * `fetchAll` throw for the whole batch, so the caller learns nothing about which requests arrived:
 * `undefined` then, and the caller retries them all (a create that did arrive answers 409 and is
 * recovered, so the retry cannot make a second link). A Retry-After from Midtrans is waited out before
 * the next call (up to MAX_RETRY_AFTER_WAIT_MS), whoever makes it.
 */
export function sendAll(requests: HttpRequest[]): { responses?: HttpResponse[]; failure?: string } {
  if (requests.length === 0) return { responses: [] };
  const wait = Math.min(notBefore - now(), MAX_RETRY_AFTER_WAIT_MS);
  if (wait > 0) Utilities.sleep(wait);
  watch.requests += requests.length;
  try {
    const raw = UrlFetchApp.fetchAll(requests.map(toFetchRequest));
    const responses = raw.map(fromFetchResponse);
    let throttled = 0;
    responses.forEach((r, i) => {
      if (r.status !== 429) return;
      throttled++;
      const after = retryAfterOf(raw[i]);
      if (after === undefined) return;
      notBefore = Math.max(notBefore, now() + after);
    });
    watch.throttledPerCall.push(throttled);
    return { responses };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    watch.failedCalls++;
    if (QUOTA_MESSAGE.test(message)) watch.quotaExhausted = true;
    return { failure: message };
  }
}

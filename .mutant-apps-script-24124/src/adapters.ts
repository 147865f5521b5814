/** The core's ports over Apps Script services (reference §1.1: no crypto, Buffer or fetch here). */
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

/**
 * Sends the requests in one `fetchAll` round trip. A network failure (DNS, timeout) makes the real
 * `fetchAll` throw for the whole batch, so the caller learns nothing about which requests arrived:
 * `undefined` then, and the caller retries them all (a create that did arrive answers 409 and is
 * recovered, so the retry cannot make a second link).
 */
export function sendAll(requests: HttpRequest[]): { responses?: HttpResponse[]; failure?: string } {
  if (requests.length === 0) return { responses: [] };
  try {
    return { responses: UrlFetchApp.fetchAll(requests.map(toFetchRequest)).map(fromFetchResponse) };
  } catch (e) {
    return { failure: e instanceof Error ? e.message : String(e) };
  }
}

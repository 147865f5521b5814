/// <reference types="google-apps-script" />
/**
 * UrlFetchApp routed synchronously to `options.fetch` (the simulator in tests). Semantics kept:
 * - without muteHttpExceptions, a status ≥ 400 throws "Request failed for <scheme://host> returned code N.
 *   Truncated server response: … (use muteHttpExceptions option to examine full response)";
 * - a timeout always throws (muteHttpExceptions does not help), and costs the timeout in modelled time;
 * - payload objects are form-encoded; the default content type is application/x-www-form-urlencoded;
 * - fetchAll sends its requests in one round trip and answers in request order; any failure throws.
 * Message shapes seen in public reports: "Request failed for https://api.notion.com returned code 400.
 * Truncated server response: {…} (use muteHttpExceptions option to examine full response)"
 * (WildH0g/gas-api-wrapper#1); "Timeout: http://www.gw2spidy.com/api/…" (rubensayshi/gw2spidy#84).
 * INFERRED: the truncation length (100 characters, then "...") — not documented.
 * Not modelled: redirects (followRedirects), DNS failures ("Address unavailable: <url>").
 */
import { toSignedBytes } from './bytes';
import { priceCall } from './cost-model';
import { DailyQuota } from './daily-quota';
import { ExecutionMeter } from './execution-meter';

export interface FetchRequest {
  url: string;
  method: string;
  /** lower-case names */
  headers: Record<string, string>;
  payload?: string;
}
/** `latencyMs` (optional): extra server-side latency, added to the modelled time (fetchAll: the slowest). */
export type FetchResult = { status: number; headers: Record<string, string>; body: string; latencyMs?: number } | { timedOut: true };
export type FetchFn = (req: FetchRequest) => FetchResult;

export const TRUNCATE_RESPONSE_AT = 100;
const MAX_URL_LENGTH = 2082;
const METHODS = ['get', 'delete', 'patch', 'post', 'put'];

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type HTTPResponse = GoogleAppsScript.URL_Fetch.HTTPResponse;

export class EmuHttpResponse implements Pick<
  HTTPResponse,
  'getResponseCode' | 'getContentText' | 'getHeaders' | 'getAllHeaders' | 'getContent'
> {
  constructor(
    private readonly meter: ExecutionMeter,
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: string,
  ) {}
  getResponseCode(): number {
    this.meter.record('HTTPResponse.getResponseCode', 'other');
    return this.status;
  }
  getContentText(): string;
  getContentText(charset: string): string;
  getContentText(_charset?: string): string {
    this.meter.record('HTTPResponse.getContentText', 'other');
    return this.body;
  }
  getHeaders(): object {
    this.meter.record('HTTPResponse.getHeaders', 'other');
    return { ...this.headers };
  }
  getAllHeaders(): object {
    this.meter.record('HTTPResponse.getAllHeaders', 'other');
    return { ...this.headers };
  }
  getContent(): GoogleAppsScript.Byte[] {
    this.meter.record('HTTPResponse.getContent', 'other');
    return toSignedBytes(Buffer.from(this.body, 'utf8'));
  }
  /** toString() of an HTTPResponse in Apps Script is its content text (Logger.log(response) prints the body). */
  toString(): string {
    return this.body;
  }
}

function formEncode(payload: Record<string, unknown>): string {
  return Object.entries(payload)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function origin(url: string): string {
  const m = /^(https?:\/\/[^/?#]+)/i.exec(url);
  return m ? m[1] : url;
}

/** Turns one UrlFetchApp request (url + params) into what `options.fetch` receives. */
export function toFetchRequest(url: unknown, params: Params = {}): FetchRequest {
  if (typeof url !== 'string' || !/^https?:\/\/[^/]+/i.test(url)) throw new Error(`Invalid argument: ${String(url)}`);
  if (url.length > MAX_URL_LENGTH) throw new Error('Limit Exceeded: URLFetch URL Length.');
  const method = String(params.method ?? 'get').toLowerCase();
  if (!METHODS.includes(method)) throw new Error(`Invalid argument: method`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(params.headers ?? {})) headers[k.toLowerCase()] = String(v);
  headers['user-agent'] ??= 'Mozilla/5.0 (compatible; Google-Apps-Script)';
  let payload: string | undefined;
  const p = params.payload as unknown;
  if (p !== undefined && p !== null) {
    if (typeof p === 'string') payload = p;
    else if (Array.isArray(p)) payload = Buffer.from(p.map((b: number) => b & 0xff)).toString('utf8');
    else if (typeof p === 'object') payload = formEncode(p as Record<string, unknown>);
    else payload = String(p);
    if (params.contentType) headers['content-type'] = params.contentType;
    else headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (params.contentType) {
    headers['content-type'] = params.contentType;
  }
  return { url, method: method.toUpperCase(), headers, payload };
}

export interface UrlFetchOptions {
  meter: ExecutionMeter;
  fetch: FetchFn;
  /** every request that went out, for assertions */
  sent: FetchRequest[];
  quota: DailyQuota;
}

export function createUrlFetchApp(o: UrlFetchOptions): Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'> {
  const { meter } = o;

  const answer = (req: FetchRequest, result: FetchResult, mute: boolean): EmuHttpResponse => {
    if ('timedOut' in result) throw new Error(`Timeout: ${req.url}`);
    if (result.status >= 400 && !mute) {
      const text = result.body.length > TRUNCATE_RESPONSE_AT ? `${result.body.slice(0, TRUNCATE_RESPONSE_AT)}...` : result.body;
      throw new Error(
        `Request failed for ${origin(req.url)} returned code ${result.status}. Truncated server response: ${text} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return new EmuHttpResponse(meter, result.status, { ...result.headers }, result.body);
  };

  function fetch(url: string, params?: Params): HTTPResponse {
    const req = toFetchRequest(url, params);
    if (!meter.tracking) return asResponse(answer(req, o.fetch(req), Boolean(params?.muteHttpExceptions)));
    // Count and check the kill before the request goes out; price it after we know whether it timed out.
    meter.count('UrlFetchApp.fetch', 'fetch', { requests: 1 });
    o.quota.consume('urlfetch');
    o.sent.push(req);
    const result = o.fetch(req);
    meter.spend(priceFetch(meter, 1, 'timedOut' in result) + latencyOf([result]), true);
    meter.checkLimit();
    return asResponse(answer(req, result, Boolean(params?.muteHttpExceptions)));
  }

  function fetchAll(requests: Array<string | GoogleAppsScript.URL_Fetch.URLFetchRequest>): HTTPResponse[] {
    if (!Array.isArray(requests))
      throw new Error(`The parameters (${typeof requests}) don't match the method signature for UrlFetchApp.fetchAll.`);
    if (requests.length === 0) {
      meter.record('UrlFetchApp.fetchAll', 'other');
      return [];
    }
    const prepared = requests.map((r) =>
      typeof r === 'string'
        ? { req: toFetchRequest(r), mute: false }
        : { req: toFetchRequest(r?.url, r), mute: Boolean(r?.muteHttpExceptions) },
    );
    if (meter.tracking) {
      meter.count('UrlFetchApp.fetchAll', 'fetch', { requests: prepared.length });
      o.quota.consume('urlfetch', prepared.length);
    }
    const results = prepared.map(({ req }) => {
      if (meter.tracking) o.sent.push(req);
      return o.fetch(req);
    });
    if (meter.tracking) {
      meter.spend(
        priceFetch(
          meter,
          prepared.length,
          results.some((r) => 'timedOut' in r),
        ) + latencyOf(results),
        true,
      );
      meter.checkLimit();
    }
    return results.map((res, i) => asResponse(answer(prepared[i].req, res, prepared[i].mute)));
  }

  return {
    fetch,
    fetchAll,
    getRequest(url: string, params?: Params): GoogleAppsScript.URL_Fetch.URLFetchRequest {
      meter.record('UrlFetchApp.getRequest', 'other');
      const r = toFetchRequest(url, params);
      return { ...(params ?? {}), url: r.url, method: r.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod, headers: r.headers };
    },
  } as Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch' | 'fetchAll' | 'getRequest'>;
}

function asResponse(r: EmuHttpResponse): HTTPResponse {
  return r as unknown as HTTPResponse;
}

/** Requests of one fetchAll run concurrently: the slowest sets the pace; a timeout is priced on its own. */
function latencyOf(results: FetchResult[]): number {
  if (results.some((r) => 'timedOut' in r)) return 0;
  return Math.max(0, ...results.map((r) => ('latencyMs' in r && r.latencyMs ? r.latencyMs : 0)));
}

function priceFetch(meter: ExecutionMeter, requests: number, timedOut: boolean): number {
  return priceCall('fetch', { requests, timedOut }, meter.fetchAllModel);
}

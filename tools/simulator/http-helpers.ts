/** Small helpers for building SimResponses and reading SimRequests. */
import type { SimRequest, SimResponse } from './types';

export function json(status: number, body: unknown, extra: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(body) };
}

export function html(status: number, text: string): SimResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: text };
}

export function redirect(location: string): SimResponse {
  return { status: 303, headers: { location, 'content-type': 'text/plain' }, body: `See ${location}` };
}

export function splitPath(path: string): { segments: string[] | undefined; query: URLSearchParams } {
  const q = path.indexOf('?');
  const pathname = q >= 0 ? path.slice(0, q) : path;
  const query = new URLSearchParams(q >= 0 ? path.slice(q + 1) : '');
  try {
    return {
      segments: pathname
        .split('/')
        .filter((s) => s !== '')
        .map((s) => decodeURIComponent(s)),
      query,
    };
  } catch {
    return { segments: undefined, query };
  }
}

export function parseJsonBody(req: SimRequest): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(req.body ?? '') };
  } catch {
    return { ok: false };
  }
}

/** Form posts from the payment page (application/x-www-form-urlencoded). */
export function parseForm(req: SimRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.body ?? '')) out[k] = v;
  return out;
}

/** §1: `Authorization: Basic base64(serverKey + ":")`; the password part is ignored [inferred]. */
export function basicAuthUser(headers: Record<string, string>): string | undefined {
  const value = headers['authorization'];
  if (typeof value !== 'string') return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(0, colon) : undefined;
}

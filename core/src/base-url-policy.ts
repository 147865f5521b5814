/**
 * Where the server key may be sent. Every call carries it (Basic auth, §1), so the API base URL decides
 * who receives it. Midtrans's own hosts always may; a local stand-in (the simulator on this machine)
 * may in sandbox; any other host only when the person saving it typed the key in the same save (so
 * whoever points the key elsewhere must already know it), never over plain http, and never in
 * production. The front ends ask; they never decide.
 */
import { API_BASE_URLS, type Environment } from './contract';

export type BaseUrlKind = 'midtrans' | 'local' | 'other' | 'invalid';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
/** scheme://authority/rest, with no user info in the authority (`http://localhost@evil.example`). */
const URL_PARTS = /^(https?):\/\/([^/?#@\s]+)([/?#][^\s]*)?$/i;

function trimmed(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function baseUrlKind(url: string): BaseUrlKind {
  const u = trimmed(url);
  if (Object.values(API_BASE_URLS).includes(u as (typeof API_BASE_URLS)[Environment])) return 'midtrans';
  const m = URL_PARTS.exec(u);
  if (!m) return 'invalid';
  const host = m[2].toLowerCase().replace(/:\d{1,5}$/, '');
  if (LOCAL_HOSTS.has(host)) return 'local';
  return m[1].toLowerCase() === 'https' ? 'other' : 'invalid';
}

const INVALID =
  'The API base URL must start with https:// (http:// only for localhost or 127.0.0.1, this machine); leave it empty to use Midtrans.';
const PRODUCTION = 'In production the key goes only to Midtrans: leave the API base URL empty (or set it to https://api.midtrans.com).';
const KEY_AGAIN = 'To send the server key to an API base URL other than Midtrans, paste the server key again in the same save.';

/** Why settings with this base URL cannot be used (at every call): empty means Midtrans's own. */
export function baseUrlUseProblem(baseUrl: string | undefined, environment: Environment): string | undefined {
  if (!baseUrl || baseUrl.trim() === '') return undefined;
  const kind = baseUrlKind(baseUrl);
  if (kind === 'invalid') return INVALID;
  if (kind !== 'midtrans' && environment === 'production') return PRODUCTION;
  return undefined;
}

/** Why this save cannot store this base URL; `keyEnteredNow` is whether the save carries a typed key. */
export function baseUrlSaveProblem(baseUrl: string | undefined, environment: Environment, keyEnteredNow: boolean): string | undefined {
  const problem = baseUrlUseProblem(baseUrl, environment);
  if (problem) return problem;
  if (baseUrl && baseUrlKind(baseUrl) === 'other' && !keyEnteredNow) return KEY_AGAIN;
  return undefined;
}

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

/** Why a base URL may not receive the key, as a code a front end words in its own language. */
export type BaseUrlIssue = 'invalid' | 'production' | 'keyAgain';

const ISSUE_TEXT: Record<BaseUrlIssue, string> = {
  invalid:
    'The API base URL must start with https:// (http:// only for localhost or 127.0.0.1, this machine); leave it empty to use Midtrans.',
  production: 'In production the key goes only to Midtrans: leave the API base URL empty (or set it to https://api.midtrans.com).',
  keyAgain: 'To send the server key to an API base URL other than Midtrans, paste the server key again in the same save.',
};

/** Why settings with this base URL cannot be used (at every call): empty means Midtrans's own. */
export function baseUrlUseIssue(baseUrl: string | undefined, environment: Environment): BaseUrlIssue | undefined {
  if (!baseUrl || baseUrl.trim() === '') return undefined;
  const kind = baseUrlKind(baseUrl);
  if (kind === 'invalid') return 'invalid';
  if (kind !== 'midtrans' && environment === 'production') return 'production';
  return undefined;
}

/** Why this save cannot store this base URL; `keyEnteredNow` is whether the save carries a typed key. */
export function baseUrlSaveIssue(baseUrl: string | undefined, environment: Environment, keyEnteredNow: boolean): BaseUrlIssue | undefined {
  const issue = baseUrlUseIssue(baseUrl, environment);
  if (issue) return issue;
  if (baseUrl && baseUrlKind(baseUrl) === 'other' && !keyEnteredNow) return 'keyAgain';
  return undefined;
}

/** baseUrlUseIssue in English, for a front end with one language. */
export function baseUrlUseProblem(baseUrl: string | undefined, environment: Environment): string | undefined {
  const issue = baseUrlUseIssue(baseUrl, environment);
  return issue && ISSUE_TEXT[issue];
}

/** baseUrlSaveIssue in English. */
export function baseUrlSaveProblem(baseUrl: string | undefined, environment: Environment, keyEnteredNow: boolean): string | undefined {
  const issue = baseUrlSaveIssue(baseUrl, environment, keyEnteredNow);
  return issue && ISSUE_TEXT[issue];
}

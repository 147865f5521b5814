/**
 * The four Payment Link calls as plain data: a request to send and a parser for what comes back. Apps
 * Script sends these with `UrlFetchApp.fetchAll` (synchronous, batched); the async client sends them one
 * by one. Neither can drift, because both use these.
 */
import { API_BASE_URLS, isStatusBodyError, type Environment } from './contract';
import { base64OfUtf8 } from './base64';
import { isPlainObject } from './rule-checks';
import type { HttpRequest, HttpResponse } from './ports';
import type {
  CreatePaymentLinkRequest,
  CreatePaymentLinkResponse,
  DeletePaymentLinkResponse,
  PaymentLink,
  TransactionStatusResponse,
} from './types';

export interface MidtransConfig {
  serverKey: string;
  environment?: Environment;
  /** Overrides the environment's host (the simulator, a proxy). */
  baseUrl?: string;
}

export type Operation = 'create' | 'get' | 'delete' | 'status' | 'refund' | 'cancel' | 'expire';

/** A Midtrans answer that is not a success. Its message never contains the server key. */
export class MidtransApiError extends Error {
  readonly isMidtransApiError = true;
  constructor(
    readonly operation: Operation,
    /** HTTP status, or the body's `status_code` when the status API answered 200 with an error; 0 for no answer. */
    readonly httpStatus: number,
    readonly messages: string[],
    readonly body?: unknown,
  ) {
    super(`Midtrans ${operation} failed (${httpStatus || 'no response'}): ${messages.join('; ') || 'no message'}`);
    this.name = 'MidtransApiError';
  }
}

export function isMidtransApiError(e: unknown): e is MidtransApiError {
  return typeof e === 'object' && e !== null && (e as { isMidtransApiError?: unknown }).isMidtransApiError === true;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: MidtransApiError };

export function apiBaseUrl(config: MidtransConfig): string {
  const base = config.baseUrl && config.baseUrl.trim() !== '' ? config.baseUrl.trim() : API_BASE_URLS[config.environment ?? 'sandbox'];
  return base.replace(/\/+$/, '');
}

/** §1: Basic auth with the server key as user name and an empty password. */
export function authorizationHeader(serverKey: string): string {
  return `Basic ${base64OfUtf8(`${serverKey}:`)}`;
}

function headers(config: MidtransConfig): Record<string, string> {
  return { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: authorizationHeader(config.serverKey) };
}

export function createLinkRequest(config: MidtransConfig, body: CreatePaymentLinkRequest): HttpRequest {
  return { method: 'POST', url: `${apiBaseUrl(config)}/v1/payment-links`, headers: headers(config), body: JSON.stringify(body) };
}

export function getLinkRequest(config: MidtransConfig, orderId: string): HttpRequest {
  return { method: 'GET', url: `${apiBaseUrl(config)}/v1/payment-links/${encodeURIComponent(orderId)}`, headers: headers(config) };
}

export function deleteLinkRequest(config: MidtransConfig, orderId: string): HttpRequest {
  return { method: 'DELETE', url: `${apiBaseUrl(config)}/v1/payment-links/${encodeURIComponent(orderId)}`, headers: headers(config) };
}

/** §6: use the purchase's suffixed order id or its transaction id, never the link's order id. */
export function transactionStatusRequest(config: MidtransConfig, orderOrTransactionId: string): HttpRequest {
  return { method: 'GET', url: `${apiBaseUrl(config)}/v2/${encodeURIComponent(orderOrTransactionId)}/status`, headers: headers(config) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `error_messages` is a string on 401 and a list elsewhere (gotcha 1); always a list here. */
export function errorMessages(body: unknown, fallback: string): string[] {
  if (isPlainObject(body)) {
    const m = body.error_messages;
    if (typeof m === 'string' && m !== '') return [m];
    if (Array.isArray(m)) {
      const list = m.filter((x): x is string => typeof x === 'string' && x !== '');
      if (list.length) return list;
    }
    if (typeof body.status_message === 'string' && body.status_message !== '') return [body.status_message];
    if (typeof body.message === 'string' && body.message !== '') return [body.message];
  }
  return [fallback];
}

function failure<T>(operation: Operation, res: HttpResponse, body: unknown): Parsed<T> {
  const fallback = res.status === 404 ? 'not found' : `HTTP ${res.status} with no error message`;
  return { ok: false, error: new MidtransApiError(operation, res.status, errorMessages(body, fallback), body) };
}

function parseObject<T>(operation: Operation, res: HttpResponse, required: string[]): Parsed<T> {
  const body = parseJson(res.body);
  if (res.status < 200 || res.status >= 300) return failure(operation, res, body);
  if (!isPlainObject(body) || required.some((k) => body[k] === undefined)) {
    return { ok: false, error: new MidtransApiError(operation, res.status, [`unexpected response: missing ${required.join(', ')}`], body) };
  }
  return { ok: true, value: body as T };
}

export function parseCreateLink(res: HttpResponse): Parsed<CreatePaymentLinkResponse> {
  return parseObject('create', res, ['order_id', 'payment_url']);
}

export function parseGetLink(res: HttpResponse): Parsed<PaymentLink> {
  return parseObject('get', res, ['order_id']);
}

export function parseDeleteLink(res: HttpResponse): Parsed<DeletePaymentLinkResponse> {
  return parseObject('delete', res, ['message']);
}

export function parseTransactionStatus(res: HttpResponse): Parsed<TransactionStatusResponse> {
  const parsed = parseObject<TransactionStatusResponse>('status', res, ['status_code']);
  if (!parsed.ok) return parsed;
  const code = Number(parsed.value.status_code);
  if (isStatusBodyError(code)) {
    return { ok: false, error: new MidtransApiError('status', code, errorMessages(parsed.value, `status_code ${code}`), parsed.value) };
  }
  return parsed;
}

/**
 * A 409 on create means the order id is taken. It is "ours" (a rerun, a retry after a lost answer,
 * a double click) when the existing link asks for the same money the same way.
 */
export function existingLinkMatches(link: PaymentLink, request: CreatePaymentLinkRequest): boolean {
  const wantDynamic = request.payment_link_type === 'DYNAMIC_AMOUNT';
  const isDynamic = link.payment_link_type === 'DYNAMIC_AMOUNT';
  if (wantDynamic !== isDynamic) return false;
  if (wantDynamic) return true;
  return Number(link.gross_amount) === request.transaction_details.gross_amount;
}

export function paymentUrlOf(link: PaymentLink): string {
  return typeof link.payment_link_url === 'string' ? link.payment_link_url : '';
}

/** The secret part of a Midtrans key (after `SB-Mid-server-` / `Mid-server-`), shorter than which it is not hunted for alone [our choice: a few letters would blank ordinary words]. */
const SECRET_PART_MIN = 8;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every spelling of the key a proxy or a misbehaving server might echo back: the key and its secret
 * part in any letter case; base64 and base64url of the key with and without the Basic-auth colon, each
 * padded and unpadded. Longest first, so a spelling is not half-replaced by a shorter one inside it.
 */
function secretSpellings(secret: string): { exact: string[]; anyCase: string[] } {
  const exact = new Set<string>();
  for (const text of [`${secret}:`, secret]) {
    const b64 = base64OfUtf8(text);
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_');
    for (const v of [b64, url]) {
      exact.add(v);
      exact.add(v.replace(/=+$/, ''));
    }
  }
  const part = secret.replace(/^(SB-)?Mid-server-/i, '');
  const anyCase = [secret, ...(part !== secret && part.length >= SECRET_PART_MIN ? [part] : [])];
  const longestFirst = (a: string, b: string) => b.length - a.length;
  return { exact: [...exact].filter((v) => v !== '').sort(longestFirst), anyCase: anyCase.sort(longestFirst) };
}

/** Replaces any spelling of the key (secretSpellings), in case a proxy or a misbehaving server echoes it. */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  const { exact, anyCase } = secretSpellings(secret);
  let out = text;
  for (const v of exact) out = out.split(v).join('[redacted]');
  for (const v of anyCase) out = out.replace(new RegExp(escapeRegExp(v), 'gi'), '[redacted]');
  return out;
}

/** The error with the key taken out of every message. */
export function redactError(e: MidtransApiError, secret: string): MidtransApiError {
  return new MidtransApiError(
    e.operation,
    e.httpStatus,
    e.messages.map((m) => redactSecret(m, secret)),
    e.body,
  );
}

/** The error for a call that got no HTTP answer at all. */
export function unreachableError(operation: Operation, failure: string, secret: string, purpose = ''): MidtransApiError {
  return new MidtransApiError(operation, 0, [`could not reach Midtrans${purpose ? ` ${purpose}` : ''}: ${redactSecret(failure, secret)}`]);
}

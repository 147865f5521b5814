/**
 * Acting on one purchase after payment (docs/midtrans-contract.md §10): Refund, Direct Refund, Cancel and
 * Expire, all `POST /v2/{order_id or transaction_id}/…`. Requests and parsers as plain data, the checks
 * made before any money moves, and when an attempt whose outcome is unknown may be sent again.
 */
import { apiBaseUrl, authorizationHeader, errorMessages, MidtransApiError, type MidtransConfig, type Parsed } from './api-calls';
import { isPlainObject } from './rule-checks';
import type { HttpRequest, HttpResponse } from './ports';
import type { TransactionStatusResponse } from './types';

export type TransactionAction = 'refund' | 'cancel' | 'expire';

/** §10.1: `refund_key` allows letters, digits, `-` and `_`. */
export const REFUND_KEY_PATTERN = /^[A-Za-z0-9_-]+$/;
/** §10.1: `reason` is a String(255). */
export const REFUND_REASON_MAX = 255;

/**
 * §10.2: Direct Refund is documented for GoPay, QRIS, ShopeePay, card, Akulaku and Kredivo; the e-money
 * channels (GoPay, QRIS, ShopeePay) are the ones the standard Refund page has not always listed, so they
 * go to the direct path by default [inferred: "some payment methods only support refunding via Direct
 * Refund and vice versa", without a table]. A merchant can force either path.
 */
export const DIRECT_REFUND_PAYMENT_TYPES: readonly string[] = ['gopay', 'qris', 'shopeepay'];
/** §10.2: the channels Direct Refund takes at all. */
export const DIRECT_REFUND_CAPABLE: readonly string[] = ['gopay', 'qris', 'shopeepay', 'credit_card', 'akulaku', 'kredivo'];

export type RefundRoute = 'auto' | 'standard' | 'direct';

export interface RefundInput {
  /** Whole rupiah; absent means what is left to refund (Midtrans: "by default whole transaction amount"). */
  amount?: number;
  refundKey?: string;
  reason?: string;
}

/** §10.1/§10.3/§10.4: the states each action may start from (settled money is refunded, not cancelled). */
const REFUNDABLE = ['settlement', 'partial_refund'];
const CANCELLABLE = ['pending', 'capture', 'authorize'];
const EXPIRABLE = ['pending'];

function headers(config: MidtransConfig): Record<string, string> {
  return { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: authorizationHeader(config.serverKey) };
}

function actionUrl(config: MidtransConfig, id: string, tail: string): string {
  return `${apiBaseUrl(config)}/v2/${encodeURIComponent(id)}/${tail}`;
}

export function refundRequest(config: MidtransConfig, id: string, input: RefundInput, direct: boolean): HttpRequest {
  const body: Record<string, unknown> = {};
  if (input.refundKey) body.refund_key = input.refundKey;
  if (input.amount !== undefined) body.amount = input.amount;
  if (input.reason) body.reason = input.reason;
  return {
    method: 'POST',
    url: actionUrl(config, id, direct ? 'refund/online/direct' : 'refund'),
    headers: headers(config),
    body: JSON.stringify(body),
  };
}

export function cancelRequest(config: MidtransConfig, id: string): HttpRequest {
  return { method: 'POST', url: actionUrl(config, id, 'cancel'), headers: headers(config) };
}

export function expireRequest(config: MidtransConfig, id: string): HttpRequest {
  return { method: 'POST', url: actionUrl(config, id, 'expire'), headers: headers(config) };
}

export interface ActionAnswer extends Record<string, unknown> {
  status_code: string;
  status_message?: string;
  transaction_status?: string;
}

/**
 * §10: success is in the body, not the HTTP status: `status_code` "200" with `transaction_status`
 * refund/partial_refund (refund) or cancel (cancel), "407" with `expire` (expire). Anything else,
 * "412 Merchant cannot modify the status of the transaction" included, is Midtrans saying no.
 */
export function parseActionAnswer(action: TransactionAction, res: HttpResponse): Parsed<ActionAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  if (res.status < 200 || res.status >= 300 || !isPlainObject(body) || typeof body.status_code !== 'string') {
    const fallback =
      res.status >= 200 && res.status < 300 ? 'unexpected response: no status_code' : `HTTP ${res.status} with no error message`;
    return { ok: false, error: new MidtransApiError(action, res.status, errorMessages(body, fallback), body) };
  }
  const expected = { refund: ['200', ['refund', 'partial_refund']], cancel: ['200', ['cancel']], expire: ['407', ['expire']] } as const;
  const [code, statuses] = expected[action];
  const status = body.transaction_status;
  if (body.status_code === code && (status === undefined || (statuses as readonly unknown[]).includes(status)))
    return { ok: true, value: body as ActionAnswer };
  return {
    ok: false,
    error: new MidtransApiError(
      action,
      Number(body.status_code) || res.status,
      errorMessages(body, `status_code ${body.status_code}`),
      body,
    ),
  };
}

const amountOf = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/** What has been refunded so far, from a status answer: `refund_amount`, else the sum of `refunds[]`. */
export function refundedSoFar(status: TransactionStatusResponse): number {
  const s = status as Record<string, unknown>;
  const total = amountOf(s.refund_amount);
  if (Number.isFinite(total)) return total;
  if (Array.isArray(s.refunds))
    return s.refunds.reduce(
      (sum: number, r) => sum + (isPlainObject(r) && Number.isFinite(amountOf(r.refund_amount)) ? amountOf(r.refund_amount) : 0),
      0,
    );
  return 0;
}

export type Plan<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface RefundPlan {
  amount: number;
  /** Left to refund before this refund. */
  remaining: number;
  direct: boolean;
  paymentType: string;
}

/**
 * Checks a refund against the purchase's current status before any money moves: the state must be
 * refundable (a pending one is cancelled or expired instead), and the amount must be a whole number
 * no larger than what is left.
 */
export function planRefund(status: TransactionStatusResponse, input: RefundInput, route: RefundRoute): Plan<RefundPlan> {
  const s = status as Record<string, unknown>;
  const state = String(s.transaction_status ?? '');
  const paymentType = String(s.payment_type ?? '');
  const fraudAccepted = s.fraud_status === undefined || s.fraud_status === 'accept';
  if (!(REFUNDABLE.includes(state) || (state === 'capture' && fraudAccepted))) {
    const hint = CANCELLABLE.includes(state) ? ' Use Cancel (or Expire for a pending one) instead: no money has settled.' : '';
    return {
      ok: false,
      problem: `Midtrans says this payment is '${state || 'unknown'}'; only a settled payment (settlement, capture or partial_refund) can be refunded.${hint}`,
    };
  }
  if (input.refundKey !== undefined && input.refundKey !== '' && !REFUND_KEY_PATTERN.test(input.refundKey)) {
    return { ok: false, problem: 'Refund Key may hold only letters, digits, "-" and "_"' };
  }
  if (input.reason !== undefined && input.reason.length > REFUND_REASON_MAX)
    return { ok: false, problem: `Reason is ${input.reason.length} characters; Midtrans takes at most ${REFUND_REASON_MAX}` };
  const gross = amountOf(s.gross_amount);
  if (!Number.isFinite(gross))
    return { ok: false, problem: 'Midtrans gave no gross_amount for this payment, so the amount left to refund is unknown' };
  const remaining = Math.max(0, gross - refundedSoFar(status));
  if (remaining <= 0) return { ok: false, problem: 'Nothing is left to refund: the whole amount has been refunded already' };
  const amount = input.amount ?? remaining;
  if (!Number.isInteger(amount) || amount < 1)
    return { ok: false, problem: `Amount must be a whole number of rupiah of at least 1 (got ${String(input.amount)})` };
  if (amount > remaining)
    return {
      ok: false,
      problem: `Amount ${amount} is more than the ${remaining} left to refund on this payment (paid ${gross}, refunded ${gross - remaining})`,
    };
  if (route === 'direct' && !DIRECT_REFUND_CAPABLE.includes(paymentType)) {
    return {
      ok: false,
      problem: `Direct Refund does not take '${paymentType}' payments (only ${DIRECT_REFUND_CAPABLE.join(', ')}); use the standard refund`,
    };
  }
  const direct = route === 'direct' || (route === 'auto' && DIRECT_REFUND_PAYMENT_TYPES.includes(paymentType));
  return { ok: true, value: { amount, remaining, direct, paymentType } };
}

/** Cancel and Expire: the state they may start from (§10.3, §10.4), checked before asking Midtrans. */
export function planStateChange(action: 'cancel' | 'expire', status: TransactionStatusResponse): Plan<null> {
  const state = String((status as Record<string, unknown>).transaction_status ?? '');
  const allowed = action === 'cancel' ? CANCELLABLE : EXPIRABLE;
  if (allowed.includes(state)) return { ok: true, value: null };
  const hint = state === 'settlement' || state === 'partial_refund' ? ' Money has settled: refund it instead.' : '';
  return {
    ok: false,
    problem: `Midtrans says this payment is '${state || 'unknown'}'; ${action === 'cancel' ? 'Cancel' : 'Expire'} applies only to ${allowed.join(', ')}.${hint}`,
  };
}

/**
 * An attempt whose outcome is unknown (no answer, a timeout, a 5xx) may have moved money. It is sent
 * again only when doing it twice cannot do it twice: a refund carrying a `refund_key` (§10.1: "to retry
 * the same refund request use the same refund_key"). Cancel and Expire are not resent either: the
 * second attempt would answer 412 for a change the first one made, so the caller reads the status instead.
 * A 429 means the request was not taken, so it is always safe to resend.
 */
export function mayResend(action: TransactionAction, refundKey: string | undefined, httpStatus: number): boolean {
  if (httpStatus === 429) return true;
  return action === 'refund' && !!refundKey;
}

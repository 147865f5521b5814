/**
 * POST /v2/:id/refund, /v2/:id/refund/online/direct, /v2/:id/cancel and /v2/:id/expire
 * (docs/midtrans-contract.md §10), as the simulator reads them: the state each one needs, refund amounts
 * that never exceed what is left, refund_key making a resent refund a no-op, and the notification each
 * change sends. Answers are HTTP 200 with the outcome in `status_code`, as the status API's are
 * [inferred: the samples show bodies, not HTTP statuses].
 */
import { CANCEL_DONE, CANNOT_MODIFY, EXPIRE_DONE, REFUND_APPROVED } from './documented-messages';
import { REFUND_REFUSED } from './invented-messages';
import type { StoredLink, StoredPurchase } from './link-state';
import { jakartaDateTime } from './midtrans-time';
import { SimulatorError, payLink, type PayContext, type PayOutcome } from './purchase-actions';
import type { NotificationBody } from './types';

export type ActionKind = 'refund' | 'direct_refund' | 'cancel' | 'expire';

/** §10.1 (the Refund page's channel list, newest version) and §10.2 (Direct Refund's). */
const REFUND_TYPES = ['credit_card', 'gopay', 'shopeepay', 'qris', 'dana', 'ovo', 'kredivo', 'akulaku'];
const DIRECT_REFUND_TYPES = ['gopay', 'qris', 'shopeepay', 'credit_card', 'akulaku', 'kredivo'];

export interface ActionResult {
  answer: Record<string, unknown>;
  outcome?: PayOutcome;
}

const refusal = (code: string, message: string): ActionResult => ({ answer: { status_code: code, status_message: message } });

function move(link: StoredLink, p: StoredPurchase, status: string, ctx: PayContext, refundAmount?: number): PayOutcome | null {
  try {
    return payLink(
      link,
      { status, transaction_id: p.transactionId, ...(refundAmount !== undefined ? { refund_amount: refundAmount } : {}) },
      ctx,
    );
  } catch (e) {
    if (e instanceof SimulatorError) return null;
    throw e;
  }
}

function basics(p: StoredPurchase): Record<string, unknown> {
  return {
    transaction_id: p.transactionId,
    order_id: p.orderId,
    payment_type: p.fields.payment_type,
    transaction_time: jakartaDateTime(p.createdAt),
    transaction_status: p.status,
    gross_amount: p.grossAmount.toFixed(2),
  };
}

function refund(link: StoredLink, p: StoredPurchase, body: Record<string, unknown>, direct: boolean, ctx: PayContext): ActionResult {
  const paymentType = String(p.fields.payment_type ?? '');
  const paid = p.status === 'settlement' || p.status === 'partial_refund' || (p.status === 'capture' && p.fraudStatus === 'accept');
  if (!paid) return refusal('412', CANNOT_MODIFY);
  if (!(direct ? DIRECT_REFUND_TYPES : REFUND_TYPES).includes(paymentType))
    return refusal('412', REFUND_REFUSED.channel(paymentType, direct));
  const key = body.refund_key;
  if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]+$/.test(key))) return refusal('400', REFUND_REFUSED.key);
  const refunds = (p.refunds ??= []);
  const left = p.grossAmount - refunds.reduce((s, r) => s + r.amount, 0);
  const amount = body.amount === undefined ? left : body.amount;
  const earlier = typeof key === 'string' ? refunds.find((r) => r.key === key) : undefined;
  if (earlier) {
    // §10.1: the same refund_key is the same refund request; nothing moves a second time.
    if (earlier.amount !== amount && body.amount !== undefined) return refusal('412', REFUND_REFUSED.keyReused(earlier.key));
    return { answer: refundAnswer(p, earlier) };
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > left)
    return refusal('412', REFUND_REFUSED.amount(amount, left));
  const total = p.grossAmount - left + amount;
  const entry = {
    id: refunds.length + 1,
    key: typeof key === 'string' ? key : `sim-refund-${p.id}-${refunds.length + 1}`,
    amount,
    at: ctx.now,
    reason: typeof body.reason === 'string' ? body.reason : '',
  };
  // Recorded first, so the notification the move sends lists this refund.
  refunds.push(entry);
  const outcome = move(link, p, total === p.grossAmount ? 'refund' : 'partial_refund', ctx, total === p.grossAmount ? undefined : total);
  if (!outcome) {
    refunds.pop();
    return refusal('412', CANNOT_MODIFY);
  }
  return { answer: refundAnswer(p, entry), outcome };
}

function refundAnswer(p: StoredPurchase, r: NonNullable<StoredPurchase['refunds']>[number]): Record<string, unknown> {
  return {
    status_code: '200',
    status_message: REFUND_APPROVED,
    ...basics(p),
    refund_chargeback_id: r.id,
    refund_amount: r.amount.toFixed(2),
    refund_key: r.key,
  };
}

/** Serves one action on a purchase that exists and has a payment method. */
export function transactionAction(
  kind: ActionKind,
  link: StoredLink,
  p: StoredPurchase,
  body: Record<string, unknown>,
  ctx: PayContext,
): ActionResult {
  if (kind === 'refund' || kind === 'direct_refund') return refund(link, p, body, kind === 'direct_refund', ctx);
  // §10.3: pending, or a card payment not yet settled; §10.4: pending only.
  const allowed = kind === 'cancel' ? ['pending', 'capture', 'authorize'] : ['pending'];
  if (!allowed.includes(p.status)) return refusal('412', CANNOT_MODIFY);
  const outcome = move(link, p, kind === 'cancel' ? 'cancel' : 'expire', ctx);
  if (!outcome) return refusal('412', CANNOT_MODIFY);
  const answer =
    kind === 'cancel'
      ? { status_code: '200', status_message: CANCEL_DONE, ...basics(p) }
      : { status_code: '407', status_message: EXPIRE_DONE, ...basics(p) };
  if (p.fraudStatus !== undefined) (answer as NotificationBody).fraud_status = p.fraudStatus;
  return { answer, outcome };
}

/**
 * Paying a link: a new purchase (its order id is the link's plus `-` and 13 digits of epoch ms, §5.6,
 * with a UUID transaction id) or a move of an existing one, and the notification that goes with it.
 */
import { NOTIFICATION_STATUS_MESSAGE, STATUS_FOUND_MESSAGE } from './documented-messages';
import { PAY_REFUSED } from './invented-messages';
import {
  PENDING_PURCHASE_TTL_MS,
  availability,
  dynamicBounds,
  enabledPaymentsOf,
  fixedAmountOf,
  isDynamic,
  usageLimitOf,
  type StoredLink,
  type StoredPurchase,
} from './link-state';
import { jakartaDateTime } from './midtrans-time';
import { isBiSnap, isCard, isKnownMethod, methodFields, omitsFraudStatus, paymentTypeOf, resolveMethod } from './payment-methods';
import { uuidFrom } from './seeded-random';
import { PAY_STATUSES, TRANSITIONS, notificationStatusCode, statusApiStatusCode } from './status-codes';
import type { NotificationBody, PayAction } from './types';

/** A refused payment or control call: an HTTP status and a message (texts in invented-messages.ts). */
export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

export interface PayContext {
  now: number;
  ids: () => number;
  nextPurchaseId: () => number;
  serverKey: string;
  merchantId: string;
  sha512Hex: (s: string) => string;
  /** Automatic Fee Imposition for new purchases; undefined = off. */
  feeImposition?: { percent?: number; fixed?: number };
}

export interface PayOutcome {
  purchase: StoredPurchase;
  /** undefined for `open` (no method chosen, so Midtrans has nothing to notify). */
  notification?: NotificationBody;
}

/** 13 digits of ms; unique within the link even when two purchases share a millisecond [inferred]. */
function purchaseOrderId(link: StoredLink, now: number): string {
  if (link.snapOrder) return link.orderId;
  let ms = Math.max(0, Math.floor(now));
  const taken = new Set(link.purchases.map((p) => p.orderId));
  let id = `${link.orderId}-${String(ms).padStart(13, '0')}`;
  while (taken.has(id)) id = `${link.orderId}-${String(++ms).padStart(13, '0')}`;
  return id;
}

/**
 * §5.5, CYCLE "Reversal Case": a `settlement` can turn into `deny` only for Permata VA, Mandiri Bill
 * (`echannel`) and Indomaret. Read from the docs by method, not through the core's notification reading.
 */
const REVERSAL_METHODS: readonly string[] = ['permata_va', 'echannel', 'indomaret'];

function chooseMethod(link: StoredLink, name: string | undefined): string {
  const enabled = enabledPaymentsOf(link);
  if (name === undefined || name === '') return enabled[0];
  if (!isKnownMethod(name)) throw new SimulatorError(400, PAY_REFUSED.unknownMethod(name));
  const method = resolveMethod(name, enabled);
  if (!method) throw new SimulatorError(400, PAY_REFUSED.methodNotEnabled(name, enabled));
  return method;
}

function amountFor(link: StoredLink, amount: number | undefined): number {
  if (!isDynamic(link)) return fixedAmountOf(link);
  const { min, max, preset } = dynamicBounds(link);
  const value = amount ?? preset ?? Math.max(min, Math.min(max, 10_000));
  if (!Number.isInteger(value) || value < min || value > max) throw new SimulatorError(400, PAY_REFUSED.amountOutOfRange(min, max));
  return value;
}

/** The fee the customer pays on top (Automatic Fee Imposition), or undefined when it is off. */
function customerFeeFor(original: number, action: PayAction, ctx: PayContext): number | undefined {
  if (action.customer_fee !== undefined) {
    if (!Number.isInteger(action.customer_fee) || action.customer_fee < 0)
      throw new SimulatorError(400, PAY_REFUSED.amountOutOfRange(0, Number.MAX_SAFE_INTEGER));
    return action.customer_fee;
  }
  const f = ctx.feeImposition;
  if (!f) return undefined;
  return Math.round((original * (f.percent ?? 0)) / 100) + (f.fixed ?? 0);
}

function linkMethodOptions(link: StoredLink) {
  const r = link.request;
  return {
    customVa: {
      bca_va: r.bca_va?.va_number,
      bni_va: r.bni_va?.va_number,
      bri_va: r.bri_va?.va_number,
      cimb_va: r.cimb_va?.va_number,
      permata_va: r.permata_va?.va_number,
    },
    cardBank: r.credit_card?.bank,
  };
}

function applyStatus(p: StoredPurchase, action: PayAction, now: number): void {
  const status = action.status;
  if ((status === 'capture' || status === 'authorize') && !isCard(p.method ?? ''))
    throw new SimulatorError(400, PAY_REFUSED.captureNeedsCard);
  p.status = status;
  p.updatedAt = now;
  if (p.method && isCard(p.method)) p.fraudStatus = status === 'capture' ? (action.fraud_status ?? 'accept') : (p.fraudStatus ?? 'accept');
  else if (p.method && !omitsFraudStatus(p.method)) p.fraudStatus = 'accept';
  if (status === 'settlement' || (status === 'capture' && p.fraudStatus === 'accept')) {
    p.wasPaid = true;
    if (status === 'settlement') p.settledAt = now;
  }
  if (status === 'deny' && p.wasPaid) p.wasPaid = false; // the documented reversal: the money never arrived
  p.pendingExpiresAt = status === 'pending' ? now + PENDING_PURCHASE_TTL_MS : undefined;
  if (status === 'refund') p.refundAmount = p.grossAmount;
  if (status === 'partial_refund') {
    const amount = action.refund_amount ?? Math.floor(p.grossAmount / 2);
    if (!Number.isInteger(amount) || amount < 1 || amount >= p.grossAmount)
      throw new SimulatorError(400, PAY_REFUSED.amountOutOfRange(1, p.grossAmount - 1));
    p.refundAmount = amount;
  }
}

/** Creates a purchase or moves one; throws SimulatorError when Midtrans would refuse. */
export function payLink(link: StoredLink, action: PayAction, ctx: PayContext): PayOutcome {
  const status = typeof action.status === 'string' ? action.status : '';
  if (!PAY_STATUSES.includes(status)) throw new SimulatorError(400, PAY_REFUSED.unknownStatus(String(action.status)));
  if (action.transaction_id) return movePurchase(link, action, ctx);
  const state = availability(link, ctx.now);
  if (state === 'deleted') throw new SimulatorError(410, PAY_REFUSED.deleted(link.orderId));
  if (state === 'expired') throw new SimulatorError(410, PAY_REFUSED.expired(link.orderId));
  if (state === 'used_up') throw new SimulatorError(409, PAY_REFUSED.usedUp(link.orderId, usageLimitOf(link)));
  if (['refund', 'partial_refund'].includes(status)) throw new SimulatorError(409, PAY_REFUSED.badTransition('new', status));
  const method = status === 'open' ? undefined : chooseMethod(link, action.payment_type);
  const original = amountFor(link, action.amount);
  const fee = customerFeeFor(original, action, ctx);
  const purchase: StoredPurchase = {
    id: ctx.nextPurchaseId(),
    snapToken: uuidFrom(ctx.ids),
    orderId: purchaseOrderId(link, ctx.now),
    transactionId: uuidFrom(ctx.ids),
    method,
    status: 'open',
    grossAmount: original + (fee ?? 0),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    wasPaid: false,
    fields: method ? { payment_type: paymentTypeOf(method), ...methodFields(method, linkMethodOptions(link), ctx.ids) } : {},
  };
  if (fee !== undefined) purchase.customerFee = fee;
  if (status !== 'open') applyStatus(purchase, action, ctx.now);
  link.purchases.push(purchase);
  return { purchase, notification: status === 'open' ? undefined : notificationOf(link, purchase, ctx) };
}

function movePurchase(link: StoredLink, action: PayAction, ctx: PayContext): PayOutcome {
  const p = link.purchases.find((x) => x.transactionId === action.transaction_id || x.orderId === action.transaction_id);
  if (!p) throw new SimulatorError(404, PAY_REFUSED.unknownTransaction(String(action.transaction_id)));
  const allowed = TRANSITIONS[p.status] ?? [];
  const reversal = p.status === 'settlement' && action.status === 'deny';
  if (!allowed.includes(action.status) || (reversal && !REVERSAL_METHODS.includes(String(p.method)))) {
    throw new SimulatorError(409, PAY_REFUSED.badTransition(p.status, action.status));
  }
  if (p.method === undefined) {
    // Choosing a method now: the purchase becomes a transaction and now holds a unit, so the link must still be open.
    const state = availability(link, ctx.now);
    if (state !== 'open')
      throw new SimulatorError(
        state === 'used_up' ? 409 : 410,
        state === 'used_up' ? PAY_REFUSED.usedUp(link.orderId, usageLimitOf(link)) : PAY_REFUSED[state](link.orderId),
      );
    const method = chooseMethod(link, action.payment_type);
    p.method = method;
    p.fields = { payment_type: paymentTypeOf(method), ...methodFields(method, linkMethodOptions(link), ctx.ids) };
    p.createdAt = ctx.now;
  }
  applyStatus(p, action, ctx.now);
  return { purchase: p, notification: notificationOf(link, p, ctx) };
}

/** The fields a notification and a status answer share (§5.7, §6). */
function transactionFields(link: StoredLink, p: StoredPurchase, ctx: PayContext): NotificationBody {
  const r = link.request;
  const body: NotificationBody = {
    transaction_time: jakartaDateTime(p.createdAt),
    transaction_status: p.status,
    transaction_id: p.transactionId,
    ...p.fields,
    order_id: p.orderId,
    merchant_id: ctx.merchantId,
    gross_amount: p.grossAmount.toFixed(2),
    currency: 'IDR',
  };
  if (p.fraudStatus !== undefined) body.fraud_status = p.fraudStatus;
  if (p.settledAt !== undefined) body.settlement_time = jakartaDateTime(p.settledAt);
  // [inferred] NOTIF lists expiry_time; a pending purchase carries when it lapses.
  if (p.status === 'pending' && p.pendingExpiresAt !== undefined) body.expiry_time = jakartaDateTime(p.pendingExpiresAt);
  if (p.refundAmount !== undefined) {
    body.refund_amount = p.refundAmount.toFixed(2);
    body.refunds = p.refunds?.length
      ? p.refunds.map((r) => ({
          refund_chargeback_id: r.id,
          refund_amount: r.amount.toFixed(2),
          created_at: jakartaDateTime(r.at),
          reason: r.reason,
          refund_key: r.key,
          refund_method: 'online',
        }))
      : [
          {
            refund_chargeback_id: 1,
            refund_amount: p.refundAmount.toFixed(2),
            created_at: jakartaDateTime(p.updatedAt),
            reason: 'simulated refund',
            refund_key: `sim-${p.id}`,
            refund_method: 'online',
          },
        ];
  }
  // §9.3 [observed]: under fee imposition gross_amount includes the fee; the split rides in metadata, as strings.
  if (p.customerFee !== undefined) {
    body.metadata = {
      extra_info: {
        gross_amount_info: {
          original_amount: String(p.grossAmount - p.customerFee),
          gross_amount: String(p.grossAmount),
          customer_imposed_payment_fee: String(p.customerFee),
        },
      },
    };
  }
  // §2.2: custom fields are sent in the HTTP notification.
  for (const k of ['custom_field1', 'custom_field2', 'custom_field3'] as const) if (r[k] !== undefined) body[k] = r[k];
  return body;
}

/** §5.3: SHA-512 of order_id + status_code + gross_amount + server key, the strings exactly as sent. */
function signed(body: NotificationBody, ctx: PayContext): NotificationBody {
  return { ...body, signature_key: ctx.sha512Hex(`${body.order_id}${body.status_code}${body.gross_amount}${ctx.serverKey}`) };
}

export function notificationOf(link: StoredLink, p: StoredPurchase, ctx: PayContext): NotificationBody {
  const base = transactionFields(link, p, ctx);
  return signed(
    { ...base, status_message: NOTIFICATION_STATUS_MESSAGE, status_code: notificationStatusCode(p.status, p.fraudStatus) },
    ctx,
  );
}

/**
 * GET /v2/:id/status for a purchase with a method (§6): the notification's fields, the status API's code.
 * A purchase paid through a BI-SNAP channel answers with its transaction id in `order_id`, as real
 * traffic shows (isBiSnap in payment-methods.ts); its signature stays the one over the purchase's own
 * order id, as the notification's is [inferred: the one public sample repeats the notification's].
 */
export function statusViewOf(link: StoredLink, p: StoredPurchase, ctx: PayContext): NotificationBody {
  const base = transactionFields(link, p, ctx);
  const view = signed({ ...base, status_message: STATUS_FOUND_MESSAGE, status_code: statusApiStatusCode(p.status, p.fraudStatus) }, ctx);
  return p.method && isBiSnap(p.method) ? { ...view, order_id: p.transactionId } : view;
}

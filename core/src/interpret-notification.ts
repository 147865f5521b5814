/** What a notification (or a status-API answer) means for its purchase and its link (§5.4–§5.6). */
import { amountBreakdown } from './amount-breakdown';
import { isReversalChannel } from './contract';
import { linkOrderIdFromTransaction } from './ids';
import { describe, isPlainObject } from './rule-checks';

export const PURCHASE_STATES = ['pending', 'review', 'expired', 'failed', 'paid', 'partially_refunded', 'refunded', 'chargeback'] as const;
export type PurchaseState = (typeof PURCHASE_STATES)[number];

export interface Interpretation {
  /** The Payment Link's own order id (the purchase's without its timestamp suffix). */
  linkOrderId: string;
  /** The purchase's order id as Midtrans sent it. */
  orderId: string;
  transactionId: string;
  transactionStatus: string;
  fraudStatus?: string;
  state: PurchaseState;
  paid: boolean;
  /** `deny` on a channel where Midtrans documents that a settlement can be reversed. */
  reversalChannel: boolean;
  amount: number;
  paymentType: string;
  /** `settlement_time` when present, else `transaction_time` (GMT+7, `YYYY-MM-DD HH:MM:SS`). */
  time: string;
  /** The invoice's share of `amount` and the fee the customer paid on top (amount-breakdown.ts). */
  invoiceAmount: number;
  customerFee: number;
}

export type InterpretResult = { ok: true; value: Interpretation } | { ok: false; problem: string };

/**
 * Maps transaction_status and fraud_status to a purchase state. `failure` is undocumented [inferred:
 * failed]; `partial_chargeback` counts as a partial refund of the money [inferred].
 */
export function purchaseStateOf(transactionStatus: string, fraudStatus?: string): PurchaseState | undefined {
  switch (transactionStatus.toLowerCase()) {
    case 'settlement':
      return 'paid';
    case 'capture':
      if (fraudStatus === undefined || fraudStatus === '' || fraudStatus === 'accept') return 'paid';
      return fraudStatus === 'challenge' ? 'review' : 'failed';
    case 'pending':
    case 'authorize':
      return 'pending';
    case 'deny':
    case 'cancel':
    case 'failure':
      return 'failed';
    case 'expire':
      return 'expired';
    case 'refund':
      return 'refunded';
    case 'partial_refund':
    case 'partial_chargeback':
      return 'partially_refunded';
    case 'chargeback':
      return 'chargeback';
    default:
      return undefined;
  }
}

export function interpretNotification(body: unknown): InterpretResult {
  if (!isPlainObject(body)) return { ok: false, problem: `notification must be a JSON object, got ${describe(body)}` };
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
  const orderId = str('order_id');
  const transactionId = str('transaction_id');
  const transactionStatus = str('transaction_status');
  if (!orderId) return { ok: false, problem: 'notification has no order_id' };
  if (!transactionId) return { ok: false, problem: 'notification has no transaction_id' };
  if (!transactionStatus) return { ok: false, problem: 'notification has no transaction_status' };
  const fraudStatus = str('fraud_status');
  const state = purchaseStateOf(transactionStatus, fraudStatus);
  if (!state) return { ok: false, problem: `unknown transaction_status ${describe(transactionStatus)}` };
  const gross = body.gross_amount;
  const amount = typeof gross === 'number' ? gross : typeof gross === 'string' ? Number(gross) : NaN;
  if (!Number.isFinite(amount)) return { ok: false, problem: `gross_amount is not a number: ${describe(gross)}` };
  return {
    ok: true,
    value: {
      linkOrderId: linkOrderIdFromTransaction(orderId),
      orderId,
      transactionId,
      transactionStatus,
      fraudStatus,
      state,
      paid: state === 'paid',
      reversalChannel: transactionStatus === 'deny' && isReversalChannel(body),
      amount,
      paymentType: str('payment_type') ?? '',
      time: str('settlement_time') ?? str('transaction_time') ?? '',
      ...feeSplit(body, amount),
    },
  };
}

function feeSplit(body: unknown, amount: number): { invoiceAmount: number; customerFee: number } {
  const b = amountBreakdown(body, amount);
  return { invoiceAmount: b.invoiceAmount, customerFee: b.customerFee };
}

/**
 * Automatic Fee Imposition (2025, docs/midtrans-contract.md §9.3 [observed]): when a merchant lets
 * Midtrans charge the payment fee to the customer, `gross_amount` in notifications and status answers
 * includes the fee (and the signature is over that amount), and the split is in
 * `metadata.extra_info.gross_amount_info: { original_amount, gross_amount, customer_imposed_payment_fee }`,
 * as strings ("10000", "10071", "71"). Books then need three figures: what the invoice asked, what the
 * customer paid on top, and what arrived.
 *
 * Only `gross_amount` is signed (§5.3): the split is the body's word. It is used only when it adds up
 * exactly to the signed gross; otherwise the whole gross counts as invoice money, as before.
 */
import { isPlainObject } from './rule-checks';

export interface AmountBreakdown {
  /** What arrived: the signed `gross_amount`, the fee included. */
  gross: number;
  /** What the invoice asked: `original_amount` under fee imposition, else the gross. */
  invoiceAmount: number;
  /** The payment fee the customer paid on top; 0 without fee imposition. */
  customerFee: number;
  /** Where the split came from: the body's `gross_amount_info`, or none (the gross is all invoice money). */
  source: 'gross_amount_info' | 'gross_amount';
}

const amountOf = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** The body's `metadata.extra_info.gross_amount_info`, or undefined. */
function grossAmountInfo(body: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(body) || !isPlainObject(body.metadata)) return undefined;
  const extra = body.metadata.extra_info;
  return isPlainObject(extra) && isPlainObject(extra.gross_amount_info) ? extra.gross_amount_info : undefined;
}

/** The split of a notification's (or status answer's) signed gross amount. */
export function amountBreakdown(body: unknown, gross: number): AmountBreakdown {
  const plain: AmountBreakdown = { gross, invoiceAmount: gross, customerFee: 0, source: 'gross_amount' };
  const info = grossAmountInfo(body);
  if (!info) return plain;
  const original = amountOf(info.original_amount);
  const fee = amountOf(info.customer_imposed_payment_fee);
  const infoGross = amountOf(info.gross_amount);
  // Cents: Midtrans writes "10071" here and "10071.00" in gross_amount; compare in whole cents.
  const cents = (n: number) => Math.round(n * 100);
  if (original === undefined || fee === undefined) return plain;
  if (cents(original) + cents(fee) !== cents(gross)) return plain;
  if (infoGross !== undefined && cents(infoGross) !== cents(gross)) return plain;
  return { gross, invoiceAmount: original, customerFee: fee, source: 'gross_amount_info' };
}

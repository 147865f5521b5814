/**
 * Shapes of the unsigned descriptive fields that reach a sheet cell or an n8n item: times, the
 * transaction id and the payment type. Midtrans signs none of them (§5.3), so whoever replays a genuine
 * body can put anything there; a value of the wrong shape or length is refused rather than shown.
 * Money facts (state, payment time, amount) come from the status API where it matters
 * (status-confirmation.ts); this keeps the rest to what Midtrans itself could have sent.
 */
import { describe, isPlainObject } from './rule-checks';

/** §5.7: `YYYY-MM-DD HH:MM:SS`, GMT+7, no zone (NOTIF, GTS). */
export const MIDTRANS_TIME_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/**
 * A UUID in every documented sample (§5.7); the BI-SNAP channels' ids are 28 letters and digits
 * (`Midtrans/midtrans-php` issue #121). Charset and length are [inferred: the two shapes seen, with room].
 */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** `bank_transfer`, `credit_card`, `cstore`, `qris`, `gopay`… (NOTIF) [inferred: lower-case words, ≤ 40]. */
export const PAYMENT_TYPE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

const TIME_FIELDS = ['transaction_time', 'settlement_time', 'expiry_time'] as const;

/**
 * Undefined when every unsigned descriptive field present has a shape Midtrans sends; otherwise what is
 * wrong, naming the field. Absent fields (and empty times) are fine: methods differ in what they carry (§5.7).
 */
export function unsignedFieldProblem(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const id = body.transaction_id;
  if (id !== undefined && (typeof id !== 'string' || !TRANSACTION_ID_PATTERN.test(id))) {
    return `transaction_id ${describe(id)} is not a Midtrans transaction id (letters, digits, "-", "_" or ".", at most 64)`;
  }
  const type = body.payment_type;
  if (type !== undefined && (typeof type !== 'string' || !PAYMENT_TYPE_PATTERN.test(type))) {
    return `payment_type ${describe(type)} is not a Midtrans payment type (lower-case letters, digits and "_", at most 40)`;
  }
  for (const field of TIME_FIELDS) {
    const v = body[field];
    if (v !== undefined && v !== '' && (typeof v !== 'string' || !MIDTRANS_TIME_PATTERN.test(v))) {
      return `${field} ${describe(v)} is not a Midtrans time (YYYY-MM-DD HH:MM:SS)`;
    }
  }
  return undefined;
}

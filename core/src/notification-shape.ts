/**
 * What can be a Midtrans notification at all, checked before anything that costs: before a Script
 * Properties read, a lock, a status call, or a signature compare over a field of any length. Junk is
 * refused on its shape alone, in time bounded by the limits below whatever the body's size.
 *
 * Shapes from docs/midtrans-contract.md: §5.3 (the signature is a lower-case SHA-512 hex digest, 128
 * digits; `status_code` a string such as "201", a number only in the PL page's hand-edited sample),
 * §2.2 (order id charset), §5.6 (a purchase's order id is the link's plus `-` and 13 digits).
 */
import { ORDER_ID_MAX, ORDER_ID_PATTERN } from './contract';
import { isPlainObject } from './rule-checks';

/**
 * Largest notification text accepted [inferred: documented samples are 1–2 KB; a body with every
 * optional field, VA numbers and fee metadata stays far below this].
 */
export const NOTIFICATION_TEXT_MAX = 32 * 1024;
/** A purchase's order id: the link's (≤ 50, §2.2) plus `-` and 13 digits (§5.6). */
export const NOTIFICATION_ORDER_ID_MAX = ORDER_ID_MAX + 14;
/** `transaction_id`, `transaction_status`, `fraud_status` [inferred: UUIDs and short words in every sample]. */
const ID_MAX = 100;
const WORD_MAX = 40;
/** `gross_amount`: digits with up to two decimals, as every sample sends it (§5.3). */
const AMOUNT = /^\d{1,17}(\.\d{1,2})?$/;
const SIGNATURE = /^[0-9a-fA-F]{128}$/;
const STATUS_CODE = /^\d{3}$/;

export type ShapeResult = { ok: true; body: Record<string, unknown> } | { ok: false; field: string; problem: string };

function refuse(field: string, problem: string): ShapeResult {
  return { ok: false, field, problem };
}

function shortString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v !== '' && v.length <= max;
}

/**
 * A parsed body that could be a notification: a JSON object with a well-formed signature, order id,
 * status code, amount, transaction id and status. Only lengths are looked at before each pattern, so
 * a 16 MB field costs no more than a short one. `field` names what failed (`signature_key` means the
 * body cannot be signed by Midtrans, a forgery rather than a malformed notification).
 */
export function notificationShape(body: unknown): ShapeResult {
  if (!isPlainObject(body)) return refuse('body', 'a notification is a JSON object');
  const { signature_key: sig, order_id: orderId, status_code: code, gross_amount: gross } = body;
  if (!shortString(orderId, NOTIFICATION_ORDER_ID_MAX) || !ORDER_ID_PATTERN.test(orderId))
    return refuse('order_id', `order_id must be 1..${NOTIFICATION_ORDER_ID_MAX} letters, digits or - _ ~ .`);
  const codeText = typeof code === 'number' && Number.isInteger(code) ? String(code) : code;
  if (typeof codeText !== 'string' || codeText.length !== 3 || !STATUS_CODE.test(codeText))
    return refuse('status_code', 'status_code must be 3 digits');
  const amountOk =
    (typeof gross === 'string' && gross.length <= 20 && AMOUNT.test(gross)) ||
    (typeof gross === 'number' && Number.isFinite(gross) && gross >= 0);
  if (!amountOk) return refuse('gross_amount', 'gross_amount must be an amount such as "150000.00"');
  if (typeof sig !== 'string' || sig.length !== 128 || !SIGNATURE.test(sig))
    return refuse('signature_key', 'signature_key must be 128 hexadecimal digits');
  if (!shortString(body.transaction_id, ID_MAX)) return refuse('transaction_id', `transaction_id must be 1..${ID_MAX} characters`);
  if (!shortString(body.transaction_status, WORD_MAX))
    return refuse('transaction_status', `transaction_status must be 1..${WORD_MAX} characters`);
  const fraud = body.fraud_status;
  if (fraud !== undefined && fraud !== null && (typeof fraud !== 'string' || fraud.length > WORD_MAX))
    return refuse('fraud_status', `fraud_status must be at most ${WORD_MAX} characters`);
  return { ok: true, body };
}

/**
 * The raw text of a POST (Apps Script's `e.postData.contents`): its length is checked before it is
 * parsed, so an oversized body is refused without parsing it.
 */
export function notificationShapeOfText(text: unknown): ShapeResult {
  if (typeof text !== 'string' || text === '') return refuse('body', 'the request has no body');
  if (text.length > NOTIFICATION_TEXT_MAX) return refuse('body', `the body is longer than ${NOTIFICATION_TEXT_MAX} characters`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse('body', 'the body is not JSON');
  }
  return notificationShape(body);
}

/**
 * Which verified notifications must be confirmed with `GET /v2/{order_id}/status` before anything is
 * recorded or any workflow starts, how to ask, and what the answer confirms (docs/midtrans-contract.md
 * §5.8).
 *
 * Why: Midtrans signs only `order_id + status_code + gross_amount + server key` (§5.3). The status-code
 * table (status-code-table.ts) refuses a claim whose signed code does not fit it, but `settlement`,
 * `capture`+`accept`, `authorize`, `refund` and `partial_refund` all carry "200" (§5.4; the table
 * gives the chargebacks "200" too). So a genuine
 * `authorize` can be replayed as `settlement`, and a genuine settlement as `refund`, with a valid
 * signature. Every claim that moves money (to paid, to a reversal, or the documented settlement →
 * `deny` reversal) is therefore asked about, and what gets recorded comes from Midtrans's answer, not
 * from the body's unsigned fields: that is also what the official clients do instead of checking the
 * signature (§5.3).
 */
import { parseTransactionStatus, redactSecret, transactionStatusRequest, type MidtransConfig } from './api-calls';
import { interpretNotification, type Interpretation } from './interpret-notification';
import type { HttpRequest, HttpResponse } from './ports';
import { isReversalState, mergePurchase, recordOf, type PurchaseRecord } from './purchase-record';
import { describe, isPlainObject } from './rule-checks';
import type { MidtransNotification } from './types';
import { unsignedFieldProblem } from './unsigned-fields';

/** The money move a reading claims: to paid, to a refund or chargeback, or the settlement → deny reversal (§5.5). */
export type MoneyClaim = 'paid' | 'reversal' | 'reversal-deny';

export function moneyClaimOf(n: Interpretation): MoneyClaim | undefined {
  if (isReversalState(n.state)) return 'reversal';
  if (n.paid) return 'paid';
  if (n.reversalChannel) return 'reversal-deny';
  return undefined;
}

/**
 * Whether folding `n` into `stored` would change what the record says about money, or could give it
 * the transaction id it lacks (a purchase first seen by polling the link, which lists it by order id
 * only). The body's own details (time, ids, method) do not count: they are not what gets recorded.
 */
function changesRecord(stored: PurchaseRecord | undefined, n: Interpretation): boolean {
  if (!stored) return true;
  if (stored.transactionId === '' || stored.transactionId === stored.orderId) return true;
  const after = mergePurchase(stored, recordOf(n));
  return after.top !== stored.top || after.settled !== stored.settled || after.reversalDeny !== stored.reversalDeny;
}

/**
 * Pure: true when `n` must be confirmed before it is recorded or starts a workflow. A receiver that
 * keeps the purchase's record passes it as `known`: a claim that adds nothing to the record (a replay, or
 * a notification older than what Midtrans already vouched for) needs no call, and changes nothing.
 */
export function needsConfirmation(n: Interpretation, known?: { record: PurchaseRecord | undefined }): boolean {
  if (!moneyClaimOf(n)) return false;
  return known === undefined || changesRecord(known.record, n);
}

/**
 * Asked by the signed `order_id` (the purchase's own, §5.6), never by the unsigned `transaction_id`:
 * the answer is then about the signed purchase whatever else the body says, so pointing
 * `transaction_id` at another transaction that really is paid or refunded confirms nothing. §6 takes
 * either id [inferred: that a Payment Link purchase's suffixed order id answers as its transaction id does].
 */
export function confirmationRequest(config: MidtransConfig, n: Interpretation): HttpRequest {
  return transactionStatusRequest(config, n.orderId);
}

/**
 * A status answer as being about the purchase it was asked for, or why it is not. For DANA and the
 * BSI, Danamon, SeaBank and Saqu virtual accounts (the BI-SNAP channels) the status API puts the
 * `transaction_id` in `order_id` (`veritrans/SNAP-Woocommerce` PR #85; `Midtrans/midtrans-php` issues
 * #113, #121): an answer that names itself that way was still asked by this order id, so it is about
 * it, and comes back with the order id restored.
 */
export function answerAbout(
  askedOrderId: string,
  body: unknown,
): { ok: true; body: MidtransNotification } | { ok: false; problem: string } {
  if (!isPlainObject(body)) return { ok: false, problem: 'the status answer is not a JSON object' };
  if (body.order_id === askedOrderId) return { ok: true, body: body as MidtransNotification };
  const id = body.transaction_id;
  if (typeof id === 'string' && id !== '' && body.order_id === id)
    return { ok: true, body: { ...(body as MidtransNotification), order_id: askedOrderId } };
  return { ok: false, problem: `the status answer is about order id ${describe(body.order_id)}, not the one asked for` };
}

export type Confirmation =
  /** Midtrans vouches for the claim; `facts` and `answer` are what it says, about the signed order id. */
  | { verdict: 'confirmed'; facts: Interpretation; answer: MidtransNotification }
  /** Midtrans answered and does not vouch for the claim: record nothing, start nothing. */
  | { verdict: 'unconfirmed'; detail: string }
  /** No usable answer (network, 5xx, 429, 401): record nothing now; a later delivery or check can. */
  | { verdict: 'unavailable'; detail: string };

/** A state only a paid purchase reaches: a refund or chargeback, or the documented settlement → deny reversal (§5.5). */
function isPastPaid(n: Interpretation): boolean {
  return isReversalState(n.state) || (n.transactionStatus === 'deny' && n.reversalChannel);
}

/**
 * What an answer must say to confirm a claim. A paid claim is confirmed by paid or by a state only a
 * payment leads to (a refund proves the payment); a reversal by any reversal (refunds can follow each
 * other, and the record keeps the highest); a reversal deny by a deny. A reading that claims no money
 * move (a caller confirming everything) needs the same state.
 */
function vouches(claimed: Interpretation, said: Interpretation): boolean {
  switch (moneyClaimOf(claimed)) {
    case 'paid':
      return said.paid || isPastPaid(said);
    case 'reversal':
      return isReversalState(said.state);
    case 'reversal-deny':
      return said.transactionStatus === 'deny';
    default:
      return said.state === claimed.state;
  }
}

/**
 * Reads the answer to `confirmationRequest(n)` (`undefined` when no answer came). The server key, when
 * given, is taken out of every detail (a proxy may echo the Authorization header).
 */
export function confirmNotification(n: Interpretation, res: HttpResponse | undefined, serverKey = ''): Confirmation {
  const out = (verdict: 'unconfirmed' | 'unavailable', detail: string): Confirmation => ({
    verdict,
    detail: redactSecret(detail, serverKey),
  });
  if (!res) return out('unavailable', 'no answer from the status API');
  const parsed = parseTransactionStatus(res);
  if (!parsed.ok) {
    // A 404 (HTTP, or status_code "404" in a 200 body) is an answer: Midtrans does not know it.
    return out(parsed.error.httpStatus === 404 ? 'unconfirmed' : 'unavailable', parsed.error.message);
  }
  const about = answerAbout(n.orderId, parsed.value);
  if (!about.ok) return out('unconfirmed', about.problem);
  const shape = unsignedFieldProblem(about.body);
  if (shape) return out('unconfirmed', `the status answer is unreadable: ${shape}`);
  const api = interpretNotification(about.body);
  if (!api.ok) return out('unconfirmed', `the status answer is unreadable: ${api.problem}`);
  if (!vouches(n, api.value)) return out('unconfirmed', `the status API says ${api.value.transactionStatus}`);
  return { verdict: 'confirmed', facts: api.value, answer: about.body };
}

/**
 * The purchase record a confirmed answer proves: its own state and, for an answer past paid that
 * carries a `settlement_time`, that it was paid then. A settlement first confirmed after its refund
 * (the answer says refund) thus keeps its payment time, as if both notifications had been recorded.
 */
export function confirmedRecord(c: { facts: Interpretation; answer: MidtransNotification }): PurchaseRecord {
  const record = recordOf(c.facts);
  const settledAt = c.answer.settlement_time;
  if (!isPastPaid(c.facts) || typeof settledAt !== 'string' || settledAt === '') return record;
  return { ...record, settled: true, paidAt: settledAt };
}

/**
 * The unsigned fields a confirmed answer vouches for. A confirmed notification carries Midtrans's
 * values for these instead of its own (a field the answer lacks is dropped), so nothing downstream
 * reads a replayed body's edits; the signed fields and `signature_key` stay as sent, so the body still
 * verifies when it is forwarded (to the Sheets add-on, for one).
 */
export const CONFIRMED_FIELDS = [
  'transaction_status',
  'fraud_status',
  'transaction_id',
  'payment_type',
  'transaction_time',
  'settlement_time',
  'refund_amount',
  // Which link the payment belongs to (link-claim.ts) and the fee split (amount-breakdown.ts).
  'custom_field1',
  'metadata',
] as const;

export function confirmedBody<T extends Record<string, unknown>>(body: T, answer: MidtransNotification): T {
  const out: Record<string, unknown> = { ...body };
  for (const k of CONFIRMED_FIELDS) {
    if (answer[k] === undefined) delete out[k];
    else out[k] = answer[k];
  }
  return out as T;
}

/**
 * Which verified notifications a receiver must confirm with the status API before recording them, and
 * whether the status API's answer confirms one.
 *
 * Why: Midtrans signs only `order_id + status_code + gross_amount + server key` (§5.3), and §5.4 gives
 * `settlement`, `capture`+`accept`, `authorize`, `refund` and `partial_refund` the same status code
 * "200" (`chargeback` and `partial_chargeback` are not in §5.4 [inferred: "200" like the refunds]). So
 * anyone holding one genuine settlement body can rewrite `transaction_status` to `refund`,
 * `partial_refund` or `chargeback` and the signature still verifies; and because the reversal states
 * outrank paid (purchase-record.ts), the purchase would then read Refunded for good. Every other
 * rewrite under a shared code lands at or below what the genuine body already proves (paid, or a
 * failure/expiry that a settlement outranks), so only reversals pay for a status call.
 */
import { parseTransactionStatus } from './api-calls';
import { interpretNotification, type Interpretation, type PurchaseState } from './interpret-notification';
import type { HttpResponse } from './ports';
import { isReversalState } from './purchase-record';

/** Pure: true only for a notification that would record a money reversal. */
export function needsConfirmation(n: Interpretation): boolean {
  return isReversalState(n.state);
}

export type StatusCheck =
  | { verdict: 'confirmed' }
  /** Midtrans answered and does not report an accepted state for this purchase: record nothing. */
  | { verdict: 'unconfirmed'; detail: string }
  /** No usable answer (network, 5xx, 429, 401): record nothing now; a later delivery or check can. */
  | { verdict: 'unavailable'; detail: string };

/**
 * Reads `GET /v2/{transaction_id}/status` (`undefined` when no answer came) for notification `n`:
 * confirmed when Midtrans reports a state that `accepts` takes. `transaction_id` is not signed, so the
 * answer must be about the same signed `order_id`; otherwise a forger could point the check at some
 * other transaction that is genuinely in the claimed state.
 */
export function checkWithStatusApi(n: Interpretation, res: HttpResponse | undefined, accepts: (state: PurchaseState) => boolean): StatusCheck {
  if (!res) return { verdict: 'unavailable', detail: 'no answer from the status API' };
  const parsed = parseTransactionStatus(res);
  if (!parsed.ok) {
    // A 404 (HTTP, or status_code "404" in a 200 body) is an answer: Midtrans does not know it.
    if (parsed.error.httpStatus === 404) return { verdict: 'unconfirmed', detail: parsed.error.message };
    return { verdict: 'unavailable', detail: parsed.error.message };
  }
  const api = interpretNotification(parsed.value);
  if (!api.ok) return { verdict: 'unconfirmed', detail: `the status API answer is unreadable: ${api.problem}` };
  if (api.value.orderId !== n.orderId) return { verdict: 'unconfirmed', detail: 'the status API answer is about another order id' };
  if (!accepts(api.value.state)) return { verdict: 'unconfirmed', detail: `the status API says ${api.value.transactionStatus}` };
  return { verdict: 'confirmed' };
}

/**
 * A notified reversal is confirmed by any reversal state, not only the notified one: a refund can be
 * followed by further refunds or a chargeback, and the merge keeps the highest anyway.
 */
export function checkReversal(n: Interpretation, res: HttpResponse | undefined): StatusCheck {
  return checkWithStatusApi(n, res, isReversalState);
}

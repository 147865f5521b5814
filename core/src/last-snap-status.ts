/**
 * `last_snap_transaction_status` in GET /v1/payment-links/{order_id}: not in the documented sample (§3),
 * but real answers carry it and five independent client projects poll it (`"SETTLEMENT"`, `"EXPIRE"`)
 * (docs/midtrans-contract.md §9.2 [observed]). The status model still comes from `purchases[]`, whose
 * entries name their own order ids; this field adds one truth as a cross-check: when it says the last
 * payment settled and the list shows no paid purchase (empty, or lagging), the link is not concluded
 * unpaid (not shown as expired, asked again on the next Refresh) and the Note says why.
 */
import { purchaseStateOf } from './interpret-notification';
import { effectiveState, type PurchaseRecord } from './purchase-record';
import type { PaymentLink } from './types';

const MONEY_MOVED = new Set(['paid', 'partially_refunded', 'refunded', 'chargeback']);

/**
 * The field's state, read like a purchase's `payment_status` (link-summary.ts purchasesFromLink): upper-case
 * transaction statuses, and `CAPTURE` (no fraud status beside it) as under review, never as paid.
 */
export function lastSnapState(link: PaymentLink): ReturnType<typeof purchaseStateOf> {
  const v = link.last_snap_transaction_status;
  if (typeof v !== 'string' || v === '') return undefined;
  return v.toLowerCase() === 'capture' ? 'review' : purchaseStateOf(v.toLowerCase());
}

/** True when the field says the last payment settled and none of the listed purchases shows money. */
export function unlistedSettlement(link: PaymentLink, listed: readonly PurchaseRecord[]): boolean {
  return lastSnapState(link) === 'paid' && !listed.some((p) => MONEY_MOVED.has(effectiveState(p)));
}

export const UNLISTED_SETTLEMENT_NOTE =
  "Midtrans reports this link's last payment as settled, but its payment list does not show it yet; Refresh again to record it";

/**
 * Catch-up for notifications that never arrived or were lost after they were acknowledged (n8n queue
 * mode loses the ones a killed worker held: docs/n8n-queue-mode.md). Given an order still open
 * downstream (its link's order id and the state last recorded for it) and Midtrans's status answers
 * for the link's purchases, it says which state changes the Midtrans Trigger would have delivered, so
 * a front end can emit them in the trigger's own item shape and one downstream handles both.
 *
 * Two steps, because the purchases' order ids are only known from the link:
 *   purchaseIdsToAsk(link)                     → ids for GET /v2/:id/status
 *   reconcileOrder(order, answers, linkClosed) → changes to emit, and whether the order is done
 */
import { linkOrderIdFromTransaction } from './ids';
import { interpretNotification, PURCHASE_STATES, type Interpretation, type PurchaseState } from './interpret-notification';
import { isPlainObject } from './rule-checks';
import { answerAbout } from './status-confirmation';
import type { MidtransNotification, PaymentLink } from './types';

export interface OpenOrder {
  /** The Payment Link's order id. */
  orderId: string;
  /** The state downstream last recorded for it (a purchase state, or anything else for "none yet"). */
  state?: string;
}

export interface StatusAnswer {
  /** The purchase order id that was asked about. */
  askedId: string;
  /** The parsed body of Midtrans's answer. */
  body: unknown;
}

export interface ReconciledChange {
  body: MidtransNotification;
  interpretation: Interpretation;
}

export interface OrderReconciliation {
  orderId: string;
  /** In ascending state order, so a downstream that keeps the last state per order ends on the highest. */
  changes: ReconciledChange[];
  /** Answers that were not used, and why (never fatal: the order stays open and is asked again). */
  problems: string[];
  /** The highest state Midtrans reports for any purchase of the order, if any. */
  state?: PurchaseState;
  /** Nothing more can change without a new payment event: paid (or beyond), or the link closed with nothing pending. */
  done: boolean;
}

/**
 * PURCHASE_STATES is listed in the order the purchase record ranks states (purchase-record.ts RANK;
 * a unit test holds the two together), so the index is the rank.
 */
const rank = (s: string | undefined): number => PURCHASE_STATES.indexOf(s as PurchaseState);
const PAID_RANK = rank('paid');

/** The purchases of a link whose status to ask, by their own order ids (link order id + suffix). */
export function purchaseIdsToAsk(link: PaymentLink): string[] {
  const ids = new Set<string>();
  for (const p of link.purchases ?? []) {
    if (!isPlainObject(p) || typeof p.order_id !== 'string' || p.order_id === '') continue;
    // A purchase listed under another link's order id is not this order's (never seen; a guard) [inferred].
    if (linkOrderIdFromTransaction(p.order_id) !== link.order_id && p.order_id !== link.order_id) continue;
    ids.add(p.order_id);
  }
  return [...ids];
}

export function reconcileOrder(order: OpenOrder, answers: readonly StatusAnswer[], linkClosed: boolean): OrderReconciliation {
  const problems: string[] = [];
  const read: ReconciledChange[] = [];
  for (const a of answers) {
    // §6: a purchase whose customer has not chosen a method yet answers 200 with status_code "404".
    if (isPlainObject(a.body) && a.body.status_code === '404') continue;
    // Only an answer about the purchase asked for, of this order, may change the order; a BI-SNAP
    // answer names the purchase by its transaction id and comes back with the asked order id.
    const about = answerAbout(a.askedId, a.body);
    if (!about.ok) {
      problems.push(`${a.askedId}: ${about.problem}`);
      continue;
    }
    const r = interpretNotification(about.body);
    if (!r.ok) {
      problems.push(`${a.askedId}: ${r.problem}`);
      continue;
    }
    if (r.value.linkOrderId !== order.orderId) {
      problems.push(`${a.askedId}: the answer is about ${r.value.orderId}, not a purchase of ${order.orderId}`);
      continue;
    }
    read.push({ body: about.body, interpretation: r.value });
  }
  read.sort((x, y) => rank(x.interpretation.state) - rank(y.interpretation.state));
  const known = rank(order.state);
  const changes = read.filter((c) => rank(c.interpretation.state) > known);
  const top = read.length ? read[read.length - 1].interpretation.state : undefined;
  const pendingLeft = read.some((c) => c.interpretation.state === 'pending' || c.interpretation.state === 'review');
  const done = rank(top) >= PAID_RANK || (linkClosed && !pendingLeft);
  return { orderId: order.orderId, changes, problems, state: top, done };
}

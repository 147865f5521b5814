/**
 * Which Payment Link a transaction belongs to, decided only from evidence (docs/midtrans-contract.md
 * §5.6, §9.1). A purchase's order id is the link's plus `-` and 13 digits, but merchants build their
 * own Snap order ids the same way (`ORDER-26-1765990547301` is a real shop order id) and one account has
 * one notification URL, so a `-<13 digits>` tail proves nothing by itself. Evidence, strongest first:
 *
 * - `payment_link`: Midtrans's own GET /v1/payment-links/{order_id} lists the purchase (an
 *   authenticated answer);
 * - `custom_field1`: the body's `custom_field1` names the link the order id's tail was cut from. The
 *   product writes the link's order id there at Create (the documented second way back, §5.6); the
 *   field is not signed, so it is the body's word, and the signed order id must still fit it;
 * - none: the transaction is not claimed (`linkOrderId` is '').
 */
import { parseGetLink } from './api-calls';
import { PURCHASE_SUFFIX } from './contract';
import type { HttpResponse } from './ports';
import { isPlainObject } from './rule-checks';
import type { PaymentLink } from './types';

export type LinkClaimSource = 'payment_link' | 'custom_field1' | 'none';

export interface LinkClaim {
  /** The link's order id, '' when the evidence does not support one. */
  linkOrderId: string;
  source: LinkClaimSource;
  /** The link the order id would belong to if it is a link's purchase ('' without a `-<13 digits>` tail): the one to ask about. */
  candidate: string;
}

/** The order id with a `-<13 digits>` tail cut off, '' when it has none: a candidate, never a claim. */
export function candidateLinkOrderId(orderId: unknown): string {
  return typeof orderId === 'string' && PURCHASE_SUFFIX.test(orderId) ? orderId.slice(0, -14) : '';
}

/** What the body alone supports: its custom_field1 naming the candidate link. */
export function claimFromBody(body: unknown): LinkClaim {
  const orderId = isPlainObject(body) ? body.order_id : undefined;
  const candidate = candidateLinkOrderId(orderId);
  const field = isPlainObject(body) ? body.custom_field1 : undefined;
  if (candidate !== '' && field === candidate) return { linkOrderId: candidate, source: 'custom_field1', candidate };
  return { linkOrderId: '', source: 'none', candidate };
}

/** Whether a GET of the candidate link lists this purchase (by its own order id). */
export function linkListsPurchase(link: PaymentLink | undefined, purchaseOrderId: string): boolean {
  if (!link || !Array.isArray(link.purchases)) return false;
  if (link.order_id !== candidateLinkOrderId(purchaseOrderId)) return false;
  return link.purchases.some((p) => isPlainObject(p) && p.order_id === purchaseOrderId);
}

/** The claim once the candidate link has been asked about: the body's evidence, or Midtrans's listing. */
export function claimWithListing(body: unknown, link: PaymentLink | undefined): LinkClaim {
  const fromBody = claimFromBody(body);
  if (fromBody.source !== 'none') return fromBody;
  const orderId = isPlainObject(body) && typeof body.order_id === 'string' ? body.order_id : '';
  if (fromBody.candidate !== '' && linkListsPurchase(link, orderId))
    return { linkOrderId: fromBody.candidate, source: 'payment_link', candidate: fromBody.candidate };
  return fromBody;
}

/** What a GET of the candidate link found: the link, none (404), or no usable answer from Midtrans. */
export type LinkLookup = PaymentLink | undefined | 'unavailable';

/** Midtrans's answer to GET /v1/payment-links/{candidate}; `undefined` res: it could not be asked. */
export function linkLookupOf(res: HttpResponse | undefined): LinkLookup {
  if (!res) return 'unavailable';
  // 404: no link has that order id, so the transaction is nobody's purchase.
  if (res.status === 404) return undefined;
  const parsed = parseGetLink(res);
  return parsed.ok ? parsed.value : 'unavailable';
}

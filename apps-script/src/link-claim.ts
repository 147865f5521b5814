/**
 * Which invoice a verified notification is about, from evidence (core link-claim.ts): the
 * `custom_field1` every link the add-on creates carries, or else one GET of the candidate link, whose
 * purchases Midtrans lists. A shop order id that merely ends in `-<13 digits>` is claimed by neither.
 */
import { claimFromBody, claimWithListing, getLinkRequest, parseGetLink, type MidtransConfig } from '@midtrans-pl/core';
import { sendAll } from './adapters';

export type SheetClaim = { verdict: 'known'; linkOrderId: string } | { verdict: 'unavailable' };

export function claimLink(config: MidtransConfig, body: unknown): SheetClaim {
  const fromBody = claimFromBody(body);
  if (fromBody.source !== 'none' || fromBody.candidate === '') return { verdict: 'known', linkOrderId: fromBody.linkOrderId };
  const sent = sendAll([getLinkRequest(config, fromBody.candidate)]);
  const res = sent.responses?.[0];
  if (!res) return { verdict: 'unavailable' };
  // 404: no link has that order id, so the transaction is nobody's purchase here.
  if (res.status === 404) return { verdict: 'known', linkOrderId: '' };
  const parsed = parseGetLink(res);
  if (!parsed.ok) return { verdict: 'unavailable' };
  return { verdict: 'known', linkOrderId: claimWithListing(body, parsed.value).linkOrderId };
}

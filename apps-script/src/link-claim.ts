/**
 * Which invoice a verified notification is about, from evidence (core link-claim.ts): the
 * `custom_field1` every link the add-on creates carries, or else one GET of the candidate link, whose
 * purchases Midtrans lists. A shop order id that merely ends in `-<13 digits>` is claimed by neither.
 */
import {
  WHILE_ANSWERING_A_NOTIFICATION,
  claimFromBody,
  claimWithListing,
  getLinkRequest,
  linkLookupOf,
  type MidtransConfig,
} from '@midtrans-pl/core';
import { sendRetrying } from './send-retrying';

export type SheetClaim = { verdict: 'known'; linkOrderId: string } | { verdict: 'unavailable' };

export function claimLink(config: MidtransConfig, body: unknown): SheetClaim {
  const fromBody = claimFromBody(body);
  if (fromBody.source !== 'none' || fromBody.candidate === '') return { verdict: 'known', linkOrderId: fromBody.linkOrderId };
  // Midtrans waits for the answer, so the GET is retried as the core allows while a sender waits.
  const [answer] = sendRetrying([getLinkRequest(config, fromBody.candidate)], WHILE_ANSWERING_A_NOTIFICATION);
  const found = linkLookupOf('failure' in answer ? undefined : answer);
  if (found === 'unavailable') return { verdict: 'unavailable' };
  return { verdict: 'known', linkOrderId: claimWithListing(body, found).linkOrderId };
}

import {
	claimFromBody,
	claimWithListing,
	getLinkRequest,
	linkLookupOf,
	type LinkClaim,
	type LinkLookup,
	type MidtransConfig,
} from './core';
import { n8nTransport } from './transport';

/**
 * Which Payment Link a transaction belongs to, from evidence (core link-claim.ts): the body's
 * custom_field1, else Midtrans's GET of the candidate link. Without `lookUp` nothing is asked.
 */
export async function claimLinkOf(
	body: unknown,
	lookUp?: (linkOrderId: string) => Promise<LinkLookup>,
): Promise<LinkClaim | 'unavailable'> {
	const fromBody = claimFromBody(body);
	if (fromBody.source !== 'none' || fromBody.candidate === '' || !lookUp) return fromBody;
	const found = await lookUp(fromBody.candidate);
	return found === 'unavailable' ? found : claimWithListing(body, found);
}

/**
 * GET /v1/payment-links/{candidate}: the link, or undefined when there is none (404); 'unavailable' when
 * Midtrans could not be asked, so the caller answers 503 and Midtrans retries the notification.
 */
export async function lookUpLink(
	ctx: Parameters<typeof n8nTransport>[0],
	config: MidtransConfig,
	linkOrderId: string,
): Promise<LinkLookup> {
	try {
		return linkLookupOf(await n8nTransport(ctx)(getLinkRequest(config, linkOrderId)));
	} catch {
		return 'unavailable';
	}
}

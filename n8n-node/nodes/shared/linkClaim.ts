import { claimFromBody, claimWithListing, type LinkClaim, type LinkLookup } from './core';

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

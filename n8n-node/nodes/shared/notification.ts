import type { IDataObject } from 'n8n-workflow';

import { type Interpretation, type LinkClaim } from './core';

/**
 * A notification (or a status-API answer) with its own fields unchanged, plus what the core reads
 * from it: the Payment Link's order id and how it is known (`payment_link_order_id_source`: `custom_field1`
 * from the body, `payment_link` from Midtrans's GET of the link, `none`: '' because nothing shows it is a
 * link's payment), whether it is paid, its state, and three amounts as numbers: `amount` (what arrived),
 * `invoice_amount` (what the invoice asked) and `customer_fee` (a fee Midtrans charged the customer on top).
 */
export function withInterpretation(
	body: IDataObject,
	interpretation: Interpretation,
	claim: LinkClaim,
): IDataObject {
	return {
		...body,
		payment_link_order_id: claim.linkOrderId,
		payment_link_order_id_source: claim.source,
		paid: interpretation.paid,
		state: interpretation.state,
		amount: interpretation.amount,
		invoice_amount: interpretation.invoiceAmount,
		customer_fee: interpretation.customerFee,
	};
}

/** The same for an answer the core could not interpret: at least the link's order id, as far as it is known. */
export function withLinkOrderId(body: IDataObject, claim: LinkClaim): IDataObject {
	return {
		...body,
		payment_link_order_id: claim.linkOrderId,
		payment_link_order_id_source: claim.source,
	};
}

import type { IDataObject } from 'n8n-workflow';

import { linkOrderIdFromTransaction, type Interpretation } from './core';

/**
 * A notification (or a status-API answer) with its own fields unchanged, plus what the core reads
 * from it: the Payment Link's order id, whether it is paid, its state and the amount as a number.
 */
export function withInterpretation(body: IDataObject, interpretation: Interpretation): IDataObject {
	return {
		...body,
		payment_link_order_id: interpretation.linkOrderId,
		paid: interpretation.paid,
		state: interpretation.state,
		amount: interpretation.amount,
	};
}

/** The same for an answer the core could not interpret: at least the link's order id. */
export function withLinkOrderId(body: IDataObject): IDataObject {
	const orderId = typeof body.order_id === 'string' ? body.order_id : '';
	return { ...body, payment_link_order_id: linkOrderIdFromTransaction(orderId) };
}

import type { IDataObject, IWebhookFunctions, IExecuteFunctions } from 'n8n-workflow';
import { createHash } from 'crypto';

import {
	decideNotification,
	linkOrderIdFromTransaction,
	type Interpretation,
	type MidtransConfig,
	type NotificationDecision,
	type PurchaseState,
} from './core';
import { n8nTransport } from './transport';

export const sha512Hex = (input: string): string =>
	createHash('sha512').update(input, 'utf8').digest('hex');

/**
 * The core's whole decision about one notification body (core/src/notification-decision.ts:
 * signature, status-code table, unsigned field shapes, status-API confirmation of money moves, facts
 * from Midtrans's answer), over n8n's HTTP helper. The Midtrans Trigger and the Midtrans node's
 * notification check both call this, so they apply exactly the same checks.
 */
export function decideN8nNotification(
	context: IWebhookFunctions | IExecuteFunctions,
	body: unknown,
	config: MidtransConfig,
	options: { confirm: boolean; wants?: (state: PurchaseState) => boolean },
): Promise<NotificationDecision> {
	return decideNotification(body, {
		config,
		sha512Hex,
		transport: n8nTransport(context),
		...options,
	});
}

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

/**
 * The item an accepted notification yields: the body (with Midtrans's confirmed values in place of
 * its unsigned status fields when it was confirmed), the core's reading of the facts, and whether the
 * status API confirmed them.
 */
export function notificationItem(
	decision: Extract<NotificationDecision, { outcome: 'accepted' }>,
): IDataObject {
	return {
		...withInterpretation(decision.body as IDataObject, decision.facts),
		confirmed: decision.confirmed,
	};
}

/** The same for an answer the core could not interpret: at least the link's order id. */
export function withLinkOrderId(body: IDataObject): IDataObject {
	const orderId = typeof body.order_id === 'string' ? body.order_id : '';
	return { ...body, payment_link_order_id: linkOrderIdFromTransaction(orderId) };
}

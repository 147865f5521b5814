import type { IDataObject, IWebhookFunctions, IExecuteFunctions } from 'n8n-workflow';
import { createHash } from 'crypto';

import {
	decideNotification,
	type Interpretation,
	type LinkClaim,
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
 * What the sender of a notification gets back, for the Trigger's answer and the Verify operation's
 * `http_status` alike. A refused body: 400 when it is not a notification or cannot be read (Midtrans
 * retries it, and it stays visible in the dashboard's delivery history), 401 when it is not what
 * Midtrans signed (a bad signature, or a status that does not fit the signed status_code). Ignored (a
 * state not watched, or a money move Midtrans does not confirm): 200, nothing starts. The status API
 * unreachable: 503, so Midtrans retries later.
 */
export function httpStatusOf(decision: NotificationDecision): 200 | 400 | 401 | 503 {
	switch (decision.outcome) {
		case 'refused':
			return decision.refused === 'bad-signature' || decision.refused === 'status-code-mismatch'
				? 401
				: 400;
		case 'unavailable':
			return 503;
		default:
			return 200;
	}
}

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

/**
 * The item an accepted notification yields: the body (with Midtrans's confirmed values in place of
 * its unsigned status fields when it was confirmed), the core's reading of the facts, the link it is
 * claimed for, and whether the status API confirmed them.
 */
export function notificationItem(
	decision: Extract<NotificationDecision, { outcome: 'accepted' }>,
	claim: LinkClaim,
): IDataObject {
	return {
		...withInterpretation(decision.body as IDataObject, decision.facts, claim),
		confirmed: decision.confirmed,
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

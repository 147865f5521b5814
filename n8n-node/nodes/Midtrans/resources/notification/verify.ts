/**
 * Notification ▸ Verify: the Midtrans Trigger's checks for a workflow that already starts with n8n's
 * Webhook node. The Trigger's code decides, in the same order: the shape check before the credential
 * is read (shapeRefusal), then the core's whole decision (decideN8nNotification: signature, status-code
 * table, unsigned field shapes, status-API confirmation of money moves) and the HTTP status the
 * Trigger would answer (httpStatusOf). This operation only words the verdict as an item, so an IF node
 * can route forgeries to a 401.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { claimFromBody, type LinkClaim, type NotificationDecision } from '../../../shared/core';
import { claimLinkOf, lookUpLink } from '../../../shared/linkClaim';
import {
	decideN8nNotification,
	httpStatusOf,
	notificationItem,
} from '../../../shared/notification';
import { shapeRefusal } from '../../../MidtransTrigger/notificationCheck';
import { midtransFor } from '../../shared/client';
import { showFor } from '../operation';

const show = showFor('notification', 'verify');

/** Midtrans signs only these (docs/midtrans-contract.md §5.3); the output says so. */
const SIGNED = 'order_id, status_code and gross_amount';

export const description: INodeProperties[] = [
	{
		displayName: 'Notification Body',
		name: 'notificationBody',
		type: 'json',
		default: '={{ $json.body }}',
		required: true,
		description:
			"The notification Midtrans posted, as parsed JSON. With n8n's Webhook node in front, that is its body field.",
		displayOptions: show,
	},
	{
		displayName: 'Skip Status Confirmation (Unsafe)',
		name: 'skipConfirmation',
		type: 'boolean',
		default: false,
		description:
			"Whether to pass a payment or refund notification as verified without first asking Midtrans's status API. Midtrans signs only order_id, status_code and gross_amount, so anyone who has seen one genuine notification (in n8n's execution history, a forwarding workflow, a proxy log or the Midtrans dashboard) can resend it with transaction_status changed, for example an authorized card payment as settled or a settled one as refunded, and it would then pass as verified with paid: true or a refund for an order that was not paid or refunded. Turn on only if nothing after this node marks orders paid, ships goods or moves money.",
		displayOptions: show,
	},
];

function bodyOf(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

/** A body that is refused passes on nothing of itself: none of it is proven. */
function refusedItem(
	httpStatus: number,
	reason: 'forged' | 'not_a_notification' | 'unreadable',
	message: string,
): IDataObject {
	return { verified: false, http_status: httpStatus, reason, message };
}

function itemFor(decision: NotificationDecision, skipped: boolean, claim?: LinkClaim): IDataObject {
	const http_status = httpStatusOf(decision);
	switch (decision.outcome) {
		case 'refused':
			return refusedItem(
				http_status,
				http_status === 401
					? 'forged'
					: decision.refused === 'unreadable'
						? 'unreadable'
						: 'not_a_notification',
				decision.message,
			);
		case 'unavailable':
			// As the Trigger does: answer 503 so Midtrans delivers it again later. The detail is not
			// passed on: it may name the host the credential points at.
			return {
				verified: false,
				http_status,
				reason: 'unavailable',
				message: 'Could not confirm the notification with Midtrans; please retry',
			};
		case 'ignored':
			// Genuine but not what Midtrans says now (out of date, or edited): acknowledged, not acted on.
			return {
				verified: false,
				http_status,
				reason: decision.reason === 'unconfirmed' ? 'unconfirmed' : 'not_wanted',
				message: `Midtrans does not confirm this notification: ${decision.detail}`,
			};
		case 'accepted':
			return {
				...notificationItem(decision, claim ?? claimFromBody(decision.body)),
				verified: true,
				http_status,
				verification: decision.confirmed
					? 'signature valid and confirmed with the Midtrans Status API: the status fields are what Midtrans answered'
					: `signature valid: ${SIGNED} are proven; no other field is (${
							skipped ? 'confirmation skipped' : 'a state that moves no money is not confirmed'
						})`,
			};
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = bodyOf(this.getNodeParameter('notificationBody', itemIndex, {}));
	// Junk is refused on its shape before the credential is read, as in the Trigger.
	const junk = shapeRefusal(body);
	if (junk)
		return refusedItem(
			junk.status,
			junk.status === 401 ? 'forged' : 'not_a_notification',
			junk.message,
		);
	const skip = this.getNodeParameter('skipConfirmation', itemIndex, false) === true;
	const { config } = await midtransFor(this);
	const decision = await decideN8nNotification(this, body, config, { confirm: !skip });
	if (decision.outcome !== 'accepted') return itemFor(decision, skip);
	// Which link, from evidence, as the Trigger claims it (core link-claim.ts).
	const claim = await claimLinkOf(decision.body, (id) => lookUpLink(this, config, id));
	if (claim === 'unavailable')
		return {
			verified: false,
			http_status: 503,
			reason: 'unavailable',
			message: 'Could not ask Midtrans which payment link this payment belongs to; please retry',
		};
	return itemFor(decision, skip, claim);
}

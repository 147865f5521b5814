/**
 * Payment Link → Reconcile: the catch-up for notifications that never reached the workflow (n8n queue
 * mode loses the ones a hard-killed worker held; a Midtrans delivery can give up). Each input item is an
 * order still open in the user's store; the operation asks Midtrans about it (GET the link, then
 * /v2/:id/status for each purchase) and emits the state changes the Midtrans Trigger would have emitted,
 * in the Trigger's item shape, so the same downstream handles both. The rule is the core's
 * (core/src/reconcile-open-orders.ts); this file only asks and adapts.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import {
	describeValue,
	isMidtransApiError,
	purchaseIdsToAsk,
	reconcileOrder,
	summariseLink,
	type PaymentLink,
	type StatusAnswer,
} from '../../../shared/core';
import { withInterpretation } from '../../../shared/notification';
import { toNodeApiError } from '../../../shared/errors';
import { midtransFor } from '../../shared/client';
import { showFor } from '../operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'reconcileOrderId',
		type: 'string',
		required: true,
		default: '={{ $json.order_id }}',
		description:
			"The payment link's order ID of an order still open in your store (one input item per order)",
		displayOptions: showFor('paymentLink', 'reconcile'),
	},
	{
		displayName: 'Last Known State',
		name: 'reconcileKnownState',
		type: 'string',
		default: '={{ $json.state }}',
		description:
			'The state your store last recorded for the order (as the Midtrans Trigger emits it: pending, paid, expired…). Only states beyond it are emitted; leave empty to emit every state Midtrans reports.',
		displayOptions: showFor('paymentLink', 'reconcile'),
	},
];

/** Zero or more items per open order: one per state change it missed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const rawId = this.getNodeParameter('reconcileOrderId', itemIndex, '');
	if ((typeof rawId !== 'string' && typeof rawId !== 'number') || String(rawId).trim() === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Order ID must be text, got ${describeValue(rawId)}`,
			{ itemIndex },
		);
	}
	const orderId = String(rawId).trim();
	const known = this.getNodeParameter('reconcileKnownState', itemIndex, '');
	const { client, config } = await midtransFor(this);
	const serverKey = config.serverKey;

	let link: PaymentLink | null = null;
	try {
		link = await client.getPaymentLink(orderId);
	} catch (error) {
		// 404: the link is gone (deactivated, or never created); nothing more can happen to it.
		if (!(isMidtransApiError(error) && error.httpStatus === 404))
			throw toNodeApiError(this.getNode(), error, serverKey, itemIndex);
	}
	const answers: StatusAnswer[] = [];
	for (const id of link ? purchaseIdsToAsk(link) : []) {
		try {
			answers.push({ askedId: id, body: await client.getTransactionStatus(id) });
		} catch (error) {
			// The status API's "not found" (a purchase with no method chosen yet) is an answer, not a failure.
			if (isMidtransApiError(error) && error.httpStatus === 404)
				answers.push({ askedId: id, body: error.body });
			else throw toNodeApiError(this.getNode(), error, serverKey, itemIndex);
		}
	}
	const closed = !link || summariseLink(link, Date.now()).expired;
	const result = reconcileOrder(
		{ orderId, state: typeof known === 'string' ? known : '' },
		answers,
		closed,
	);
	return result.changes.map((change) => ({
		// The purchases asked about are the ones Midtrans's GET of this link lists: that is the evidence.
		...withInterpretation(change.body as IDataObject, change.interpretation, {
			linkOrderId: orderId,
			source: 'payment_link',
			candidate: orderId,
		}),
		reconciled: true,
		order_done: result.done,
	}));
}

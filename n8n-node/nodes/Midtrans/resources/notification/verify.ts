/**
 * Notification ▸ Verify: the Midtrans Trigger's checks for a workflow that already starts with n8n's
 * Webhook node. The same code decides (the Trigger's checkNotification and confirmWithStatusApi); this
 * operation only words the verdict as an item, so an IF node can route forgeries to a 401.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkNotification,
	confirmWithStatusApi,
} from '../../../MidtransTrigger/notificationCheck';
import { withInterpretation } from '../../../shared/notification';
import { n8nTransport } from '../../../shared/transport';
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
		displayName: 'Confirm with the Midtrans Status API',
		name: 'confirmWithStatusApi',
		type: 'boolean',
		default: true,
		description:
			'Whether to ask Midtrans for the transaction status and pass the notification only if Midtrans reports the same state. Only order_id, status_code and gross_amount are signed, so without this every other field (transaction_status among them) is unproven.',
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = bodyOf(this.getNodeParameter('notificationBody', itemIndex, {}));
	const confirm = this.getNodeParameter('confirmWithStatusApi', itemIndex, true) === true;
	const { config } = await midtransFor(this);
	const checked = checkNotification(body, config.serverKey);
	if (!checked.ok) {
		// Nothing of a body that failed is passed on: none of it is proven.
		return {
			verified: false,
			http_status: checked.status,
			reason: checked.status === 401 ? 'forged' : 'not_a_notification',
			message: checked.message,
		};
	}
	const item = withInterpretation(checked.body, checked.reading);
	if (!confirm) {
		return {
			...item,
			verified: true,
			confirmed: false,
			http_status: 200,
			verification: `signature valid: ${SIGNED} are proven; no other field is (confirmation off)`,
		};
	}
	const { verdict, ...rest } = await confirmWithStatusApi(
		n8nTransport(this),
		config,
		checked.reading,
	);
	const detail = 'detail' in rest ? rest.detail : '';
	if (verdict === 'unavailable') {
		// As the Trigger does: answer 503 so Midtrans delivers it again later.
		return {
			verified: false,
			http_status: 503,
			reason: 'unavailable',
			message: `Could not confirm the notification with Midtrans: ${detail}`,
		};
	}
	if (verdict === 'unconfirmed') {
		// Genuine but out of date (or about another order): acknowledged, not acted on.
		return {
			verified: false,
			http_status: 200,
			reason: 'unconfirmed',
			message: `Midtrans does not confirm this notification: ${detail}`,
		};
	}
	return {
		...item,
		verified: true,
		confirmed: true,
		http_status: 200,
		verification: `signature valid and confirmed with the Midtrans Status API`,
	};
}

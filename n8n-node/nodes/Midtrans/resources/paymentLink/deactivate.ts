/** Payment Link ▸ Deactivate: Midtrans deletes the link, so it can no longer be paid. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { midtransFor } from '../../shared/client';
import { idParameter } from '../../shared/parameters';
import { showFor } from '../operation';

const ORDER_ID = { name: 'orderId', label: 'Order ID' };

export const description: INodeProperties[] = [
	{
		displayName: ORDER_ID.label,
		name: ORDER_ID.name,
		type: 'string',
		required: true,
		default: '',
		description: "The payment link's order ID (as given at creation)",
		displayOptions: showFor('paymentLink', 'deactivate'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = idParameter(this, itemIndex, ORDER_ID.name, ORDER_ID.label);
	const { client } = await midtransFor(this);
	const answer = await client.deletePaymentLink(orderId);
	return { order_id: orderId, deactivated: true, message: answer.message };
}

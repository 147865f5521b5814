/** Payment Link ▸ Deactivate: Midtrans deletes the link, so it can no longer be paid. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { midtransFor } from '../../shared/client';
import { orderIdField, orderIdOf } from './orderIdField';

export const description: INodeProperties[] = [orderIdField('deactivate')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = orderIdOf(this, itemIndex);
	const { client } = await midtransFor(this);
	const answer = await client.deletePaymentLink(orderId);
	return { order_id: orderId, deactivated: true, message: answer.message };
}

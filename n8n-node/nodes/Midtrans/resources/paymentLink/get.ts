/** Payment Link ▸ Get: the link as Midtrans returns it, plus the core's summary of its purchases. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { reminderBlock, summariseLink } from '../../../shared/core';
import { midtransFor } from '../../shared/client';
import { orderIdField, orderIdOf } from './orderIdField';

export const description: INodeProperties[] = [orderIdField('get')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = orderIdOf(this, itemIndex);
	const { client } = await midtransFor(this);
	const link = await client.getPaymentLink(orderId);
	const s = summariseLink(link, Date.now());
	const summary: IDataObject = {
		status: s.status,
		word: s.word,
		paidCount: s.paidCount,
		pendingCount: s.pendingCount,
		usage: s.usage ?? null,
		usageLimit: s.usageLimit,
		expired: s.expired,
		expiresAt: s.expiresAt === undefined ? null : new Date(s.expiresAt).toISOString(),
		deleted: s.deleted,
		paidAt: s.paidAt,
		note: s.note,
		// Whether a payment reminder still makes sense (unpaid and payable): the reminder workflow's filter.
		remindable: reminderBlock(s) === undefined,
	};
	return { ...(link as IDataObject), summary };
}

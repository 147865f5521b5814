/** Transaction ▸ Refund: money goes back to the customer, in full or in part, on the standard or the direct path. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RefundRoute } from '../../../shared/core';
import { midtransFor } from '../../shared/client';
import { numberOf, optionalText } from '../../shared/parameters';
import { showFor } from '../operation';
import { actionOutput } from './actionOutcome';
import { transactionIdField, transactionIdOf } from './transactionIdField';

const show = showFor('transaction', 'refund');

export const description: INodeProperties[] = [
	transactionIdField('refund'),
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Rupiah to refund. 0 refunds everything that is left. An amount above what is left is refused before anything is sent.',
		displayOptions: show,
	},
	{
		displayName: 'Refund Key',
		name: 'refundKey',
		type: 'string',
		default: '',
		placeholder: 'refund-INV-7-1',
		description:
			'Your ID for this refund (letters, digits, - and _). Midtrans treats the same key as the same refund, so with a key the node may resend when an answer is lost; without one it never resends.',
		displayOptions: show,
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the money goes back (at most 255 characters)',
		displayOptions: show,
	},
	{
		displayName: 'Refund Path',
		name: 'route',
		type: 'options',
		default: 'auto',
		options: [
			{
				name: 'Automatic',
				value: 'auto',
				description: 'Direct for GoPay, QRIS and ShopeePay; standard for the rest',
			},
			{ name: 'Standard (/Refund)', value: 'standard' },
			{ name: 'Direct (/Refund/online/direct)', value: 'direct' },
		],
		displayOptions: show,
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = transactionIdOf(this, itemIndex);
	const amount = numberOf(this.getNodeParameter('amount', itemIndex, 0));
	const refundKey = optionalText(this.getNodeParameter('refundKey', itemIndex, ''));
	const reason = optionalText(this.getNodeParameter('reason', itemIndex, ''));
	const route = this.getNodeParameter('route', itemIndex, 'auto') as RefundRoute;
	const { client } = await midtransFor(this);
	const outcome = await client.refund(
		id,
		{ amount: amount === 0 ? undefined : amount, refundKey, reason },
		route,
	);
	return actionOutput(this, itemIndex, outcome, (plan) => ({
		refund_path: plan.direct ? 'direct' : 'standard',
		left_to_refund: plan.remaining - plan.amount,
	}));
}

/** The Transaction resource: its operations, each in its own file. */
import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as cancel from './cancel';
import * as expire from './expire';
import * as getStatus from './getStatus';
import * as refund from './refund';

export const operations: Record<string, Operation> = { getStatus, refund, cancel, expire };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				description:
					'Ends a payment that has not settled: the customer can no longer pay it. Cannot be undone. Settled money needs Refund instead.',
				action: 'Cancel a transaction',
			},
			{
				name: 'Expire',
				value: 'expire',
				description: 'Ends a pending payment now, as if its time had run out. Cannot be undone.',
				action: 'Expire a pending transaction',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get a payment's current status from Midtrans",
				action: 'Get the status of a transaction',
			},
			{
				name: 'Refund',
				value: 'refund',
				description:
					'Sends real money back to the customer from a settled payment (all of what is left, or an amount). Cannot be undone.',
				action: 'Refund a transaction',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...refund.description,
	...cancel.description,
	...expire.description,
];

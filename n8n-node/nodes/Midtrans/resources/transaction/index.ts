/** The Transaction resource: its operations, each in its own file. */
import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as getStatus from './getStatus';

export const operations: Record<string, Operation> = { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get a payment's current status from Midtrans",
				action: 'Get the status of a transaction',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
];

/** The Notification resource: its operations, each in its own file. */
import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as verify from './verify';

export const operations: Record<string, Operation> = { verify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notification'] } },
		options: [
			{
				name: 'Verify',
				value: 'verify',
				description:
					'Check a notification a Webhook node received, as the Midtrans Trigger does: verified is false for a forgery (answer it 401)',
				action: 'Verify a notification',
			},
		],
		default: 'verify',
	},
	...verify.description,
];

/** The Payment Link resource: its operations, each in its own file. */
import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../operation';
import * as create from './create';
import * as deactivate from './deactivate';
import * as get from './get';
import * as reconcile from './reconcile';

export const operations: Record<string, Operation> = { create, deactivate, get, reconcile };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentLink'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a payment link and get its URL',
				action: 'Create a payment link',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'Deactivate (delete) a payment link so it can no longer be paid',
				action: 'Deactivate a payment link',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a payment link with its purchases and a status summary',
				action: 'Get a payment link',
			},
			{
				name: 'Reconcile',
				value: 'reconcile',
				description:
					'Ask Midtrans about open orders and emit the state changes the Midtrans Trigger would have emitted (catch-up for lost notifications)',
				action: 'Reconcile open orders',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...deactivate.description,
	...reconcile.description,
];

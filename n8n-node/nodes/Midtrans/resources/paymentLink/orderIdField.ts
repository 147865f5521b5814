/** The Order ID field that Get and Deactivate both ask for, and its reader: one definition, so the two cannot drift apart. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/parameters';
import { showFor } from '../operation';

const ORDER_ID = { name: 'orderId', label: 'Order ID' };

export function orderIdField(operation: string): INodeProperties {
	return {
		displayName: ORDER_ID.label,
		name: ORDER_ID.name,
		type: 'string',
		required: true,
		default: '',
		description: "The payment link's order ID (as given at creation)",
		displayOptions: showFor('paymentLink', operation),
	};
}

export function orderIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return idParameter(ctx, itemIndex, ORDER_ID.name, ORDER_ID.label);
}

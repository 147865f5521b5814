/** The Transaction or Order ID field every Transaction operation asks for, and its reader: one definition for all. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/parameters';
import { showFor } from '../operation';

const TRANSACTION_ID = { name: 'transactionId', label: 'Transaction or Order ID' };

export function transactionIdField(operation: string): INodeProperties {
	return {
		displayName: TRANSACTION_ID.label,
		name: TRANSACTION_ID.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
		description:
			"The payment's transaction_id, or its own order ID (the link's order ID plus Midtrans's suffix, e.g. INV-7-1732500000000), as in a notification",
		displayOptions: showFor('transaction', operation),
	};
}

export function transactionIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	return idParameter(ctx, itemIndex, TRANSACTION_ID.name, TRANSACTION_ID.label);
}

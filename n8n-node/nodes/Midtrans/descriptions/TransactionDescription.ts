import type { INodeProperties } from 'n8n-workflow';

export const transactionOperations: INodeProperties[] = [
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
];

export const transactionFields: INodeProperties[] = [
	{
		displayName: 'Transaction or Order ID',
		name: 'transactionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
		description:
			"The payment's transaction_id, or its own order ID (the link's order ID plus Midtrans's suffix, e.g. INV-7-1732500000000), as in a notification",
		displayOptions: { show: { resource: ['transaction'], operation: ['getStatus'] } },
	},
];

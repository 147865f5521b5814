/** Transaction ▸ Get Status: Midtrans's status answer, with the same interpretation the trigger adds to a notification. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answerAbout, interpretNotification } from '../../../shared/core';
import { withInterpretation, withLinkOrderId } from '../../../shared/notification';
import { midtransFor } from '../../shared/client';
import { idParameter } from '../../shared/parameters';
import { showFor } from '../operation';

const TRANSACTION_ID = { name: 'transactionId', label: 'Transaction or Order ID' };

export const description: INodeProperties[] = [
	{
		displayName: TRANSACTION_ID.label,
		name: TRANSACTION_ID.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
		description:
			"The payment's transaction_id, or its own order ID (the link's order ID plus Midtrans's suffix, e.g. INV-7-1732500000000), as in a notification",
		displayOptions: showFor('transaction', 'getStatus'),
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = idParameter(this, itemIndex, TRANSACTION_ID.name, TRANSACTION_ID.label);
	const { client } = await midtransFor(this);
	const answer = (await client.getTransactionStatus(id)) as IDataObject;
	// Asked by an order id, a BI-SNAP answer names the payment by its transaction id: give it back its order id.
	const about = answerAbout(id, answer);
	const status = about.ok ? (about.body as IDataObject) : answer;
	const read = interpretNotification(status);
	return read.ok ? withInterpretation(status, read.value) : withLinkOrderId(status);
}

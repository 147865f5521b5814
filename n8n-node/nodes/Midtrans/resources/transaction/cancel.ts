/** Transaction ▸ Cancel: voids a payment that has not settled (pending, or a card payment before settlement); the customer can no longer pay it. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { midtransFor } from '../../shared/client';
import { actionOutput } from './actionOutcome';
import { transactionIdField, transactionIdOf } from './transactionIdField';

export const description: INodeProperties[] = [transactionIdField('cancel')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = transactionIdOf(this, itemIndex);
	const { client } = await midtransFor(this);
	return actionOutput(this, itemIndex, await client.endPayment('cancel', id), () => ({}));
}

/** Transaction ▸ Expire: ends a pending payment now, as if its time had run out. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { midtransFor } from '../../shared/client';
import { actionOutput } from './actionOutcome';
import { transactionIdField, transactionIdOf } from './transactionIdField';

export const description: INodeProperties[] = [transactionIdField('expire')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = transactionIdOf(this, itemIndex);
	const { client } = await midtransFor(this);
	return actionOutput(this, itemIndex, await client.endPayment('expire', id), () => ({}));
}

/** Transaction ▸ Get Status: Midtrans's status answer, with the same interpretation the trigger adds to a notification. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answerAbout, claimFromBody, interpretNotification } from '../../../shared/core';
import { claimLinkOf } from '../../../shared/linkClaim';
import { withInterpretation, withLinkOrderId } from '../../../shared/notification';
import { midtransFor } from '../../shared/client';
import { transactionIdField, transactionIdOf } from './transactionIdField';

export const description: INodeProperties[] = [transactionIdField('getStatus')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = transactionIdOf(this, itemIndex);
	const { client } = await midtransFor(this);
	const answer = (await client.getTransactionStatus(id)) as IDataObject;
	// Asked by an order id, a BI-SNAP answer names the payment by its transaction id: give it back its order id.
	const about = answerAbout(id, answer);
	const status = about.ok ? (about.body as IDataObject) : answer;
	const read = interpretNotification(status);
	const claim = await claimLinkOf(status, async (linkOrderId) => {
		try {
			return await client.getPaymentLink(linkOrderId);
		} catch {
			// No such link (or it cannot be read now): the payment is not claimed for any link.
			return undefined;
		}
	});
	const known = claim === 'unavailable' ? claimFromBody(status) : claim;
	return read.ok ? withInterpretation(status, read.value, known) : withLinkOrderId(status, known);
}

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { interpretNotification, type MidtransClient } from '../../shared/core';
import { withInterpretation, withLinkOrderId } from '../../shared/notification';
import { idParameter } from './paymentLink';

/** Midtrans's status answer, with the same interpretation the trigger adds to a notification. */
export async function getTransactionStatus(ctx: IExecuteFunctions, i: number, client: MidtransClient): Promise<IDataObject> {
	const id = idParameter(ctx, i, 'transactionId', 'Transaction or Order ID');
	const status = (await client.getTransactionStatus(id)) as IDataObject;
	const read = interpretNotification(status);
	return read.ok ? withInterpretation(status, read.value) : withLinkOrderId(status);
}

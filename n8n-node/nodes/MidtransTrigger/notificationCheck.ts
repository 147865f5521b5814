import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';

import {
	checkWithStatusApi,
	interpretNotification,
	signedFields,
	transactionStatusRequest,
	verifyNotification,
	type HttpResponse,
	type Interpretation,
	type MidtransConfig,
	type StatusCheck,
	type Transport,
} from '../shared/core';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export const sha512Hex = (input: string): string =>
	createHash('sha512').update(input, 'utf8').digest('hex');

export type Checked =
	| { ok: true; body: IDataObject; reading: Interpretation }
	| { ok: false; status: 400 | 401; message: string };

/**
 * What the trigger decides before any workflow runs: 400 for a body that is not a Midtrans
 * notification, 401 for one whose signature_key does not match the server key (forged, or sent for
 * another Midtrans account), otherwise the core's reading of it.
 */
export function checkNotification(body: unknown, serverKey: string): Checked {
	// A missing signature_key is treated as forged (401), a body without the signed fields as not a
	// notification (400), and a signed body whose transaction_status the core cannot read as 400 too, so
	// Midtrans retries it and it stays visible in the dashboard's delivery history [our choice].

	if (!isPlainObject(body) || !signedFields(body)) {
		return {
			ok: false,
			status: 400,
			message:
				'Not a Midtrans notification: expected a JSON object with order_id, status_code, gross_amount and signature_key',
		};
	}
	if (!verifyNotification(body, serverKey, sha512Hex)) {
		return { ok: false, status: 401, message: 'Invalid signature_key' };
	}
	const reading = interpretNotification(body);
	if (!reading.ok)
		return { ok: false, status: 400, message: `Cannot read this notification: ${reading.problem}` };
	return { ok: true, body: body as IDataObject, reading: reading.value };
}

/** The body n8n parsed, or the raw body parsed here when n8n did not (e.g. a missing Content-Type). */
export function notificationBody(parsed: IDataObject, rawBody: unknown): unknown {
	if (Object.keys(parsed ?? {}).length > 0 || !rawBody) return parsed;
	const text =
		typeof rawBody === 'string'
			? rawBody
			: rawBody instanceof Uint8Array
				? new TextDecoder().decode(rawBody)
				: '';
	if (text.trim() === '') return parsed;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		// Not JSON: the caller answers 400 for a non-object, naming the problem.
		return { malformed: (error as Error).message };
	}
}

/**
 * Asks Midtrans for the purchase's current status; the notification counts only if it reports the same
 * purchase state about the same signed order id (the core's check, shared with the Sheets add-on). It
 * asks by transaction_id, not by the link's order id (docs/midtrans-contract.md §6 [inferred]: a link's order id is not
 * a transaction). One attempt: Midtrans retries the notification itself when it is not answered 200.
 * Used by the Trigger and by the Midtrans node's Notification ▸ Verify alike.
 */
export async function confirmWithStatusApi(
	transport: Transport,
	config: MidtransConfig,
	reading: Interpretation,
): Promise<StatusCheck> {
	let res: HttpResponse | undefined;
	try {
		res = await transport(transactionStatusRequest(config, reading.transactionId));
	} catch {
		res = undefined;
	}
	return checkWithStatusApi(reading, res, (state) => state === reading.state);
}

import type { IDataObject } from 'n8n-workflow';
import { createHash } from 'crypto';

import {
	interpretNotification,
	notificationShape,
	verifyNotification,
	type Interpretation,
} from '../shared/core';

export const sha512Hex = (input: string): string => createHash('sha512').update(input, 'utf8').digest('hex');

export type Checked =
	| { ok: true; body: IDataObject; reading: Interpretation }
	| { ok: false; status: 400 | 401; message: string };

export type Refusal = Extract<Checked, { ok: false }>;

/**
 * The core's shape check, before the credential is read and before any signature is compared: a
 * body that cannot be a notification costs neither. A signature_key that is not 128 hex digits
 * cannot be Midtrans's, so it is answered as forged (401); any other shape problem is 400.
 */
export function shapeRefusal(body: unknown): Refusal | undefined {
	const shape = notificationShape(body);
	if (shape.ok) return undefined;
	if (shape.field === 'signature_key') return { ok: false, status: 401, message: 'Invalid signature_key' };
	return { ok: false, status: 400, message: `Not a Midtrans notification: ${shape.problem}` };
}

/**
 * What the trigger decides before any workflow runs: 400 for a body that is not a Midtrans
 * notification, 401 for one whose signature_key does not match the server key (forged, or sent for
 * another Midtrans account), otherwise the core's reading of it.
 */
export function checkNotification(body: unknown, serverKey: string): Checked {
	// A signed body whose transaction_status the core cannot read is 400 too, so Midtrans retries it and
	// it stays visible in the dashboard's delivery history [our choice].
	const refused = shapeRefusal(body);
	if (refused) return refused;
	if (!verifyNotification(body, serverKey, sha512Hex)) {
		return { ok: false, status: 401, message: 'Invalid signature_key' };
	}
	const reading = interpretNotification(body);
	if (!reading.ok) return { ok: false, status: 400, message: `Cannot read this notification: ${reading.problem}` };
	return { ok: true, body: body as IDataObject, reading: reading.value };
}

/** The body n8n parsed, or the raw body parsed here when n8n did not (e.g. a missing Content-Type). */
export function notificationBody(parsed: IDataObject, rawBody: unknown): unknown {
	if (Object.keys(parsed ?? {}).length > 0 || !rawBody) return parsed;
	const text = typeof rawBody === 'string' ? rawBody : rawBody instanceof Uint8Array ? new TextDecoder().decode(rawBody) : '';
	if (text.trim() === '') return parsed;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		// Not JSON: the caller answers 400 for a non-object, naming the problem.
		return { malformed: (error as Error).message };
	}
}

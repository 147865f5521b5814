import type { IDataObject } from 'n8n-workflow';
import { notificationShape } from '../shared/core';

export interface Refusal {
	ok: false;
	status: 400 | 401;
	message: string;
}

/**
 * The core's shape check, before the credential is read and before any signature is compared: a
 * body that cannot be a notification costs neither. A signature_key that is not 128 hex digits
 * cannot be Midtrans's, so it is answered as forged (401); any other shape problem is 400.
 */
export function shapeRefusal(body: unknown): Refusal | undefined {
	const shape = notificationShape(body);
	if (shape.ok) return undefined;
	if (shape.field === 'signature_key')
		return { ok: false, status: 401, message: 'Invalid signature_key' };
	return { ok: false, status: 400, message: `Not a Midtrans notification: ${shape.problem}` };
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
		// Not JSON: the core refuses a non-object as not a notification (400), naming the problem.
		return { malformed: (error as Error).message };
	}
}

import type { IDataObject } from 'n8n-workflow';

/** The body n8n parsed, or the raw body parsed here when n8n did not (e.g. a missing Content-Type). */
export function notificationBody(parsed: IDataObject, rawBody: unknown): unknown {
	if (Object.keys(parsed ?? {}).length > 0 || !rawBody) return parsed;
	const text = typeof rawBody === 'string' ? rawBody : rawBody instanceof Uint8Array ? new TextDecoder().decode(rawBody) : '';
	if (text.trim() === '') return parsed;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		// Not JSON: the core refuses a non-object as not a notification (400), naming the problem.
		return { malformed: (error as Error).message };
	}
}

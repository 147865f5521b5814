import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { isMidtransApiError, redactSecret } from './core';

/**
 * A Midtrans failure as n8n's API error: Midtrans's own messages, its HTTP status, and never the
 * server key (the core redacts it; this redacts again whatever else reaches the message).
 */
export function toNodeApiError(node: INode, error: unknown, serverKey: string, itemIndex?: number): NodeApiError {
	if (error instanceof NodeApiError) return error;
	if (isMidtransApiError(error)) {
		const messages = error.messages.map((m) => redactSecret(m, serverKey));
		const httpCode = error.httpStatus ? String(error.httpStatus) : undefined;
		const message = redactSecret(error.message, serverKey);
		const response: JsonObject = { message, error_messages: messages };
		if (httpCode) response.httpCode = httpCode;
		return new NodeApiError(node, response, {
			message,
			description: messages.join('\n'),
			httpCode,
			itemIndex,
		});
	}
	const text = redactSecret(error instanceof Error ? error.message : String(error), serverKey);
	return new NodeApiError(node, { message: text } as JsonObject, { message: text, itemIndex });
}

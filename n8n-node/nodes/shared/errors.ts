import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { isMidtransApiError, redactSecret } from './core';

/**
 * A Midtrans failure as n8n's API error: Midtrans's own messages, its HTTP status, and never the
 * server key (the core redacts it; this redacts again whatever else reaches the message).
 */
export function toNodeApiError(
	node: INode,
	error: unknown,
	serverKey: string,
	itemIndex?: number,
): NodeApiError {
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

/**
 * A validation error quotes the value it got, and a value may hold anything, the server key included.
 * Such an error is built again from redacted text: n8n keeps the original text in the error's cause
 * and stack, so editing the message alone would not do.
 */
export function withoutSecret(
	node: INode,
	error: NodeOperationError,
	serverKey: string,
	itemIndex: number,
): NodeOperationError {
	const description = error.description ?? undefined;
	const leaks = [error.message, description ?? ''].some(
		(text) => redactSecret(text, serverKey) !== text,
	);
	if (!leaks) return error;
	return new NodeOperationError(node, redactSecret(error.message, serverKey), {
		itemIndex,
		description: description === undefined ? undefined : redactSecret(description, serverKey),
	});
}

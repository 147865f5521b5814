import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './config';
import type { HttpRequest, HttpResponse, Transport } from './core';

type HttpContext = IExecuteFunctions | IWebhookFunctions;

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	return JSON.stringify(body);
}

/**
 * The core's Transport over n8n's HTTP helper. The credential's `authenticate` block adds the Basic
 * auth header, so the core's own Authorization header is dropped here; every status code comes back
 * to the core (which owns retries and error mapping) instead of being thrown by n8n.
 */
export function n8nTransport(context: HttpContext): Transport {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(request.headers)) {
			if (name.toLowerCase() !== 'authorization') headers[name] = value;
		}
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			headers,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
		};
		if (request.body !== undefined) options.body = request.body;
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		return { status: response.statusCode, body: bodyText(response.body) };
	};
}

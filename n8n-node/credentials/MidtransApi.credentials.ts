import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { API_BASE_URLS } from '../nodes/shared/core';

/**
 * The credential test asks for a payment link that cannot exist. With a working key Midtrans answers
 * 404 (not found); with a wrong key it answers 401 before looking. n8n fails every non-2xx test
 * answer by default, so 404 is let through with `ignoreHttpStatusErrors` while every other error
 * status (listed in `except`) still fails, and 401 gets a message that says what to fix.
 */
const PROBE_ORDER_ID = 'n8n-credential-test-probe-0000000000';
const STATUSES_THAT_FAIL_THE_TEST = Array.from({ length: 200 }, (_, i) => 400 + i).filter(
	(status) => status !== 404,
);

export class MidtransApi implements ICredentialType {
	name = 'midtransApi';

	displayName = 'Midtrans API';

	icon: Icon = { light: 'file:../icons/midtrans.svg', dark: 'file:../icons/midtrans.dark.svg' };

	documentationUrl = 'https://docs.midtrans.com/docs/api-authorization-headers';

	properties: INodeProperties[] = [
		// Masked the way n8n's own credentials mask a secret whose name says "key" (DatadogApi's appKey,
		// GongApi's accessKey, WooCommerceApi's consumerKey): `typeOptions: { password: true }`.
		{
			displayName: 'Server Key',
			name: 'serverKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'SB-Mid-server-...',
			description:
				'Midtrans Dashboard ▸ Settings ▸ Access Keys. Sandbox keys start with SB-Mid-server-. Also used to verify notification signatures.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production' },
				{ name: 'Sandbox', value: 'sandbox' },
			],
			default: 'sandbox',
			description: 'Which Midtrans environment the server key belongs to',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: API_BASE_URLS.sandbox,
			description:
				'Leave empty to use the environment above. Set it to reach a proxy or a local Midtrans simulator instead.',
		},
	];

	// Midtrans uses HTTP Basic auth: the server key as user name and an empty password.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.serverKey}}',
				password: '',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			// n8n resolves this expression itself, so the core's rule (apiBaseUrl: a non-blank override,
			// trimmed, else the environment's host) is written into it, with the core's hosts;
			// test/unit/n8n/derived-from-core.test.ts compares the two.
			baseURL: `={{String($credentials.baseUrl || "").trim() || ($credentials.environment === "production" ? ${JSON.stringify(API_BASE_URLS.production)} : ${JSON.stringify(API_BASE_URLS.sandbox)})}}`,
			url: `/v1/payment-links/${PROBE_ORDER_ID}`,
			method: 'GET',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: { ignore: true, except: STATUSES_THAT_FAIL_THE_TEST },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Midtrans rejected the server key. Check that it is the Server Key (not the Client Key) and that it belongs to the selected environment.',
				},
			},
		],
	};
}

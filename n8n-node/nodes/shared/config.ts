import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { MidtransConfig } from './core';

export const CREDENTIAL_TYPE = 'midtransApi';

/** The core's view of the `midtransApi` credential. */
export function configFromCredentials(credentials: ICredentialDataDecryptedObject): MidtransConfig {
	const environment = credentials.environment === 'production' ? 'production' : 'sandbox';
	const baseUrl = typeof credentials.baseUrl === 'string' ? credentials.baseUrl : '';
	const serverKey = typeof credentials.serverKey === 'string' ? credentials.serverKey : '';
	return { serverKey, environment, baseUrl };
}

import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { configFromCredentials, CREDENTIAL_TYPE } from '../../shared/config';
import { MidtransClient, type MidtransConfig } from '../../shared/core';
import { n8nTransport } from '../../shared/transport';

export interface Midtrans {
	client: MidtransClient;
	config: MidtransConfig;
}

// One client per execution: n8n hands every item of one run the same context object, and a new run
// (or changed credentials) gets a new one, so the cache never outlives the credentials it read.
const perExecution = new WeakMap<IExecuteFunctions, Promise<Midtrans>>();

/** The Midtrans client (and the credential it was built from) for this execution. */
export async function midtransFor(ctx: IExecuteFunctions): Promise<Midtrans> {
	let found = perExecution.get(ctx);
	if (!found) {
		found = ctx.getCredentials(CREDENTIAL_TYPE).then((credentials) => {
			const config = configFromCredentials(credentials);
			// Retries (429, 5xx, no answer) wait with n8n's own sleep: timers are not available to community nodes.
			const client = new MidtransClient(config, {
				transport: n8nTransport(ctx),
				sleep: async (ms) => await sleep(ms),
			});
			return { client, config };
		});
		perExecution.set(ctx, found);
	}
	return await found;
}

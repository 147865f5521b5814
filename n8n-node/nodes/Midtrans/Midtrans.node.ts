import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { configFromCredentials, CREDENTIAL_TYPE } from '../shared/config';
import { describeValue, MidtransClient, redactSecret } from '../shared/core';
import { toNodeApiError, withoutSecret } from '../shared/errors';
import { n8nTransport } from '../shared/transport';
import { createPaymentLink, deactivatePaymentLink, getPaymentLink } from './actions/paymentLink';
import { getTransactionStatus } from './actions/transaction';
import * as reconcile from './resources/paymentLink/reconcile';
import {
	paymentLinkFields,
	paymentLinkOperations,
	transactionFields,
	transactionOperations,
} from './descriptions';

type Operation = (ctx: IExecuteFunctions, i: number, client: MidtransClient) => Promise<IDataObject>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	paymentLink: { create: createPaymentLink, get: getPaymentLink, deactivate: deactivatePaymentLink },
	transaction: { getStatus: getTransactionStatus },
};

export class Midtrans implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Midtrans',
		name: 'midtrans',
		icon: { light: 'file:../../icons/midtrans.svg', dark: 'file:../../icons/midtrans.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, get and deactivate Midtrans payment links and check payment status',
		defaults: { name: 'Midtrans' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Payment Link', value: 'paymentLink' },
					{ name: 'Transaction', value: 'transaction' },
				],
				default: 'paymentLink',
			},
			...paymentLinkOperations,
			...paymentLinkFields,
			...reconcile.description,
			...transactionOperations,
			...transactionFields,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const config = configFromCredentials(await this.getCredentials(CREDENTIAL_TYPE));
		// Retries (429, 5xx, no answer) wait with n8n's own sleep: timers are not available to community nodes.
		const client = new MidtransClient(config, { transport: n8nTransport(this), sleep: async (ms) => await sleep(ms) });
		const returnData: INodeExecutionData[] = [];

		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as unknown;
				const operation = this.getNodeParameter('operation', i) as unknown;
				if (resource === 'paymentLink' && operation === 'reconcile') {
					// Zero or more items per input item (one per state change), so it is not an Operation.
					returnData.push(...(await reconcile.execute.call(this, i)));
					continue;
				}
				const run = typeof resource === 'string' && typeof operation === 'string' ? OPERATIONS[resource]?.[operation] : undefined;
				if (!run) {
					throw new NodeOperationError(
						this.getNode(),
						`The operation ${describeValue(operation)} is not known for the resource ${describeValue(resource)}`,
						{ itemIndex: i },
					);
				}
				const json = await run(this, i, client);
				returnData.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), { itemData: { item: i } }),
				);
			} catch (caught) {
				const error =
					caught instanceof NodeOperationError
						? withoutSecret(this.getNode(), caught, config.serverKey, i)
						: caught instanceof NodeApiError
							? caught
							: toNodeApiError(this.getNode(), caught, config.serverKey, i);
				if (this.continueOnFail()) {
					const json: IDataObject = { error: redactSecret(error.message, config.serverKey) };
					if (error.description) json.description = redactSecret(error.description, config.serverKey);
					if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
					returnData.push({ json, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [returnData];
	}
}

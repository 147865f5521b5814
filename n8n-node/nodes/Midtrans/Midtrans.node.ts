import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../shared/config';
import { describeValue, redactSecret } from '../shared/core';
import { toNodeApiError, withoutSecret } from '../shared/errors';
import { notification, operationFor, paymentLink, transaction } from './resources';
import { midtransFor } from './shared/client';

export class Midtrans implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Midtrans',
		name: 'midtrans',
		icon: { light: 'file:../../icons/midtrans.svg', dark: 'file:../../icons/midtrans.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, get, deactivate and reconcile Midtrans payment links; check, refund, cancel or expire a payment; verify a notification (refund, cancel and expire move money or end a payment)',
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
					{ name: 'Notification', value: 'notification' },
					{ name: 'Transaction', value: 'transaction' },
				],
				default: 'paymentLink',
			},
			...paymentLink.description,
			...transaction.description,
			...notification.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { config } = await midtransFor(this);
		const returnData: INodeExecutionData[] = [];

		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as unknown;
				const operation = this.getNodeParameter('operation', i) as unknown;
				const run = operationFor(resource, operation);
				if (!run) {
					throw new NodeOperationError(
						this.getNode(),
						`The operation ${describeValue(operation)} is not known for the resource ${describeValue(resource)}`,
						{ itemIndex: i },
					);
				}
				const json = await run.execute.call(this, i);
				returnData.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(json), {
						itemData: { item: i },
					}),
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
					if (error.description)
						json.description = redactSecret(error.description, config.serverKey);
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

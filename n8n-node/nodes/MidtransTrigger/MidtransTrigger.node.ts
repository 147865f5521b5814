import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { configFromCredentials, CREDENTIAL_TYPE } from '../shared/config';
import { PURCHASE_STATES } from '../shared/core';
import { withInterpretation } from '../shared/notification';
import { n8nTransport } from '../shared/transport';
import { CredentialCache, type ReadReason } from './credentialCache';
import { checkNotification, confirmWithStatusApi, notificationBody } from './notificationCheck';

type Config = ReturnType<typeof configFromCredentials>;

// One per n8n process (webhook processors in queue mode each have their own); the rules are in
// credentialCache.ts.
const credentialCache = new CredentialCache<Config>(() => Date.now());

const STATE_NAMES: Record<(typeof PURCHASE_STATES)[number], string> = {
	chargeback: 'Chargeback',
	expired: 'Expired',
	failed: 'Failed (Denied, Cancelled or Failed)',
	paid: 'Paid (Settlement or Accepted Capture)',
	partially_refunded: 'Partially Refunded',
	pending: 'Pending',
	refunded: 'Refunded',
	review: 'Under Review (Fraud Challenge)',
};

export class MidtransTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Midtrans Trigger',
		name: 'midtransTrigger',
		icon: { light: 'file:../../icons/midtrans.svg', dark: 'file:../../icons/midtrans.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Midtrans sends a verified payment notification',
		defaults: { name: 'Midtrans Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			// n8n's editor keeps only <a>, <ul> and <li> in a notice (its Notice component sanitises the
			// text to those tags), so steps are list items and names are in quotes, not bold.
			{
				displayName:
					'Midtrans has no API to register webhooks, so set it up once by hand:' +
					'<ul>' +
					'<li>1. Publish (activate) this workflow.</li>' +
					"<li>2. Copy the Production URL from this node's Webhook URLs above.</li>" +
					'<li>3. In the Midtrans Dashboard open Settings ▸ Payment ▸ Notification URL (Settings ▸ Configuration in older dashboards), paste it into \u201cPayment Notification URL\u201d and save.</li>' +
					'<li>4. Use the same environment (Sandbox or Production) as this credential.</li>' +
					'</ul>' +
					'Every notification is checked against your server key: forged ones get HTTP 401 and start nothing.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Midtrans may send the same notification more than once (it retries until it gets HTTP 200), and a purchase sends a new one each time its state changes: every delivery starts a run. ' +
					"To act once per payment state, follow this node with n8n's \u201cRemove Duplicates\u201d node set to:" +
					'<ul>' +
					'<li>Operation: Remove Items Processed in Previous Executions</li>' +
					'<li>Keep Items Where: Value Is New</li>' +
					'<li>Value to Dedupe On: {{ $json.transaction_id }}-{{ $json.state }}</li>' +
					'</ul>' +
					'Each item carries transaction_id, transaction_status and state for this.',
				name: 'duplicatesNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Payment States',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['*'],
				description: 'Which payment states start the workflow',
				options: [
					{ name: 'All States', value: '*' },
					...PURCHASE_STATES.map((state) => ({ name: STATE_NAMES[state], value: state })).sort(
						(a, b) => a.name.localeCompare(b.name),
					),
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Confirm with the Midtrans Status API',
						name: 'confirmWithStatusApi',
						type: 'boolean',
						default: false,
						description:
							'Whether to ask Midtrans for the transaction status before starting the workflow, and start it only if Midtrans reports the same state (an out-of-date notification is then skipped)',
					},
				],
			},
		],
	};

	// Midtrans reads the notification URL from its dashboard only, so there is nothing to register.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Every answer is written here, so Midtrans (and anyone reading its dashboard's delivery history)
		// sees a small JSON body. Left to n8n, an onReceived webhook without responseData answers 200 with
		// the literal text "firstEntryJson" (n8n 2.40.7). noWebhookResponse tells n8n the answer is sent;
		// n8n still starts the run when workflowData is returned with it.
		const res = this.getResponseObject();
		const answer = (
			status: number,
			body: IDataObject,
			workflowData?: IWebhookResponseData['workflowData'],
		): IWebhookResponseData => {
			res.status(status).json(body);
			return workflowData ? { noWebhookResponse: true, workflowData } : { noWebhookResponse: true };
		};
		const received = { received: true };

		// The credential's id comes with the node, without reading the credential. The log line names the id
		// and why it is read, never what it holds.
		const credentialId = this.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? undefined;
		const read = async (reason: ReadReason): Promise<Config> => {
			this.logger?.debug(
				`Midtrans Trigger: reading credential ${credentialId ?? '(no id)'} (${reason})`,
			);
			return configFromCredentials(await this.getCredentials(CREDENTIAL_TYPE));
		};
		let config = credentialId
			? await credentialCache.current(credentialId, read)
			: await read('first');
		const body = notificationBody(
			this.getBodyData(),
			(this.getRequestObject() as { rawBody?: unknown }).rawBody,
		);
		let checked = checkNotification(body, config.serverKey);
		if (!checked.ok && checked.status === 401 && credentialId) {
			// Perhaps the key was rotated since it was cached: read again (rate-limited), and check once more.
			const fresh = await credentialCache.afterMismatch(credentialId, config, read);
			if (fresh) {
				config = fresh;
				checked = checkNotification(body, config.serverKey);
			}
		}
		if (!checked.ok) return answer(checked.status, { message: checked.message });
		const { reading } = checked;

		const events = this.getNodeParameter('events', ['*']) as string[];
		if (!events.includes('*') && !events.includes(reading.state)) return answer(200, received);

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const item = withInterpretation(checked.body, reading);
		if (options.confirmWithStatusApi === true) {
			const { verdict } = await confirmWithStatusApi(n8nTransport(this), config, reading);
			// Unavailable: 503 makes Midtrans retry later. Unconfirmed: this notification is out of date
			// (or not about this order), so it is acknowledged and skipped.
			if (verdict === 'unavailable')
				return answer(503, {
					message: 'Could not confirm the notification with Midtrans; please retry',
				});
			if (verdict === 'unconfirmed') return answer(200, received);
			item.confirmed = true;
		}
		return answer(200, received, [this.helpers.returnJsonArray(item)]);
	}
}

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
import { claimLinkOf, lookUpLink } from '../shared/linkClaim';
import { decideN8nNotification, httpStatusOf, notificationItem } from '../shared/notification';
import { CredentialCache, type ReadReason } from './credentialCache';
import { notificationBody, shapeRefusal } from './notificationCheck';

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
					'Every notification is checked against your server key, and a payment or refund is confirmed with Midtrans\u2019s status API before a run starts. A body not signed with your key, or whose status does not fit what Midtrans signed, gets HTTP 401 and starts nothing.',
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
						displayName: 'Skip Status Confirmation (Unsafe)',
						name: 'skipConfirmation',
						type: 'boolean',
						default: false,
						description:
							"Whether to start the workflow on a payment or refund notification without first asking Midtrans's status API. Midtrans signs only order_id, status_code and gross_amount, so anyone who has seen one genuine notification (in n8n's execution history, a forwarding workflow, a proxy log or the Midtrans dashboard) can resend it with transaction_status changed, for example an authorized card payment as settled or a settled one as refunded, and this trigger would then start a run with paid: true or a refund for an order that was not paid or refunded. Turn on only if nothing after this trigger marks orders paid, ships goods or moves money.",
					},
					{
						displayName: 'Ask Midtrans Which Link a Payment Belongs To',
						name: 'linkLookup',
						type: 'boolean',
						default: true,
						description:
							"Whether to ask Midtrans (one GET of the payment link) when a payment's custom_field1 does not name its link. Your shop's own order IDs can end in 13 digits like a link's payments do; without this, payment_link_order_id stays empty for them and for links made without custom_field1.",
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
		const body = notificationBody(
			this.getBodyData(),
			(this.getRequestObject() as { rawBody?: unknown }).rawBody,
		);
		// Junk is refused on its shape before the credential is read or a signature compared.
		const junk = shapeRefusal(body);
		if (junk) return answer(junk.status, { message: junk.message });
		let config = credentialId
			? await credentialCache.current(credentialId, read)
			: await read('first');
		const events = this.getNodeParameter('events', ['*']) as string[];
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const decide = async () =>
			await decideN8nNotification(this, body, config, {
				confirm: options.skipConfirmation !== true,
				wants: (state) => events.includes('*') || events.includes(state),
			});
		let decision = await decide();
		if (decision.outcome === 'refused' && decision.refused === 'bad-signature' && credentialId) {
			// Perhaps the key was rotated since it was cached: read again (rate-limited), and decide once more.
			const fresh = await credentialCache.afterMismatch(credentialId, config, read);
			if (fresh) {
				config = fresh;
				decision = await decide();
			}
		}
		const status = httpStatusOf(decision);
		if (decision.outcome === 'refused') return answer(status, { message: decision.message });
		// The detail is not echoed: it may name the host the credential points at.
		if (decision.outcome === 'unavailable')
			return answer(status, {
				message: 'Could not confirm the notification with Midtrans; please retry',
			});
		if (decision.outcome !== 'accepted') return answer(status, received);
		// Which link, from evidence (core link-claim.ts). A confirmed body carries Midtrans's custom_field1,
		// not the sender's (status-confirmation.ts CONFIRMED_FIELDS).
		const claim = await claimLinkOf(
			decision.body,
			options.linkLookup === false ? undefined : (id) => lookUpLink(this, config, id),
		);
		if (claim === 'unavailable')
			return answer(503, {
				message: 'Could not ask Midtrans which payment link this payment belongs to; please retry',
			});
		return answer(status, received, [
			this.helpers.returnJsonArray(notificationItem(decision, claim)),
		]);
	}
}

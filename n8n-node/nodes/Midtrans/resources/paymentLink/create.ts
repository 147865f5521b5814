/**
 * Payment Link ▸ Create: the fields, how they are read into the core's invoice, and the labels a
 * validation problem is shown with. Limits and value lists come from the core's contract, and the
 * labels are the fields' own display names, so a field is renamed or a limit changed in one place.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { randomBytes } from 'crypto';

import {
	buildInvoiceRequest,
	CARD_BANKS,
	CARD_TYPES,
	CUSTOM_FIELD_MAX,
	CUSTOMER_LIMITS,
	CUSTOMER_REQUIRED_FIELDS,
	ENABLED_PAYMENTS_CURRENT,
	INSTALLMENT_BANKS,
	ITEM_TEXT_MAX,
	LINK_ORDER_ID_SAFE_MAX,
	ORDER_ID_MAX,
	PAYMENT_LINK_ID_MAX,
	TITLE_MAX,
	USAGE_LIMIT_MAX,
	USAGE_LIMIT_MIN,
	whatsappLinkForRequest,
	VA_NUMBER_MAX,
	type ExpiryUnit,
	type InvoiceInput,
	type InvoiceItem,
	type OnExisting,
	type VaBank,
} from '../../../shared/core';
import { midtransFor } from '../../shared/client';
import { listOf, numberOf, optionalText, textOf } from '../../shared/parameters';
import { showFor } from '../operation';

type PaymentMethod = (typeof ENABLED_PAYMENTS_CURRENT)[number];

/**
 * What the editor calls each payment method the core accepts. Typed by the core's list, so a method
 * added there fails the type check here until it has a name.
 */
const PAYMENT_METHOD_NAMES: Record<PaymentMethod, string> = {
	akulaku: 'Akulaku',
	alfamart: 'Alfamart',
	bca_va: 'BCA Virtual Account',
	bni_va: 'BNI Virtual Account',
	bri_va: 'BRI Virtual Account',
	bsi_va: 'BSI Virtual Account',
	cimb_va: 'CIMB Virtual Account',
	credit_card: 'Credit Card',
	dana: 'DANA',
	danamon_va: 'Danamon Virtual Account',
	echannel: 'Mandiri Bill Payment (Echannel)',
	google_pay: 'Google Pay',
	gopay: 'GoPay',
	indomaret: 'Indomaret',
	kredivo: 'Kredivo',
	other_qris: 'Other QRIS',
	ovo: 'OVO',
	permata_va: 'Permata Virtual Account',
	saqu_va: 'Bank Saqu Virtual Account',
	seabank_va: 'SeaBank Virtual Account',
	shopeepay: 'ShopeePay',
};

/** Labels for the card transaction types and the customer fields the core lists, typed by those lists like the payment methods. */
const CARD_TYPE_NAMES: Record<(typeof CARD_TYPES)[number], string> = {
	authorize: 'Authorize',
	authorize_capture: 'Authorize and Capture',
};
const CUSTOMER_FIELD_NAMES: Record<(typeof CUSTOMER_REQUIRED_FIELDS)[number], string> = {
	email: 'Email',
	first_name: 'First Name',
	phone: 'Phone',
};

const byName = <T extends { name: string }>(list: T[]): T[] =>
	[...list].sort((a, b) => a.name.localeCompare(b.name));
const upperCaseOptions = (codes: readonly string[]) =>
	byName(codes.map((code) => ({ name: code.toUpperCase(), value: code })));
const rupiah = (n: number) => n.toLocaleString('en-US');

const show = showFor('paymentLink', 'create');
const showWhen = (amountType: string) =>
	showFor('paymentLink', 'create', { amountType: [amountType] });

const customFieldOption = (n: 1 | 2 | 3): INodeProperties => ({
	displayName: `Custom Field ${n}`,
	name: `customField${n}`,
	type: 'string',
	default: '',
	description:
		n === 1
			? `Shown in the dashboard and sent back in payment notifications (at most ${CUSTOM_FIELD_MAX} characters). Left empty, the link's order ID goes here, so the Midtrans Trigger can tell this link's payments from other orders`
			: `Shown in the dashboard and sent back in payment notifications (at most ${CUSTOM_FIELD_MAX} characters)`,
});

const vaNumberField = (displayName: string, name: string, code: VaBank): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: `Custom virtual account number, digits only (at most ${VA_NUMBER_MAX[code]})`,
});

// In the order the editor lists them (alphabetical, as n8n's lint asks); VA_FIELDS checks the VA ones.
const additionalFields: INodeProperties[] = [
	vaNumberField('BCA VA Number', 'bcaVaNumber', 'bca_va'),
	vaNumberField('BNI VA Number', 'bniVaNumber', 'bni_va'),
	vaNumberField('BRI VA Number', 'briVaNumber', 'bri_va'),
	{
		displayName: 'Card 3-D Secure',
		name: 'cardSecure',
		type: 'boolean',
		default: true,
		description: 'Whether card payments use 3-D Secure (Midtrans recommends it)',
	},
	{
		displayName: 'Card Acquiring Bank',
		name: 'cardBank',
		type: 'options',
		options: upperCaseOptions(CARD_BANKS),
		default: 'bca',
		description: 'Midtrans recommends leaving this unset',
	},
	{
		displayName: 'Card Allowed BINs',
		name: 'cardAllowedBins',
		type: 'string',
		default: '',
		placeholder: '4811111, 5211, bni',
		description: 'Comma-separated card number prefixes (up to 8 digits) or bank names that may pay',
	},
	{
		displayName: 'Card Channel',
		name: 'cardChannel',
		type: 'options',
		options: [{ name: 'MIGS', value: 'migs' }],
		default: 'migs',
	},
	{
		displayName: 'Card Installment Required',
		name: 'installmentRequired',
		type: 'boolean',
		default: false,
		description: 'Whether card payments must use an installment plan',
	},
	{
		displayName: 'Card Installment Terms',
		name: 'installmentTerms',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Installment Bank',
		default: {},
		options: [
			{
				displayName: 'Term',
				name: 'term',
				values: [
					{
						displayName: 'Bank',
						name: 'bank',
						type: 'options',
						options: upperCaseOptions(INSTALLMENT_BANKS),
						default: 'bca',
					},
					{
						displayName: 'Months',
						name: 'months',
						type: 'string',
						default: '3, 6, 12',
						description: 'Comma-separated numbers of months',
					},
				],
			},
		],
	},
	{
		displayName: 'Card Transaction Type',
		name: 'cardType',
		type: 'options',
		options: byName(CARD_TYPES.map((code) => ({ name: CARD_TYPE_NAMES[code], value: code }))),
		default: 'authorize_capture',
	},
	vaNumberField('CIMB VA Number', 'cimbVaNumber', 'cimb_va'),
	customFieldOption(1),
	customFieldOption(2),
	customFieldOption(3),
	{ displayName: 'Customer Last Name', name: 'customerLastName', type: 'string', default: '' },
	{
		displayName: 'Customer Must Fill In',
		name: 'customerRequiredFields',
		type: 'multiOptions',
		options: byName(
			CUSTOMER_REQUIRED_FIELDS.map((code) => ({ name: CUSTOMER_FIELD_NAMES[code], value: code })),
		),
		default: [],
		description: 'Ask the customer for these before paying',
	},
	{
		displayName: 'Email Notes',
		name: 'customerNotes',
		type: 'string',
		default: '',
		description: `Text in the email Midtrans sends the customer (at most ${CUSTOMER_LIMITS.notes} characters)`,
	},
	{
		displayName: 'Expiry Start Time',
		name: 'expiryStartTime',
		type: 'string',
		default: '',
		placeholder: '2026-12-01 18:00 +0700',
		description:
			'When the expiry clock starts, as yyyy-MM-dd HH:mm ±HHMM; default is the creation time',
	},
	{
		displayName: 'Finish URL',
		name: 'finishUrl',
		type: 'string',
		default: '',
		placeholder: 'https://shop.example/thanks',
		description: 'Where the customer goes after paying',
	},
	vaNumberField('Permata VA Number', 'permataVaNumber', 'permata_va'),
];

export const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'INV-2026-0042',
		description: `Your unique order reference: up to ${ORDER_ID_MAX} letters, digits and the characters - _ ~ . (keep it to ${LINK_ORDER_ID_SAFE_MAX} or fewer). Midtrans appends a 14-character suffix to it for each payment.`,
		displayOptions: show,
	},
	{
		displayName: 'Amount Type',
		name: 'amountType',
		type: 'options',
		options: [
			{
				name: 'Customer Chooses (Dynamic Amount)',
				value: 'dynamic',
				description: 'The customer types the amount, optionally within bounds',
			},
			{ name: 'Fixed Amount', value: 'fixed', description: 'One total in rupiah' },
			{
				name: 'Line Items',
				value: 'items',
				description: 'Items with price and quantity; the total is their sum',
			},
		],
		default: 'fixed',
		displayOptions: show,
	},
	{
		displayName: 'Amount (IDR)',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		description: 'Total in whole rupiah',
		displayOptions: showWhen('fixed'),
	},
	{
		displayName: 'Line Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		description: 'Shown on the payment page; the link total is the sum of price × quantity',
		displayOptions: showWhen('items'),
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{ displayName: 'Brand', name: 'brand', type: 'string', default: '' },
					{ displayName: 'Category', name: 'category', type: 'string', default: '' },
					{ displayName: 'Item ID', name: 'id', type: 'string', default: '' },
					{ displayName: 'Merchant Name', name: 'merchantName', type: 'string', default: '' },
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						description: `At most ${ITEM_TEXT_MAX} characters`,
					},
					{
						displayName: 'Price (IDR)',
						name: 'price',
						type: 'number',
						typeOptions: { numberPrecision: 0 },
						default: 0,
						description: 'Whole rupiah; negative for a discount line',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
					},
				],
			},
		],
	},
	{
		displayName: 'Amount Bounds',
		name: 'dynamicAmount',
		type: 'collection',
		placeholder: 'Add Bound',
		default: {},
		description: 'Optional limits for the amount the customer types',
		displayOptions: showWhen('dynamic'),
		options: [
			{
				displayName: 'Maximum (IDR)',
				name: 'max',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
			},
			{
				displayName: 'Minimum (IDR)',
				name: 'min',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
			},
			{
				displayName: 'Preset (IDR)',
				name: 'preset',
				type: 'number',
				typeOptions: { numberPrecision: 0 },
				default: 0,
				description: 'Amount filled in for the customer, who can change it',
			},
		],
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: `Shown on the payment page (at most ${TITLE_MAX} characters)`,
		displayOptions: show,
	},
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Midtrans emails the payment link to this address',
		displayOptions: show,
	},
	{
		displayName: 'Customer First Name',
		name: 'customerFirstName',
		type: 'string',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Customer Phone',
		name: 'customerPhone',
		type: 'string',
		default: '',
		placeholder: '+628123456789',
		displayOptions: show,
	},
	{
		displayName: 'Expires After',
		name: 'expiryDuration',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'How long the link can be paid; 0 means it does not expire',
		displayOptions: show,
	},
	{
		displayName: 'Expiry Unit',
		name: 'expiryUnit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'days' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Minutes', value: 'minutes' },
		],
		default: 'days',
		displayOptions: show,
	},
	{
		displayName: 'Usage Limit',
		name: 'usageLimit',
		type: 'number',
		typeOptions: { minValue: USAGE_LIMIT_MIN, maxValue: USAGE_LIMIT_MAX, numberPrecision: 0 },
		default: 1,
		description: `How many successful payments the link accepts, up to ${rupiah(USAGE_LIMIT_MAX)} (e.g. 500 for ticket sales)`,
		displayOptions: show,
	},
	{
		displayName: 'Payment Methods',
		name: 'paymentMethods',
		type: 'multiOptions',
		options: byName(
			ENABLED_PAYMENTS_CURRENT.map((code) => ({ name: PAYMENT_METHOD_NAMES[code], value: code })),
		),
		default: [],
		description: 'Leave empty to offer every method active on your Midtrans account',
		displayOptions: show,
	},
	{
		displayName: 'Link ID',
		name: 'linkIdMode',
		type: 'options',
		options: [
			{
				name: 'Custom',
				value: 'custom',
				description: 'Your own last part of the URL; make it hard to guess',
			},
			{
				name: 'Generate an Unguessable ID',
				value: 'generate',
				description: 'A random 26-character ID, as Midtrans recommends',
			},
		],
		default: 'generate',
		description: 'The last part of the payment URL',
		displayOptions: show,
	},
	{
		displayName: 'Custom Link ID',
		name: 'paymentLinkId',
		type: 'string',
		default: '',
		description: `Lower-case letters a-z, digits and hyphens, at most ${PAYMENT_LINK_ID_MAX}; usable once`,
		displayOptions: showFor('paymentLink', 'create', { linkIdMode: ['custom'] }),
	},
	{
		displayName: 'If the Order ID Already Exists',
		name: 'onExistingOrderId',
		type: 'options',
		options: [
			{ name: 'Fail', value: 'fail', description: 'Stop with an error (HTTP 409 from Midtrans)' },
			{
				name: 'Return the Existing Link',
				value: 'return',
				description:
					'Return the link already created for this order ID when it asks for the same amount (safe reruns)',
			},
		],
		default: 'return',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: additionalFields,
	},
];

/**
 * The VA number fields, one per bank the core allows a custom VA number for, with the invoice's key
 * for each (`bca` for bca_va). Read from the fields above; a test checks they cover the core's VA_BANKS.
 */
export const VA_FIELDS = additionalFields
	.filter((field) => field.name.endsWith('VaNumber'))
	.map((field) => ({
		name: field.name,
		bank: field.name.replace(/VaNumber$/, '') as keyof NonNullable<InvoiceInput['vaNumbers']>,
	}));

// ---- reading the parameters ---------------------------------------------------------------------

function itemsOf(raw: IDataObject): InvoiceItem[] {
	const rows = (raw.item as IDataObject[] | undefined) ?? [];
	return rows.map((row) => {
		const item: InvoiceItem = {
			name: row.name as unknown as string,
			price: numberOf(row.price),
			quantity: numberOf(row.quantity ?? 1),
		};
		for (const key of ['id', 'brand', 'category', 'merchantName'] as const) {
			const v = optionalText(row[key]);
			if (v !== undefined) item[key] = v;
		}
		return item;
	});
}

/** Zero means "not set" for the optional bounds (the form shows 0 when a bound is added). */
function bound(value: unknown): number | undefined {
	const n = numberOf(value);
	return n === 0 || value === undefined || value === '' ? undefined : n;
}

function creditCardOf(extra: IDataObject): InvoiceInput['creditCard'] {
	const card: NonNullable<InvoiceInput['creditCard']> = {};
	if (extra.cardSecure !== undefined) card.secure = extra.cardSecure as boolean;
	if (optionalText(extra.cardBank)) card.bank = optionalText(extra.cardBank);
	if (optionalText(extra.cardChannel)) card.channel = optionalText(extra.cardChannel) as 'migs';
	if (optionalText(extra.cardType))
		card.type = optionalText(extra.cardType) as (typeof CARD_TYPES)[number];
	const bins = listOf(extra.cardAllowedBins);
	if (bins.length) card.allowedBins = bins;
	const termRows =
		((extra.installmentTerms as IDataObject | undefined)?.term as IDataObject[] | undefined) ?? [];
	if (extra.installmentRequired !== undefined || termRows.length) {
		const installment: { required?: boolean; terms?: Record<string, number[]> } = {};
		if (extra.installmentRequired !== undefined)
			installment.required = extra.installmentRequired as boolean;
		if (termRows.length) {
			installment.terms = {};
			for (const row of termRows) {
				installment.terms[textOf(row.bank)] = listOf(row.months).map((m) => numberOf(m));
			}
		}
		card.installment = installment;
	}
	return Object.keys(card).length ? card : undefined;
}

/** The Create operation's parameters for one item, as the core's friendly invoice. */
export function invoiceFromParameters(ctx: IExecuteFunctions, i: number): InvoiceInput {
	const amountType = ctx.getNodeParameter('amountType', i, 'fixed') as string;
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const invoice: InvoiceInput = { orderId: textOf(ctx.getNodeParameter('orderId', i, '')) };

	if (amountType === 'fixed') invoice.amount = numberOf(ctx.getNodeParameter('amount', i, 0));
	if (amountType === 'items')
		invoice.items = itemsOf(ctx.getNodeParameter('items', i, {}) as IDataObject);
	if (amountType === 'dynamic') {
		const d = ctx.getNodeParameter('dynamicAmount', i, {}) as IDataObject;
		invoice.dynamicAmount = {};
		const [min, max, preset] = [bound(d.min), bound(d.max), bound(d.preset)];
		if (min !== undefined) invoice.dynamicAmount.min = min;
		if (max !== undefined) invoice.dynamicAmount.max = max;
		if (preset !== undefined) invoice.dynamicAmount.preset = preset;
	}

	const title = optionalText(ctx.getNodeParameter('title', i, ''));
	if (title !== undefined) invoice.title = title;

	const customer: NonNullable<InvoiceInput['customer']> = {};
	const customerParams: [keyof typeof customer, unknown][] = [
		['email', ctx.getNodeParameter('customerEmail', i, '')],
		['firstName', ctx.getNodeParameter('customerFirstName', i, '')],
		['phone', ctx.getNodeParameter('customerPhone', i, '')],
		['lastName', extra.customerLastName],
		['notes', extra.customerNotes],
	];
	for (const [key, value] of customerParams) {
		const v = optionalText(value);
		if (v !== undefined) (customer as Record<string, string>)[key] = v;
	}
	const required = listOf(
		extra.customerRequiredFields,
	) as (typeof CUSTOMER_REQUIRED_FIELDS)[number][];
	if (required.length) customer.requiredFields = required;
	if (Object.keys(customer).length) invoice.customer = customer;

	const duration = numberOf(ctx.getNodeParameter('expiryDuration', i, 0));
	const startTime = optionalText(extra.expiryStartTime);
	if (duration !== 0 || startTime !== undefined) {
		// 0 is the field left empty: a start time alone leaves the required duration missing (named as such).
		invoice.expiry = {
			duration: (duration === 0 ? undefined : duration) as number,
			unit: ctx.getNodeParameter('expiryUnit', i, 'days') as ExpiryUnit,
		};
		if (startTime !== undefined) invoice.expiry.startTime = startTime;
	}

	invoice.usageLimit = numberOf(ctx.getNodeParameter('usageLimit', i, 1));
	const methods = listOf(ctx.getNodeParameter('paymentMethods', i, []));
	if (methods.length) invoice.paymentMethods = methods;

	if (ctx.getNodeParameter('linkIdMode', i, 'generate') === 'custom') {
		invoice.paymentLinkId = textOf(ctx.getNodeParameter('paymentLinkId', i, ''));
	} else {
		invoice.paymentLinkId = 'generate';
	}

	// custom_field1 carries the link's own order ID unless the user fills it: the documented way back from a
	// payment to its link (docs/midtrans-contract.md §5.6), and the Trigger's evidence (core link-claim.ts).
	const customFields = [
		optionalText(extra.customField1) ?? (invoice.orderId || undefined),
		...[extra.customField2, extra.customField3].map(optionalText),
	];
	if (customFields.some((v) => v !== undefined))
		invoice.customFields = customFields as [string?, string?, string?];
	const finishUrl = optionalText(extra.finishUrl);
	if (finishUrl !== undefined) invoice.finishUrl = finishUrl;

	const card = creditCardOf(extra);
	if (card) invoice.creditCard = card;

	const va: NonNullable<InvoiceInput['vaNumbers']> = {};
	for (const field of VA_FIELDS) {
		const v = optionalText(extra[field.name]);
		if (v !== undefined) va[field.bank] = v;
	}
	if (Object.keys(va).length) invoice.vaNumbers = va;
	return invoice;
}

// ---- naming a problem by the field the user sees -----------------------------------------------

/**
 * The display name of the field at `path` (parameter names, through collections and fixed
 * collections); the path itself for a field Create does not have (a test keeps that from happening).
 */
export function labelOf(...path: string[]): string {
	let level: readonly unknown[] = description;
	let label = path.join(' › ');
	for (const name of path) {
		const next = (
			level as { name: string; displayName: string; options?: unknown[]; values?: unknown[] }[]
		).find((p) => p.name === name);
		if (!next) return path.join(' › ');
		label = next.displayName;
		level = next.options ?? next.values ?? [];
	}
	return label;
}

const extraLabel = (name: string) => labelOf('additionalFields', name);
const CARD_FIELDS: Record<string, string> = {
	secure: 'cardSecure',
	bank: 'cardBank',
	channel: 'cardChannel',
	type: 'cardType',
	allowedBins: 'cardAllowedBins',
};
const CUSTOMER_FIELDS: Record<string, string[]> = {
	email: ['customerEmail'],
	firstName: ['customerFirstName'],
	phone: ['customerPhone'],
	lastName: ['additionalFields', 'customerLastName'],
	notes: ['additionalFields', 'customerNotes'],
	requiredFields: ['additionalFields', 'customerRequiredFields'],
};

/** Invoice field paths (from the core's problems) → the field the user sees in the node. */
const FIELD_OF: [RegExp, (m: RegExpExecArray, amountType: string) => string][] = [
	[/^orderId/, () => labelOf('orderId')],
	[/^amount/, (_, t) => labelOf(t === 'items' ? 'items' : 'amount')],
	[
		/^items\[(\d+)\]\.(\w+)/,
		(m) => `${labelOf('items')} › item ${Number(m[1]) + 1} › ${labelOf('items', 'item', m[2])}`,
	],
	[/^items/, () => labelOf('items')],
	[
		/^dynamicAmount\.(min|max|preset)/,
		(m) => `${labelOf('dynamicAmount')} › ${labelOf('dynamicAmount', m[1])}`,
	],
	[/^dynamicAmount/, () => labelOf('dynamicAmount')],
	[/^title/, () => labelOf('title')],
	[
		/^customer\.(\w+)/,
		(m) => (CUSTOMER_FIELDS[m[1]] ? labelOf(...CUSTOMER_FIELDS[m[1]]) : labelOf('customerEmail')),
	],
	[
		/^customer/,
		() =>
			`${labelOf('customerEmail')}, ${labelOf('customerFirstName')} or ${labelOf('customerPhone')}`,
	],
	[/^expiry\.startTime/, () => extraLabel('expiryStartTime')],
	[/^expiry\.unit/, () => labelOf('expiryUnit')],
	[/^expiry/, () => labelOf('expiryDuration')],
	[/^usageLimit/, () => labelOf('usageLimit')],
	[/^paymentMethods/, () => labelOf('paymentMethods')],
	[/^paymentLinkId/, () => labelOf('paymentLinkId')],
	[/^customFields\[(\d)\]/, (m) => extraLabel(`customField${Number(m[1]) + 1}`)],
	[/^customFields/, () => [1, 2, 3].map((n) => extraLabel(`customField${n}`)).join(', ')],
	[/^finishUrl/, () => extraLabel('finishUrl')],
	[
		/^creditCard\.installment\.terms\.?(\w+)?/,
		(m) => `${extraLabel('installmentTerms')}${m[1] ? ` › ${m[1].toUpperCase()}` : ''}`,
	],
	[/^creditCard\.installment/, () => extraLabel('installmentRequired')],
	[/^creditCard\.(\w+)/, (m) => extraLabel(CARD_FIELDS[m[1]] ?? 'cardBank')],
	[/^creditCard/, () => labelOf('additionalFields')],
	[
		/^vaNumbers\.(\w+)/,
		(m) => extraLabel(VA_FIELDS.find((va) => va.bank === m[1])?.name ?? 'bcaVaNumber'),
	],
];

export function fieldNameOf(invoicePath: string, amountType: string): string {
	for (const [re, name] of FIELD_OF) {
		const m = re.exec(invoicePath);
		if (m) return name(m, amountType);
	}
	return invoicePath;
}

// ---- the operation -------------------------------------------------------------------------------

const secureRandom = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

/** Builds and validates the request in the core first: a bad field fails here, before any HTTP call. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const amountType = this.getNodeParameter('amountType', itemIndex, 'fixed') as string;
	const { request, problems, warnings } = buildInvoiceRequest(
		invoiceFromParameters(this, itemIndex),
		secureRandom,
	);
	if (problems.length) {
		// With line items the total is derived from them, so a problem with an item is the cause to show first.
		const ordered =
			amountType === 'items'
				? [...problems].sort((a, b) => Number(a.path === 'amount') - Number(b.path === 'amount'))
				: problems;
		const lines = ordered.map((p) => `${fieldNameOf(p.path, amountType)} ${p.tail}`);
		throw new NodeOperationError(this.getNode(), lines[0], {
			itemIndex,
			description: lines.length > 1 ? `Also fix:\n${lines.slice(1).join('\n')}` : undefined,
		});
	}
	const onExisting = this.getNodeParameter('onExistingOrderId', itemIndex, 'return') as OnExisting;
	const { client } = await midtransFor(this);
	const created = await client.createPaymentLink(request, onExisting);
	const linkId = created.link?.payment_link_id ?? request.transaction_details.payment_link_id;
	// A wa.me click-to-chat link for workflows that send the link on WhatsApp; null without a usable phone.
	const chat = whatsappLinkForRequest(request, created.payment_url);
	return {
		order_id: created.order_id,
		payment_url: created.payment_url,
		payment_link_id: linkId ?? null,
		existing: created.existing,
		whatsapp_url: chat?.ok ? chat.url : null,
		// Rules we inferred never block (the core's request policy): what they found is said here, and the link was created.
		...(warnings.length
			? { warnings: warnings.map((w) => `${fieldNameOf(w.path, amountType)} ${w.tail}`) }
			: {}),
	};
}

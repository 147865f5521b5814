import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExpiryUnit, InvoiceInput, InvoiceItem } from '../../shared/core';

/** A number typed in a field or produced by an expression; anything else goes to the core as is, which says what is wrong. */
function numberOf(value: unknown): number {
	if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	return value as number;
}

/**
 * A text field's value, trimmed; a number or true/false as its text. A list or an object (an
 * expression that returned one) is handed on unchanged, typed as text, so the core's check names the
 * field and shows the value as JSON; String() would turn it into "[object Object]", which then either
 * reads as a bad value or, for a free-text field such as the title, is sent to Midtrans as is.
 */
export function textOf(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return value as string;
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const s = textOf(value);
	return s === '' ? undefined : s;
}

/** A multi-select's list, or comma-separated text. Anything else is handed on for the core to name. */
function list(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.map((v) => textOf(v)).filter((v) => v !== '');
	if (typeof value === 'number') value = String(value);
	if (typeof value !== 'string') return value as string[];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

function items(raw: IDataObject): InvoiceItem[] {
	const rows = (raw.item as IDataObject[] | undefined) ?? [];
	return rows.map((row) => {
		const item: InvoiceItem = {
			name: row.name as unknown as string,
			price: numberOf(row.price),
			quantity: numberOf(row.quantity ?? 1),
		};
		for (const key of ['id', 'brand', 'category', 'merchantName'] as const) {
			const v = text(row[key]);
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

function creditCard(extra: IDataObject): InvoiceInput['creditCard'] {
	const card: NonNullable<InvoiceInput['creditCard']> = {};
	if (extra.cardSecure !== undefined) card.secure = extra.cardSecure as boolean;
	if (text(extra.cardBank)) card.bank = text(extra.cardBank);
	if (text(extra.cardChannel)) card.channel = text(extra.cardChannel) as 'migs';
	if (text(extra.cardType)) card.type = text(extra.cardType) as 'authorize' | 'authorize_capture';
	const bins = list(extra.cardAllowedBins);
	if (bins.length) card.allowedBins = bins;
	const termRows = ((extra.installmentTerms as IDataObject | undefined)?.term as IDataObject[] | undefined) ?? [];
	if (extra.installmentRequired !== undefined || termRows.length) {
		const installment: { required?: boolean; terms?: Record<string, number[]> } = {};
		if (extra.installmentRequired !== undefined) installment.required = extra.installmentRequired as boolean;
		if (termRows.length) {
			installment.terms = {};
			for (const row of termRows) {
				installment.terms[textOf(row.bank)] = list(row.months).map((m) => numberOf(m));
			}
		}
		card.installment = installment;
	}
	return Object.keys(card).length ? card : undefined;
}

/** The Create operation's parameters for item `i`, as the core's friendly invoice. */
export function invoiceFromParameters(ctx: IExecuteFunctions, i: number): InvoiceInput {
	const amountType = ctx.getNodeParameter('amountType', i, 'fixed') as string;
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const invoice: InvoiceInput = { orderId: textOf(ctx.getNodeParameter('orderId', i, '')) };

	if (amountType === 'fixed') invoice.amount = numberOf(ctx.getNodeParameter('amount', i, 0));
	if (amountType === 'items') invoice.items = items(ctx.getNodeParameter('items', i, {}) as IDataObject);
	if (amountType === 'dynamic') {
		const d = ctx.getNodeParameter('dynamicAmount', i, {}) as IDataObject;
		invoice.dynamicAmount = {};
		const [min, max, preset] = [bound(d.min), bound(d.max), bound(d.preset)];
		if (min !== undefined) invoice.dynamicAmount.min = min;
		if (max !== undefined) invoice.dynamicAmount.max = max;
		if (preset !== undefined) invoice.dynamicAmount.preset = preset;
	}

	const title = text(ctx.getNodeParameter('title', i, ''));
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
		const v = text(value);
		if (v !== undefined) (customer as Record<string, string>)[key] = v;
	}
	const required = list(extra.customerRequiredFields) as ('first_name' | 'phone' | 'email')[];
	if (required.length) customer.requiredFields = required;
	if (Object.keys(customer).length) invoice.customer = customer;

	const duration = numberOf(ctx.getNodeParameter('expiryDuration', i, 0));
	const startTime = text(extra.expiryStartTime);
	if (duration !== 0 || startTime !== undefined) {
		invoice.expiry = { duration, unit: ctx.getNodeParameter('expiryUnit', i, 'days') as ExpiryUnit };
		if (startTime !== undefined) invoice.expiry.startTime = startTime;
	}

	invoice.usageLimit = numberOf(ctx.getNodeParameter('usageLimit', i, 1));
	const methods = list(ctx.getNodeParameter('paymentMethods', i, []));
	if (methods.length) invoice.paymentMethods = methods;

	if (ctx.getNodeParameter('linkIdMode', i, 'generate') === 'custom') {
		invoice.paymentLinkId = textOf(ctx.getNodeParameter('paymentLinkId', i, ''));
	} else {
		invoice.paymentLinkId = 'generate';
	}

	const customFields = [extra.customField1, extra.customField2, extra.customField3].map(text);
	if (customFields.some((v) => v !== undefined)) invoice.customFields = customFields as [string?, string?, string?];
	const finishUrl = text(extra.finishUrl);
	if (finishUrl !== undefined) invoice.finishUrl = finishUrl;

	const card = creditCard(extra);
	if (card) invoice.creditCard = card;

	const va: NonNullable<InvoiceInput['vaNumbers']> = {};
	for (const bank of ['bca', 'bni', 'bri', 'cimb', 'permata'] as const) {
		const v = text(extra[`${bank}VaNumber`]);
		if (v !== undefined) va[bank] = v;
	}
	if (Object.keys(va).length) invoice.vaNumbers = va;
	return invoice;
}

/** Invoice field paths (from the core's problems) → the field names the user sees in the node. */
const FIELD_NAMES: [RegExp, (m: RegExpExecArray, amountType: string) => string][] = [
	[/^orderId/, () => 'Order ID'],
	[/^amount/, (_, t) => (t === 'items' ? 'Line Items' : 'Amount (IDR)')],
	[/^items\[(\d+)\]\.(\w+)/, (m) => `Line Items › item ${Number(m[1]) + 1} › ${ITEM_FIELD[m[2]] ?? m[2]}`],
	[/^items/, () => 'Line Items'],
	[/^dynamicAmount\.(min|max|preset)/, (m) => `Amount Bounds › ${{ min: 'Minimum', max: 'Maximum', preset: 'Preset' }[m[1]]}`],
	[/^dynamicAmount/, () => 'Amount Bounds'],
	[/^title/, () => 'Title'],
	[/^customer\.email/, () => 'Customer Email'],
	[/^customer\.firstName/, () => 'Customer First Name'],
	[/^customer\.phone/, () => 'Customer Phone'],
	[/^customer\.lastName/, () => 'Customer Last Name'],
	[/^customer\.notes/, () => 'Email Notes'],
	[/^customer\.requiredFields/, () => 'Customer Must Fill In'],
	[/^customer/, () => 'Customer Email, First Name or Phone'],
	[/^expiry\.startTime/, () => 'Expiry Start Time'],
	[/^expiry\.unit/, () => 'Expiry Unit'],
	[/^expiry/, () => 'Expires After'],
	[/^usageLimit/, () => 'Usage Limit'],
	[/^paymentMethods/, () => 'Payment Methods'],
	[/^paymentLinkId/, () => 'Custom Link ID'],
	[/^customFields\[(\d)\]/, (m) => `Custom Field ${Number(m[1]) + 1}`],
	[/^customFields/, () => 'Custom Fields'],
	[/^finishUrl/, () => 'Finish URL'],
	[/^creditCard\.secure/, () => 'Card 3-D Secure'],
	[/^creditCard\.bank/, () => 'Card Acquiring Bank'],
	[/^creditCard\.channel/, () => 'Card Channel'],
	[/^creditCard\.type/, () => 'Card Transaction Type'],
	[/^creditCard\.allowedBins/, () => 'Card Allowed BINs'],
	[/^creditCard\.installment\.terms\.?(\w+)?/, (m) => `Card Installment Terms${m[1] ? ` › ${m[1].toUpperCase()}` : ''}`],
	[/^creditCard\.installment/, () => 'Card Installment Required'],
	[/^creditCard/, () => 'Card options'],
	[/^vaNumbers\.(\w+)/, (m) => `${m[1] === 'permata' ? 'Permata' : m[1].toUpperCase()} VA Number`],
];

const ITEM_FIELD: Record<string, string> = {
	name: 'Name',
	price: 'Price (IDR)',
	quantity: 'Quantity',
	id: 'Item ID',
	brand: 'Brand',
	category: 'Category',
	merchantName: 'Merchant Name',
};

export function fieldNameOf(invoicePath: string, amountType: string): string {
	for (const [re, name] of FIELD_NAMES) {
		const m = re.exec(invoicePath);
		if (m) return name(m, amountType);
	}
	return invoicePath;
}

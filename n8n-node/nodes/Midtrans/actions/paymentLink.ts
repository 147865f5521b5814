import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import {
	buildInvoiceRequest,
	describeValue,
	summariseLink,
	whatsappLinkForRequest,
	type MidtransClient,
	type OnExisting,
} from '../../shared/core';
import { fieldNameOf, invoiceFromParameters } from './createFields';

const secureRandom = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

/** Builds and validates the request in the core first: a bad field fails here, before any HTTP call. */
export async function createPaymentLink(ctx: IExecuteFunctions, i: number, client: MidtransClient): Promise<IDataObject> {
	const amountType = ctx.getNodeParameter('amountType', i, 'fixed') as string;
	const { request, problems } = buildInvoiceRequest(invoiceFromParameters(ctx, i), secureRandom);
	if (problems.length) {
		// With line items the total is derived from them, so a problem with an item is the cause to show first.
		const ordered = amountType === 'items' ? [...problems].sort((a, b) => Number(a.path === 'amount') - Number(b.path === 'amount')) : problems;
		const lines = ordered.map((p) => `${fieldNameOf(p.path, amountType)} ${p.tail}`);
		throw new NodeOperationError(ctx.getNode(), lines[0], {
			itemIndex: i,
			description: lines.length > 1 ? `Also fix:\n${lines.slice(1).join('\n')}` : undefined,
		});
	}
	const onExisting = ctx.getNodeParameter('onExistingOrderId', i, 'return') as OnExisting;
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
	};
}

export async function getPaymentLink(ctx: IExecuteFunctions, i: number, client: MidtransClient): Promise<IDataObject> {
	const orderId = idParameter(ctx, i, 'orderId', 'Order ID');
	const link = await client.getPaymentLink(orderId);
	const s = summariseLink(link, Date.now());
	const summary: IDataObject = {
		status: s.status,
		word: s.word,
		paidCount: s.paidCount,
		pendingCount: s.pendingCount,
		usage: s.usage ?? null,
		usageLimit: s.usageLimit,
		expired: s.expired,
		expiresAt: s.expiresAt === undefined ? null : new Date(s.expiresAt).toISOString(),
		deleted: s.deleted,
		paidAt: s.paidAt,
		note: s.note,
	};
	return { ...(link as IDataObject), summary };
}

export async function deactivatePaymentLink(ctx: IExecuteFunctions, i: number, client: MidtransClient): Promise<IDataObject> {
	const orderId = idParameter(ctx, i, 'orderId', 'Order ID');
	const answer = await client.deletePaymentLink(orderId);
	return { order_id: orderId, deactivated: true, message: answer.message };
}

/**
 * An id parameter as text: required, and text or a number. A list or an object (an expression that
 * returned one) fails here, naming the field and showing the value, before any request: as String()
 * it would become "[object Object]" and be sent to Midtrans as the id.
 */
export function idParameter(ctx: IExecuteFunctions, i: number, name: string, field: string): string {
	const raw = ctx.getNodeParameter(name, i, '');
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		throw new NodeOperationError(ctx.getNode(), `${field} must be text, got ${describeValue(raw)}`, { itemIndex: i });
	}
	const value = String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `${field} is required`, { itemIndex: i });
	}
	return value;
}

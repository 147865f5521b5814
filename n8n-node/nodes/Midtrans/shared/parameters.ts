import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { describeValue } from '../../shared/core';

/** A number typed in a field or produced by an expression; anything else goes to the core as is, which says what is wrong. */
export function numberOf(value: unknown): number {
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

/** Optional text: undefined when missing or blank. */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const s = textOf(value);
	return s === '' ? undefined : s;
}

/** A multi-select's list, or comma-separated text. Anything else is handed on for the core to name. */
export function listOf(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value.map((v) => textOf(v)).filter((v) => v !== '');
	if (typeof value === 'number') value = String(value);
	if (typeof value !== 'string') return value as string[];
	return value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * An id parameter as text: required, and text or a number. A list or an object (an expression that
 * returned one) fails here, naming the field and showing the value, before any request: as String()
 * it would become "[object Object]" and be sent to Midtrans as the id.
 */
export function idParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '');
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${field} must be text, got ${describeValue(raw)}`,
			{ itemIndex },
		);
	}
	const value = String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `${field} is required`, { itemIndex });
	}
	return value;
}

/**
 * The optional `WhatsApp` column: a click-to-chat link (core whatsapp.ts) written with the payment
 * link, from what the create request already holds (customer, amount, title). A phone that cannot be
 * one gets the reason, naming the row and the field, instead of a broken link. Found by header name;
 * a sheet without the column costs nothing.
 */
import { PropertiesService } from './services';
import { normaliseHeader, whatsappLinkForRequest, type CreatePaymentLinkRequest } from '@midtrans-pl/core';
import { runsOf } from './cell-writes';
import type { InvoiceTable } from './invoice-sheet';
import { UserError } from './user-error';

export const WHATSAPP_HEADER = 'WhatsApp';
const TEMPLATE_PROPERTY = 'MIDTRANS_WHATSAPP_TEMPLATE';
const TEMPLATE_MAX = 1000;

export function whatsappColumn(table: InvoiceTable): number | undefined {
  const i = table.headerRow.findIndex((h) => normaliseHeader(h) === normaliseHeader(WHATSAPP_HEADER));
  return i < 0 ? undefined : i;
}

/** The merchant's message template ('' = the core's default). */
export function whatsappTemplate(): string {
  return PropertiesService.getScriptProperties().getProperty(TEMPLATE_PROPERTY) ?? '';
}

export function saveWhatsappTemplate(text: unknown): string {
  const t = typeof text === 'string' ? text.trim() : '';
  if (t.length > TEMPLATE_MAX) throw new UserError(`The WhatsApp message is ${t.length} characters; keep it under ${TEMPLATE_MAX}.`);
  if (t && !/\{link\}/i.test(t)) throw new UserError('The WhatsApp message must contain {link}, where the payment link goes.');
  const props = PropertiesService.getScriptProperties();
  if (t) props.setProperty(TEMPLATE_PROPERTY, t);
  else props.deleteProperty(TEMPLATE_PROPERTY);
  return t;
}

function chatText(request: CreatePaymentLinkRequest, url: string, row: number, template: string): string {
  const chat = whatsappLinkForRequest(request, url, template);
  if (!chat) return '';
  return chat.ok ? chat.url : `Row ${row}, Customer Phone: ${chat.problem}`;
}

/**
 * Writes the WhatsApp cell of each row that just got its link: one format and one write per run of
 * adjacent rows, as text (a link or a reason is never a formula).
 */
export function writeWhatsapp(
  table: InvoiceTable,
  links: { row: number | undefined; request: CreatePaymentLinkRequest; url?: string }[],
): void {
  const col = whatsappColumn(table);
  if (col === undefined) return;
  const template = whatsappTemplate();
  const byRow = new Map<number, string>();
  for (const l of links) if (l.row !== undefined && l.url) byRow.set(l.row, chatText(l.request, l.url, l.row, template));
  for (const run of runsOf([...byRow.keys()])) {
    const range = table.sheet.getRange(run.start, col + 1, run.length, 1);
    range.setNumberFormat('@');
    range.setValues(Array.from({ length: run.length }, (_, i) => [byRow.get(run.start + i) ?? '']));
  }
}

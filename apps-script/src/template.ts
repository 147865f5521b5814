/**
 * Insert invoice template: the invoice sheet with the contract's headers in the user's language, or
 * the missing ones added to an existing sheet (found under its name in any language; its header names
 * recognised in any language). Limits in the notes come from the core's contract, never retyped here.
 *
 * The amount and price columns are formatted as plain text: in a sheet whose locale writes decimals
 * with a dot (English, US), a typed `150.000` would otherwise be stored as the number 150 and billed as
 * Rp 150; as text it stays `150.000` and the core reads it as Rp 150.000 (core sheet-rows.ts parseRupiah).
 */
import { SpreadsheetApp } from './services';
import {
  ENABLED_PAYMENTS_CURRENT,
  LINK_ORDER_ID_SAFE_MAX,
  SHEET_COLUMNS,
  USAGE_LIMIT_DEFAULT,
  type Cell,
  type SheetColumn,
} from '@midtrans-pl/core';
import { t, type MessageKey, type Params } from './i18n/catalogue';
import { locale, type Locale } from './i18n/locale';
import { headerLabel, statusWord } from './i18n/words';
import { findSheet, mapInvoiceHeaders, sheetName } from './invoice-sheet';

const STATUS_WORDS_SHOWN = [
  'Queued',
  'Link created',
  'Pending',
  'Paid',
  'Under review',
  'Failed',
  'Expired',
  'Refunded',
  'Partially refunded',
  'Deactivated',
  'Error',
] as const;

function headerNote(loc: Locale, column: SheetColumn): string {
  const params: Params = {
    max: LINK_ORDER_ID_SAFE_MAX,
    default: USAGE_LIMIT_DEFAULT,
    codes: ENABLED_PAYMENTS_CURRENT.join(', '),
    words: STATUS_WORDS_SHOWN.map((w) => statusWord(loc, w)).join(', '),
  };
  const key = `headerNote.${column}` as MessageKey;
  const text = t(loc, key, params);
  return text === key ? '' : text;
}

const OUTPUT: SheetColumn[] = ['orderId', 'paymentLink', 'status', 'paidAt', 'note'];
/** Typed as text so a separator is never read as a decimal mark, and a phone keeps its leading 0. */
const TYPED_AS_TEXT: SheetColumn[] = ['amount', 'unitPrice', 'customerPhone'];

export function insertTemplate(): string {
  const loc = locale();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = findSheet(ss, 'invoices');
  if (existing) {
    const name = existing.getName();
    const lastColumn = Math.max(existing.getLastColumn(), 1);
    const header = existing.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[];
    const found = mapInvoiceHeaders(header).columns;
    const missing = (Object.keys(SHEET_COLUMNS) as SheetColumn[]).filter((k) => found[k] === undefined);
    if (missing.length === 0) {
      ss.setActiveSheet(existing);
      return t(loc, 'template.complete', { sheet: name });
    }
    const start = header.every((c) => String(c ?? '') === '') ? 1 : existing.getLastColumn() + 1;
    if (existing.getMaxColumns() < start + missing.length - 1)
      existing.insertColumnsAfter(existing.getMaxColumns(), start + missing.length - 1 - existing.getMaxColumns());
    existing.getRange(1, start, 1, missing.length).setValues([missing.map((k) => headerLabel(loc, k))]);
    missing.forEach((k, i) => existing.getRange(1, start + i).setNote(headerNote(loc, k)));
    const rows = existing.getMaxRows() - 1;
    missing.forEach((k, i) => {
      if (rows > 0 && (OUTPUT.includes(k) || TYPED_AS_TEXT.includes(k))) existing.getRange(2, start + i, rows, 1).setNumberFormat('@');
    });
    ss.setActiveSheet(existing);
    return t(loc, 'template.added', { columns: missing.map((k) => `"${headerLabel(loc, k)}"`).join(', '), sheet: name });
  }
  const name = sheetName(loc, 'invoices');
  const sheet = ss.insertSheet(name);
  const keys = Object.keys(SHEET_COLUMNS) as SheetColumn[];
  if (sheet.getMaxColumns() < keys.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), keys.length - sheet.getMaxColumns());
  sheet
    .getRange(1, 1, 1, keys.length)
    .setValues([keys.map((k) => headerLabel(loc, k))])
    .setFontWeight('bold');
  keys.forEach((k, i) => {
    const note = headerNote(loc, k);
    if (note) sheet.getRange(1, i + 1).setNote(note);
  });
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  for (const k of [...OUTPUT, ...TYPED_AS_TEXT]) sheet.getRange(2, keys.indexOf(k) + 1, rows, 1).setNumberFormat('@');
  ss.setActiveSheet(sheet);
  return t(loc, 'template.inserted', { sheet: name });
}

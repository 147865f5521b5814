/**
 * Insert invoice template: the `Invoices` sheet with the contract's headers, or the missing ones added.
 * Limits in the notes come from the core's contract, never retyped here.
 */
import { SpreadsheetApp } from './services';
import {
  ENABLED_PAYMENTS_CURRENT, LINK_ORDER_ID_SAFE_MAX, SHEET_COLUMNS, TEMPLATE_HEADERS, USAGE_LIMIT_DEFAULT, mapHeaders, type Cell,
  type SheetColumn,
} from '@midtrans-pl/core';
import { INVOICE_SHEET } from './invoice-sheet';

const HEADER_NOTES: Partial<Record<SheetColumn, string>> = {
  orderId: `Optional. Letters, digits and - _ ~ . (at most ${LINK_ORDER_ID_SAFE_MAX}). Left empty, one is generated.`,
  amount: 'Whole rupiah, e.g. 150000. Or leave empty and fill Quantity and Unit Price.',
  customerEmail: 'Optional. Midtrans emails the link to this address.',
  expiry: 'Optional, e.g. "7 days", "24 hours", "30 minutes".',
  usageLimit: `Optional. How many payments the link accepts (tickets); ${USAGE_LIMIT_DEFAULT} when empty.`,
  paymentMethods: `Optional, comma separated, e.g. "qris, bca_va, gopay". All enabled methods when empty. Codes: ${ENABLED_PAYMENTS_CURRENT.join(', ')}.`,
  paymentLink: 'Written by Midtrans ▸ Generate payment links.',
  status: 'Written by the add-on: Queued, Link created, Pending, Paid (or Paid n/limit), Under review, Failed, Expired, Refunded, Partially refunded, Deactivated, Error.',
  paidAt: 'Written by the add-on: when the first payment settled (Midtrans time, GMT+7).',
  note: 'Written by the add-on: what to fix, or details of the status.',
};

const OUTPUT: SheetColumn[] = ['orderId', 'paymentLink', 'status', 'paidAt', 'note'];

export function insertTemplate(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ss.getSheetByName(INVOICE_SHEET);
  if (existing) {
    const lastColumn = Math.max(existing.getLastColumn(), 1);
    const header = existing.getRange(1, 1, 1, lastColumn).getValues()[0] as Cell[];
    const found = mapHeaders(header).columns;
    const missing = (Object.keys(SHEET_COLUMNS) as SheetColumn[]).filter((k) => found[k] === undefined);
    if (missing.length === 0) {
      ss.setActiveSheet(existing);
      return `"${INVOICE_SHEET}" already has every column; nothing changed.`;
    }
    const start = header.every((c) => String(c ?? '') === '') ? 1 : existing.getLastColumn() + 1;
    if (existing.getMaxColumns() < start + missing.length - 1) existing.insertColumnsAfter(existing.getMaxColumns(), start + missing.length - 1 - existing.getMaxColumns());
    existing.getRange(1, start, 1, missing.length).setValues([missing.map((k) => SHEET_COLUMNS[k])]);
    missing.forEach((k, i) => existing.getRange(1, start + i).setNote(HEADER_NOTES[k] ?? ''));
    ss.setActiveSheet(existing);
    return `Added ${missing.map((k) => `"${SHEET_COLUMNS[k]}"`).join(', ')} at the end of "${INVOICE_SHEET}"; your other columns are untouched.`;
  }
  const sheet = ss.insertSheet(INVOICE_SHEET);
  if (sheet.getMaxColumns() < TEMPLATE_HEADERS.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), TEMPLATE_HEADERS.length - sheet.getMaxColumns());
  const keys = Object.keys(SHEET_COLUMNS) as SheetColumn[];
  sheet.getRange(1, 1, 1, TEMPLATE_HEADERS.length).setValues([TEMPLATE_HEADERS]).setFontWeight('bold');
  keys.forEach((k, i) => {
    if (HEADER_NOTES[k]) sheet.getRange(1, i + 1).setNote(HEADER_NOTES[k] as string);
  });
  sheet.setFrozenRows(1);
  const rows = sheet.getMaxRows() - 1;
  for (const k of OUTPUT) sheet.getRange(2, keys.indexOf(k) + 1, rows, 1).setNumberFormat('@');
  ss.setActiveSheet(sheet);
  return `Inserted the "${INVOICE_SHEET}" sheet. Fill in Amount (or Quantity and Unit Price) per row, then Midtrans ▸ Generate payment links.`;
}

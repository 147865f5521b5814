/** The `Invoices` table: found by header, read in one call, written only in the columns we own. */
import { SpreadsheetApp } from './services';
import { mapHeaders, type Cell, type HeaderMap, type SheetColumn } from '@midtrans-pl/core';
import { UserError } from './user-error';

export const INVOICE_SHEET = 'Invoices';
export const HEADER_ROWS = 1;

/** Columns the add-on writes; every other column is the merchant's and is never written. */
export const OUTPUT_COLUMNS: SheetColumn[] = ['paymentLink', 'status', 'paidAt', 'note'];

export interface InvoiceTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  header: HeaderMap;
  /** The header row as read: columns outside the template (WhatsApp) are found in it by name. */
  headerRow: Cell[];
  /** Data rows only; `rows[i]` is sheet row `i + 2`. */
  rows: Cell[][];
}

export function invoiceSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(INVOICE_SHEET);
  if (!sheet) throw new UserError(`No sheet named "${INVOICE_SHEET}": use Midtrans ▸ Insert invoice template, or rename your invoice sheet to "${INVOICE_SHEET}".`);
  return sheet;
}

export function headerProblem(header: HeaderMap): UserError | undefined {
  return header.problems.length ? new UserError(`The "${INVOICE_SHEET}" header row needs fixing: ${header.problems.join('; ')}.`) : undefined;
}

/** The whole table in one read (header and data together). */
export function readInvoiceTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): InvoiceTable {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const header = mapHeaders(values[0] ?? []);
  const problem = headerProblem(header);
  if (problem) throw problem;
  return { sheet, header, headerRow: values[0] ?? [], rows: values.slice(HEADER_ROWS) };
}

export function rowNumberOf(index: number): number {
  return index + HEADER_ROWS + 1;
}

export function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return String(v).trim();
}

export function cellOf(table: InvoiceTable, index: number, column: SheetColumn): Cell {
  const c = table.header.columns[column];
  return c === undefined ? undefined : table.rows[index]?.[c];
}

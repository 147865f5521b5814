/** The `Invoices` table: found by header, read in one call, written only in the columns we own. */
import { SpreadsheetApp } from './services';
import { mapHeaders, type Cell, type HeaderMap, type SheetColumn } from '@midtrans-pl/core';
import { t } from './i18n/catalogue';
import { LOCALES } from './i18n/define';
import { locale, type Locale } from './i18n/locale';
import { allHeaderLabels, headerIssueText } from './i18n/words';
import { UserError } from './user-error';

/** The sheets the add-on finds or makes, by their catalogue key. */
export type SheetKind = 'invoices' | 'payments' | 'summary';

export function sheetName(loc: Locale, kind: SheetKind): string {
  return t(loc, `sheet.${kind}`);
}

/**
 * The sheet under its name in any language, the user's own first: a sheet made in English keeps
 * working after the language changes, and one made in Bahasa for an English user.
 */
export function findSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, kind: SheetKind): GoogleAppsScript.Spreadsheet.Sheet | null {
  const own = locale();
  for (const loc of [own, ...LOCALES.filter((l) => l !== own)]) {
    const sheet = ss.getSheetByName(sheetName(loc, kind));
    if (sheet) return sheet;
  }
  return null;
}

/** Header names are recognised in every language (core sheet-rows.ts maps them). */
export function mapInvoiceHeaders(headerRow: readonly unknown[]): HeaderMap {
  return mapHeaders(headerRow, allHeaderLabels());
}
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
  const sheet = findSheet(SpreadsheetApp.getActiveSpreadsheet(), 'invoices');
  if (!sheet) throw new UserError(t(locale(), 'invoices.missing', { sheet: sheetName(locale(), 'invoices') }));
  return sheet;
}

export function headerProblem(header: HeaderMap, sheet: GoogleAppsScript.Spreadsheet.Sheet): UserError | undefined {
  if (!header.issues.length) return undefined;
  const loc = locale();
  return new UserError(
    t(loc, 'invoices.headerNeedsFixing', {
      sheet: sheet.getName(),
      problems: header.issues.map((i) => headerIssueText(loc, i)).join('; '),
    }),
  );
}

/** The whole table in one read (header and data together). */
export function readInvoiceTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): InvoiceTable {
  const values = sheet.getDataRange().getValues() as Cell[][];
  const header = mapInvoiceHeaders(values[0] ?? []);
  const problem = headerProblem(header, sheet);
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

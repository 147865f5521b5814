/**
 * The spreadsheet-locale trap, asked about before anything is sent. In a sheet whose locale writes
 * decimals with a dot (English, US), a typed `150.000` is stored as the number 150; with a comma
 * (Indonesian), `150,000` is. The cell then holds a small number and Midtrans would bill Rp 150. The
 * stored value cannot tell what was typed, so every amount or price cell holding a number under
 * Rp 1.000 is shown to the merchant (row, column, the cell's displayed text, what would be billed)
 * with the spreadsheet's locale (Spreadsheet.getSpreadsheetLocale) named in the question. Text cells
 * are not asked about: the core reads `150.000` typed as text as Rp 150.000 (core sheet-rows.ts).
 */
import { type SheetColumn } from '@midtrans-pl/core';
import { t } from './i18n/catalogue';
import { rupiah } from './i18n/format';
import { locale } from './i18n/locale';
import { headerLabel } from './i18n/words';
import { cellOf, rowNumberOf, type InvoiceTable } from './invoice-sheet';

/** Under this a whole-rupiah amount is more likely a lost thousands separator than a real price. */
const SMALL = 1000;
const MAX_LISTED = 10;
/** Locales whose decimal mark is a comma (CLDR); the rest use a dot. */
const COMMA_DECIMAL = /^(id|in|de|fr|es|it|nl|pt|ru|tr|vi|pl|cs|da|fi|nb|no|sv|ro|hu|el|uk|ms)([_-]|$)/i;

export interface TrapSuspect {
  row: number;
  column: SheetColumn;
  shown: string;
  billed: number;
}

/** The amount and price cells of `rows` that may have lost a thousands separator. */
export function trapSuspects(table: InvoiceTable, rows: readonly number[], quantityOf: (row: number) => number): TrapSuspect[] {
  const out: TrapSuspect[] = [];
  const first = rowNumberOf(0);
  for (const row of rows) {
    for (const column of ['amount', 'unitPrice'] as const) {
      const v = cellOf(table, row - first, column);
      if (typeof v !== 'number' || v <= 0 || v >= SMALL) continue;
      const col = table.header.columns[column] as number;
      const shown = table.sheet.getRange(row, col + 1).getDisplayValue();
      out.push({ row, column, shown, billed: column === 'unitPrice' ? v * quantityOf(row) : v });
    }
  }
  return out;
}

/** The question, naming the rows, the locale and what its decimal mark does to a typed amount. */
export function trapQuestion(suspects: readonly TrapSuspect[], spreadsheetLocale: string): string {
  const loc = locale();
  const comma = COMMA_DECIMAL.test(spreadsheetLocale);
  const lines = suspects
    .slice(0, MAX_LISTED)
    .map(
      (s) =>
        `• ${t(loc, 'generate.trapRow', { row: s.row, column: headerLabel(loc, s.column), shown: s.shown, billed: rupiah(s.billed) })}`,
    );
  if (suspects.length > MAX_LISTED) lines.push('…');
  return t(loc, 'generate.trapQuestion', {
    locale: spreadsheetLocale || '?',
    example: comma ? '150,000' : '150.000',
    exampleValue: rupiah(150),
    exampleMeant: rupiah(150000),
    rows: lines.join('\n'),
  });
}

export function trapRowsText(suspects: readonly TrapSuspect[]): string {
  const rows = [...new Set(suspects.map((s) => s.row))];
  return rows.map((r) => t(locale(), 'generate.trapRowShort', { row: r })).join(', ');
}

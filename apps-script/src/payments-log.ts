/**
 * The `Payments` sheet: one row per purchase (the buyers list of a ticket link), kept in step with
 * the state store by the same writers (doPost, Refresh) under the same lock. A row is keyed by the
 * purchase's own order id, which both a notification and a GET of the link carry, so a replayed
 * notification or a Refresh that sees the same purchase updates its row in place instead of adding one.
 *
 * Written only from staged store changes: a duplicate changes nothing in the store, so it writes
 * nothing here either. Every cell but Amount is formatted as text before it is written (a customer
 * name such as `=IMPORTXML(…)` stays text, an order id `0012` stays `0012`); Amount is a number shown
 * as `Rp 1.500.000`, so `=SUM()` over it works. Headers are written in the user's language and
 * recognised in either.
 */
import { normaliseHeader, paymentEntry, type Cell, type PurchaseRecord } from '@midtrans-pl/core';
import { fitCell, runsOf } from './cell-writes';
import { cellText, findSheet, sheetName } from './invoice-sheet';
import { t } from './i18n/catalogue';
import { LOCALES } from './i18n/define';
import { RUPIAH_NUMBER_FORMAT, wibText } from './i18n/format';
import { locale, type Locale } from './i18n/locale';
import { statusWord } from './i18n/words';

/** The log's columns in order; each one's header is `payments.<key>` in the catalogue. */
export const PAYMENT_COLUMNS = {
  time: 'Time',
  orderId: 'Order ID',
  transactionId: 'Transaction ID',
  paymentMethod: 'Payment Method',
  amount: 'Amount',
  status: 'Status',
  customerName: 'Customer Name',
  customerEmail: 'Customer Email',
  customerPhone: 'Customer Phone',
  purchaseOrderId: 'Purchase Order ID',
  // Automatic Fee Imposition: Amount is what arrived; these split it into the invoice's money and the customer's fee.
  invoiceAmount: 'Invoice Amount',
  customerFee: 'Customer Fee',
} as const;
export type PaymentColumn = keyof typeof PAYMENT_COLUMNS;

function paymentHeader(loc: Locale, k: PaymentColumn): string {
  return t(loc, `payments.${k}`);
}

/** Written as numbers in rupiah format; the rest are text. */
const NUMBER_COLUMNS = ['amount', 'invoiceAmount', 'customerFee'] as const;
type NumberColumn = (typeof NUMBER_COLUMNS)[number];

function formatOf(k: PaymentColumn): string {
  return (NUMBER_COLUMNS as readonly string[]).includes(k) ? RUPIAH_NUMBER_FORMAT : '@';
}
const KEYS = Object.keys(PAYMENT_COLUMNS) as PaymentColumn[];
const GROW_ROWS = 500;

export interface Customer {
  customerName: string;
  customerEmail: string;
  customerPhone: string;
}

export const NO_CUSTOMER: Customer = { customerName: '', customerEmail: '', customerPhone: '' };

/** The customer an invoice row names, from a reader of its cells. */
export function customerOf(at: (c: 'customerName' | 'customerEmail' | 'customerPhone') => Cell): Customer {
  return {
    customerName: cellText(at('customerName')),
    customerEmail: cellText(at('customerEmail')),
    customerPhone: cellText(at('customerPhone')),
  };
}

type Line = Record<Exclude<PaymentColumn, NumberColumn>, string> & Record<NumberColumn, number>;

export function lineOf(linkOrderId: string, record: PurchaseRecord, customer: Customer): Line {
  const e = paymentEntry(linkOrderId, record);
  const loc = locale();
  return {
    time: e.time ? wibText(e.time, loc) : '',
    orderId: e.orderId,
    transactionId: e.transactionId,
    paymentMethod: e.paymentMethod,
    amount: e.amount,
    status: statusWord(loc, e.status),
    ...customer,
    purchaseOrderId: e.purchaseOrderId,
    invoiceAmount: e.invoiceAmount,
    customerFee: e.customerFee,
  };
}

export class PaymentsLog {
  private readonly staged = new Map<string, Line>();

  private constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private sheet: GoogleAppsScript.Spreadsheet.Sheet | null,
    /** 0-based column of each of our headers, found by name (the merchant may reorder columns). */
    private columns: Partial<Record<PaymentColumn, number>>,
    private readonly rows: Map<string, number>,
    private width: number,
    private lastRow: number,
    private maxRows: number,
  ) {}

  /** Reads the whole log in one call (nothing when the sheet does not exist yet). */
  static load(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): PaymentsLog {
    const sheet = findSheet(spreadsheet, 'payments');
    const rows = new Map<string, number>();
    if (!sheet) return new PaymentsLog(spreadsheet, null, {}, rows, 0, 1, 0);
    const values = sheet.getDataRange().getValues() as Cell[][];
    const header = values[0] ?? [];
    const byName = new Map(KEYS.flatMap((k) => LOCALES.map((l) => [normaliseHeader(paymentHeader(l, k)), k] as const)));
    const columns: Partial<Record<PaymentColumn, number>> = {};
    header.forEach((h, i) => {
      const k = byName.get(normaliseHeader(h));
      if (k && columns[k] === undefined) columns[k] = i;
    });
    const key = columns.purchaseOrderId;
    if (key !== undefined) {
      values.forEach((line, i) => {
        const id = i === 0 ? '' : String(line[key] ?? '').trim();
        if (id && !rows.has(id)) rows.set(id, i + 1);
      });
    }
    return new PaymentsLog(spreadsheet, sheet, columns, rows, header.length, Math.max(values.length, 1), sheet.getMaxRows());
  }

  /** Stages a purchase's line; the last one staged for a purchase wins. */
  put(line: Line): void {
    this.staged.set(String(line.purchaseOrderId), line);
  }

  /** Writes staged lines: an existing purchase's row in place, new ones in one appended block. */
  commit(): void {
    if (this.staged.size === 0) return;
    this.ensureSheet();
    const sheet = this.sheet as GoogleAppsScript.Spreadsheet.Sheet;
    const appended: Line[] = [];
    // Only our columns are written in place: a column the merchant added (a note, a tick) is never touched.
    const ours = runsOf(KEYS.map((k) => this.columns[k] as number));
    for (const line of this.staged.values()) {
      const row = this.rows.get(String(line.purchaseOrderId));
      if (row === undefined) {
        appended.push(line);
        continue;
      }
      const cells = this.cells(line);
      for (const run of ours) {
        const range = sheet.getRange(row, run.start + 1, 1, run.length);
        range.setNumberFormats([this.formats().slice(run.start, run.start + run.length)]);
        range.setValues([cells.slice(run.start, run.start + run.length)]);
      }
    }
    if (appended.length) {
      const start = this.lastRow + 1;
      const needed = start + appended.length - 1 - this.maxRows;
      if (needed > 0) {
        // Writing past the last row throws in Sheets; grow in large steps so growth is rare.
        const grow = Math.max(needed, GROW_ROWS);
        sheet.insertRowsAfter(this.maxRows, grow);
        this.maxRows += grow;
      }
      const range = sheet.getRange(start, 1, appended.length, this.width);
      const formats = this.formats();
      range.setNumberFormats(appended.map(() => formats));
      range.setValues(appended.map((l) => this.cells(l)));
      appended.forEach((l, i) => this.rows.set(String(l.purchaseOrderId), start + i));
      this.lastRow += appended.length;
    }
    this.staged.clear();
  }

  private cells(line: Line): (string | number)[] {
    const out: (string | number)[] = Array.from({ length: this.width }, () => '');
    for (const k of KEYS) {
      const c = this.columns[k];
      if (c === undefined) continue;
      const v = line[k];
      out[c] = typeof v === 'number' ? v : fitCell(v);
    }
    return out;
  }

  /** Each column's number format: text everywhere (the merchant's own columns too), rupiah for Amount. */
  private formats(): string[] {
    const out = Array.from({ length: this.width }, () => '@');
    for (const k of KEYS) if (this.columns[k] !== undefined) out[this.columns[k] as number] = formatOf(k);
    return out;
  }

  /** Creates the sheet (leaving the merchant where they were), or adds the headers it lacks at the end. */
  private ensureSheet(): void {
    if (!this.sheet) {
      const previous = this.spreadsheet.getActiveSheet();
      this.sheet = this.spreadsheet.insertSheet(sheetName(locale(), 'payments'));
      if (previous) this.spreadsheet.setActiveSheet(previous);
      this.maxRows = this.sheet.getMaxRows();
      this.width = 0;
    }
    const missing = KEYS.filter((k) => this.columns[k] === undefined);
    if (missing.length === 0) return;
    const sheet = this.sheet;
    const start = this.width;
    if (sheet.getMaxColumns() < start + missing.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - sheet.getMaxColumns());
    sheet.getRange(1, start + 1, 1, missing.length).setNumberFormat('@');
    sheet.getRange(1, start + 1, 1, missing.length).setValues([missing.map((k) => paymentHeader(locale(), k))]);
    missing.forEach((k, i) => {
      this.columns[k] = start + i;
    });
    this.width = start + missing.length;
    if (start === 0) sheet.setFrozenRows(1);
  }
}

/**
 * One invoice from several rows (B2B line items): rows that share a typed Order ID and each carry an
 * Item, a Quantity and a Unit Price become one link whose item_details lists every row and whose
 * amount is their sum. Anything else that shares an Order ID stays what it always was: a copy, which
 * the front end reports against the row that owns the id.
 */
import type { InvoiceInput } from './invoice-builder';
import { SHEET_COLUMNS, type Cell, type HeaderMap, type RowReading, type SheetColumn } from './sheet-rows';

export interface InvoiceGroup {
  orderId: string;
  /** Sheet rows of the invoice, top to bottom; the first one stands for the invoice in messages. */
  rows: number[];
  /** The invoice as one reading: every row's item, the invoice fields the rows state. */
  reading: RowReading;
}

/** Why rows sharing an Order ID were not made one invoice; undefined when they were. */
/** `reason` in English; `columns` the disagreeing column(s), for a front end's own words. */
export type GroupRefusal = { orderId: string; rows: number[]; reason: string; columns: SheetColumn[] };

export interface LineRow {
  reading: RowReading;
  cells: readonly Cell[];
}

const LINE_COLUMNS: SheetColumn[] = ['item', 'quantity', 'unitPrice'];
const INVOICE_FIELDS: (keyof InvoiceInput)[] = ['title', 'expiry', 'usageLimit', 'paymentMethods'];

function filled(v: Cell): boolean {
  return !(v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
}

function carriesLine(row: LineRow, map: HeaderMap): boolean {
  return LINE_COLUMNS.every((c) => map.columns[c] !== undefined && filled(row.cells[map.columns[c] as number]));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A field stated on several rows must say the same on each; a row that leaves it blank takes the
 * others' (the customer is often typed on the first line only).
 */
function agreed<T>(values: (T | undefined)[]): { value?: T; conflict: boolean } {
  const stated = values.filter((v): v is T => v !== undefined);
  return { value: stated[0], conflict: stated.some((v) => !same(v, stated[0])) };
}

/**
 * Groups rows by typed Order ID, for invoices not yet sent (no row holds a link). Only sets of two or more rows that all qualify
 * become a group; two rows identical in every column are an accidental copy (a real invoice billing
 * the same item twice says Quantity 2), and stay the copy the add-on has always reported.
 */
export function groupLineItems(rows: readonly LineRow[], map: HeaderMap): { groups: Map<string, InvoiceGroup>; refusals: GroupRefusal[] } {
  const byId = new Map<string, LineRow[]>();
  for (const r of rows) {
    if (!r.reading.orderId || r.reading.blank) continue;
    const list = byId.get(r.reading.orderId) ?? [];
    list.push(r);
    byId.set(r.reading.orderId, list);
  }
  const groups = new Map<string, InvoiceGroup>();
  const refusals: GroupRefusal[] = [];
  for (const [orderId, list] of byId) {
    // Once one of its rows holds a link the invoice is made: a line added later is not in it.
    if (list.length < 2 || list.some((r) => r.reading.hasLink)) continue;
    const sorted = [...list].sort((a, b) => a.reading.rowNumber - b.reading.rowNumber);
    const numbers = sorted.map((r) => r.reading.rowNumber);
    const refuse = (reason: string, columns: SheetColumn[]) => refusals.push({ orderId, rows: numbers, reason, columns });
    if (!sorted.every((r) => carriesLine(r, map))) continue;
    if (sorted.some((r) => r.reading.problems.length)) continue;
    // Compared on what was typed, not on what an earlier run wrote into Status or Note.
    const typed = sorted.map((r) => JSON.stringify(r.reading.input));
    if (new Set(typed).size < typed.length) continue;
    const customer = agreed(sorted.map((r) => r.reading.input.customer));
    if (customer.conflict) {
      refuse(`a different customer (${SHEET_COLUMNS.customerName}, ${SHEET_COLUMNS.customerEmail} or ${SHEET_COLUMNS.customerPhone})`, [
        'customerName',
        'customerEmail',
        'customerPhone',
      ]);
      continue;
    }
    const fields: Partial<InvoiceInput> = {};
    let conflict: string | undefined;
    for (const f of INVOICE_FIELDS) {
      const a = agreed(sorted.map((r) => r.reading.input[f]));
      if (a.conflict) conflict = conflict ?? f;
      else if (a.value !== undefined) (fields as Record<string, unknown>)[f] = a.value;
    }
    if (conflict) {
      const column =
        conflict === 'usageLimit' ? 'usageLimit' : conflict === 'paymentMethods' ? 'paymentMethods' : (conflict as SheetColumn);
      refuse(`a different ${SHEET_COLUMNS[column]}`, [column]);
      continue;
    }
    const items = sorted.flatMap((r) => r.reading.input.items ?? []);
    const amount = items.reduce((sum, it) => sum + it.price * it.quantity, 0);
    const lead = sorted[0].reading;
    const input: InvoiceInput = { orderId, ...fields, amount, items };
    if (customer.value) input.customer = customer.value;
    groups.set(orderId, { orderId, rows: numbers, reading: { ...lead, input, problems: [] } });
  }
  return { groups, refusals };
}

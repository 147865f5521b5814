/**
 * Sheet rows ↔ invoices. Columns are found by header name (any order, case and spacing tolerant);
 * every problem reads `Row 7, Amount: "12.5" is not a whole number of rupiah`.
 */
import type { ExpiryUnit } from './contract';
import { buildInvoiceRequest, type InvoiceInput } from './invoice-builder';
import type { RandomBytes } from './ports';
import type { CreatePaymentLinkRequest } from './types';

/** The template's columns, in template order; the labels are the contract in docs/sheets.md "Using it". */
export const SHEET_COLUMNS = {
  orderId: 'Order ID',
  customerName: 'Customer Name',
  customerEmail: 'Customer Email',
  customerPhone: 'Customer Phone',
  item: 'Item',
  quantity: 'Quantity',
  unitPrice: 'Unit Price',
  amount: 'Amount',
  title: 'Title',
  expiry: 'Expiry',
  usageLimit: 'Usage Limit',
  paymentMethods: 'Payment Methods',
  paymentLink: 'Payment Link',
  status: 'Status',
  paidAt: 'Paid At',
  note: 'Note',
} as const;
export type SheetColumn = keyof typeof SHEET_COLUMNS;
export const TEMPLATE_HEADERS: string[] = Object.values(SHEET_COLUMNS);

/** Columns the add-on writes to; generation cannot run without the first three. */
export const REQUIRED_COLUMNS: SheetColumn[] = ['orderId', 'paymentLink', 'status'];

const ALIASES: Record<string, SheetColumn> = {
  orderid: 'orderId',
  order: 'orderId',
  invoice: 'orderId',
  invoiceid: 'orderId',
  invoiceno: 'orderId',
  invoicenumber: 'orderId',
  name: 'customerName',
  customer: 'customerName',
  email: 'customerEmail',
  phone: 'customerPhone',
  customerphonenumber: 'customerPhone',
  qty: 'quantity',
  price: 'unitPrice',
  total: 'amount',
  grossamount: 'amount',
  paymentlinkurl: 'paymentLink',
  link: 'paymentLink',
  paymenturl: 'paymentLink',
  paymentmethod: 'paymentMethods',
  notes: 'note',
};

export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** A header-row problem as a code and values, for a front end to word in its user's language. */
export type HeaderIssue =
  | { code: 'duplicateColumn'; column: SheetColumn; first: string; second: string }
  | { code: 'missingColumn'; column: SheetColumn }
  | { code: 'missingAmount' };

export interface HeaderMap {
  /** 0-based column index of each known column found. */
  columns: Partial<Record<SheetColumn, number>>;
  /** Problems that stop the whole sheet (missing or duplicated columns), in English. */
  problems: string[];
  /** The same problems as codes. */
  issues: HeaderIssue[];
}

/** Extra header names a front end recognises (its other languages' labels), by column. */
export type HeaderLabels = Partial<Record<SheetColumn, readonly string[]>>;

function headerProblemText(issue: HeaderIssue): string {
  switch (issue.code) {
    case 'duplicateColumn':
      return `Columns ${issue.first} and ${issue.second} are both "${SHEET_COLUMNS[issue.column]}"; rename or remove one`;
    case 'missingColumn':
      return `No "${SHEET_COLUMNS[issue.column]}" column in the header row; add one (Midtrans ▸ Insert invoice template shows the layout)`;
    default:
      return 'No "Amount" column (or "Quantity" and "Unit Price") in the header row; add one';
  }
}

export function mapHeaders(headerRow: readonly unknown[], labels: HeaderLabels = {}): HeaderMap {
  const byName = new Map<string, SheetColumn>();
  for (const [key, label] of Object.entries(SHEET_COLUMNS)) byName.set(normaliseHeader(label), key as SheetColumn);
  for (const [key, names] of Object.entries(labels)) {
    for (const name of names ?? []) if (!byName.has(normaliseHeader(name))) byName.set(normaliseHeader(name), key as SheetColumn);
  }
  for (const [alias, key] of Object.entries(ALIASES)) if (!byName.has(alias)) byName.set(alias, key);
  const columns: Partial<Record<SheetColumn, number>> = {};
  const issues: HeaderIssue[] = [];
  headerRow.forEach((cell, index) => {
    const key = byName.get(normaliseHeader(cell));
    if (!key) return;
    if (columns[key] !== undefined) {
      issues.push({ code: 'duplicateColumn', column: key, first: columnLetter(columns[key] as number), second: columnLetter(index) });
      return;
    }
    columns[key] = index;
  });
  for (const key of REQUIRED_COLUMNS) if (columns[key] === undefined) issues.push({ code: 'missingColumn', column: key });
  if (columns.amount === undefined && (columns.quantity === undefined || columns.unitPrice === undefined))
    issues.push({ code: 'missingAmount' });
  return { columns, problems: issues.map(headerProblemText), issues };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export type Cell = string | number | boolean | Date | null | undefined;

/**
 * What is wrong with a cell, as a code and values (the front end words it); `invalid` carries the
 * invoice builder's own English detail (Midtrans's field rules).
 */
export type RowProblemCode =
  | 'notNumber'
  | 'notWholeRupiah'
  | 'notRupiah'
  | 'notWholeCount'
  | 'notDuration'
  | 'priceMissing'
  | 'amountMismatch'
  | 'amountMissing'
  | 'invalid';

export interface RowProblem {
  column: SheetColumn;
  /** English, `Row 7, Amount: …`. */
  message: string;
  code: RowProblemCode;
  params: Record<string, string | number>;
}

type Parsed<T> = { value?: T; problem?: string; code?: RowProblemCode; params?: Record<string, string | number> };

export interface RowReading {
  rowNumber: number;
  /** The order id as typed; '' when the row needs one generated. */
  orderId: string;
  /** A link is already recorded in the row. */
  hasLink: boolean;
  /** Nothing but blanks in the input columns: not an invoice at all. */
  blank: boolean;
  input: InvoiceInput;
  problems: RowProblem[];
}

const INPUT_COLUMNS: SheetColumn[] = [
  'orderId',
  'customerName',
  'customerEmail',
  'customerPhone',
  'item',
  'quantity',
  'unitPrice',
  'amount',
  'title',
  'expiry',
  'usageLimit',
  'paymentMethods',
];

function isBlank(v: Cell): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function quote(v: Cell): string {
  if (v instanceof Date) return 'a date';
  return JSON.stringify(typeof v === 'string' ? v.trim() : v);
}

export function formatRowProblem(rowNumber: number, column: SheetColumn, tail: string): string {
  return `Row ${rowNumber}, ${SHEET_COLUMNS[column]}: ${tail}`;
}

function text(v: Cell): string {
  if (isBlank(v)) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Whole rupiah from a number cell or text such as `150000`, `150.000`, `Rp 150,000`. */
export function parseRupiah(v: Cell): Parsed<number> {
  const value = quote(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { problem: `${value} is not a number`, code: 'notNumber', params: { value } };
    if (!Number.isInteger(v)) return { problem: `${value} is not a whole number of rupiah`, code: 'notWholeRupiah', params: { value } };
    return { value: v };
  }
  if (typeof v !== 'string') return { problem: `${value} is not an amount in rupiah`, code: 'notRupiah', params: { value } };
  const s = v
    .trim()
    .replace(/^(rp\.?|idr)\s*/i, '')
    .replace(/\s+/g, '');
  if (/^-?\d+$/.test(s)) return { value: Number(s) };
  // Thousands separators, one kind throughout: Indonesian `150.000` or English `150,000`.
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) return { value: Number(s.replace(/[.,]/g, '')) };
  return { problem: `${value} is not a whole number of rupiah`, code: 'notWholeRupiah', params: { value } };
}

function parseCount(v: Cell, what: 'items' | 'payments'): Parsed<number> {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  const value = quote(v);
  if (!Number.isInteger(n)) return { problem: `${value} is not a whole number of ${what}`, code: 'notWholeCount', params: { value, what } };
  return { value: n };
}

const UNIT_WORDS: [RegExp, ExpiryUnit, number][] = [
  [/^(m|min|mins|minute|minutes|menit)$/, 'minutes', 1],
  [/^(h|hr|hrs|hour|hours|jam)$/, 'hours', 1],
  [/^(d|day|days|hari)$/, 'days', 1],
  [/^(w|week|weeks|minggu)$/, 'days', 7],
];

/** `7 days`, `24 hours`, `30 minutes`, `2 weeks`, or a bare number of days. */
export function parseExpiry(v: Cell): Parsed<{ duration: number; unit: ExpiryUnit }> {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return { value: { duration: v, unit: 'days' } };
  const m = typeof v === 'string' ? /^\s*(\d+)\s*([a-zA-Z]+)?\s*$/.exec(v) : null;
  if (m) {
    const n = Number(m[1]);
    if (!m[2]) return { value: { duration: n, unit: 'days' } };
    for (const [re, unit, factor] of UNIT_WORDS) if (re.test(m[2].toLowerCase())) return { value: { duration: n * factor, unit } };
  }
  const value = quote(v);
  return { problem: `${value} is not a duration; write e.g. "7 days", "24 hours" or "30 minutes"`, code: 'notDuration', params: { value } };
}

const METHOD_ALIASES: Record<string, string> = {
  qris: 'other_qris',
  card: 'credit_card',
  credit: 'credit_card',
  creditcard: 'credit_card',
  kartu_kredit: 'credit_card',
  mandiri_bill: 'echannel',
  mandiri: 'echannel',
  bca: 'bca_va',
  bni: 'bni_va',
  bri: 'bri_va',
  permata: 'permata_va',
  cimb: 'cimb_va',
  danamon: 'danamon_va',
  bsi: 'bsi_va',
  seabank: 'seabank_va',
  saqu: 'saqu_va',
  bank_saqu: 'saqu_va',
  googlepay: 'google_pay',
};

export function parsePaymentMethods(v: Cell): string[] {
  return text(v)
    .split(/[,;\n]+/)
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    )
    .filter((s) => s !== '')
    .map((s) => METHOD_ALIASES[s] ?? s);
}

/** Reads one row (0-based cells) into an invoice; problems name the row and column. */
export function readInvoiceRow(row: readonly Cell[], map: HeaderMap, rowNumber: number): RowReading {
  const cell = (c: SheetColumn): Cell => (map.columns[c] === undefined ? undefined : row[map.columns[c] as number]);
  const problems: RowProblem[] = [];
  const fail = (column: SheetColumn, tail: string, code: RowProblemCode, params: Record<string, string | number> = {}) =>
    problems.push({ column, message: formatRowProblem(rowNumber, column, tail), code, params });
  const failParsed = (column: SheetColumn, p: Parsed<unknown>) => fail(column, p.problem as string, p.code as RowProblemCode, p.params);
  const blank = INPUT_COLUMNS.every((c) => isBlank(cell(c)));
  const orderId = text(cell('orderId'));
  const input: InvoiceInput = { orderId };

  const quantity = isBlank(cell('quantity')) ? undefined : parseCount(cell('quantity'), 'items');
  const unitPrice = isBlank(cell('unitPrice')) ? undefined : parseRupiah(cell('unitPrice'));
  const amount = isBlank(cell('amount')) ? undefined : parseRupiah(cell('amount'));
  if (quantity?.problem) failParsed('quantity', quantity);
  if (unitPrice?.problem) failParsed('unitPrice', unitPrice);
  if (amount?.problem) failParsed('amount', amount);
  if (amount?.value !== undefined) input.amount = amount.value;
  const itemName = text(cell('item'));
  if (unitPrice?.value !== undefined || quantity?.value !== undefined) {
    if (unitPrice?.value === undefined && !unitPrice?.problem)
      fail('unitPrice', 'is empty; give a price when Quantity is set', 'priceMissing');
    const q = quantity?.value ?? (quantity?.problem ? undefined : 1);
    if (unitPrice?.value !== undefined && q !== undefined) {
      input.items = [{ name: itemName || text(cell('title')) || 'Invoice', price: unitPrice.value, quantity: q }];
      if (input.amount !== undefined && input.amount !== unitPrice.value * q) {
        const total = unitPrice.value * q;
        fail(
          'amount',
          `${input.amount} does not equal Quantity × Unit Price (${q} × ${unitPrice.value} = ${total}); fix one of them or clear Amount`,
          'amountMismatch',
          {
            amount: input.amount,
            quantity: q,
            price: unitPrice.value,
            total,
          },
        );
      }
    }
  } else if (itemName && input.amount !== undefined) {
    input.items = [{ name: itemName, price: input.amount, quantity: 1 }];
  }
  if (!blank && amount === undefined && unitPrice === undefined && !problems.some((p) => p.column === 'unitPrice')) {
    fail('amount', 'is empty; give the amount in rupiah (or Quantity and Unit Price)', 'amountMissing');
  }

  const name = text(cell('customerName'));
  const email = text(cell('customerEmail'));
  const phone = text(cell('customerPhone'));
  if (name || email || phone) {
    const [first, ...rest] = name.split(/\s+/);
    input.customer = {
      firstName: first || undefined,
      lastName: rest.join(' ') || undefined,
      email: email || undefined,
      phone: phone || undefined,
    };
  }
  const title = text(cell('title'));
  if (title) input.title = title;
  if (!isBlank(cell('expiry'))) {
    const e = parseExpiry(cell('expiry'));
    if (e.problem) failParsed('expiry', e);
    else input.expiry = e.value;
  }
  if (!isBlank(cell('usageLimit'))) {
    const u = parseCount(cell('usageLimit'), 'payments');
    if (u.problem) failParsed('usageLimit', u);
    else input.usageLimit = u.value;
  }
  const methods = parsePaymentMethods(cell('paymentMethods'));
  if (methods.length) input.paymentMethods = methods;
  return { rowNumber, orderId, hasLink: !isBlank(cell('paymentLink')), blank, input, problems };
}

/** Invoice field → the column that holds it, for the builder's problems. */
function columnOfField(field: string): SheetColumn {
  if (field === 'orderId' || field.startsWith('customFields')) return 'orderId';
  if (field === 'amount' || field === 'invoice') return 'amount';
  if (field.startsWith('items')) {
    if (/\.price$/.test(field)) return 'unitPrice';
    if (/\.quantity$/.test(field)) return 'quantity';
    if (/\.name$/.test(field)) return 'item';
    return 'amount';
  }
  if (field === 'customer.email') return 'customerEmail';
  if (field === 'customer.phone') return 'customerPhone';
  if (field.startsWith('customer')) return 'customerName';
  if (field.startsWith('expiry')) return 'expiry';
  if (field === 'usageLimit') return 'usageLimit';
  if (field.startsWith('paymentMethods')) return 'paymentMethods';
  if (field === 'title') return 'title';
  return 'note';
}

/** `warnings`: inferred rules the row breaks; the link is still created and the Note says so. */
export type RowRequestResult =
  { ok: true; request: CreatePaymentLinkRequest; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

/** The create request for a read row whose order id is set (typed or generated). */
export function buildRowRequest(reading: RowReading, random: RandomBytes): RowRequestResult {
  if (reading.problems.length) return { ok: false, problems: reading.problems };
  // The link's own order id travels in custom_field1, the documented second way back from a purchase (§5.6).
  const built = buildInvoiceRequest({ ...reading.input, customFields: [reading.input.orderId] }, random);
  const named = (p: { path: string; tail: string }): RowProblem => {
    const column = columnOfField(p.path);
    return { column, message: formatRowProblem(reading.rowNumber, column, `${p.tail}`), code: 'invalid', params: { detail: p.tail } };
  };
  if (built.problems.length === 0) return { ok: true, request: built.request, warnings: built.warnings.map(named) };
  return { ok: false, problems: built.problems.map(named) };
}

/**
 * A realistic invoice sheet: a merchant's own columns mixed in with the template's, valid rows of
 * every input style, invalid rows each broken in one known field, and blank separator rows.
 */
import { TEMPLATE_HEADERS } from '../../../core/src';
import { mulberry32 } from '../../support/mulberry32';

const [ORDER_ID, CUSTOMER_NAME, ...REST_OF_TEMPLATE] = TEMPLATE_HEADERS;
/** The template's columns with two of the merchant's own: one in between, one at the end. */
export const MERCHANT_HEADER = [ORDER_ID, CUSTOMER_NAME, 'Sales Rep', ...REST_OF_TEMPLATE, 'Region'];

export type RowKind =
  | 'amount'
  | 'qty-price'
  | 'typed-id'
  | 'rupiah-text'
  | 'ticketing'
  | 'bad-amount'
  | 'bad-email'
  | 'bad-expiry'
  | 'mismatch'
  | 'bad-usage'
  | 'bad-method'
  | 'blank';

/** The column the Note must name for each kind refused before sending (a documented rule, or one the sheet cannot read). */
export const BROKEN_FIELD: Partial<Record<RowKind, string>> = {
  'bad-amount': 'Amount',
  'bad-expiry': 'Expiry',
  mismatch: 'Amount',
  'bad-usage': 'Usage Limit',
};

/**
 * Kinds that break only a rule we inferred: sent anyway with a warning in the Note (core request-policy.ts).
 * Midtrans then decides: the simulator takes an odd email (the docs give only its length) and refuses a
 * payment method outside its lists.
 */
export const WARNED_FIELD: Partial<Record<RowKind, { field: string; refusedByMidtrans: boolean }>> = {
  'bad-email': { field: 'Customer Email', refusedByMidtrans: false },
  'bad-method': { field: 'Payment Methods', refusedByMidtrans: true },
};

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rina', 'Andi', 'Putri', 'Joko', 'Ayu', 'Wahyu'];
const LAST = ['Santoso', 'Rahayu', 'Wijaya', 'Lestari', 'Hidayat', 'Pratama', ''];
const KINDS: RowKind[] = [
  'amount',
  'qty-price',
  'amount',
  'typed-id',
  'rupiah-text',
  'amount',
  'bad-amount',
  'ticketing',
  'amount',
  'bad-email',
  'qty-price',
  'amount',
  'bad-expiry',
  'typed-id',
  'blank',
  'amount',
  'mismatch',
  'amount',
  'bad-usage',
  'qty-price',
  'amount',
  'bad-method',
  'amount',
  'rupiah-text',
  'amount',
];

export interface SheetFixture {
  rows: unknown[][];
  kinds: RowKind[];
}

export function merchantSheet(count: number, seed = 1): SheetFixture {
  const rnd = mulberry32(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const rows: unknown[][] = [];
  const kinds: RowKind[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length];
    const first = pick(FIRST);
    const last = pick(LAST);
    const f: Record<string, unknown> = {
      'Customer Name': `${first} ${last}`.trim(),
      'Sales Rep': pick(['Wulan', 'Hendra', 'Tono']),
      'Customer Email': `${first.toLowerCase()}.${i}@example.co.id`,
      'Customer Phone': `0812-${String(1000 + i).padStart(4, '0')}-${String(Math.floor(rnd() * 9000) + 1000)}`,
      Region: pick(['Jakarta', 'Bandung', 'Surabaya']),
    };
    const amount = (Math.floor(rnd() * 200) + 1) * 5000;
    switch (kind) {
      case 'amount':
        f.Amount = amount;
        f.Title = 'Invoice';
        break;
      case 'qty-price':
        f.Item = 'Kaos polos';
        f.Quantity = 2;
        f['Unit Price'] = 75000;
        break;
      case 'typed-id':
        f['Order ID'] = `SO-2026-${1000 + i}`;
        f.Amount = amount;
        break;
      case 'rupiah-text':
        f.Amount = 'Rp 150.000';
        break;
      case 'ticketing':
        f.Title = 'Konser Jakarta';
        f.Amount = 250000;
        f['Usage Limit'] = 100;
        f.Expiry = '7 days';
        f['Payment Methods'] = 'qris, bca';
        break;
      case 'bad-amount':
        f.Amount = 'seratus ribu';
        break;
      case 'bad-email':
        f.Amount = amount;
        f['Customer Email'] = `${first.toLowerCase()}@`;
        break;
      case 'bad-expiry':
        f.Amount = amount;
        f.Expiry = 'soon';
        break;
      case 'mismatch':
        f.Amount = 100000;
        f.Quantity = 2;
        f['Unit Price'] = 75000;
        f.Item = 'Topi';
        break;
      case 'bad-usage':
        f.Amount = amount;
        f['Usage Limit'] = 'many';
        break;
      case 'bad-method':
        f.Amount = amount;
        f['Payment Methods'] = 'cash on delivery';
        break;
      case 'blank':
        for (const k of Object.keys(f)) delete f[k];
        break;
    }
    rows.push(MERCHANT_HEADER.map((h) => (f[h] === undefined ? '' : f[h])));
    kinds.push(kind);
  }
  return { rows, kinds };
}

/** Kinds that end with a link: the valid ones and those Midtrans accepts despite a warning. */
export function isValidKind(kind: RowKind): boolean {
  return ['amount', 'qty-price', 'typed-id', 'rupiah-text', 'ticketing'].includes(kind) || WARNED_FIELD[kind]?.refusedByMidtrans === false;
}

/**
 * Random invoice sheets for a seed: valid rows of every shape the template allows, invalid rows whose
 * broken column is known in advance (so the test, not the code under test, says which column the Note
 * must name), and blank rows in between.
 */
import { row, type Column, type Row } from './addon';
import { rng } from './seeds';

export interface PlannedRow {
  cells: Row;
  kind: 'valid' | 'invalid' | 'blank';
  /** For an invalid row: the column its Note must name. */
  brokenColumn?: Column;
  /** A copy of an earlier row with the same typed Order ID (the earlier row keeps the id). */
  duplicate?: boolean;
}

const NAMES = ['Budi Santoso', 'Siti', 'Ayu Lestari Putri', 'Made Wirawan'];
const TITLES = ['Invoice', 'Kelas yoga', 'Tiket konser', 'Langganan Mei'];
const METHODS = ['', '', 'bca, qris', 'gopay', 'permata; bni', 'credit card'];

function amountText(r: ReturnType<typeof rng>): string {
  const n = r.pick([1, 10_000, r.int(1, 999), r.int(1_000, 5_000_000), r.int(1, 2_000_000_000)]);
  // The spellings a merchant types: bare, Indonesian thousands, English thousands, with Rp.
  const dotted = n.toLocaleString('de-DE');
  return r.pick([String(n), String(n), n >= 1000 ? dotted : String(n), `Rp ${n}`]);
}

function validRow(r: ReturnType<typeof rng>, orderId: string): Row {
  const cells: Partial<Record<Column, string>> = { 'Order ID': orderId };
  if (r.chance(0.3)) {
    cells.Item = r.pick(['Kopi', 'Kaos', 'Tiket']);
    cells.Quantity = String(r.int(1, 9));
    cells['Unit Price'] = String(r.int(1, 500_000));
  } else {
    cells.Amount = amountText(r);
  }
  if (r.chance(0.6)) {
    cells['Customer Name'] = r.pick(NAMES);
    cells['Customer Email'] = `buyer${r.int(1, 999)}@example.com`;
    cells['Customer Phone'] = `08${r.int(100_000_000, 999_999_999)}`;
  }
  if (r.chance(0.5)) cells.Title = r.pick(TITLES);
  if (r.chance(0.4)) cells.Expiry = r.pick(['7 days', '24 hours', '30 minutes', '3', '2 weeks']);
  if (r.chance(0.3)) cells['Usage Limit'] = String(r.int(1, 500));
  cells['Payment Methods'] = r.pick(METHODS);
  return row(cells);
}

/** One way to break a valid row, and the column the Note must then name. */
const BREAKERS: { column: Column; apply(cells: Row, r: ReturnType<typeof rng>): void }[] = [
  {
    column: 'Amount',
    apply: (c) => {
      c[7] = 'seratus ribu';
      c[5] = '';
      c[6] = '';
    },
  },
  {
    column: 'Amount',
    apply: (c) => {
      c[7] = '12.5';
      c[5] = '';
      c[6] = '';
    },
  },
  {
    column: 'Amount',
    apply: (c) => {
      c[7] = '';
      c[5] = '';
      c[6] = '';
      c[1] = c[1] || 'Budi';
    },
  },
  // Over the documented 50 characters (an email's shape is only warned about: docs/midtrans-contract.md §2.5).
  {
    column: 'Customer Email',
    apply: (c) => {
      c[1] = 'Budi';
      c[2] = `budi.${'x'.repeat(40)}@example.com`;
      c[3] = '08123456789';
    },
  },
  {
    column: 'Order ID',
    apply: (c) => {
      c[0] = 'INV 7/2026';
    },
  },
  {
    column: 'Usage Limit',
    apply: (c) => {
      c[10] = 'many';
    },
  },
  {
    column: 'Expiry',
    apply: (c) => {
      c[9] = 'soon';
    },
  },
  {
    column: 'Unit Price',
    apply: (c) => {
      c[5] = '2';
      c[6] = '';
      c[7] = '';
    },
  },
];

/**
 * A sheet for `seed`: `size` rows, about one in six invalid, one in twelve blank and one in twenty a
 * copy of an earlier row with its Order ID; other order ids are typed for some rows (unique in the
 * sheet and across seeds) and left blank for the add-on to generate for the rest.
 */
export function plannedSheet(seed: number, size: number): PlannedRow[] {
  const r = rng(seed * 7919 + 17);
  const out: PlannedRow[] = [];
  for (let i = 0; i < size; i++) {
    const orderId = r.chance(0.5) ? `S${seed}-R${i}` : '';
    const roll = r.next();
    const copyable = out.filter((p) => p.kind === 'valid' && p.cells[0] !== '');
    if (roll > 0.94 && copyable.length) {
      // A copied row whose Order ID was not changed (amount sometimes edited).
      const cells = [...r.pick(copyable).cells];
      if (r.chance(0.5)) cells[7] = String(r.int(1, 99) * 1000);
      out.push({ cells, kind: 'invalid', brokenColumn: 'Order ID', duplicate: true });
    } else if (roll < 0.08) {
      out.push({ cells: row({}), kind: 'blank' });
    } else if (roll < 0.25) {
      const cells = validRow(r, orderId);
      const breaker = r.pick(BREAKERS);
      breaker.apply(cells, r);
      out.push({ cells, kind: 'invalid', brokenColumn: breaker.column });
    } else {
      out.push({ cells: validRow(r, orderId), kind: 'valid' });
    }
  }
  return out;
}

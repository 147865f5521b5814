/**
 * A merchant copies a row and forgets to change its Order ID (found by the cut-off suite's sheets).
 * Injects: the same typed Order ID in two or more rows, with the same or a different amount, with the
 * first one already holding a link, with a new copy inserted above it, and under Generate-selected.
 * Must hold: one row owns the id and gets the one link; every other row says Error with a Note naming
 * Order ID and the owning row; no row is left Queued; Midtrans gets one create per order id.
 */
import { createAddon, col, row } from './support/addon';

function statuses(rows: string[][]): string[] {
  return rows.map((x) => `${x[col('Order ID')]} ${x[col('Status')]} ${x[col('Note')]}`.trim());
}

test('copies with the same and with a different amount: the top row owns the id, the copies say which row has it', () => {
  const a = createAddon({ seed: 31 });
  a.setSheet([
    row({ 'Order ID': 'DUP-1', Amount: '5000' }),
    row({ 'Order ID': 'DUP-1', Amount: '5000' }),
    row({ 'Order ID': 'DUP-2', Amount: '5000' }),
    row({ 'Order ID': 'DUP-2', Amount: '7000' }),
    row({ 'Order ID': 'DUP-1', Amount: '9000' }),
  ]);
  const out = a.run('generatePaymentLinks');
  expect(statuses(a.rows())).toEqual([
    'DUP-1 Link created',
    'DUP-1 Error Order ID: "DUP-1" is also in row 2; give each invoice its own Order ID',
    'DUP-2 Link created',
    'DUP-2 Error Order ID: "DUP-2" is also in row 4; give each invoice its own Order ID',
    'DUP-1 Error Order ID: "DUP-1" is also in row 2; give each invoice its own Order ID',
  ]);
  expect(a.sim.stats().createCallsByOrderId).toEqual({ 'DUP-1': 1, 'DUP-2': 1 });
  expect(out.alerts.join('')).toContain('2 links ready; 3 rows need fixing');
});

test('a copy inserted above a row that already has its link is the duplicate, not the linked row', () => {
  const a = createAddon({ seed: 32 });
  a.setSheet([row({ 'Order ID': 'DUP-3', Amount: '5000' })]);
  a.run('generatePaymentLinks');
  const linked = a.rows()[0];
  a.setSheet([row({ 'Order ID': 'DUP-3', Amount: '5000' }), linked]);
  a.run('generatePaymentLinks');
  const rows = a.rows();
  expect(rows[1]).toEqual(linked);
  expect(statuses(rows)[0]).toBe('DUP-3 Error Order ID: "DUP-3" is also in row 3; give each invoice its own Order ID');
  expect(rows[0][col('Payment Link')]).toBe('');
  expect(a.sim.stats().createdLinks).toBe(1);
});

test('Generate for selected rows counts copies outside the selection too', () => {
  const a = createAddon({ seed: 33 });
  a.setSheet([row({ 'Order ID': 'DUP-4', Amount: '5000' }), row({ 'Order ID': 'DUP-4', Amount: '5000' })]);
  a.env.untracked(() => a.env.spreadsheet.getSheetByName('Invoices')?.getRange('A3').activate());
  a.run('generateForSelectedRows');
  expect(statuses(a.rows())).toEqual(['DUP-4', 'DUP-4 Error Order ID: "DUP-4" is also in row 2; give each invoice its own Order ID']);
  expect(a.sim.stats().requests).toBe(0);
});

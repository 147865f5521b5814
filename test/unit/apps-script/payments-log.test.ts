/**
 * The Payments sheet (issue 14.2): one row per purchase, written by doPost and by Refresh under the
 * same lock; replays never add a row, a later state updates the row in place, a ticket link lists
 * one row per ticket, and every value is text.
 */
import { createHarness, pay, row, type Harness } from './harness';

const LOG = [
  'Time',
  'Order ID',
  'Transaction ID',
  'Payment Method',
  'Amount',
  'Status',
  'Customer Name',
  'Customer Email',
  'Customer Phone',
  'Purchase Order ID',
  'Invoice Amount',
  'Customer Fee',
];

function log(h: Harness): Record<string, unknown>[] {
  const values = h.env.sheetValues('Payments');
  const [head, ...rows] = values;
  return rows.filter((r) => r.some((c) => c !== '')).map((r) => Object.fromEntries(head.map((name, i) => [String(name), r[i]])));
}

function setUp(rows: unknown[][]): Harness {
  const h = createHarness();
  h.setSheet(rows);
  h.run('generatePaymentLinks');
  return h;
}

test('a paid invoice gets one Payments row with Midtrans time, ids, method, amount, status and the customer; a replay adds nothing', () => {
  const h = setUp([
    row({
      'Order ID': 'PL-1',
      Amount: 150000,
      'Customer Name': 'Budi Santoso',
      'Customer Email': 'budi@example.com',
      'Customer Phone': '0812-3456-7890',
    }),
  ]);
  const body = pay(h.sim, 'PL-1', 'settlement');
  expect(h.post(body).result).toBe('updated');
  expect(h.env.sheetValues('Payments')[0]).toEqual(LOG);
  expect(log(h)).toEqual([
    {
      Time: body.settlement_time,
      'Order ID': 'PL-1',
      'Transaction ID': body.transaction_id,
      'Payment Method': 'bank_transfer',
      Amount: 150000,
      Status: 'Paid',
      'Customer Name': 'Budi Santoso',
      'Customer Email': 'budi@example.com',
      'Customer Phone': '0812-3456-7890',
      'Purchase Order ID': body.order_id,
      'Invoice Amount': 150000,
      'Customer Fee': 0,
    },
  ]);
  for (let i = 0; i < 3; i++) expect(h.post(body).result).toBe('duplicate');
  expect(log(h)).toHaveLength(1);
  // The merchant stays on the sheet they were on; the log is a visible sheet of its own.
  expect(h.env.untracked(() => h.env.spreadsheet.getActiveSheet().getName())).toBe('Invoices');
});

test('a pending purchase later paid, then refunded, is one row updated in place', () => {
  const h = setUp([row({ 'Order ID': 'PL-2', Amount: 50000, 'Customer Name': 'Sari' })]);
  const pending = pay(h.sim, 'PL-2', 'pending');
  h.post(pending);
  expect(log(h).map((r) => [r.Status, r.Time])).toEqual([['Pending', '']]);
  const settled = pay(h.sim, 'PL-2', 'settlement', { transaction_id: pending.transaction_id });
  h.post(settled);
  // A late pending (out-of-order delivery) changes nothing.
  expect(h.post(pending).result).toBe('duplicate');
  const refund = pay(h.sim, 'PL-2', 'refund', { transaction_id: pending.transaction_id });
  expect(h.post(refund).result).toBe('updated');
  expect(log(h)).toEqual([
    expect.objectContaining({
      Status: 'Refunded',
      Time: settled.settlement_time,
      'Transaction ID': pending.transaction_id,
      'Customer Name': 'Sari',
    }),
  ]);
  expect(h.cell(2, 'Status')).toBe('Refunded');
});

test('a ticket link lists one row per ticket; a purchase Refresh found first gets its transaction id in place when the notification comes', () => {
  const h = setUp([row({ 'Order ID': 'TIX', Amount: 75000, 'Usage Limit': 10, Title: 'Konser', 'Customer Name': 'Panitia' })]);
  const bodies = [0, 1, 2].map(() => {
    const b = pay(h.sim, 'TIX', 'settlement', { payment_type: 'qris' });
    h.env.advanceClock(1000);
    return b;
  });
  h.post(bodies[0]);
  h.post(bodies[1]);
  // The third notification is lost: Refresh finds the purchase in GET.
  h.run('refreshStatuses');
  expect(h.cell(2, 'Status')).toBe('Paid 3/10');
  const rows = log(h);
  expect(rows.map((r) => r['Purchase Order ID']).sort()).toEqual(bodies.map((b) => b.order_id).sort());
  expect(new Set(rows.map((r) => r['Order ID']))).toEqual(new Set(['TIX']));
  const third = rows.find((r) => r['Purchase Order ID'] === bodies[2].order_id);
  expect(third).toMatchObject({ 'Transaction ID': '', 'Payment Method': 'qris', Status: 'Paid', Amount: 75000 });
  expect(String(third?.Time)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(h.post(bodies[2]).result).toBe('updated');
  expect(log(h)).toHaveLength(3);
  expect(log(h).find((r) => r['Purchase Order ID'] === bodies[2].order_id)?.['Transaction ID']).toBe(bodies[2].transaction_id);
  // A second Refresh finds nothing new and writes no Payments row.
  const before = h.env.sheetValues('Payments');
  h.env.advanceClock(60_000);
  h.run('refreshStatuses');
  expect(h.env.sheetValues('Payments')).toEqual(before);
});

test('every Payments cell is text but Amount, a number shown in rupiah: a formula-like customer name or phone is never a formula, and =SUM works over Amount', () => {
  const h = createHarness();
  // The merchant's own cells are plain text (typed with a leading apostrophe, or a text column).
  h.env.untracked(() => h.env.spreadsheet.insertSheet('Invoices').getRange(1, 1, 10, 16).setNumberFormat('@'));
  h.setSheet([
    row({ 'Order ID': 'HC-1', Amount: 10000, 'Customer Name': '=IMPORTXML("http://e.x/a","//a")', 'Customer Phone': '+6281234' }),
  ]);
  h.run('generatePaymentLinks');
  h.post(pay(h.sim, 'HC-1', 'settlement'));
  const values = h.env.sheetValues('Payments');
  for (let r = 1; r <= values.length; r++) {
    for (let c = 1; c <= LOG.length; c++) {
      const cell = h.env.inspectCell('Payments', r, c);
      expect(`${r},${c}:${cell?.formula ?? ''}`).toBe(`${r},${c}:`);
      // Text, except the three amount columns this log writes as numbers in rupiah format.
      if (r > 1) expect(cell?.numberFormat).toBe(['Amount', 'Invoice Amount', 'Customer Fee'].includes(LOG[c - 1]) ? '"Rp "#,##0' : '@');
    }
  }
  expect(log(h)[0]).toMatchObject({
    'Order ID': 'HC-1',
    'Customer Name': '=IMPORTXML("http://e.x/a","//a")',
    'Customer Phone': '+6281234',
    Amount: 10000,
  });
  const amountColumn = LOG.indexOf('Amount') + 1;
  expect(h.env.untracked(() => h.env.spreadsheet.getSheetByName('Payments')?.getRange(2, amountColumn).getDisplayValue())).toBe(
    'Rp 10,000',
  );
});

test('found by header name: a merchant who reorders the log and adds a column keeps both', () => {
  const h = setUp([row({ 'Order ID': 'HD-1', Amount: 10000 }), row({ 'Order ID': 'HD-2', Amount: 10000 })]);
  const first = pay(h.sim, 'HD-1', 'pending');
  h.post(first);
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Payments') as GoogleAppsScript.Spreadsheet.Sheet;
    const values = sheet.getRange(1, 1, 2, LOG.length).getValues();
    const reordered = values.map((r) => [...r].reverse());
    sheet.getRange(1, 1, 2, LOG.length).setValues(reordered);
    sheet.getRange(1, LOG.length + 1, 2, 1).setValues([['Checked by'], ['Ani']]);
  });
  h.post(pay(h.sim, 'HD-1', 'settlement', { transaction_id: first.transaction_id }));
  h.post(pay(h.sim, 'HD-2', 'settlement'));
  const rows = log(h);
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ 'Order ID': 'HD-1', Status: 'Paid', 'Checked by': 'Ani' });
  expect(rows[1]).toMatchObject({ 'Order ID': 'HD-2', Status: 'Paid', 'Checked by': '' });
  expect(h.env.sheetValues('Payments')[0]).toEqual([...LOG].reverse().concat('Checked by'));
});

test("a notification for a link whose invoice row was deleted is written nowhere: only this sheet's payments are logged", () => {
  const h = setUp([row({ 'Order ID': 'NR-1', Amount: 10000 })]);
  const body = pay(h.sim, 'NR-1', 'settlement');
  h.env.untracked(() => (h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet).deleteRow(2));
  expect(h.post(body).result).toBe('no-row');
  expect(h.env.untracked(() => h.env.spreadsheet.getSheetByName('Payments'))).toBeNull();
  expect(h.env.untracked(() => h.env.spreadsheet.getSheetByName('Midtrans state'))).toBeNull();
});

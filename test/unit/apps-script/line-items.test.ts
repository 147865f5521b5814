/**
 * One invoice from several rows (issue 14.4): rows sharing an Order ID that each carry Item, Quantity
 * and Unit Price become one link listing every row; the status shows on every row; sorting and
 * rerunning never make a second link; rows that cannot be one invoice keep the copy error.
 */
import { createHarness, pay, row, TEMPLATE, type Harness } from './harness';

const AUTH = `Basic ${Buffer.from('SB-Mid-server-HarnessKey0123456789:').toString('base64')}`;

function stored(h: Harness, orderId: string): Record<string, any> {
  return JSON.parse(h.sim.handle({ method: 'GET', path: `/v1/payment-links/${orderId}`, headers: { authorization: AUTH } }).body);
}

const column = (h: Harness, name: string) =>
  h
    .rows()
    .slice(1)
    .map((r) => r[TEMPLATE.indexOf(name)]);

function b2b(): Harness {
  const h = createHarness();
  h.setSheet([
    row({
      'Order ID': 'B2B-7',
      'Customer Name': 'PT Maju Jaya',
      'Customer Email': 'ap@maju.example',
      Item: 'Kertas A4',
      Quantity: 10,
      'Unit Price': 45000,
      Title: 'Invoice B2B-7',
    }),
    row({ 'Order ID': 'SOLO-1', Amount: 20000 }),
    row({ 'Order ID': 'B2B-7', Item: 'Tinta printer', Quantity: 4, 'Unit Price': 120000 }),
    row({
      'Order ID': 'B2B-7',
      'Customer Name': 'PT Maju Jaya',
      'Customer Email': 'ap@maju.example',
      Item: 'Ongkos kirim',
      Quantity: 1,
      'Unit Price': 35000,
    }),
  ]);
  h.run('generatePaymentLinks');
  return h;
}

test('three line rows become one link: item_details lists each, amount is their sum, every row shows the link', () => {
  const h = b2b();
  expect(h.sim.stats().createCallsByOrderId).toEqual({ 'B2B-7': 1, 'SOLO-1': 1 });
  const link = stored(h, 'B2B-7');
  expect(link.item_details.map((i: any) => [i.name, i.quantity, i.price])).toEqual([
    ['Kertas A4', 10, 45000],
    ['Tinta printer', 4, 120000],
    ['Ongkos kirim', 1, 35000],
  ]);
  expect(link.gross_amount).toBe(450000 + 480000 + 35000);
  expect(link.customer_details).toMatchObject({ first_name: 'PT', last_name: 'Maju Jaya', email: 'ap@maju.example' });
  expect(link.title).toBe('Invoice B2B-7');
  const links = column(h, 'Payment Link');
  expect(links[0]).toMatch(/^https:\/\//);
  expect([links[2], links[3]]).toEqual([links[0], links[0]]);
  expect(column(h, 'Status')).toEqual(['Link created', 'Link created', 'Link created', 'Link created']);
  expect(h.env.ui.alerts.pop()?.prompt).toMatch(/^2 links ready\.$/);
});

test('paid: a notification and a Refresh write the status on every row of the invoice; the Payments log has one row', () => {
  const h = b2b();
  const body = pay(h.sim, 'B2B-7', 'settlement');
  expect(h.post(body).result).toBe('updated');
  expect(column(h, 'Status')).toEqual(['Paid', 'Link created', 'Paid', 'Paid']);
  expect(
    h.env
      .sheetValues('Payments')
      .slice(1)
      .filter((r) => r.some((c) => c !== '')),
  ).toHaveLength(1);
  expect(h.env.sheetValues('Payments')[1][4]).toBe(965000);
  // A refund made at Midtrans with no notification: Refresh (an hour on) shows it on all three rows.
  h.sim.pay('B2B-7', { status: 'refund', transaction_id: body.transaction_id });
  h.env.advanceClock(3_600_000 + 60_000);
  h.run('refreshStatuses');
  expect(column(h, 'Status')).toEqual(['Refunded', 'Link created', 'Refunded', 'Refunded']);
});

test('sorted and rerun: never a second link, and a notification still finds every row', () => {
  const h = b2b();
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    const range = sheet.getRange(2, 1, 4, TEMPLATE.length);
    range.setValues(range.getValues().reverse());
  });
  h.run('generatePaymentLinks');
  expect(h.sim.stats().createCallsByOrderId).toEqual({ 'B2B-7': 1, 'SOLO-1': 1 });
  expect(h.env.ui.alerts.pop()?.prompt).toBe('Nothing to send: every filled row already has a payment link.');
  h.post(pay(h.sim, 'B2B-7', 'settlement'));
  expect(column(h, 'Status')).toEqual(['Paid', 'Paid', 'Link created', 'Paid']);
});

test('a generation cut off after the create is finished by the rerun with the same one link on every row', () => {
  for (let k = 5; k <= 40; k += 5) {
    const h = createHarness();
    h.setSheet([
      row({ 'Order ID': 'CUT-1', Item: 'Meja', Quantity: 2, 'Unit Price': 500000 }),
      row({ 'Order ID': 'CUT-1', Item: 'Kursi', Quantity: 4, 'Unit Price': 150000 }),
    ]);
    h.env.newExecution({ context: 'ui', stopAtCall: k });
    try {
      h.fns.generatePaymentLinks();
    } catch {
      // killed
    }
    expect({ k, cut: h.env.killed !== null }).toEqual({ k, cut: true });
    h.env.advanceClock(8 * 60_000);
    h.run('generatePaymentLinks');
    const links = column(h, 'Payment Link');
    expect({ k, links: links[0] === links[1] && /^https:/.test(String(links[0])) }).toEqual({ k, links: true });
    expect(stored(h, 'CUT-1').gross_amount).toBe(1_600_000);
    expect({ k, status: column(h, 'Status') }).toEqual({ k, status: ['Link created', 'Link created'] });
  }
});

test('rows sharing an Order ID with different customers, or without item columns, keep the copy error naming the row', () => {
  const h = createHarness();
  h.setSheet([
    row({ 'Order ID': 'X-1', 'Customer Name': 'Ani', Item: 'Kopi', Quantity: 1, 'Unit Price': 10000 }),
    row({ 'Order ID': 'X-1', 'Customer Name': 'Budi', Item: 'Teh', Quantity: 1, 'Unit Price': 8000 }),
    row({ 'Order ID': 'Y-1', Item: 'Kopi', Quantity: 1, 'Unit Price': 10000 }),
    row({ 'Order ID': 'Y-1', Amount: 8000 }),
  ]);
  h.run('generatePaymentLinks');
  expect(column(h, 'Status')).toEqual(['Link created', 'Error', 'Link created', 'Error']);
  expect(column(h, 'Note')[1]).toBe(
    'Order ID: "X-1" is also in row 2 with a different customer (Customer Name, Customer Email or Customer Phone); give each invoice its own Order ID',
  );
  expect(column(h, 'Note')[3]).toBe('Order ID: "Y-1" is also in row 4; give each invoice its own Order ID');
  expect(h.sim.stats().createCallsByOrderId).toEqual({ 'X-1': 1, 'Y-1': 1 });
});

test('a line added after the invoice was sent is not silently added: it gets the copy error', () => {
  const h = b2b();
  h.env.untracked(() => {
    const sheet = h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange(6, 1, 1, TEMPLATE.length).setValues([row({ 'Order ID': 'B2B-7', Item: 'Map', Quantity: 1, 'Unit Price': 5000 })]);
  });
  h.run('generatePaymentLinks');
  expect(column(h, 'Status')[4]).toBe('Error');
  expect(column(h, 'Note')[4]).toBe('Order ID: "B2B-7" is also in row 2; give each invoice its own Order ID');
  expect(h.sim.stats().createCallsByOrderId['B2B-7']).toBe(1);
});

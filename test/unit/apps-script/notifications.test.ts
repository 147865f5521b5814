/**
 * doPost on the built bundle: signed notifications from the simulator move the Status column through
 * every state; forged, malformed, duplicate and out-of-order ones change nothing they should not.
 */
import { createHash } from 'crypto';
import { createHarness, row, TEMPLATE, type Harness } from './harness';

const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function setUp(rows: unknown[][]): Harness {
  const h = createHarness();
  h.setSheet(rows);
  h.run('generatePaymentLinks');
  return h;
}

function idOf(h: Harness, sheetRow: number): string {
  return String(h.cell(sheetRow, 'Order ID'));
}

/** Sheet writes of the last execution. */
function writes(h: Harness): number {
  const m = h.env.calls.byMethod;
  return (m['Range.setValues'] ?? 0) + (m['Range.setValue'] ?? 0);
}

describe('every status a row can show, from notifications', () => {
  const h = setUp([
    row({ 'Order ID': 'A', Amount: 100000 }),
    row({ 'Order ID': 'B', Amount: 100000 }),
    row({ 'Order ID': 'C', Amount: 100000 }),
    row({ 'Order ID': 'D', Amount: 100000 }),
    row({ 'Order ID': 'E', Amount: 100000 }),
    row({ 'Order ID': 'F', Amount: 250000, 'Usage Limit': 3, Title: 'Konser' }),
    row({ 'Order ID': 'G', Amount: 100000 }),
  ]);
  const status = (id: string) => h.cell(h.rowOf(id), 'Status');
  const note = (id: string) => String(h.cell(h.rowOf(id), 'Note'));
  const post = (body: unknown) => h.post(body);

  test('a fresh link shows Link created', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map(status)).toEqual(Array(7).fill('Link created'));
  });

  test('pending → Pending, settlement → Paid with Paid At, a late pending changes nothing, refund → Refunded', () => {
    const pending = h.sim.pay('A', { status: 'pending', payment_type: 'bank_transfer' });
    expect(post(pending)).toEqual({ ok: true, result: 'updated' });
    expect(status('A')).toBe('Pending');
    const settled = h.sim.pay('A', { status: 'settlement', transaction_id: pending.transaction_id });
    expect(post(settled)).toEqual({ ok: true, result: 'updated' });
    expect(status('A')).toBe('Paid');
    expect(h.cell(h.rowOf('A'), 'Paid At')).toBe(settled.settlement_time);
    expect(post(pending)).toEqual({ ok: true, result: 'duplicate' });
    expect(writes(h)).toBe(0);
    expect(status('A')).toBe('Paid');
    const refunded = h.sim.pay('A', { status: 'refund', transaction_id: pending.transaction_id });
    post(refunded);
    expect(status('A')).toBe('Refunded');
  });

  test('expire of the attempt → Expired, with a Note that the link itself is still open', () => {
    const pending = h.sim.pay('B', { status: 'pending', payment_type: 'bank_transfer' });
    post(pending);
    post(h.sim.pay('B', { status: 'expire', transaction_id: pending.transaction_id }));
    expect(status('B')).toBe('Expired');
    expect(note('B')).toMatch(/still open/);
  });

  test('deny → Failed, and the Note says the customer can try again', () => {
    post(h.sim.pay('C', { status: 'deny', payment_type: 'credit_card' }));
    expect(status('C')).toBe('Failed');
    expect(note('C')).toMatch(/can try again/);
  });

  test('card capture under challenge → Under review, then accepted → Paid', () => {
    const challenged = h.sim.pay('D', { status: 'capture', payment_type: 'credit_card', fraud_status: 'challenge' });
    post(challenged);
    expect(status('D')).toBe('Under review');
    post(h.sim.pay('D', { status: 'capture', transaction_id: challenged.transaction_id, fraud_status: 'accept' }));
    expect(status('D')).toBe('Paid');
  });

  test('partial refund → Partially refunded', () => {
    const paid = h.sim.pay('E', { status: 'settlement', payment_type: 'bank_transfer' });
    post(paid);
    post(h.sim.pay('E', { status: 'partial_refund', transaction_id: paid.transaction_id }));
    expect(status('E')).toBe('Partially refunded');
  });

  test('a multi-use link counts its payments: Paid 1/3, Paid 2/3, then Paid 3/3 and usage limit reached', () => {
    post(h.sim.pay('F', { status: 'settlement', payment_type: 'qris' }));
    expect(status('F')).toBe('Paid 1/3');
    h.env.advanceClock(1000);
    post(h.sim.pay('F', { status: 'settlement', payment_type: 'qris' }));
    expect(status('F')).toBe('Paid 2/3');
    h.env.advanceClock(1000);
    post(h.sim.pay('F', { status: 'settlement', payment_type: 'qris' }));
    expect(status('F')).toBe('Paid 3/3');
    expect(note('F')).toMatch(/usage limit reached/);
  });

  test('the documented reversal (Mandiri Bill settlement, then deny) → Failed, noted as reversed', () => {
    const paid = h.sim.pay('G', { status: 'settlement', payment_type: 'echannel' });
    post(paid);
    expect(status('G')).toBe('Paid');
    post(h.sim.pay('G', { status: 'deny', transaction_id: paid.transaction_id }));
    expect(status('G')).toBe('Failed');
    expect(note('G')).toMatch(/reversed by Midtrans/);
  });
});

describe('what must change nothing', () => {
  let h: Harness;
  let genuine: Record<string, unknown>;
  beforeEach(() => {
    h = setUp([row({ 'Order ID': 'INV-1', Amount: 150000 }), row({ 'Order ID': 'INV-2', Amount: 99000 })]);
    genuine = h.sim.pay('INV-1', { status: 'settlement', payment_type: 'bank_transfer' });
  });

  test.each([
    ['a wrong signature', (b: Record<string, unknown>) => ({ ...b, signature_key: sha512('forged') })],
    ['a changed amount with the original signature', (b: Record<string, unknown>) => ({ ...b, gross_amount: '1.00' })],
    [
      'a changed status with the original signature',
      (b: Record<string, unknown>) => ({ ...b, status_code: '201', transaction_status: 'pending' }),
    ],
    [
      "another merchant's key",
      (b: Record<string, unknown>) => ({
        ...b,
        signature_key: sha512(`${b.order_id}${b.status_code}${b.gross_amount}SB-Mid-server-other`),
      }),
    ],
    [
      'no signature at all',
      (b: Record<string, unknown>) => {
        const { signature_key: _s, ...rest } = b;
        return rest;
      },
    ],
  ])('%s is refused with { ok: false } and no write', (_name, forge) => {
    const before = h.rows();
    expect(h.post(forge(genuine))).toEqual({ ok: false, result: 'rejected' });
    expect(writes(h)).toBe(0);
    expect(h.env.calls.byMethod['Lock.tryLock'] ?? 0).toBe(0);
    expect(h.rows()).toEqual(before);
  });

  test.each([
    ['not JSON', 'paid!'],
    ['empty', ''],
    ['a JSON array', '[1,2]'],
    ['a number', '42'],
    ['null', 'null'],
  ])('a malformed body (%s) gets { ok: false } and no write', (_name, text) => {
    const before = h.rows();
    expect(h.postRaw(text).ok).toBe(false);
    expect(writes(h)).toBe(0);
    expect(h.rows()).toEqual(before);
  });

  test('a duplicate delivery is answered ok and writes nothing', () => {
    expect(h.post(genuine).result).toBe('updated');
    expect(h.post(genuine)).toEqual({ ok: true, result: 'duplicate' });
    expect(writes(h)).toBe(0);
    expect(h.cell(h.rowOf('INV-1'), 'Status')).toBe('Paid');
  });

  test('settlement delivered before pending ends Paid, whatever the order', () => {
    const h2 = setUp([row({ 'Order ID': 'X', Amount: 50000 })]);
    const pending = h2.sim.pay('X', { status: 'pending', payment_type: 'bank_transfer' });
    const settled = h2.sim.pay('X', { status: 'settlement', transaction_id: pending.transaction_id });
    h2.post(settled);
    h2.post(pending);
    expect(h2.cell(2, 'Status')).toBe('Paid');
  });

  test.each([
    ["a link of the account that is in no row (a shop's order, another sheet's link)", 'ELSEWHERE', 'settlement'],
    ['a pending payment of such a link', 'ELSEWHERE', 'pending'],
  ])(
    '%s is answered ok (no-row), asks Midtrans nothing, and is written nowhere: not in Invoices, Payments or the state',
    (_what, orderId, status) => {
      const auth = `Basic ${Buffer.from('SB-Mid-server-HarnessKey0123456789:').toString('base64')}`;
      h.sim.handle({
        method: 'POST',
        path: '/v1/payment-links',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: 1000 }, usage_limit: 1 }),
      });
      const before = h.rows();
      const sheets = () =>
        h.env.untracked(() => h.env.spreadsheet.getSheets().map((s) => [s.getName(), JSON.stringify(s.getDataRange().getValues())]));
      const all = sheets();
      expect(h.post(h.sim.pay(orderId, { status, payment_type: 'bank_transfer' }))).toEqual({ ok: true, result: 'no-row' });
      expect(h.env.calls.fetchRequests).toBe(0);
      expect(writes(h)).toBe(0);
      expect(h.rows()).toEqual(before);
      expect(sheets()).toEqual(all);
    },
  );

  test('a row with the same order id but no link (typed by hand, never generated) does not take a purchase', () => {
    const h2 = createHarness();
    h2.setSheet([row({ 'Order ID': 'MANUAL-1', Amount: 1000 })]);
    const auth = `Basic ${Buffer.from('SB-Mid-server-HarnessKey0123456789:').toString('base64')}`;
    h2.sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_details: { order_id: 'MANUAL-1', gross_amount: 1000 }, usage_limit: 1 }),
    });
    const pending = h2.sim.pay('MANUAL-1', { status: 'pending', payment_type: 'bank_transfer' });
    expect(h2.post(pending)).toEqual({ ok: true, result: 'no-row' });
    expect(h2.post(h2.sim.pay('MANUAL-1', { status: 'settlement', transaction_id: pending.transaction_id }))).toEqual({
      ok: true,
      result: 'no-row',
    });
    expect(h2.env.calls.fetchRequests).toBe(0);
    expect(h2.cell(2, 'Status')).toBe('');
    expect(h2.env.untracked(() => h2.env.spreadsheet.getSheetByName('Payments'))).toBeNull();
    expect(h2.env.untracked(() => h2.env.spreadsheet.getSheetByName('Midtrans state'))).toBeNull();
  });

  test('while the lock is held elsewhere it waits 10 s, keeps the verified purchase without writing a cell, and the next lock holder writes it', () => {
    h.env.setLockContention(true);
    expect(h.post(genuine)).toEqual({ ok: true, result: 'queued' });
    expect(h.env.modelledMs()).toBeGreaterThanOrEqual(10_000);
    expect(h.env.modelledMs()).toBeLessThan(15_000);
    expect(writes(h)).toBe(0);
    expect(h.cell(h.rowOf('INV-1'), 'Status')).toBe('Link created');
    h.env.setLockContention(false);
    // The next holder of the lock is a notification about another invoice: it writes both.
    expect(h.post(h.sim.pay('INV-2', { status: 'pending', payment_type: 'bank_transfer' }))).toEqual({ ok: true, result: 'updated' });
    expect(h.cell(h.rowOf('INV-1'), 'Status')).toBe('Paid');
    expect(h.cell(h.rowOf('INV-2'), 'Status')).toBe('Pending');
    expect([...h.env.properties.script.keys()].filter((k) => k.startsWith('MIDTRANS_INBOX_'))).toEqual([]);
  });

  test('when the busy notification cannot be kept (the Properties store is full) it answers busy, ok false, so a forwarder retries', () => {
    h.env.setLockContention(true);
    h.env.untracked(() => h.env.properties.script.set('FILLER', 'x'.repeat(500 * 1024 - 200)));
    expect(h.post(genuine)).toEqual({ ok: false, result: 'busy' });
    expect(writes(h)).toBe(0);
  });

  test('without a stored key nothing is verified or written', () => {
    h.env.untracked(() => h.env.properties.script.delete('MIDTRANS_SERVER_KEY'));
    expect(h.post(genuine)).toEqual({ ok: false, result: 'not-configured' });
    expect(writes(h)).toBe(0);
  });
});

test('sorting the sheet between generation and payment: the row is found by its order id', () => {
  const h = setUp([
    row({ 'Order ID': 'S-1', Amount: 30000, 'Customer Name': 'Citra' }),
    row({ 'Order ID': 'S-2', Amount: 10000, 'Customer Name': 'Ahmad' }),
    row({ 'Order ID': 'S-3', Amount: 20000, 'Customer Name': 'Bayu' }),
  ]);
  h.env.untracked(() =>
    (h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet)
      .getRange(2, 1, 3, TEMPLATE.length)
      .sort({ column: TEMPLATE.indexOf('Customer Name') + 1, ascending: true }),
  );
  expect([2, 3, 4].map((r) => h.cell(r, 'Order ID'))).toEqual(['S-2', 'S-3', 'S-1']);
  h.post(h.sim.pay('S-1', { status: 'settlement', payment_type: 'bank_transfer' }));
  expect([2, 3, 4].map((r) => [h.cell(r, 'Order ID'), h.cell(r, 'Status')])).toEqual([
    ['S-2', 'Link created'],
    ['S-3', 'Link created'],
    ['S-1', 'Paid'],
  ]);
});

test("the same signed body forwarded by n8n (with the trigger's extra fields) updates the row", () => {
  const h = setUp([row({ 'Order ID': 'N-1', Amount: 75000 })]);
  const body = h.sim.pay('N-1', { status: 'settlement', payment_type: 'qris' });
  expect(h.post({ ...body, payment_link_order_id: 'N-1', paid: true })).toEqual({ ok: true, result: 'updated' });
  expect(h.cell(2, 'Status')).toBe('Paid');
});

test("on a 200-row sheet a pending notification is answered in about thirty calls, a payment in about fifty plus its one status call, well inside Midtrans's 5-second budget", () => {
  const h = setUp(Array.from({ length: 200 }, (_, i) => row({ Amount: 10000 + i })));
  h.post(h.sim.pay(idOf(h, 150), { status: 'settlement', payment_type: 'bank_transfer' }));
  h.post(h.sim.pay(idOf(h, 151), { status: 'settlement', payment_type: 'bank_transfer' }));
  expect([h.cell(150, 'Status'), h.cell(151, 'Status')]).toEqual(['Paid', 'Paid']);
  // The second one (the state and Payments sheets exist by then). Before the lock: the row search
  // that says the link is this sheet's, one read of the state, one status call. Under the lock: one
  // row search and three writes (the invoice row, its Payments row, the state row).
  expect(h.env.calls.fetchRequests).toBe(1);
  expect(h.env.calls.byMethod['TextFinder.findAll']).toBe(1);
  expect(h.env.calls.byMethod['TextFinder.findNext']).toBe(1);
  expect(h.env.calls.byMethod['Range.setValues']).toBe(3);
  expect(h.env.calls.spreadsheetCalls).toBeLessThanOrEqual(50);
  expect(h.env.modelledMs()).toBeLessThan(2_500);
  // A pending notification moves no money: no status call and no pre-check. The Payments row costs six
  // of its calls (find the sheet, read it, get, format and write the row): 26 before the log, 32 with it.
  h.post(h.sim.pay(idOf(h, 152), { status: 'pending', payment_type: 'bank_transfer' }));
  expect(h.env.calls.fetchRequests).toBe(0);
  expect(h.env.calls.spreadsheetCalls).toBeLessThanOrEqual(32);
  expect(h.env.modelledMs()).toBeLessThan(1_000);
});

describe('the settings doPost verifies with come from the script cache', () => {
  test('a notification after the first reads no Script Property to verify: only the one read of kept notifications under the lock', () => {
    const h = setUp([row({ 'Order ID': 'C-1', Amount: 10000 }), row({ 'Order ID': 'C-2', Amount: 20000 })]);
    expect(h.post(h.sim.pay('C-1', { status: 'settlement', payment_type: 'qris' })).result).toBe('updated');
    expect(h.post(h.sim.pay('C-2', { status: 'settlement', payment_type: 'qris' })).result).toBe('updated');
    expect(h.env.calls.byMethod['Cache.get']).toBe(1);
    expect(h.env.calls.byMethod['Properties.getProperties']).toBe(1);
  });

  test('junk costs no cache, Properties or lock call at all', () => {
    const h = setUp([row({ 'Order ID': 'C-1', Amount: 10000 })]);
    for (const text of ['', 'x', '[1]', JSON.stringify({ order_id: 'C-1', signature_key: 'a'.repeat(100_000) })]) {
      expect(h.postRaw(text)).toEqual({ ok: false, result: 'rejected' });
      const methods = Object.keys(h.env.calls.byMethod);
      expect(methods.filter((m) => /^(Cache|Properties|Lock|PropertiesService|CacheService|LockService)\./.test(m))).toEqual([]);
    }
  });

  test('a key changed in Script Properties by hand is used once the cached copy is a minute old; Save takes effect at once', () => {
    const h = setUp([row({ 'Order ID': 'K-1', Amount: 10000 }), row({ 'Order ID': 'K-2', Amount: 20000 })]);
    const first = h.sim.pay('K-1', { status: 'pending', payment_type: 'qris' });
    expect(h.post(first).result).toBe('updated');
    const NEW_KEY = 'SB-Mid-server-RotatedKey0123456789';
    const signed = (b: Record<string, unknown>, key: string) => ({
      ...b,
      signature_key: sha512(`${String(b.order_id)}${String(b.status_code)}${String(b.gross_amount)}${key}`),
    });
    h.env.untracked(() => h.env.properties.script.set('MIDTRANS_SERVER_KEY', NEW_KEY));
    // An expiry: it moves no money, so no status call (which the simulator would refuse
    // for a key it does not know) stands between the rotated key and the answer.
    const settled = signed(h.sim.pay('K-1', { status: 'expire', transaction_id: first.transaction_id as string }), NEW_KEY);
    // Within the minute the cached key still answers: refused, and no Properties read for it.
    expect(h.post(settled)).toEqual({ ok: false, result: 'rejected' });
    expect(h.env.calls.byMethod['Properties.getProperties'] ?? 0).toBe(0);
    h.env.advanceClock(61_000);
    expect(h.post(settled)).toEqual({ ok: true, result: 'updated' });
    // Saving Settings empties the cache: the saved key verifies at once.
    const SAVED = 'SB-Mid-server-SavedInSettings01234';
    h.run('saveSettings', 'ui', { serverKey: SAVED, environment: 'sandbox', baseUrl: '' });
    expect(h.post(signed(h.sim.pay('K-2', { status: 'pending', payment_type: 'qris' }), SAVED))).toEqual({ ok: true, result: 'updated' });
  });
});

describe('real traffic (issue 24): a shop order id ending in 13 digits, and Automatic Fee Imposition', () => {
  test('a confirmed shop payment of ORDER-26-1765990547301 does not mark invoice ORDER-26 Paid, logs no payment, and Refresh keeps it so', () => {
    const h = setUp([row({ 'Order ID': 'ORDER-26', Amount: 150000 })]);
    const shop = h.sim.paySnapOrder('ORDER-26-1765990547301', { status: 'settlement', payment_type: 'gopay', gross_amount: 150000 });
    expect(h.post(shop)).toEqual({ ok: true, result: 'not-a-link-payment' });
    expect(h.cell(h.rowOf('ORDER-26'), 'Status')).toBe('Link created');
    expect(() => h.env.sheetValues('Payments')).toThrow(/No sheet named Payments/);
    h.run('refreshStatuses');
    expect(h.cell(h.rowOf('ORDER-26'), 'Status')).toBe('Link created');
    // The invoice's own payment still lands (its custom_field1 names it).
    expect(h.post(h.sim.pay('ORDER-26', { status: 'settlement', payment_type: 'bank_transfer' }))).toEqual({ ok: true, result: 'updated' });
    expect(h.cell(h.rowOf('ORDER-26'), 'Status')).toBe('Paid');
  });

  test('with the fee charged to the customer, Payments splits what arrived into the invoice amount and the customer fee, as numbers', () => {
    const h = setUp([row({ 'Order ID': 'FEE-1', Amount: 10000 })]);
    const paid = h.sim.pay('FEE-1', { status: 'settlement', payment_type: 'bank_transfer', customer_fee: 71 });
    expect(paid.metadata.extra_info.gross_amount_info).toEqual({
      original_amount: '10000',
      gross_amount: '10071',
      customer_imposed_payment_fee: '71',
    });
    expect(h.post(paid)).toEqual({ ok: true, result: 'updated' });
    const [header, line] = h.env.sheetValues('Payments');
    const at = (name: string) => line[header.indexOf(name)];
    expect(at('Amount')).toBe(10071);
    expect(at('Invoice Amount')).toBe(10000);
    expect(at('Customer Fee')).toBe(71);
    h.run('refreshCollectionSummary');
    const summary = h.env.sheetValues('Summary');
    const figure = (label: string) => summary.find((r) => r[0] === label)?.[2];
    expect(figure('Collected')).toBe(10000);
    expect(figure('Fees paid by customers')).toBe(71);
    expect(figure('Gross received')).toBe(10071);
  });
});

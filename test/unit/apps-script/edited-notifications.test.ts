/**
 * doPost (the built add-on in the Apps Script emulator, against the simulator's status API) with
 * genuine notifications replayed with unsigned fields edited: the signature still verifies, since only
 * order_id + status_code + gross_amount are signed. None may raise a row to Paid, mark it refunded or
 * change a recorded payment time; each case names the defence that stops it (the status-code table:
 * `rejected` with no status call; the status-API confirmation: `unconfirmed` after one call; the stored
 * record: a replay is a `duplicate` with no call). Every case runs twice: as Midtrans sends it, and as
 * the n8n Trigger forwards it (the same signed body plus the Trigger's extra fields).
 */
import { createHarness, row, type Harness } from './harness';

type Body = Record<string, unknown>;
const FORWARDS: [string, (b: Body) => Body][] = [
  ['from Midtrans', (b) => b],
  [
    'forwarded by n8n',
    (b) => ({ ...b, payment_link_order_id: String(b.order_id).replace(/-\d{13}$/, ''), paid: true, state: 'paid', confirmed: true }),
  ],
];

function setUp(): Harness {
  const h = createHarness();
  h.setSheet([row({ 'Order ID': 'E-1', Amount: 120000 })]);
  h.run('generatePaymentLinks');
  return h;
}

const status = (h: Harness) => h.cell(h.rowOf('E-1'), 'Status');
const fetches = (h: Harness) => h.env.calls.fetchRequests;
const sheetText = (h: Harness, name: string) =>
  JSON.stringify(h.env.untracked(() => h.env.spreadsheet.getSheetByName(name)) ? h.env.sheetValues(name) : null);
/** Everything a notification could have changed: the invoice rows, the Payments log and the state. */
const snapshot = (h: Harness) => [JSON.stringify(h.rows()), sheetText(h, 'Payments'), sheetText(h, 'Midtrans state')];

/** Posts the genuine body of the given kind for E-1 and returns it with the row's status then. */
function genuine(h: Harness, kind: 'pending' | 'expire' | 'authorize' | 'challenge' | 'deny' | 'settlement'): Body {
  let body: Body;
  if (kind === 'expire') {
    const p = h.sim.pay('E-1', { status: 'pending', payment_type: 'bank_transfer' });
    h.post(p);
    body = h.sim.pay('E-1', { status: 'expire', transaction_id: p.transaction_id });
  } else {
    const card = ['authorize', 'challenge', 'deny'].includes(kind);
    body = h.sim.pay('E-1', {
      status: kind === 'challenge' ? 'capture' : kind,
      payment_type: card ? 'credit_card' : 'bank_transfer',
      ...(kind === 'challenge' ? { fraud_status: 'challenge' } : {}),
    });
  }
  expect(h.post(body).ok).toBe(true);
  return body;
}

describe.each(FORWARDS)('%s', (_via, forward) => {
  test.each<[string, string, 'pending' | 'expire' | 'challenge' | 'deny', Body]>([
    ['a pending (201) edited to settlement', 'Pending', 'pending', { transaction_status: 'settlement' }],
    ['an expire (202) edited to settlement', 'Expired', 'expire', { transaction_status: 'settlement' }],
    ['a card capture under challenge (201) with fraud_status edited to accept', 'Under review', 'challenge', { fraud_status: 'accept' }],
    ['a deny (202) edited to capture', 'Failed', 'deny', { transaction_status: 'capture', fraud_status: 'accept' }],
  ])('%s is rejected by the status-code table before any status call; the row stays %s', (_what, stays, kind, edit) => {
    const h = setUp();
    const body = genuine(h, kind);
    expect(status(h)).toBe(stays);
    const before = snapshot(h);
    expect(h.post(forward({ ...body, ...edit }))).toEqual({ ok: false, result: 'rejected' });
    expect(fetches(h)).toBe(0);
    expect(snapshot(h)).toEqual(before);
  });

  test.each<[string, string, 'authorize' | 'settlement', Body]>([
    ['a card authorize (200) edited to settlement', 'Pending', 'authorize', { transaction_status: 'settlement' }],
    ['a settlement (200) edited to refund', 'Paid', 'settlement', { transaction_status: 'refund' }],
    ['a settlement (200) edited to chargeback', 'Paid', 'settlement', { transaction_status: 'chargeback' }],
  ])('%s is not confirmed by the status API (one call) and changes nothing; the row stays %s', (_what, stays, kind, edit) => {
    const h = setUp();
    const body = genuine(h, kind);
    expect(status(h)).toBe(stays);
    const before = snapshot(h);
    expect(h.post(forward({ ...body, ...edit }))).toEqual({ ok: false, result: 'unconfirmed' });
    expect(fetches(h)).toBe(1);
    expect(snapshot(h)).toEqual(before);
  });

  test('a settlement replayed with settlement_time 2019 (and another transaction id and method) is a duplicate: no call, Paid At, Payments and state unchanged', () => {
    const h = setUp();
    const body = genuine(h, 'settlement');
    expect(h.cell(h.rowOf('E-1'), 'Paid At')).toBe(body.settlement_time);
    const before = snapshot(h);
    expect(h.post(forward({ ...body, settlement_time: '2019-01-01 00:00:00', transaction_id: '0-forged', payment_type: 'gopay' }))).toEqual(
      { ok: true, result: 'duplicate' },
    );
    expect(fetches(h)).toBe(0);
    expect(snapshot(h)).toEqual(before);
  });

  test("the same replay arriving before the genuine one (which was lost) records Midtrans's time, transaction id and method, not the edits", () => {
    const h = setUp();
    const body = h.sim.pay('E-1', { status: 'settlement', payment_type: 'bank_transfer' });
    expect(h.post(forward({ ...body, settlement_time: '2019-01-01 00:00:00', transaction_id: '0-forged', payment_type: 'gopay' }))).toEqual(
      { ok: true, result: 'updated' },
    );
    expect(fetches(h)).toBe(1);
    expect(status(h)).toBe('Paid');
    expect(h.cell(h.rowOf('E-1'), 'Paid At')).toBe(body.settlement_time);
    const payments = sheetText(h, 'Payments');
    expect(payments).toContain(String(body.settlement_time));
    expect(payments).toContain(String(body.transaction_id));
    expect(payments).not.toMatch(/2019|0-forged|gopay/);
    expect(sheetText(h, 'Midtrans state')).not.toMatch(/2019|0-forged|gopay/);
  });
});

test('a pending body whose unsigned transaction_id is shaped like a formula is refused as unreadable, writing nothing', () => {
  const h = setUp();
  const body = h.sim.pay('E-1', { status: 'pending', payment_type: 'bank_transfer' });
  const before = snapshot(h);
  expect(h.post({ ...body, transaction_id: '=HYPERLINK("http://evil","pay here")' })).toEqual({ ok: false, result: 'unreadable' });
  expect(snapshot(h)).toEqual(before);
});

test('a BI-SNAP payment (BSI VA: the status API puts its transaction id in order_id) is confirmed and the row becomes Paid', () => {
  const h = createHarness();
  h.setSheet([row({ 'Order ID': 'E-BSI', Amount: 50000, 'Payment Methods': 'bsi_va' })]);
  h.run('generatePaymentLinks');
  const body = h.sim.pay('E-BSI', { status: 'settlement', payment_type: 'bsi_va' });
  expect(h.post(body)).toEqual({ ok: true, result: 'updated' });
  expect(fetches(h)).toBe(1);
  expect(h.cell(h.rowOf('E-BSI'), 'Status')).toBe('Paid');
  expect(sheetText(h, 'Payments')).toContain(String(body.transaction_id));
});

test("a shop's genuine paid order ORDER-26-… replayed with custom_field1 edited to name invoice ORDER-26 claims no link: Midtrans's answer carries no such custom_field1", () => {
  const h = createHarness();
  h.setSheet([row({ 'Order ID': 'ORDER-26', Amount: 150000 })]);
  h.run('generatePaymentLinks');
  const shop = h.sim.paySnapOrder('ORDER-26-1765990547301', { status: 'settlement', payment_type: 'gopay', gross_amount: 150000 });
  const before = snapshot(h);
  const answer = h.post({ ...shop, custom_field1: 'ORDER-26' });
  expect(answer).toEqual({ ok: true, result: 'not-a-link-payment' });
  // The status call confirmed the payment; the GET of link ORDER-26 does not list it.
  expect(h.cell(h.rowOf('ORDER-26'), 'Status')).toBe('Link created');
  expect(snapshot(h)).toEqual(before);
});

/**
 * doPost confirms a money reversal (refund, partial refund, chargeback) with `GET /v2/{order_id}/status`
 * before recording it: Midtrans signs only order_id + status_code + gross_amount, and settlement and
 * the refunds share status code "200" (docs/midtrans-contract.md §5.4; chargeback's code is [inferred] "200"), so a
 * genuine settlement body rewritten to `refund` still verifies. Payments are confirmed the same way
 * (edited-notifications.test.ts); pending and the failures make no fetch.
 */
import { simulatorFetch, type FetchFn } from '../../../tools/apps-script-emulator';
import { createHarness, row, SERVER_KEY, type Harness } from './harness';

function setUp(h: Harness = createHarness()): Harness {
  h.setSheet([row({ 'Order ID': 'R-1', Amount: 200000 }), row({ 'Order ID': 'R-2', Amount: 80000 })]);
  h.run('generatePaymentLinks');
  return h;
}

const status = (h: Harness, id: string) => h.cell(h.rowOf(id), 'Status');
/** Status-API requests the simulator has served so far. */
const statusCalls = (h: Harness) => h.sim.stats().requestsByRoute.status ?? 0;
/** UrlFetch calls of the last execution. */
const fetches = (h: Harness) => (h.env.calls.byMethod['UrlFetchApp.fetchAll'] ?? 0) + (h.env.calls.byMethod['UrlFetchApp.fetch'] ?? 0);
const writes = (h: Harness) => (h.env.calls.byMethod['Range.setValues'] ?? 0) + (h.env.calls.byMethod['Range.setValue'] ?? 0);
/** The state store as it is (purchase records and their stamps). */
const stateStore = (h: Harness) =>
  JSON.stringify(h.env.untracked(() => h.env.spreadsheet.getSheetByName('Midtrans state')) ? h.env.sheetValues('Midtrans state') : []);

describe('a genuine settlement body rewritten to a reversal', () => {
  test.each(['refund', 'partial_refund', 'chargeback'])(
    'as %s: answered unconfirmed, the row stays Paid and the state store is unchanged',
    (reversal) => {
      const h = setUp();
      const settled = h.sim.pay('R-1', { status: 'settlement', payment_type: 'bank_transfer' });
      expect(h.post(settled)).toEqual({ ok: true, result: 'updated' });
      const sheet = h.rows();
      const store = stateStore(h);
      const calls = statusCalls(h);
      // Same order_id, status_code "200", gross_amount and signature: it verifies.
      expect(h.post({ ...settled, transaction_status: reversal })).toEqual({ ok: false, result: 'unconfirmed' });
      expect(statusCalls(h)).toBe(calls + 1);
      expect(writes(h)).toBe(0);
      expect(h.env.calls.byMethod['Lock.tryLock'] ?? 0).toBe(0);
      expect(status(h, 'R-1')).toBe('Paid');
      expect(h.rows()).toEqual(sheet);
      expect(stateStore(h)).toBe(store);
    },
  );

  test('pointing transaction_id at another purchase that really was refunded does not confirm it (order_id is what is signed)', () => {
    const h = setUp();
    const mine = h.sim.pay('R-1', { status: 'settlement', payment_type: 'bank_transfer' });
    const other = h.sim.pay('R-2', { status: 'settlement', payment_type: 'bank_transfer' });
    h.post(mine);
    h.post(other);
    const refunded = h.sim.pay('R-2', { status: 'refund', transaction_id: other.transaction_id });
    expect(h.post(refunded)).toEqual({ ok: true, result: 'updated' });
    const store = stateStore(h);
    expect(h.post({ ...mine, transaction_status: 'refund', transaction_id: other.transaction_id })).toEqual({
      ok: false,
      result: 'unconfirmed',
    });
    expect(status(h, 'R-1')).toBe('Paid');
    expect(stateStore(h)).toBe(store);
  });
});

describe('real reversals are recorded once the status API agrees', () => {
  test('pending makes no fetch, settlement one; a real refund makes exactly one and the row becomes Refunded', () => {
    const h = setUp();
    const pending = h.sim.pay('R-1', { status: 'pending', payment_type: 'bank_transfer' });
    expect(h.post(pending)).toEqual({ ok: true, result: 'updated' });
    expect(fetches(h)).toBe(0);
    const settled = h.sim.pay('R-1', { status: 'settlement', transaction_id: pending.transaction_id });
    expect(h.post(settled)).toEqual({ ok: true, result: 'updated' });
    expect(fetches(h)).toBe(1);
    const before = statusCalls(h);
    const refund = h.sim.pay('R-1', { status: 'refund', transaction_id: pending.transaction_id });
    expect(refund.refund_amount).toBe('200000.00');
    expect(h.post(refund)).toEqual({ ok: true, result: 'updated' });
    expect(fetches(h)).toBe(1);
    expect(statusCalls(h)).toBe(before + 1);
    expect(status(h, 'R-1')).toBe('Refunded');
  });

  test('partial refund, then the rest: Partially refunded, then Refunded; the late partial-refund notification adds nothing and costs no call', () => {
    const h = setUp();
    const settled = h.sim.pay('R-1', { status: 'settlement', payment_type: 'qris' });
    h.post(settled);
    const partial = h.sim.pay('R-1', { status: 'partial_refund', transaction_id: settled.transaction_id, refund_amount: 50000 });
    expect(partial.refund_amount).toBe('50000.00');
    expect(h.post(partial)).toEqual({ ok: true, result: 'updated' });
    expect(status(h, 'R-1')).toBe('Partially refunded');
    const full = h.sim.pay('R-1', { status: 'refund', transaction_id: settled.transaction_id });
    expect(h.post(full)).toEqual({ ok: true, result: 'updated' });
    expect(status(h, 'R-1')).toBe('Refunded');
    // Redelivered after the full refund: older than what is stored, so nothing to ask.
    const calls = statusCalls(h);
    expect(h.post(partial)).toEqual({ ok: true, result: 'duplicate' });
    expect(statusCalls(h)).toBe(calls);
    expect(status(h, 'R-1')).toBe('Refunded');
  });
});

describe('when the status API cannot be asked', () => {
  test.each([
    ['times out', { timeoutRate: 1, routes: ['status' as const] }],
    ['answers 503', { errorRates: { '503': 1 }, routes: ['status' as const] }],
    ['answers 500', { errorRates: { '500': 1 }, routes: ['status' as const] }],
  ])('it %s: nothing is written, the answer says so, and the next delivery records the refund', (_what, faults) => {
    const h = setUp();
    const settled = h.sim.pay('R-1', { status: 'settlement', payment_type: 'bank_transfer' });
    h.post(settled);
    const refund = h.sim.pay('R-1', { status: 'refund', transaction_id: settled.transaction_id });
    const sheet = h.rows();
    const store = stateStore(h);
    h.sim.setFaults(faults);
    expect(h.post(refund)).toEqual({ ok: false, result: 'confirmation-unavailable' });
    expect(fetches(h)).toBe(1);
    expect(writes(h)).toBe(0);
    expect(h.rows()).toEqual(sheet);
    expect(stateStore(h)).toBe(store);
    h.sim.setFaults(undefined);
    expect(h.post(refund)).toEqual({ ok: true, result: 'updated' });
    expect(status(h, 'R-1')).toBe('Refunded');
  });

  test('an error answer that echoes the credentials is logged with the key redacted', () => {
    let toSimulator: FetchFn = () => ({ timedOut: true });
    let echoing = false;
    const h = createHarness({
      emulator: {
        fetch: (req) => {
          if (!echoing || !/\/status$/.test(req.url)) return toSimulator(req);
          const echo = `bad gateway for ${req.headers.authorization} (${SERVER_KEY})`;
          return { status: 502, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status_message: echo }) };
        },
      },
    });
    toSimulator = simulatorFetch(h.sim);
    setUp(h);
    const settled = h.sim.pay('R-1', { status: 'settlement', payment_type: 'bank_transfer' });
    expect(h.post(settled)).toEqual({ ok: true, result: 'updated' });
    echoing = true;
    expect(h.post(h.sim.pay('R-1', { status: 'refund', transaction_id: settled.transaction_id }))).toEqual({
      ok: false,
      result: 'confirmation-unavailable',
    });
    const logs = h.env.logs.join('\n');
    expect(logs).toMatch(/Notification for R-1-\d{13} not recorded \(unavailable\).*\[redacted\]/);
    expect(logs).not.toContain(SERVER_KEY);
    expect(logs).not.toContain(Buffer.from(`${SERVER_KEY}:`).toString('base64'));
    expect(status(h, 'R-1')).toBe('Paid');
  });
});

/**
 * Refunds are never missed (issue 14.1): links generated and paid (notifications delivered), then
 * refunded at Midtrans with no notification delivered; Refresh re-checks paid links on the core's
 * cadence (hourly the first day) and the rows show Refunded / Partially refunded.
 */
import { createHarness, row, TEMPLATE, type Harness } from './harness';

const HOUR = 3_600_000;
const N = 60;
const PAID = 40;
const ids = Array.from({ length: N }, (_, i) => `RF-${String(i).padStart(2, '0')}`);
const statusOf = (h: Harness, id: string) => h.cell(h.rowOf(id), 'Status');
const getsOf = (h: Harness) => h.env.fetches.filter((f) => f.method.toUpperCase() === 'GET').map((f) => f.url.replace(/^.*\//, ''));

function paidSheet(): { h: Harness; tx: Map<string, string> } {
  const h = createHarness();
  h.setSheet(ids.map((id) => row({ 'Order ID': id, Amount: 25000, 'Customer Name': `Buyer ${id}` })));
  h.run('generatePaymentLinks');
  const tx = new Map<string, string>();
  for (const id of ids.slice(0, PAID)) {
    const body = h.sim.pay(id, { status: 'settlement', payment_type: 'bank_transfer' });
    expect(h.post(body).result).toBe('updated');
    tx.set(id, String(body.transaction_id));
    h.env.advanceClock(1000);
  }
  return { h, tx };
}

test('a refund with no notification shows after the next hourly pass; refunded links are then never asked again', () => {
  const { h, tx } = paidSheet();
  h.run('refreshStatuses');
  // Just paid: every unpaid link is asked, and of the paid ones only those whose hourly slot fell in
  // the minute or two since they were paid (slots are spread over the hour by order id).
  const first = getsOf(h).slice(-h.env.calls.fetchRequests);
  expect(first.filter((id) => Number(id.slice(3)) >= PAID)).toHaveLength(N - PAID);
  expect(first.length - (N - PAID)).toBeLessThan(PAID / 8);
  expect(h.env.calls.fetchRoundTrips).toBe(Math.ceil(first.length / 25));

  // Refunds made at Midtrans (dashboard or API): the simulator records them and no notification goes anywhere.
  h.sim.pay('RF-03', { status: 'refund', transaction_id: tx.get('RF-03') });
  h.sim.pay('RF-17', { status: 'refund', transaction_id: tx.get('RF-17') });
  h.sim.pay('RF-29', { status: 'partial_refund', transaction_id: tx.get('RF-29'), refund_amount: 5000 });
  expect(statusOf(h, 'RF-03')).toBe('Paid');

  h.env.advanceClock(HOUR + 60_000);
  h.run('refreshStatuses');
  // Every paid link crossed its hourly slot: all 60 are asked, in chunks of 25 (3 fetchAll calls).
  expect(h.env.calls.fetchRequests).toBe(N);
  expect(h.env.calls.fetchRoundTrips).toBe(3);
  expect(h.env.calls.byMethod['UrlFetchApp.fetch'] ?? 0).toBe(0);
  expect([statusOf(h, 'RF-03'), statusOf(h, 'RF-17'), statusOf(h, 'RF-29')]).toEqual(['Refunded', 'Refunded', 'Partially refunded']);
  expect(ids.slice(0, PAID).filter((id) => statusOf(h, id) === 'Paid')).toHaveLength(PAID - 3);
  expect(h.env.ui.alerts.pop()?.prompt).toBe(`Checked ${N} links with Midtrans; ${PAID} paid links among them re-checked for refunds.`);

  // A pass moments later asks the open links and hardly any paid one; an hour later the refunded two
  // are final and skipped.
  h.env.advanceClock(60_000);
  h.run('refreshStatuses');
  expect(h.env.calls.fetchRequests - (N - PAID)).toBeLessThan(PAID / 8);
  h.env.advanceClock(HOUR);
  h.run('refreshStatuses');
  const asked = getsOf(h).slice(-h.env.calls.fetchRequests);
  expect(asked).toHaveLength(N - 2);
  expect(asked).not.toContain('RF-03');
  expect(asked).not.toContain('RF-17');
  expect(asked).toContain('RF-29');
});

test('paid long ago: re-checked weekly, spread over the week, so hourly passes ask about a seventh of them a day', () => {
  const { h, tx } = paidSheet();
  h.run('refreshStatuses');
  // Forty days on, each paid link is in the weekly tier. A first pass asks every one (its slot passed).
  h.env.advanceClock(40 * 24 * HOUR);
  h.run('refreshStatuses');
  h.sim.pay('RF-11', { status: 'refund', transaction_id: tx.get('RF-11') });
  let paidAsked = 0;
  for (let hour = 0; hour < 7 * 24 && statusOf(h, 'RF-11') !== 'Refunded'; hour++) {
    h.env.advanceClock(HOUR);
    h.run('timedRefresh', 'trigger');
    paidAsked += getsOf(h)
      .slice(-h.env.calls.fetchRequests)
      .filter((id) => Number(id.slice(3)) < PAID).length;
  }
  // Within one week of hourly passes the refund shows, and no paid link was asked twice in that week.
  expect(statusOf(h, 'RF-11')).toBe('Refunded');
  expect(paidAsked).toBeLessThanOrEqual(PAID);
});

test('the decision comes from stored state: an edited Status cell is asked about and put right', () => {
  const { h } = paidSheet();
  h.run('refreshStatuses');
  h.env.untracked(() =>
    (h.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet)
      .getRange(h.rowOf('RF-05'), TEMPLATE.indexOf('Status') + 1)
      .setValue('Refunded'),
  );
  h.env.advanceClock(60_000);
  h.run('refreshStatuses');
  expect(getsOf(h).slice(-h.env.calls.fetchRequests)).toContain('RF-05');
  expect(statusOf(h, 'RF-05')).toBe('Paid');
});

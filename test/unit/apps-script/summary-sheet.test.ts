/**
 * Midtrans ▸ Collection summary (issue 14.3): invoices and amounts by status; collected,
 * outstanding and expired-unpaid totals; payments per day as a column chart built with the
 * Spreadsheet service's chart builder (modelled strictly and counted by the emulator).
 */
import { createHarness, pay, row, type Harness } from './harness';

const DAY = 24 * 3_600_000;

function summary(h: Harness): unknown[][] {
  return h.env.sheetValues('Summary');
}
function charts(h: Harness): any[] {
  return h.env.untracked(() => (h.env.spreadsheet.getSheetByName('Summary') as any).getCharts());
}

test('a finance day: statuses, totals and a chart of payments per day, rebuilt in place on every run', () => {
  const h = createHarness();
  h.setSheet([
    row({ 'Order ID': 'S-1', Amount: 100000 }),
    row({ 'Order ID': 'S-2', Amount: 200000 }),
    row({ 'Order ID': 'S-3', Amount: 300000 }),
    row({ 'Order ID': 'S-4', Amount: 400000 }),
    row({ 'Order ID': 'S-5', Amount: 500000, Expiry: '1 hours' }),
    row({ 'Order ID': 'S-6', Amount: 600000 }),
    row({ 'Order ID': 'T-1', Amount: 50000, 'Usage Limit': 100 }),
    row({ 'Order ID': 'ML', Item: 'A', Quantity: 2, 'Unit Price': 1000 }),
    row({ 'Order ID': 'ML', Item: 'B', Quantity: 1, 'Unit Price': 500 }),
  ]);
  h.run('generatePaymentLinks');
  h.post(pay(h.sim, 'S-1', 'settlement'));
  const refunded = pay(h.sim, 'S-2', 'settlement');
  h.post(refunded);
  h.post(pay(h.sim, 'T-1', 'settlement', { payment_type: 'qris' }));
  h.post(pay(h.sim, 'T-1', 'settlement', { payment_type: 'qris' }));
  h.env.advanceClock(DAY);
  h.post(pay(h.sim, 'S-3', 'settlement'));
  h.post(pay(h.sim, 'S-4', 'pending'));
  h.post(pay(h.sim, 'S-2', 'refund', { transaction_id: refunded.transaction_id }));
  h.run('refreshStatuses');

  h.run('refreshCollectionSummary');
  const values = summary(h);
  const block = (label: string) => values.find((r) => r[0] === label);
  expect(values[2].slice(0, 3)).toEqual(['Status', 'Invoices', 'Amount (Rp)']);
  expect(block('Link created')?.slice(0, 3)).toEqual(['Link created', 2, 600000 + 2500]);
  expect(block('Pending')?.slice(0, 3)).toEqual(['Pending', 1, 400000]);
  expect(block('Paid')?.slice(0, 3)).toEqual(['Paid', 3, 100000 + 300000 + 2 * 50000]);
  expect(block('Refunded')?.slice(0, 3)).toEqual(['Refunded', 1, 200000]);
  expect(block('Expired')?.slice(0, 3)).toEqual(['Expired', 1, 500000]);
  expect(values.find((r) => r[0] === 'Collected')?.[2]).toBe(100000 + 300000 + 2 * 50000);
  expect(values.filter((r) => r[0] === 'Refunded').pop()?.[2]).toBe(200000);
  expect(values.find((r) => r[0] === 'Outstanding')?.slice(1, 3)).toEqual([3, 400000 + 600000 + 2500]);
  expect(values.find((r) => r[0] === 'Expired or deactivated unpaid')?.slice(1, 3)).toEqual([1, 500000]);
  // Payments per day, GMT+7 dates as text, amounts as numbers; the chart reads exactly that table.
  const days = values
    .slice(2)
    .map((r) => r.slice(4, 7))
    .filter((r) => r[0] !== '');
  expect(days[0]).toEqual(['Day', 'Payments', 'Amount (Rp)']);
  // Day one: S-1 and two tickets (S-2's payment was refunded, so it is not collected); day two: S-3.
  expect(days.slice(1)).toEqual([
    ['2026-11-27', 3, 100000 + 2 * 50000],
    ['2026-11-28', 1, 300000],
  ]);
  const [chart] = charts(h);
  expect(charts(h)).toHaveLength(1);
  expect(chart.spec.type).toBe('COLUMN');
  expect(chart.getRanges().map((r: any) => r.getA1Notation())).toEqual(['E3:E5', 'G3:G5']);
  expect(h.env.calls.byMethod['Sheet.insertChart']).toBe(1);
  expect(h.env.calls.byMethod['EmbeddedChartBuilder.addRange']).toBe(2);
  expect(h.env.ui.alerts.pop()?.prompt).toMatch(
    /^Summary updated: 8 invoices, Rp 500\.000 collected, Rp 1\.002\.500 outstanding; payments per day charted over 2 days\.$/,
  );

  // Run again: the same one chart, replaced; no leftovers from a longer table.
  h.run('refreshCollectionSummary');
  expect(charts(h)).toHaveLength(1);
  expect(h.env.calls.byMethod['Sheet.removeChart']).toBe(1);
  expect(summary(h)).toEqual(values.map((r, i) => (i === 0 ? [r[0], expect.any(String), ...r.slice(2)] : r)));
});

test('with no payment yet, the summary has no chart and says so in numbers', () => {
  const h = createHarness();
  h.setSheet([row({ 'Order ID': 'N-1', Amount: 1000 })]);
  h.run('generatePaymentLinks');
  h.run('refreshCollectionSummary');
  expect(charts(h)).toHaveLength(0);
  expect(h.env.ui.alerts.pop()?.prompt).toBe('Summary updated: 1 invoice, Rp 0 collected, Rp 1.000 outstanding.');
});

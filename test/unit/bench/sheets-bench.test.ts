/**
 * The Sheets benchmark's correctness, at small sizes (no timings): both sides make a correct link for
 * every valid row, the runner re-runs a killed baseline until done, and the link check catches a
 * wrong link rather than passing anything.
 */
import { baselineSide, baselineSource, buildAddOn, measureSheets, oursSide } from '../../bench/sheets-bench';
import { invoiceRows } from '../../bench/sheets/invoice-rows';
import { runSide, SERVER_KEY } from '../../bench/sheets/run-side';
import { verifyLinks } from '../../bench/sheets/verify-links';

let sources: { ours: string; baseline: string };
beforeAll(() => {
  sources = { ours: buildAddOn(), baseline: baselineSource() };
});

test('at 60 rows both sides give every valid row the link the simulator made for it, and the invalid row none', () => {
  const m = measureSheets(60, sources);
  expect(m.validRows).toBe(59);
  expect(m.ours.problems).toEqual([]);
  expect(m.baseline.problems).toEqual([]);
  expect(m.ours.links).toBe(59);
  expect(m.baseline.links).toBe(59);
  // The baseline's shape is the tutorial's: one fetch per row; ours sends them in fetchAll chunks.
  expect(m.baseline.fetchRoundTrips).toBe(60);
  expect(m.ours.fetchRequests).toBe(59);
  expect(m.ours.fetchRoundTrips).toBeLessThan(5);
  expect(m.ours.executions).toBe(1);
  expect(m.baseline.executions).toBe(1);
});

test('a baseline killed at the 6-minute limit is run again and still ends with one link per row (its 409 recovery)', () => {
  const workload = invoiceRows(250);
  const run = runSide(baselineSide(sources.baseline), workload);
  expect(run.finished).toBe(true);
  expect(run.executions.length).toBe(2);
  expect(run.executions[0].killed).toMatch(/Exceeded maximum execution time/);
  expect(run.executions[1].killed).toBeNull();
  expect(verifyLinks(run.env, run.sim, SERVER_KEY, workload)).toEqual({ links: 247, problems: [] });
});

test('the link check reports a row whose link is not the one the simulator has', () => {
  const workload = invoiceRows(10);
  const run = runSide(oursSide(sources.ours), workload);
  expect(verifyLinks(run.env, run.sim, SERVER_KEY, workload).problems).toEqual([]);
  run.env.untracked(() => run.env.spreadsheet.getSheetByName('Invoices')!.getRange(3, 13).setValue('https://app.sandbox.midtrans.com/payment-links/forged'));
  const check = verifyLinks(run.env, run.sim, SERVER_KEY, workload);
  expect(check.links).toBe(9);
  expect(check.problems).toEqual([expect.stringMatching(/^INV-2026-00002: the sheet has https:\/\/app\.sandbox\.midtrans\.com\/payment-links\/forged, the simulator /)]);
});

/**
 * The Sheets benchmark's correctness, at small sizes (no timings): both sides make a correct link for
 * every valid row, the runner re-runs a killed baseline until done, and the link check catches a
 * wrong link rather than passing anything.
 */
import {
  baselineSide,
  baselineSource,
  buildAddOn,
  competentSide,
  competentSource,
  measureSheets,
  oursSide,
  type SheetsSources,
} from '../../bench/sheets-bench';
import { invoiceRows } from '../../bench/sheets/invoice-rows';
import { runSide, SERVER_KEY } from '../../bench/sheets/run-side';
import { verifyLinks } from '../../bench/sheets/verify-links';

let sources: SheetsSources;
beforeAll(() => {
  sources = { ours: buildAddOn(), baseline: baselineSource(), competentBaseline: competentSource() };
});

test('at 60 rows all three sides give every valid row the link the simulator made for it, and the invalid row none', () => {
  const m = measureSheets(60, sources);
  expect(m.validRows).toBe(59);
  expect(m.ours.problems).toEqual([]);
  expect(m.baseline.problems).toEqual([]);
  expect(m.ours.links).toBe(59);
  expect(m.baseline.links).toBe(59);
  expect(m.competentBaseline.problems).toEqual([]);
  expect(m.competentBaseline.links).toBe(59);
  // The competent script's shape: one getValues, fetchAll in chunks of 25, one setValues.
  expect(m.competentBaseline.fetchRoundTrips).toBe(3);
  expect(m.competentBaseline.fetchRequests).toBe(60);
  expect(m.competentBaseline.executions).toBe(1);
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

test('a competent run whose links were made but never written (cut before its one setValues) recovers them on the rerun through 409 and GET', () => {
  const workload = invoiceRows(40);
  const side = competentSide(sources.competentBaseline);
  // A whole first execution's calls, from a run that is not cut; its last three are getRange, setValues and setProperty.
  const whole = runSide(side, workload).executions[0].calls.total;
  let cut = false;
  const run = runSide(
    {
      ...side,
      // The first execution is killed after its creates, before its write: the emulator stops it at a call count.
      first: (fns, env) => {
        env.setStopAtCall(whole - 2);
        cut = true;
        side.first(fns, env);
      },
    },
    workload,
  );
  expect(cut).toBe(true);
  expect(run.executions[0].killed).not.toBeNull();
  expect(run.executions[0].linkedRows).toBe(0);
  expect(run.finished).toBe(true);
  expect(run.sim.stats().responsesByStatus['409']).toBeGreaterThan(0);
  expect(verifyLinks(run.env, run.sim, SERVER_KEY, workload)).toEqual({ links: workload.validOrderIds.length, problems: [] });
});

test('the link check reports a row whose link is not the one the simulator has', () => {
  const workload = invoiceRows(10);
  const run = runSide(oursSide(sources.ours), workload);
  expect(verifyLinks(run.env, run.sim, SERVER_KEY, workload).problems).toEqual([]);
  run.env.untracked(() =>
    run.env.spreadsheet.getSheetByName('Invoices')!.getRange(3, 13).setValue('https://app.sandbox.midtrans.com/payment-links/forged'),
  );
  const check = verifyLinks(run.env, run.sim, SERVER_KEY, workload);
  expect(check.links).toBe(9);
  expect(check.problems).toEqual([
    expect.stringMatching(/^INV-2026-00002: the sheet has https:\/\/app\.sandbox\.midtrans\.com\/payment-links\/forged, the simulator /),
  ]);
});

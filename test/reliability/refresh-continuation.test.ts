/**
 * Refresh statuses across executions. A slow Midtrans GET (seeded latency) makes a pass outlast the
 * 4.5-minute budget; the rest of the pass then runs in whichever execution comes next, in a seeded
 * order: the continuation trigger, the hourly refresh, the menu, or a continuation refused because
 * another run is going. Between executions the merchant may sort the sheet. Each pass must ask about
 * every link once and only once, and every row must end showing what Midtrans holds.
 */
import { createAddon, col, row, RUN_MARKER, type Addon } from './support/addon';
import { figures } from './support/figures';
import { rng, seeds, timeoutFor } from './support/seeds';

/** Script Properties key of a stopped pass (apps-script/src/settings.ts PROPERTY.refreshPass). */
const PASS = 'MIDTRANS_REFRESH_PASS';
const CONTINUE = 'continueRefresh';

const totals = { seeds: 0, passesThatStopped: 0, executionsAfterStop: 0, sortsMidPass: 0, refusedAndRescheduled: 0, linksChecked: 0 };
afterAll(() => figures.record('refresh-continuation', totals));

function getsOf(a: Addon): string[] {
  return a.env.fetches.filter((f) => f.method.toUpperCase() === 'GET').map((f) => decodeURIComponent(f.url.replace(/^.*\//, '')));
}

function continuations(a: Addon): number {
  return a.env.triggers.filter((t) => t.handlerFunction === CONTINUE).length;
}

function sortSheet(a: Addon, seed: number): void {
  a.env.untracked(() => {
    const sheet = a.env.spreadsheet.getSheetByName('Invoices') as GoogleAppsScript.Spreadsheet.Sheet;
    const range = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn());
    range.setValues(rng(seed).shuffle(range.getValues()));
  });
}

describe('a Refresh pass split across executions', () => {
  const SEEDS = seeds(30);

  test(
    `${SEEDS.length} seeds: each link is asked about once per pass, whatever runs next and however the sheet is sorted, and every row ends right`,
    () => {
      for (const seed of SEEDS) {
        const r = rng(seed * 7919);
        const n = r.int(60, 300);
        const a = createAddon({ seed, faults: { latencyMs: { get: { min: 30_000, max: 75_000 } } } });
        a.setSheet(
          Array.from({ length: n }, (_, i) =>
            row({ 'Order ID': r.chance(0.5) ? `RC${seed}-${i}` : '', Amount: String(r.int(1, 400) * 1000) }),
          ),
        );
        a.run('generatePaymentLinks');
        a.run('setTimedRefresh', { args: [true] });
        const ids = a.rows().map((x) => x[col('Order ID')]);
        expect(new Set(ids).size).toBe(n);
        const paid = new Set(ids.filter(() => r.chance(0.2)));
        for (const id of paid) a.sim.pay(id, { status: 'settlement', payment_type: 'qris' });
        const before = getsOf(a).length;

        const first = a.run('refreshStatuses');
        expect(first.killed).toBeNull();
        let executions = 0;
        if (a.env.properties.script.has(PASS)) {
          totals.passesThatStopped++;
          expect(continuations(a)).toBe(1);
        }
        while (a.env.properties.script.has(PASS)) {
          expect(++executions).toBeLessThan(10);
          const step = r.pick(['continue', 'continue', 'hourly', 'menu', 'sort', 'busy'] as const);
          if (step === 'sort') {
            sortSheet(a, seed * 31 + executions);
            totals.sortsMidPass++;
            continue;
          }
          if (step === 'busy') {
            a.env.untracked(() =>
              a.env.properties.script.set(RUN_MARKER, JSON.stringify({ id: 'other', kind: 'generating links', startedAt: a.env.now() })),
            );
            const seen = getsOf(a).length;
            a.run(CONTINUE, { context: 'trigger', args: [{ triggerUid: 'x' }] });
            expect(getsOf(a).length).toBe(seen);
            expect(continuations(a)).toBe(1);
            a.env.untracked(() => a.env.properties.script.delete(RUN_MARKER));
            totals.refusedAndRescheduled++;
            continue;
          }
          const out =
            step === 'continue'
              ? a.run(CONTINUE, { context: 'trigger', args: [{ triggerUid: 'x' }] })
              : step === 'hourly'
                ? a.run('timedRefresh', { context: 'trigger' })
                : a.run('refreshStatuses');
          expect(out.killed).toBeNull();
          expect(out.thrown).toBeUndefined();
          totals.executionsAfterStop++;
          if (a.env.properties.script.has(PASS)) expect(continuations(a)).toBe(1);
        }
        expect(continuations(a)).toBe(0);

        const pass = getsOf(a).slice(before);
        expect(pass.slice().sort()).toEqual(ids.slice().sort());
        totals.linksChecked += pass.length;
        for (const x of a.rows()) expect(x[col('Status')]).toBe(paid.has(x[col('Order ID')]) ? 'Paid' : 'Link created');

        // A continuation that fires late finds the pass done and asks Midtrans nothing.
        const after = getsOf(a).length;
        a.run(CONTINUE, { context: 'trigger', args: [{ triggerUid: 'late' }] });
        expect(getsOf(a).length).toBe(after);
        totals.seeds++;
      }
      expect(totals.passesThatStopped).toBeGreaterThan(SEEDS.length / 3);
    },
    timeoutFor(30, 120_000),
  );
});

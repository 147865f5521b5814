/**
 * Concurrency (issue 8, part 3). A second execution is started from inside the first one's
 * UrlFetchApp call (support/addon.ts `afterFetch`) with the emulator's `concurrently` (its own
 * counters, budget, context and locks; the first resumes afterwards): the first run holds its run
 * marker there, exactly as a real run does while it waits on Midtrans. A lock held by another
 * execution is the emulator's `lockContention`.
 */
import { createAddon, col, row, RUN_MARKER, type Addon } from './support/addon';
import { figures } from './support/figures';
import { rng, seeds, timeoutFor } from './support/seeds';

const REFUSED_RUNNING = /^Another Midtrans run \(generating links\) started at \d\d:\d\d:\d\d is still going\. Wait for it to finish/;
const REFUSED_SAVING = /^Another Midtrans action is saving right now; try again in a few seconds\.$/;

function prompts(out: { alerts: string[] }): string[] {
  return out.alerts.map((a) => (JSON.parse(a) as { prompt: string }).prompt);
}

function sheetRows(n: number, seed: number): string[][] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    row({ 'Order ID': r.chance(0.5) ? `C${seed}-${i}` : '', Amount: String(r.int(1, 400) * 1000), 'Usage Limit': String(r.int(1, 3)) }),
  );
}

function expectOneLinkPerRow(a: Addon, n: number): void {
  const rows = a.rows();
  expect(rows).toHaveLength(n);
  const stats = a.sim.stats();
  for (const x of rows) {
    expect(x[col('Status')]).toMatch(/^(Link created|Paid.*|Pending)$/);
    expect(x[col('Payment Link')]).toMatch(/^https:\/\/app\.sandbox\.midtrans\.com\/payment-links\//);
    expect(stats.createdLinksByOrderId[x[col('Order ID')]]).toBe(1);
  }
  expect(stats.createdLinks).toBe(n);
}

const totals = { interleavedSeeds: 0, secondRunsRefused: 0, busyAnswers: 0, completedAfterBusy: 0 };
afterAll(() => figures.record('concurrency', totals));

describe('two bulk runs at once', () => {
  const SEEDS = seeds(60);

  test(
    `${SEEDS.length} seeds: a second Generate, Generate-selected or Refresh started while the first waits on Midtrans is refused, names the running run, and changes nothing`,
    () => {
      for (const seed of SEEDS) {
        const r = rng(seed);
        const n = r.int(3, 60);
        let fetches = 0;
        const at = r.int(1, n > 25 ? 3 : 1);
        const second = r.pick(['generatePaymentLinks', 'generateForSelectedRows', 'refreshStatuses']);
        let refused: string[] | undefined;
        const a: Addon = createAddon({
          seed,
          afterFetch: () => {
            if (++fetches !== at) return;
            const sheet = a.rows();
            const requests = a.sim.stats().requests;
            const marker = a.env.properties.script.get(RUN_MARKER);
            expect(marker).toBeDefined();
            if (second === 'generateForSelectedRows')
              a.env.untracked(() => a.env.spreadsheet.getSheetByName('Invoices')?.getRange(2, 1, n, 3).activate());
            refused = prompts(a.run(second, { concurrent: true }));
            // Nothing moved: no cell, no request to Midtrans, and the first run still owns the marker.
            expect(a.rows()).toEqual(sheet);
            expect(a.sim.stats().requests).toBe(requests);
            expect(a.env.properties.script.get(RUN_MARKER)).toBe(marker);
          },
        });
        a.setSheet(sheetRows(n, seed));
        const first = a.run('generatePaymentLinks');
        expect(refused).toHaveLength(1);
        expect((refused as string[])[0]).toMatch(REFUSED_RUNNING);
        expect(prompts(first)[0]).toMatch(new RegExp(`^${n} links? ready\\.$`));
        expectOneLinkPerRow(a, n);
        expect(a.env.properties.script.has(RUN_MARKER)).toBe(false);
        totals.interleavedSeeds++;
        totals.secondRunsRefused++;
      }
    },
    timeoutFor(60, 60_000),
  );

  test('a Generate that finds the script lock held (another execution saving) is refused with a clear message and changes nothing', () => {
    const a = createAddon({ seed: 3 });
    a.setSheet(sheetRows(5, 3));
    const before = a.rows();
    a.env.setLockContention(true);
    const out = a.run('generatePaymentLinks');
    expect(prompts(out)).toHaveLength(1);
    expect(prompts(out)[0]).toMatch(REFUSED_SAVING);
    expect(a.rows()).toEqual(before);
    expect(a.sim.stats().requests).toBe(0);
    expect(a.env.properties.script.has(RUN_MARKER)).toBe(false);
    a.env.setLockContention(false);
    expect(prompts(a.run('generatePaymentLinks'))[0]).toBe('5 links ready.');
    expectOneLinkPerRow(a, 5);
    totals.secondRunsRefused++;
  });
});

describe('doPost under lock contention', () => {
  function paidScenario(seed: number) {
    const a = createAddon({ seed });
    a.setSheet([row({ 'Order ID': `L${seed}`, Amount: '150000' })]);
    a.run('generatePaymentLinks');
    const pending = a.sim.pay(`L${seed}`, { status: 'pending', payment_type: 'bca_va' });
    const settled = a.sim.pay(`L${seed}`, { status: 'settlement', transaction_id: pending.transaction_id as string });
    return { a, pending, settled };
  }

  function stateSheet(a: Addon): unknown[][] {
    return a.env.untracked(() => (a.env.spreadsheet.getSheetByName('Midtrans state') ? a.env.sheetValues('Midtrans state') : []));
  }

  test.each([
    ['the next delivery of the same notification', 'redeliver'],
    ['Refresh statuses', 'refresh'],
    ['a later notification of the same purchase', 'later'],
  ])('waits 10 s, then keeps the verified purchase without writing; %s applies it', (_, how) => {
    const { a, pending, settled } = paidScenario(how.length);
    const first = how === 'later' ? pending : settled;
    const sheet = a.rows();
    const state = stateSheet(a);
    a.env.setLockContention(true);
    const answer = JSON.parse(a.post(JSON.stringify(first)));
    expect(answer).toEqual({ ok: true, result: 'queued' });
    // Answered after the 10-second lock wait, inside Midtrans's 15-second notification timeout.
    expect(a.env.modelledMs()).toBeGreaterThanOrEqual(10_000);
    expect(a.env.modelledMs()).toBeLessThan(15_000);
    expect(a.rows()).toEqual(sheet);
    expect(stateSheet(a)).toEqual(state);
    totals.busyAnswers++;
    a.env.setLockContention(false);
    // The redelivery finds its own purchase applied from what was kept: a duplicate by then.
    if (how === 'redeliver') expect(JSON.parse(a.post(JSON.stringify(settled)))).toEqual({ ok: true, result: 'duplicate' });
    if (how === 'later') expect(JSON.parse(a.post(JSON.stringify(settled)))).toEqual({ ok: true, result: 'updated' });
    if (how === 'refresh') expect(prompts(a.run('refreshStatuses'))[0]).toMatch(/^Checked 1 link/);
    expect(a.rows()[0][col('Status')]).toBe('Paid');
    expect(a.rows()[0][col('Paid At')]).not.toBe('');
    expect([...a.env.properties.script.keys()].filter((k) => k.startsWith('MIDTRANS_INBOX_'))).toEqual([]);
    totals.completedAfterBusy++;
  });

  test('a payment notified while a generation chunk holds the lock lands: kept, then written by the chunk, without a Refresh or a redelivery', () => {
    let posted: unknown;
    const a: Addon = createAddon({
      seed: 12,
      afterFetch: (req) => {
        if (posted || req.method.toLowerCase() !== 'post') return;
        // The create was served; the customer pays at once, and the notification finds the lock held.
        const body = a.sim.pay('GEN-1', { status: 'settlement', payment_type: 'gopay' });
        a.env.setLockContention(true);
        posted = JSON.parse(a.post(JSON.stringify(body), { concurrent: true }));
        a.env.setLockContention(false);
      },
    });
    a.setSheet([row({ 'Order ID': 'GEN-1', Amount: '99000' }), row({ 'Order ID': 'GEN-2', Amount: '5000' })]);
    const out = a.run('generatePaymentLinks');
    expect(posted).toEqual({ ok: true, result: 'queued' });
    expect(prompts(out)[0]).toBe('2 links ready.');
    const rows = a.rows();
    expect(rows[0][col('Status')]).toBe('Paid');
    expect(rows[0][col('Payment Link')]).toMatch(/^https:\/\//);
    expect(rows[1][col('Status')]).toBe('Link created');
    expect(a.env.untracked(() => a.env.sheetValues('Payments')).length).toBe(2);
  });

  test('a payment notified while its link is still being created (the run waits on Midtrans) is kept: the row ends Paid, not "Link created"', () => {
    let posted: unknown;
    const a: Addon = createAddon({
      seed: 11,
      afterFetch: (req) => {
        if (posted || req.method.toLowerCase() !== 'post') return;
        // The create was served; before the run writes the link, the customer pays and Midtrans notifies.
        const body = a.sim.pay('MID-1', { status: 'settlement', payment_type: 'gopay' });
        posted = JSON.parse(a.post(JSON.stringify(body), { concurrent: true }));
      },
    });
    a.setSheet([row({ 'Order ID': 'MID-1', Amount: '99000' }), row({ 'Order ID': 'MID-2', Amount: '5000' })]);
    const out = a.run('generatePaymentLinks');
    expect(posted).toEqual({ ok: true, result: 'updated' });
    expect(prompts(out)[0]).toBe('2 links ready.');
    const rows = a.rows();
    expect(rows[0][col('Status')]).toBe('Paid');
    expect(rows[0][col('Payment Link')]).toMatch(/^https:\/\//);
    expect(rows[1][col('Status')]).toBe('Link created');
  });
});

/**
 * Refunds whose notifications never arrive (issue 14.1), per seed: a sheet of links, most paid by
 * delivered notifications; then, at random hours over three days, refunds and partial refunds made at
 * Midtrans with no notification delivered, while the hourly refresh runs.
 *
 * Must hold, for every seed: each refunded row shows Refunded / Partially refunded, and its Payments
 * row the same, by the first hourly pass after its refund at the latest for links paid in the last day,
 * and within the stated interval (core PAID_RECHECK_CADENCE) otherwise; no paid link is asked more
 * than once per interval plus one; links that are refunded are never asked again.
 */
import { PAID_RECHECK_CADENCE, recheckEveryMs } from '../../core/src';
import { createAddon, col, row, type Addon } from './support/addon';
import { figures } from './support/figures';
import { rng, seeds, timeoutFor } from './support/seeds';

const HOUR = 3_600_000;
const totals = { seeds: 0, links: 0, refunds: 0, passes: 0, gets: 0, worstPassesToShow: 0 };
afterAll(() => figures.record('refund-recheck', totals));

function getsSince(a: Addon, from: number): string[] {
  return a.env.fetches
    .slice(from)
    .filter((f) => f.method.toUpperCase() === 'GET' && /\/v1\/payment-links\//.test(f.url))
    .map((f) => decodeURIComponent(f.url.replace(/^.*\//, '')));
}

function paymentsStatus(a: Addon, orderId: string): string[] {
  const [head, ...rows] = a.env.sheetValues('Payments').map((r) => r.map(String));
  return rows.filter((r) => r[head.indexOf('Order ID')] === orderId).map((r) => r[head.indexOf('Status')]);
}

test(
  `${seeds(12).length} seeds: refunds with no notification show within the cadence; paid links asked at most once per interval`,
  () => {
    expect(PAID_RECHECK_CADENCE[0].everyMs).toBe(HOUR);
    for (const seed of seeds(12)) {
      const r = rng(seed * 101 + 9);
      const n = r.int(8, 30);
      const ids = Array.from({ length: n }, (_, i) => `RR${seed}-${i}`);
      const a = createAddon({ seed });
      a.setSheet(ids.map((id) => row({ 'Order ID': id, Amount: String(r.int(1, 900) * 1000) })));
      expect(a.run('generatePaymentLinks').thrown).toBeUndefined();
      const tx = new Map<string, string>();
      const paidAt = new Map<string, number>();
      for (const id of ids) {
        if (!r.chance(0.8)) continue;
        const body = a.sim.pay(id, { status: 'settlement', payment_type: r.pick(['qris', 'gopay', 'bank_transfer']) });
        a.post(JSON.stringify(body));
        tx.set(id, String(body.transaction_id));
        paidAt.set(id, a.env.now());
        a.env.advanceClock(r.int(1, 600) * 1000);
      }
      const paid = [...tx.keys()];
      const refundAt = new Map<string, { at: number; partial: boolean }>();
      const askedAt = new Map<string, number[]>();
      const shownAt = new Map<string, number>();
      let gets = a.env.fetches.length;
      for (let hour = 1; hour <= 72; hour++) {
        a.env.advanceClock(HOUR);
        for (const id of paid) {
          if (refundAt.has(id) || !r.chance(0.02)) continue;
          const partial = r.chance(0.4);
          a.sim.pay(id, { status: partial ? 'partial_refund' : 'refund', transaction_id: tx.get(id) });
          refundAt.set(id, { at: a.env.now(), partial });
        }
        const out = a.run('timedRefresh', { context: 'trigger' });
        expect(out.thrown).toBeUndefined();
        totals.passes++;
        const asked = getsSince(a, gets);
        gets = a.env.fetches.length;
        totals.gets += asked.length;
        for (const id of asked) askedAt.set(id, [...(askedAt.get(id) ?? []), a.env.now()]);
        for (const [id, refund] of refundAt) {
          const shown = a.rows()[ids.indexOf(id)][col('Status')];
          const want = refund.partial ? 'Partially refunded' : 'Refunded';
          // Due within one interval of the refund (the interval of its age then), plus the hour of the pass.
          const every = recheckEveryMs(refund.at - (paidAt.get(id) as number));
          if (a.env.now() - refund.at >= every + HOUR) {
            expect({ seed, id, shown }).toEqual({ seed, id, shown: want });
            expect({ seed, id, log: paymentsStatus(a, id) }).toEqual({ seed, id, log: [want] });
          }
          if (shown === want && !shownAt.has(id)) {
            shownAt.set(id, a.env.now());
            totals.worstPassesToShow = Math.max(totals.worstPassesToShow, Math.round((a.env.now() - refund.at) / HOUR));
          }
        }
      }
      for (const id of paid) {
        const times = askedAt.get(id) ?? [];
        // Fully refunded links are never asked again once shown.
        const refund = refundAt.get(id);
        if (refund && !refund.partial) {
          const shownBy = times.find((t) => t >= refund.at);
          expect({ seed, id, after: times.filter((t) => shownBy !== undefined && t > shownBy).length }).toEqual({ seed, id, after: 0 });
        }
        // Asked at most once per interval: two asks of a paid link are never closer than its interval less one pass.
        const paidTime = paidAt.get(id) as number;
        for (let i = 1; i < times.length; i++) {
          const every = Math.min(recheckEveryMs(times[i - 1] - paidTime), recheckEveryMs(times[i] - paidTime));
          expect({ seed, id, gapOk: times[i] - times[i - 1] >= every - HOUR }).toEqual({ seed, id, gapOk: true });
        }
        // 72 hourly passes: at most 24 asks the first day and 4 a day after (each +1 at an edge).
        expect({ seed, id, asks: times.length <= 25 + 9 }).toEqual({ seed, id, asks: true });
      }
      totals.seeds++;
      totals.links += n;
      totals.refunds += refundAt.size;
    }
  },
  timeoutFor(12, 240_000),
);

/**
 * A flood of anonymous junk against doPost with the daily Script Properties quota scaled down (issue 19,
 * item 2). The web app is open to anyone (it must be, for Midtrans), and Properties reads count against a
 * daily quota shared with every menu action (50,000 on a consumer account). Junk must cost none of it,
 * well-shaped forgeries at most one read a minute, and genuine notifications in the middle of the flood
 * must all land, even once the day's quota is spent.
 */
import { createHash } from 'crypto';
import { createAddon, col, row, type Addon } from './support/addon';
import { figures } from './support/figures';
import { rng, seeds, timeoutFor } from './support/seeds';

/** 1/500 of the consumer quota: the flood below would spend it many times over at one read a post. */
const PROPERTIES_QUOTA = 100;
const JUNK_PER_SEED = 600;
const INVOICES = 6;

const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

type Junk = (r: ReturnType<typeof rng>, genuine: Record<string, unknown>) => string;
const JUNK: Record<string, Junk> = {
  notJson: () => 'order_id=1&status=paid',
  empty: () => '',
  array: () => '[1,2,3]',
  oversized: () => JSON.stringify({ order_id: 'X-1', pad: 'x'.repeat(40 * 1024) }),
  hugeSignature: (_r, g) => JSON.stringify({ ...g, signature_key: 'a'.repeat(64 * 1024) }),
  shortSignature: (_r, g) => JSON.stringify({ ...g, signature_key: 'abc' }),
  badOrderId: (_r, g) => JSON.stringify({ ...g, order_id: '../v2/status' }),
  badStatusCode: (_r, g) => JSON.stringify({ ...g, status_code: '20x' }),
  noTransactionId: (_r, g) => JSON.stringify({ ...g, transaction_id: undefined }),
  // Well-shaped forgeries: only a signature compare can refuse them.
  forgedSignature: (r) =>
    JSON.stringify({
      order_id: `INV-${r.int(0, 9)}-1764000000000`,
      status_code: '200',
      gross_amount: '150000.00',
      transaction_id: `t-${r.int(0, 1e6)}`,
      transaction_status: 'settlement',
      signature_key: sha512(String(r.next())),
    }),
};
const KINDS = Object.keys(JUNK);

function propertyReads(a: Addon): number {
  return a.env.quotaUsage().properties ?? 0;
}

const totals = {
  seeds: 0,
  junkPosts: 0,
  wellShapedForgeries: 0,
  junkRefused: 0,
  junkPropertyReads: 0,
  genuineSent: 0,
  genuineLanded: 0,
  floodMinutes: 0,
  quotaLimit: PROPERTIES_QUOTA,
  maxQuotaUsed: 0,
};
afterAll(() => {
  figures.record('junk-flood', {
    ...totals,
    floodMinutes: Math.round(totals.floodMinutes * 10) / 10,
    propertyReadsPerThousandJunk: totals.junkPosts ? Math.round((1000 * totals.junkPropertyReads) / totals.junkPosts) : 0,
    forgeryReadsPerMinute: totals.floodMinutes ? Math.round((100 * totals.junkPropertyReads) / totals.floodMinutes) / 100 : 0,
  });
});

describe('junk flood against doPost', () => {
  const SEEDS = seeds(3);

  test(
    `${SEEDS.length} seeds × ${JUNK_PER_SEED} junk posts, Properties quota ${PROPERTIES_QUOTA}: junk costs no read but a forgery's re-read at most once a minute, no fetch, no write; every genuine notification lands`,
    () => {
      for (const seed of SEEDS) {
        const r = rng(seed);
        const a = createAddon({ seed, emulator: { dailyQuota: { properties: PROPERTIES_QUOTA } } });
        const ids = Array.from({ length: INVOICES }, (_, i) => `JF${seed}-${i}`);
        a.setSheet(ids.map((id) => row({ 'Order ID': id, Amount: '150000' })));
        a.run('generatePaymentLinks');
        a.env.newDay();
        const fetchesBefore = a.env.fetches.length;
        // Junk is built from a well-formed body (its signature is never Midtrans's).
        const template = {
          order_id: `${ids[0]}-1764000000000`,
          status_code: '201',
          gross_amount: '150000.00',
          transaction_id: 'a-transaction',
          transaction_status: 'pending',
          signature_key: sha512('not signed'),
        };
        // Genuine notifications at random points of the flood: each invoice's settlement.
        const genuineAt = new Map<number, string>(ids.map((id) => [r.int(0, JUNK_PER_SEED - 1), id]));
        const startedAt = a.env.now();
        let junkReads = 0;
        for (let i = 0; i < JUNK_PER_SEED; i++) {
          const id = genuineAt.get(i);
          if (id) {
            const body = a.sim.pay(id, { status: 'settlement', payment_type: 'bca_va' });
            const answer = JSON.parse(a.post(JSON.stringify(body)));
            expect(answer).toEqual({ ok: true, result: 'updated' });
            totals.genuineSent++;
          }
          const kind = r.pick(KINDS);
          const before = propertyReads(a);
          const answer = JSON.parse(a.post(JUNK[kind](r, template)));
          junkReads += propertyReads(a) - before;
          expect(answer.ok).toBe(false);
          expect(a.env.calls.byMethod['Lock.tryLock'] ?? 0).toBe(0);
          if (kind === 'forgedSignature') totals.wellShapedForgeries++;
          else expect(a.env.calls.byMethod['Properties.getProperties'] ?? 0).toBe(0);
          totals.junkRefused++;
          // Junk arrives about every 3 seconds.
          a.env.advanceClock(3_000);
        }
        const minutes = (a.env.now() - startedAt) / 60_000;
        // At most one re-read a minute (plus the first), whatever the forgeries' number.
        expect(junkReads).toBeLessThanOrEqual(Math.ceil(minutes) + 1);
        // Junk costs no fetch; each genuine settlement costs its one status-API confirmation.
        expect(a.env.fetches.length).toBe(fetchesBefore + genuineAt.size);
        const rows = a.rows();
        for (const id of genuineAt.values()) expect(rows.find((x) => x[col('Order ID')] === id)?.[col('Status')]).toBe('Paid');
        totals.genuineLanded += genuineAt.size;
        totals.junkPosts += JUNK_PER_SEED;
        totals.junkPropertyReads += junkReads;
        totals.floodMinutes += minutes;
        totals.maxQuotaUsed = Math.max(totals.maxQuotaUsed, propertyReads(a));
        expect(propertyReads(a)).toBeLessThanOrEqual(PROPERTIES_QUOTA);
        totals.seeds++;
      }
    },
    timeoutFor(3, 240_000),
  );

  test("with the day's Properties quota spent, a genuine notification still lands (its settings come from the script cache)", () => {
    const a = createAddon({ seed: 5, emulator: { dailyQuota: { properties: PROPERTIES_QUOTA } } });
    a.setSheet([row({ 'Order ID': 'SPENT-1', Amount: '150000' }), row({ 'Order ID': 'SPENT-2', Amount: '99000' })]);
    a.run('generatePaymentLinks');
    a.env.newDay();
    const pending = a.sim.pay('SPENT-1', { status: 'pending', payment_type: 'bca_va' });
    expect(JSON.parse(a.post(JSON.stringify(pending)))).toEqual({ ok: true, result: 'updated' });
    // Spend the rest of the day's reads (any script's work would).
    const props = (a.env.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
    while (propertyReads(a) < PROPERTIES_QUOTA) props.getKeys();
    expect(() => props.getKeys()).toThrow(/too many times for one day: properties/);
    expect(JSON.parse(a.post(JSON.stringify(a.sim.pay('SPENT-2', { status: 'settlement', payment_type: 'bca_va' }))))).toEqual({
      ok: true,
      result: 'updated',
    });
    expect(a.rows()[1][col('Status')]).toBe('Paid');
    // The cache is best-effort: once it is gone too, the notification is refused, not mis-written.
    a.env.evictCaches();
    const answer = JSON.parse(
      a.post(JSON.stringify(a.sim.pay('SPENT-1', { status: 'settlement', transaction_id: pending.transaction_id as string }))),
    );
    expect(answer).toEqual({ ok: false, result: 'error' });
    expect(a.rows()[0][col('Status')]).toBe('Pending');
  });
});

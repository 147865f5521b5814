/**
 * Which links Refresh asks about, from stored state rather than the Status words (issue 12.2), and
 * the cadence on which paid links are asked again for refunds (issue 14.1).
 */
import {
  PAID_RECHECK_CADENCE,
  STATUS_WORDS,
  lastPaidAt,
  midtransTimeToMs,
  paidRecheckDue,
  recheckEveryMs,
  refreshNeed,
  summarisePurchases,
  type LinkLife,
  type PurchaseRecord,
  type PurchaseState,
} from '../../../core/src';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function purchase(i: number, top: PurchaseState, paidAt = '2026-11-27 10:00:00'): PurchaseRecord {
  const settled = ['paid', 'partially_refunded', 'refunded', 'chargeback'].includes(top);
  return {
    transactionId: `t-${i}`,
    orderId: `X-${i}`,
    top,
    settled,
    reversalDeny: false,
    amount: 1000,
    paymentType: 'qris',
    paidAt: settled ? paidAt : '',
  };
}

const cases: [string, PurchaseState[], LinkLife, 'open' | 'paid' | 'final'][] = [
  ['no purchase yet', [], { usageLimit: 1 }, 'open'],
  ['pending', ['pending'], { usageLimit: 1 }, 'open'],
  ['under review', ['review'], { usageLimit: 1 }, 'open'],
  ['failed attempt, link open', ['failed'], { usageLimit: 1 }, 'open'],
  ['expired attempt, link still open', ['expired'], { usageLimit: 1 }, 'open'],
  ['link itself expired', [], { usageLimit: 1, expired: true }, 'final'],
  ['deactivated', [], { usageLimit: 1, deleted: true }, 'final'],
  ['refunded', ['refunded'], { usageLimit: 1 }, 'final'],
  ['paid', ['paid'], { usageLimit: 1 }, 'paid'],
  ['partially refunded', ['partially_refunded'], { usageLimit: 1 }, 'paid'],
  ['tickets with room left', ['paid', 'paid', 'paid'], { usageLimit: 500 }, 'open'],
  ['tickets sold out', ['paid', 'paid'], { usageLimit: 2 }, 'paid'],
  ['tickets, room left but link expired', ['paid'], { usageLimit: 5, expired: true }, 'paid'],
  ['paid, another still pending', ['paid', 'pending'], { usageLimit: 2 }, 'open'],
  ['paid then deactivated', ['paid'], { usageLimit: 1, deleted: true }, 'paid'],
];

test.each(cases)('a link %s: Refresh need %#', (_name, states, life, need) => {
  const summary = summarisePurchases(
    states.map((s, i) => purchase(i, s)),
    life,
  );
  expect(refreshNeed(summary, summary.status)).toBe(need);
});

test('a Status cell that does not read what the stored state formats to is always asked about (whatever words either uses)', () => {
  for (const [, states, life] of cases) {
    const summary = summarisePurchases(
      states.map((s, i) => purchase(i, s)),
      life,
    );
    for (const shown of [...STATUS_WORDS, 'Queued', '', 'Paid 1/2']) {
      if (shown === summary.status) continue;
      expect(refreshNeed(summary, shown)).toBe('open');
    }
    // Surrounding spaces a merchant typed do not count as a difference.
    expect(refreshNeed(summary, ` ${summary.status} `)).toBe(refreshNeed(summary, summary.status));
  }
});

test('round trip: every status the formatter writes reads back to the same need as the state it came from', () => {
  // The decision never parses the cell, so any formatter output, compared with itself, gives the state's need.
  for (const [, states, life, need] of cases) {
    const summary = summarisePurchases(
      states.map((s, i) => purchase(i, s)),
      life,
    );
    const reworded = { ...summary, status: `«${summary.status}»` };
    expect(refreshNeed(reworded, reworded.status)).toBe(need);
  }
});

test('the cadence: hourly the first day, every 6 hours the first week, daily the first month, weekly to six months, monthly after', () => {
  expect([0, 23 * HOUR, 2 * DAY, 6 * DAY, 8 * DAY, 29 * DAY, 31 * DAY, 179 * DAY, 181 * DAY, 900 * DAY].map(recheckEveryMs)).toEqual([
    HOUR,
    HOUR,
    6 * HOUR,
    6 * HOUR,
    DAY,
    DAY,
    7 * DAY,
    7 * DAY,
    30 * DAY,
    30 * DAY,
  ]);
  expect(PAID_RECHECK_CADENCE[PAID_RECHECK_CADENCE.length - 1].paidWithinMs).toBe(Number.POSITIVE_INFINITY);
});

/** How many times a paid link is due over `span` when passes start every `step`. */
function dueCount(orderId: string, paidAt: number, start: number, span: number, step: number, first?: number): number {
  let since = first;
  let n = 0;
  for (let t = start; t <= start + span; t += step) {
    if (paidRecheckDue(orderId, paidAt, since, t)) n++;
    since = t;
  }
  return n;
}

test('a paid link is asked once per interval however often Refresh runs, and still once per interval when it runs exactly that often', () => {
  const paid = Date.UTC(2026, 0, 1);
  for (const id of ['INV-1', 'INV-2', 'a-much-longer-order-id_with~marks.9']) {
    // First day: hourly, with passes every minute or every hour.
    expect(dueCount(id, paid, paid, DAY - 1, 60_000)).toBeGreaterThanOrEqual(23);
    expect(dueCount(id, paid, paid, DAY - 1, 60_000)).toBeLessThanOrEqual(24);
    // Hourly passes: every pass after the first crosses one slot (the last slot of the day may fall after the last pass).
    expect(dueCount(id, paid, paid, DAY - 1, HOUR)).toBe(23);
    // Months later: weekly; 70 days of hourly passes ask it 10 times (after a pass at the start).
    const later = paid + 100 * DAY;
    expect(dueCount(id, paid, later, 70 * DAY - 1, HOUR, later - HOUR)).toBe(10);
    // Passes every 2 weeks ask it each time (each crossed an interval).
    expect(dueCount(id, paid, later + 14 * DAY, 56 * DAY, 14 * DAY, later)).toBe(5);
    // The first pass ever (no previous pass remembered) asks every link paid an interval or more ago.
    expect(paidRecheckDue(id, paid, undefined, later)).toBe(true);
  }
});

test('right after payment nothing is due; the spread puts links paid together in different passes', () => {
  const paid = Date.UTC(2026, 0, 1, 5);
  expect(paidRecheckDue('INV-1', paid, undefined, paid)).toBe(false);
  const firstDueMinute = (id: string) => {
    for (let m = 1; m <= 60; m++) if (paidRecheckDue(id, paid, paid + (m - 1) * 60_000, paid + m * 60_000)) return m;
    return -1;
  };
  const minutes = new Set(Array.from({ length: 40 }, (_, i) => firstDueMinute(`INV-${i}`)));
  expect(minutes.has(-1)).toBe(false);
  expect(minutes.size).toBeGreaterThan(15);
});

test('paid times are Midtrans GMT+7 wall clock; the last payment of a link counts', () => {
  expect(midtransTimeToMs('2026-11-27 10:00:02')).toBe(Date.UTC(2026, 10, 27, 3, 0, 2));
  expect(midtransTimeToMs('yesterday')).toBeUndefined();
  expect(
    lastPaidAt([purchase(1, 'paid', '2026-11-27 10:00:00'), purchase(2, 'refunded', '2026-11-28 09:00:00'), purchase(3, 'pending')]),
  ).toBe(Date.UTC(2026, 10, 28, 2, 0, 0));
  expect(lastPaidAt([purchase(3, 'pending')])).toBe(0);
});

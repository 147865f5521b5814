/**
 * Which links a Refresh pass asks Midtrans about, decided from the stored purchase state (never from
 * the words a Status cell shows), and how often a paid link is asked again so a refund whose
 * notification was lost still shows.
 *
 * Why a paid link is asked again at all: a refund notification can be lost (Apps Script answers 302,
 * a receiver answered `busy` or `unconfirmed`), and GET /v1/payment-links/{order_id} lists each
 * purchase's `payment_status`, which reads `REFUND` / `PARTIAL_REFUND` once Midtrans holds the refund
 * [inferred: the GET sample shows only `EXPIRE`; the status words are the transaction statuses in
 * upper case, as the sample's is].
 */
import { JAKARTA_OFFSET_MS, type LinkSummary } from './link-summary';
import { effectiveState, type PurchaseRecord } from './purchase-record';

/** `open`: asked every pass. `paid`: asked on the cadence below. `final`: never asked again. */
export type RefreshNeed = 'open' | 'paid' | 'final';

/**
 * The need of one link from its summary (the core's own formatter) and the Status cell as shown.
 * A cell that does not read what the stored state formats to is asked about (the row needs
 * rewriting anyway, and the store may be missing or stale), so rewording a status cannot change
 * what gets polled: the comparison is with the same formatter that writes the cell.
 */
export function refreshNeed(summary: LinkSummary, shownStatus: string): RefreshNeed {
  if (shownStatus.trim() !== summary.status) return 'open';
  if (summary.pendingCount > 0 || summary.word === 'Under review') return 'open';
  switch (summary.word) {
    case 'Refunded':
    case 'Deactivated':
      return 'final';
    case 'Expired':
      // An expired payment attempt on a link that is still open can be retried by the customer.
      return summary.expired ? 'final' : 'open';
    case 'Paid':
    case 'Partially refunded': {
      const roomLeft = summary.usageLimit > 1 && summary.paidCount < summary.usageLimit;
      return roomLeft && !summary.expired && !summary.deleted ? 'open' : 'paid';
    }
    default:
      return 'open';
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The cadence of the paid-link re-check: how long after the last payment, how often. A refund is
 * most likely soon after payment; card refunds and chargebacks can come months later, so nothing is
 * ever dropped, only asked less often, and an old link costs one GET a month [inferred: Midtrans
 * documents no refund window for Payment Links]. Documented for merchants in docs/sheets-finance.md.
 */
export const PAID_RECHECK_CADENCE: readonly { paidWithinMs: number; everyMs: number }[] = [
  { paidWithinMs: DAY, everyMs: HOUR },
  { paidWithinMs: 7 * DAY, everyMs: 6 * HOUR },
  { paidWithinMs: 30 * DAY, everyMs: DAY },
  { paidWithinMs: 180 * DAY, everyMs: 7 * DAY },
  { paidWithinMs: Number.POSITIVE_INFINITY, everyMs: 30 * DAY },
];

export function recheckEveryMs(paidAgeMs: number): number {
  const tier = PAID_RECHECK_CADENCE.find((t) => paidAgeMs < t.paidWithinMs) ?? PAID_RECHECK_CADENCE[PAID_RECHECK_CADENCE.length - 1];
  return tier.everyMs;
}

/** FNV-1a, so each link's slot within its interval is fixed and links spread over the interval. */
function spread(key: string, modulo: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % modulo;
}

/**
 * Whether a paid link is due in a pass that starts at `now`, given when the previous complete pass
 * started (`since`, undefined before the first) and when the link was last paid. A link is due once
 * per interval: when its own slot in the interval (spread by order id, so a thousand links paid the
 * same hour do not all come due in one pass) has passed since `since` and since its last payment.
 * Running Refresh more often therefore never asks a paid link more than once per interval (plus one
 * at the edge), and running it less often asks each due link once.
 */
export function paidRecheckDue(orderId: string, lastPaidAt: number, since: number | undefined, now: number): boolean {
  const every = recheckEveryMs(Math.max(0, now - lastPaidAt));
  const from = Math.max(since ?? Number.NEGATIVE_INFINITY, lastPaidAt);
  const offset = spread(orderId, every);
  return Math.floor((now - offset) / every) > Math.floor((from - offset) / every);
}

/** Midtrans's GMT+7 wall clock (`2026-11-27 10:00:02`) as an instant; undefined when it is not one. */
export function midtransTimeToMs(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) - JAKARTA_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The latest payment time of a link's purchases that were ever paid; 0 (paid long ago) when none
 * carries a time, so such a link falls in the slowest tier rather than never.
 */
export function lastPaidAt(purchases: readonly PurchaseRecord[]): number {
  let latest = 0;
  for (const p of purchases) {
    if (!p.settled && effectiveState(p) === 'pending') continue;
    const t = p.paidAt ? midtransTimeToMs(p.paidAt) : undefined;
    if (t !== undefined && t > latest) latest = t;
  }
  return latest;
}

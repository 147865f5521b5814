/**
 * A row's status from its link's purchases and the link's own life (expiry, usage limit, deletion).
 * Both receivers (notifications) and polling (GET) end here, so they cannot disagree.
 */
import { parseStartTime } from './validate-create-request';
import { purchaseStateOf, type PurchaseState } from './interpret-notification';
import { effectiveState, isReversed, type PurchaseRecord } from './purchase-record';
import { UNLISTED_SETTLEMENT_NOTE, unlistedSettlement } from './last-snap-status';
import type { PaymentLink } from './types';

export const STATUS_WORDS = [
  'Link created',
  'Pending',
  'Paid',
  'Under review',
  'Failed',
  'Expired',
  'Refunded',
  'Partially refunded',
  'Deactivated',
  'Error',
] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];

export interface LinkLife {
  usageLimit: number;
  /** The link itself is past its expiry. */
  expired?: boolean;
  /** The link was deleted (deactivated). */
  deleted?: boolean;
}

export interface LinkSummary {
  /** What the Status cell shows: a status word, or `Paid n/limit` for a multi-use link. */
  status: string;
  word: StatusWord;
  paidCount: number;
  pendingCount: number;
  usageLimit: number;
  expired: boolean;
  deleted: boolean;
  /** Earliest payment time, '' when unpaid. */
  paidAt: string;
  /** A short explanation for the Note column (English), '' when the status says it all. */
  note: string;
  /** The same explanation as codes and counts, for a front end to word in its user's language. */
  noteParts: NotePart[];
}

export type NoteCode =
  | 'reversed'
  | 'chargebacks'
  | 'pendingCount'
  | 'reviewCount'
  | 'lastAttemptFailed'
  | 'attemptExpired'
  | 'usageLimitReached'
  | 'linkDeactivated'
  | 'linkExpired'
  | 'unlistedSettlement';
export interface NotePart {
  code: NoteCode;
  count: number;
}

const NOTE_TEXT: Record<NoteCode, (n: number) => string> = {
  reversed: (n) => `${n} payment${n > 1 ? 's' : ''} reversed by Midtrans (settlement then deny)`,
  chargebacks: (n) => `${n} chargeback${n > 1 ? 's' : ''}`,
  pendingCount: (n) => `${n} pending`,
  reviewCount: (n) => `${n} under review`,
  lastAttemptFailed: () => 'the last payment attempt failed; the customer can try again on the same link',
  attemptExpired: () => 'the payment attempt expired before it was paid; the link itself is still open',
  usageLimitReached: () => 'usage limit reached',
  linkDeactivated: () => 'link deactivated',
  linkExpired: () => 'link expired',
  unlistedSettlement: () => UNLISTED_SETTLEMENT_NOTE,
};

export function summarisePurchases(purchases: readonly PurchaseRecord[], life: LinkLife): LinkSummary {
  const count = (s: PurchaseState) => purchases.filter((p) => effectiveState(p) === s).length;
  const paid = count('paid');
  const partial = count('partially_refunded');
  const refunded = count('refunded') + count('chargeback');
  const review = count('review');
  const pending = count('pending');
  const failed = count('failed');
  const expiredAttempts = count('expired');
  const paidCount = paid + partial;
  const reversed = purchases.filter(isReversed).length;
  const chargebacks = count('chargeback');
  const usageLimit = life.usageLimit >= 1 ? life.usageLimit : 1;

  let word: StatusWord;
  if (paid > 0) word = 'Paid';
  else if (partial > 0) word = 'Partially refunded';
  else if (refunded > 0) word = 'Refunded';
  else if (review > 0) word = 'Under review';
  else if (pending > 0) word = 'Pending';
  else if (life.deleted) word = 'Deactivated';
  else if (life.expired) word = 'Expired';
  else if (failed > 0) word = 'Failed';
  else if (expiredAttempts > 0) word = 'Expired';
  else word = 'Link created';
  if (usageLimit > 1 && paidCount > 0) word = 'Paid';

  const parts: NotePart[] = [];
  const add = (code: NoteCode, n = 0) => parts.push({ code, count: n });
  if (reversed > 0) add('reversed', reversed);
  if (chargebacks > 0) add('chargebacks', chargebacks);
  if (usageLimit > 1 && pending > 0 && paidCount > 0) add('pendingCount', pending);
  if (usageLimit > 1 && review > 0 && paidCount > 0) add('reviewCount', review);
  if (word === 'Failed' && !life.deleted && !life.expired) add('lastAttemptFailed');
  if (word === 'Expired' && !life.expired) add('attemptExpired');
  if (paidCount >= usageLimit && usageLimit > 1) add('usageLimitReached');
  if (life.deleted && word !== 'Deactivated') add('linkDeactivated');
  else if (life.expired && word !== 'Expired') add('linkExpired');

  const paidAt =
    purchases
      .filter((p) => p.paidAt && ['paid', 'partially_refunded', 'refunded', 'chargeback'].includes(effectiveState(p)))
      .map((p) => p.paidAt)
      .sort()[0] ?? '';

  return {
    status: usageLimit > 1 && word === 'Paid' ? `Paid ${paidCount}/${usageLimit}` : word,
    word,
    paidCount,
    pendingCount: pending,
    usageLimit,
    expired: Boolean(life.expired),
    deleted: Boolean(life.deleted),
    paidAt,
    note: parts.map((p) => NOTE_TEXT[p.code](p.count)).join('; '),
    noteParts: parts,
  };
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * When the link stops taking payments, from the GET response's `expiry_start`, `expiry_duration` and
 * `expiry_unit`; undefined when it has no expiry. (No link-level status field is documented, §3
 * [inferred]: expiry, usage and deletion are derived.)
 */
export function linkExpiresAt(link: PaymentLink): number | undefined {
  const start = parseStartTime(link.expiry_start);
  const duration = link.expiry_duration;
  const unit = typeof link.expiry_unit === 'string' ? link.expiry_unit.replace(/s$/, '') : '';
  if (start === undefined || typeof duration !== 'number' || !UNIT_MS[unit]) return undefined;
  return start + duration * UNIT_MS[unit];
}

export const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/**
 * Notifications give times as Midtrans's GMT+7 wall clock (`2026-11-27 10:00:02`); GET's purchase
 * `updated_at` is an ISO instant (`2026-11-27T03:00:02.037Z`, [inferred] from the GET sample's other
 * timestamps). Both are kept in the first form, so Paid At reads the same whichever source filled it and
 * the "earliest payment" comparison compares like with like.
 */
export function midtransTime(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return text;
  return new Date(ms + JAKARTA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Purchases as GET reports them (`payment_status` in upper case, no transaction id or fraud status):
 * keyed by the purchase's order id. A `CAPTURE` here carries no fraud_status, so it may be a card
 * payment held for fraud review (§5.5, `capture` + `challenge`) [inferred]: it reads as under review,
 * never as paid; the notification or status answer that knows `accept` outranks it (paid > review).
 */
export function purchasesFromLink(link: PaymentLink): PurchaseRecord[] {
  const out: PurchaseRecord[] = [];
  for (const p of link.purchases ?? []) {
    if (!p || typeof p.order_id !== 'string' || typeof p.payment_status !== 'string') continue;
    const state = p.payment_status.toLowerCase() === 'capture' ? 'review' : purchaseStateOf(p.payment_status);
    if (!state) continue;
    out.push({
      transactionId: p.order_id,
      orderId: p.order_id,
      top: state,
      settled: state === 'paid',
      reversalDeny: false,
      amount: typeof link.gross_amount === 'number' ? link.gross_amount : 0,
      // The link's amount is what the invoice asked; GET says nothing of a fee the customer paid.
      ...(typeof link.gross_amount === 'number' ? { invoiceAmount: link.gross_amount } : {}),
      paymentType: typeof p.payment_method === 'string' ? p.payment_method.toLowerCase() : '',
      paidAt: state === 'paid' && typeof p.updated_at === 'string' ? midtransTime(p.updated_at) : '',
    });
  }
  return out;
}

/**
 * Summary of a GET response at time `now`; `deleted` when GET answered 404 for a link we created.
 * `unlistedSettlement`: last_snap_transaction_status says settled while the list shows no payment
 * (last-snap-status.ts); the link is then not concluded expired and the Note says why.
 */
export function summariseLink(
  link: PaymentLink,
  now: number,
  deleted = false,
): LinkSummary & { expiresAt?: number; usage?: number; unlistedSettlement: boolean } {
  const expiresAt = linkExpiresAt(link);
  const usageLimit = typeof link.usage_limit === 'number' ? link.usage_limit : 1;
  const wasDeleted = deleted || ['deleted_at', 'delete_at', 'deletedAt'].some((k) => link[k] !== undefined && link[k] !== null);
  const listed = purchasesFromLink(link);
  const unlisted = unlistedSettlement(link, listed);
  const summary = summarisePurchases(listed, {
    usageLimit,
    expired: !unlisted && expiresAt !== undefined && now >= expiresAt,
    deleted: wasDeleted,
  });
  const noteParts: NotePart[] = unlisted ? [...summary.noteParts, { code: 'unlistedSettlement', count: 0 }] : summary.noteParts;
  const note = noteParts.map((p) => NOTE_TEXT[p.code](p.count)).join('; ');
  return {
    ...summary,
    note,
    noteParts,
    expiresAt,
    usage: typeof link.usage === 'number' ? link.usage : undefined,
    unlistedSettlement: unlisted,
  };
}

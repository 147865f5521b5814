/**
 * The monotonic state of one purchase (docs/midtrans-contract.md §5.5; the words in docs/sheets.md "What each status means"). A record is the join of every
 * notification seen for the purchase, so delivery order and duplicates cannot change the outcome: a
 * late `pending` never lowers `paid`, and the one documented way back (a `settlement` reversed by
 * `deny` on Permata VA, Mandiri Bill or Indomaret) is a flag both orders agree on.
 */
import { PURCHASE_STATES, type Interpretation, type PurchaseState } from './interpret-notification';

const RANK: Record<PurchaseState, number> = {
  pending: 1,
  review: 2,
  expired: 3,
  // A deny on a Snap/PL page is not final (the customer can retry), so a later or earlier
  // settlement of the same purchase outranks it.
  failed: 4,
  paid: 5,
  partially_refunded: 6,
  refunded: 7,
  chargeback: 8,
};

/**
 * The states that mean money went back (refund, partial refund, chargeback): exactly those ranked
 * above paid, which is also why a forged one would stick (nothing outranks it back to paid).
 */
export const REVERSAL_STATES: readonly PurchaseState[] = PURCHASE_STATES.filter((s) => RANK[s] > RANK.paid);

export function isReversalState(state: PurchaseState): boolean {
  return REVERSAL_STATES.includes(state);
}

export interface PurchaseRecord {
  transactionId: string;
  orderId: string;
  /** The highest-ranked state any notification reported. */
  top: PurchaseState;
  /** A paid notification has been seen. */
  settled: boolean;
  /** A deny on a reversal channel has been seen. */
  reversalDeny: boolean;
  /** What arrived (`gross_amount`): under Automatic Fee Imposition the fee is in it. */
  amount: number;
  paymentType: string;
  /** The earliest time a paid notification reported, '' when none. */
  paidAt: string;
  /** The invoice's share of `amount` (amount-breakdown.ts); absent in records stored before it existed. */
  invoiceAmount?: number;
  /** The fee the customer paid on top; absent when no source has said (a GET lists no fee). */
  customerFee?: number;
}

/** The invoice money of a purchase: its invoice amount when known, else all of what arrived. */
export function invoiceMoneyOf(r: PurchaseRecord): number {
  return r.invoiceAmount ?? r.amount;
}

export function recordOf(n: Interpretation): PurchaseRecord {
  return {
    transactionId: n.transactionId,
    orderId: n.orderId,
    top: n.state,
    settled: n.paid,
    reversalDeny: n.reversalChannel,
    amount: n.amount,
    paymentType: n.paymentType,
    paidAt: n.paid ? n.time : '',
    invoiceAmount: n.invoiceAmount,
    customerFee: n.customerFee,
  };
}

/** Whether the purchase ended reversed: settled, then denied on a channel that documents it. */
export function isReversed(r: PurchaseRecord): boolean {
  return r.settled && r.reversalDeny && RANK[r.top] <= RANK.paid;
}

/** The state to show: the top state, except that a documented reversal means not paid. */
export function effectiveState(r: PurchaseRecord): PurchaseState {
  return isReversed(r) ? 'failed' : r.top;
}

function earliest(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/**
 * GET lists a purchase by its order id only, so a real transaction id wins over that. Between two real
 * ones the higher-ranked record's wins: a money state is recorded only once Midtrans confirmed it
 * (status-confirmation.ts), while a lower notification's `transaction_id` is unsigned and could name
 * anything of the right shape. Equal ranks take the smaller, so the merge stays commutative.
 */
function transactionIdOf(a: PurchaseRecord, b: PurchaseRecord, lead: PurchaseRecord | undefined): string {
  const real = (t: string) => t !== '' && t !== a.orderId;
  if (lead && real(lead.transactionId)) return lead.transactionId;
  return [a.transactionId, b.transactionId].filter(real).sort()[0] ?? a.transactionId;
}

/** Commutative, associative and idempotent, so any order of the same notifications ends the same. */
export function mergePurchase(a: PurchaseRecord, b: PurchaseRecord): PurchaseRecord {
  const ra = RANK[a.top];
  const rb = RANK[b.top];
  const lead = ra > rb ? a : rb > ra ? b : a.paymentType <= b.paymentType ? a : b;
  return {
    transactionId: transactionIdOf(a, b, ra === rb ? undefined : lead),
    orderId: a.orderId,
    top: lead.top,
    settled: a.settled || b.settled,
    reversalDeny: a.reversalDeny || b.reversalDeny,
    amount: Math.max(a.amount, b.amount),
    paymentType: lead.paymentType || (lead === a ? b : a).paymentType,
    paidAt: earliest(a.paidAt, b.paidAt),
    ...mergeSplit(a, b),
  };
}

/**
 * The fee split from the record that knows the fee (a notification or status answer), the larger
 * amount first; a GET knows only the link's amount. Order-free, like the rest of the merge.
 */
function mergeSplit(a: PurchaseRecord, b: PurchaseRecord): Pick<PurchaseRecord, 'invoiceAmount' | 'customerFee'> {
  const withFee = [a, b]
    .filter((r) => r.customerFee !== undefined)
    .sort(
      (x, y) => y.amount - x.amount || (x.invoiceAmount ?? 0) - (y.invoiceAmount ?? 0) || (x.customerFee ?? 0) - (y.customerFee ?? 0),
    )[0];
  if (withFee) return { invoiceAmount: withFee.invoiceAmount, customerFee: withFee.customerFee };
  const known = [a.invoiceAmount, b.invoiceAmount].filter((v): v is number => v !== undefined);
  return known.length ? { invoiceAmount: Math.min(...known) } : {};
}

export function samePurchaseRecord(a: PurchaseRecord, b: PurchaseRecord): boolean {
  return (
    a.transactionId === b.transactionId &&
    a.top === b.top &&
    a.settled === b.settled &&
    a.reversalDeny === b.reversalDeny &&
    a.amount === b.amount &&
    a.paymentType === b.paymentType &&
    a.paidAt === b.paidAt &&
    a.orderId === b.orderId &&
    a.invoiceAmount === b.invoiceAmount &&
    a.customerFee === b.customerFee
  );
}

export type ApplyOutcome = 'new' | 'advanced' | 'reversal' | 'unchanged';

/**
 * Folds one interpreted notification into a link's purchases (keyed by transaction id) and says what
 * happened, so a receiver can log a reversal and skip writing when nothing changed.
 */
export function applyNotification(
  purchases: Record<string, PurchaseRecord>,
  n: Interpretation,
): { purchases: Record<string, PurchaseRecord>; outcome: ApplyOutcome } {
  const incoming = recordOf(n);
  const before = purchases[n.transactionId];
  if (!before) return { purchases: { ...purchases, [n.transactionId]: incoming }, outcome: 'new' };
  const after = mergePurchase(before, incoming);
  if (samePurchaseRecord(before, after)) return { purchases, outcome: 'unchanged' };
  const outcome: ApplyOutcome = !isReversed(before) && isReversed(after) ? 'reversal' : 'advanced';
  return { purchases: { ...purchases, [n.transactionId]: after }, outcome };
}

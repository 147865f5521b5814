/**
 * The collection summary a finance person reads (issue 14.3): invoices and amounts by status, what
 * was collected, what is still outstanding, what expired unpaid, and payments per day. Pure: the
 * front end gives each invoice's amount and stored state, and the purchases.
 */
import { STATUS_WORDS, type LinkSummary, type StatusWord } from './link-summary';
import { effectiveState, invoiceMoneyOf, type PurchaseRecord } from './purchase-record';

export interface InvoiceFigure {
  orderId: string;
  /** The invoice's amount (a ticket link: the price of one ticket). */
  amount: number;
  summary: LinkSummary;
}

export interface CollectionSummary {
  byStatus: { status: StatusWord; invoices: number; amount: number }[];
  /** Paid (and partially refunded) purchases' amounts [inferred: a partial refund's amount is not in GET, so the gross counts]. */
  collected: number;
  /** Payment fees customers paid on top of collected invoices (Automatic Fee Imposition): not invoice money. */
  customerFees: number;
  /** What arrived for those payments: collected plus the customers' fees. */
  grossReceived: number;
  refunded: number;
  /** Single-use invoices not paid whose link can still be paid. */
  outstanding: number;
  outstandingInvoices: number;
  /** Single-use invoices whose link expired (or was deactivated) unpaid. */
  expiredUnpaid: number;
  expiredUnpaidInvoices: number;
  /** Paid purchases per day of payment (Midtrans's GMT+7 date), oldest first. */
  perDay: { day: string; payments: number; amount: number }[];
}

const COLLECTED = new Set(['paid', 'partially_refunded']);
const REFUNDED = new Set(['refunded', 'chargeback']);
const UNPAID = new Set<StatusWord>(['Link created', 'Pending', 'Under review', 'Failed', 'Expired']);

export function collectionSummary(invoices: readonly InvoiceFigure[], purchases: readonly PurchaseRecord[]): CollectionSummary {
  const byStatus = new Map<StatusWord, { invoices: number; amount: number }>();
  let outstanding = 0;
  let outstandingInvoices = 0;
  let expiredUnpaid = 0;
  let expiredUnpaidInvoices = 0;
  for (const inv of invoices) {
    const s = inv.summary;
    const b = byStatus.get(s.word) ?? { invoices: 0, amount: 0 };
    b.invoices++;
    b.amount += s.usageLimit > 1 ? inv.amount * s.paidCount : inv.amount;
    byStatus.set(s.word, b);
    // A ticket link is not owed by anyone: it is neither outstanding nor expired unpaid.
    if (s.usageLimit > 1 || s.paidCount > 0 || (!UNPAID.has(s.word) && s.word !== 'Deactivated')) continue;
    if (s.expired || s.deleted) {
      expiredUnpaid += inv.amount;
      expiredUnpaidInvoices++;
    } else if (s.word !== 'Deactivated') {
      outstanding += inv.amount;
      outstandingInvoices++;
    }
  }
  let collected = 0;
  let customerFees = 0;
  let grossReceived = 0;
  let refunded = 0;
  const days = new Map<string, { payments: number; amount: number }>();
  for (const p of purchases) {
    const state = effectiveState(p);
    if (REFUNDED.has(state)) refunded += p.amount;
    if (!COLLECTED.has(state)) continue;
    // Invoice money only: a fee the customer paid on top is not collected on the invoice.
    const invoiceMoney = invoiceMoneyOf(p);
    collected += invoiceMoney;
    customerFees += p.customerFee ?? 0;
    grossReceived += p.amount;
    const day = /^\d{4}-\d{2}-\d{2}/.exec(p.paidAt)?.[0];
    if (!day) continue;
    const d = days.get(day) ?? { payments: 0, amount: 0 };
    d.payments++;
    d.amount += invoiceMoney;
    days.set(day, d);
  }
  return {
    byStatus: STATUS_WORDS.filter((w) => byStatus.has(w)).map((w) => ({
      status: w,
      ...(byStatus.get(w) as { invoices: number; amount: number }),
    })),
    collected,
    customerFees,
    grossReceived,
    refunded,
    outstanding,
    outstandingInvoices,
    expiredUnpaid,
    expiredUnpaidInvoices,
    perDay: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, d]) => ({ day, ...d })),
  };
}

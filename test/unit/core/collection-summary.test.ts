/** The collection summary rule (issue 14.3) on plain data. */
import { collectionSummary, summarisePurchases, type LinkLife, type PurchaseRecord, type PurchaseState } from '../../../core/src';

function p(id: string, top: PurchaseState, amount: number, paidAt = ''): PurchaseRecord {
  const settled = ['paid', 'partially_refunded', 'refunded', 'chargeback'].includes(top);
  return { transactionId: id, orderId: id, top, settled, reversalDeny: false, amount, paymentType: 'qris', paidAt };
}
const inv = (orderId: string, amount: number, purchases: PurchaseRecord[], life: LinkLife = { usageLimit: 1 }) => ({
  orderId,
  amount,
  summary: summarisePurchases(purchases, life),
});

test('totals by status, collected, refunded, outstanding, expired unpaid and per day', () => {
  const paid = p('A-1', 'paid', 1000, '2026-11-27 09:00:00');
  const refunded = p('B-1', 'refunded', 2000, '2026-11-27 10:00:00');
  const tickets = [p('T-1', 'paid', 50, '2026-11-28 08:00:00'), p('T-2', 'paid', 50, '2026-11-27 23:59:59'), p('T-3', 'pending', 50)];
  const s = collectionSummary(
    [
      inv('A', 1000, [paid]),
      inv('B', 2000, [refunded]),
      inv('C', 3000, []),
      inv('D', 4000, [], { usageLimit: 1, expired: true }),
      inv('E', 5000, [], { usageLimit: 1, deleted: true }),
      inv('F', 6000, [p('F-1', 'pending', 6000)]),
      inv('T', 50, tickets, { usageLimit: 10 }),
    ],
    [paid, refunded, ...tickets],
  );
  expect(s.byStatus).toEqual([
    { status: 'Link created', invoices: 1, amount: 3000 },
    { status: 'Pending', invoices: 1, amount: 6000 },
    { status: 'Paid', invoices: 2, amount: 1000 + 2 * 50 },
    { status: 'Expired', invoices: 1, amount: 4000 },
    { status: 'Refunded', invoices: 1, amount: 2000 },
    { status: 'Deactivated', invoices: 1, amount: 5000 },
  ]);
  expect(s).toMatchObject({
    collected: 1100,
    refunded: 2000,
    outstanding: 9000,
    outstandingInvoices: 2,
    expiredUnpaid: 9000,
    expiredUnpaidInvoices: 2,
  });
  expect(s.perDay).toEqual([
    { day: '2026-11-27', payments: 2, amount: 1050 },
    { day: '2026-11-28', payments: 1, amount: 50 },
  ]);
});

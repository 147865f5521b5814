/**
 * What real Midtrans traffic showed (issue 24), on bodies shaped like the real ones: a shop's own order
 * ids ending in 13 digits are not claimed for a link without evidence, and Automatic Fee Imposition's
 * split (Midtrans/midtrans-php issue #118) separates invoice money from the customer's fee.
 */
import {
  amountBreakdown,
  candidateLinkOrderId,
  claimFromBody,
  claimWithListing,
  collectionSummary,
  interpretNotification,
  linkOrderIdFromTransaction,
  mergePurchase,
  paymentEntry,
  recordOf,
  summariseLink,
  summarisePurchases,
  type PaymentLink,
  type PurchaseRecord,
} from '../../../core/src';

/** A real Snap notification's shape (order id from public traffic; other values of the documented kind). */
const shopSettlement = (orderId: string, extra: Record<string, unknown> = {}) => ({
  transaction_time: '2025-12-17 23:55:47',
  transaction_status: 'settlement',
  transaction_id: '0c6f2a7e-1a55-4d8f-9f0f-3d1d2c0e9b11',
  status_message: 'midtrans payment notification',
  status_code: '200',
  signature_key: 'x',
  settlement_time: '2025-12-17 23:56:01',
  payment_type: 'qris',
  order_id: orderId,
  merchant_id: 'G000000001',
  gross_amount: '150000.00',
  fraud_status: 'accept',
  currency: 'IDR',
  ...extra,
});

const linkAnswer = (orderId: string, purchaseIds: string[]): PaymentLink => ({
  order_id: orderId,
  gross_amount: 150000,
  usage_limit: 1,
  purchases: purchaseIds.map((id, i) => ({ id: i + 1, order_id: id, payment_status: 'SETTLEMENT', payment_method: 'QRIS' })),
});

describe('a tail of 13 digits is not proof of a link', () => {
  test.each(['ORDER-26-1765990547301', 'RAB-68e4edfdb754d89f3fcfe571-1759851491516'])(
    '%s is a candidate only: the body alone claims no link',
    (orderId) => {
      expect(candidateLinkOrderId(orderId)).toBe(orderId.slice(0, -14));
      expect(claimFromBody(shopSettlement(orderId))).toEqual({ linkOrderId: '', source: 'none', candidate: orderId.slice(0, -14) });
    },
  );

  test('the GET of ORDER-26 does not list the shop transaction: still unclaimed', () => {
    expect(claimWithListing(shopSettlement('ORDER-26-1765990547301'), linkAnswer('ORDER-26', ['ORDER-26-1765990000000'])).linkOrderId).toBe(
      '',
    );
    expect(claimWithListing(shopSettlement('ORDER-26-1765990547301'), undefined).linkOrderId).toBe('');
  });

  test("the link's own purchase is claimed by Midtrans's listing, or by custom_field1 naming the same link", () => {
    expect(claimWithListing(shopSettlement('INV-7-1765990547301'), linkAnswer('INV-7', ['INV-7-1765990547301']))).toEqual({
      linkOrderId: 'INV-7',
      source: 'payment_link',
      candidate: 'INV-7',
    });
    expect(claimFromBody(shopSettlement('INV-7-1765990547301', { custom_field1: 'INV-7' }))).toEqual({
      linkOrderId: 'INV-7',
      source: 'custom_field1',
      candidate: 'INV-7',
    });
  });

  test('custom_field1 cannot point a payment at a link its signed order id does not fit', () => {
    expect(claimFromBody(shopSettlement('ORDER-26-1765990547301', { custom_field1: 'INV-7' })).linkOrderId).toBe('');
    expect(claimFromBody(shopSettlement('INV-7', { custom_field1: 'INV-7' })).linkOrderId).toBe('');
  });

  test('linkOrderIdFromTransaction only cuts the tail (its comment no longer calls the result the link)', () => {
    expect(linkOrderIdFromTransaction('ORDER-26-1765990547301')).toBe('ORDER-26');
    expect(linkOrderIdFromTransaction('ORDER-26')).toBe('ORDER-26');
  });
});

describe('Automatic Fee Imposition: the split of a fee-inclusive gross', () => {
  /** The metadata exactly as Midtrans/midtrans-php issue #118 quotes it. */
  const metadata = {
    extra_info: { gross_amount_info: { original_amount: '10000', gross_amount: '10071', customer_imposed_payment_fee: '71' } },
  };
  const feeBody = { ...shopSettlement('INV-9-1765990547301', { custom_field1: 'INV-9' }), gross_amount: '10071.00', metadata };

  test('the invoice amount and the fee come from gross_amount_info when they add up to the signed gross', () => {
    expect(amountBreakdown(feeBody, 10071)).toEqual({ gross: 10071, invoiceAmount: 10000, customerFee: 71, source: 'gross_amount_info' });
    const read = interpretNotification(feeBody);
    expect(read.ok && [read.value.amount, read.value.invoiceAmount, read.value.customerFee]).toEqual([10071, 10000, 71]);
  });

  test('a split that does not add up to the signed gross is ignored (metadata is not signed): all of it counts as invoice money', () => {
    const forged = {
      ...feeBody,
      metadata: {
        extra_info: { gross_amount_info: { original_amount: '5000', gross_amount: '10071', customer_imposed_payment_fee: '71' } },
      },
    };
    expect(amountBreakdown(forged, 10071)).toMatchObject({ invoiceAmount: 10071, customerFee: 0, source: 'gross_amount' });
    expect(amountBreakdown({ metadata: 'x' }, 500)).toMatchObject({ invoiceAmount: 500, customerFee: 0 });
  });

  test('collected counts invoice money; the fee and the gross received are reported beside it', () => {
    const read = interpretNotification(feeBody);
    if (!read.ok) throw new Error(read.problem);
    const record = recordOf(read.value);
    const s = collectionSummary([{ orderId: 'INV-9', amount: 10000, summary: summarisePurchases([record], { usageLimit: 1 }) }], [record]);
    expect([s.collected, s.customerFees, s.grossReceived]).toEqual([10000, 71, 10071]);
    expect(s.perDay[0].amount).toBe(10000);
    expect(paymentEntry('INV-9', record)).toMatchObject({ amount: 10071, invoiceAmount: 10000, customerFee: 71 });
  });

  test("a GET of the link (no fee known) merged with the notification keeps the notification's split, in either order", () => {
    const read = interpretNotification(feeBody);
    if (!read.ok) throw new Error(read.problem);
    const fromNotification = recordOf(read.value);
    const fromGet: PurchaseRecord = {
      ...fromNotification,
      transactionId: fromNotification.orderId,
      amount: 10000,
      invoiceAmount: 10000,
      customerFee: undefined,
    };
    const a = mergePurchase(fromNotification, fromGet);
    const b = mergePurchase(fromGet, fromNotification);
    expect(a).toEqual(b);
    expect([a.amount, a.invoiceAmount, a.customerFee]).toEqual([10071, 10000, 71]);
  });
});

describe('last_snap_transaction_status (GET /v1/payment-links, read by five public clients) as a cross-check', () => {
  const expiredLink = (extra: Partial<PaymentLink>): PaymentLink => ({
    order_id: 'LS-1',
    gross_amount: 150000,
    usage_limit: 1,
    expiry_start: '2026-01-01 10:00 +0700',
    expiry_duration: 1,
    expiry_unit: 'days',
    purchases: [],
    ...extra,
  });
  const later = Date.UTC(2026, 5, 1);

  test('"SETTLEMENT" with an empty purchases[]: not concluded expired, and the Note says a payment is not listed yet', () => {
    const s = summariseLink(expiredLink({ last_snap_transaction_status: 'SETTLEMENT' }), later);
    expect(s.unlistedSettlement).toBe(true);
    expect(s.expired).toBe(false);
    expect(s.word).toBe('Link created');
    expect(s.note).toMatch(/last payment as settled/);
  });

  test('"SETTLEMENT" with the purchase listed as paid, or "EXPIRE", adds nothing: purchases[] decides', () => {
    const listed = summariseLink(
      expiredLink({
        last_snap_transaction_status: 'SETTLEMENT',
        purchases: [{ order_id: 'LS-1-1765990547301', payment_status: 'SETTLEMENT' }],
      }),
      later,
    );
    expect([listed.unlistedSettlement, listed.word]).toEqual([false, 'Paid']);
    const expired = summariseLink(expiredLink({ last_snap_transaction_status: 'EXPIRE' }), later);
    expect([expired.unlistedSettlement, expired.word, expired.note]).toEqual([false, 'Expired', '']);
  });

  test('a lagging list (the purchase still PENDING) with "SETTLEMENT" is flagged too', () => {
    const s = summariseLink(
      expiredLink({
        last_snap_transaction_status: 'SETTLEMENT',
        purchases: [{ order_id: 'LS-1-1765990547301', payment_status: 'PENDING' }],
      }),
      later,
    );
    expect(s.unlistedSettlement).toBe(true);
    expect(s.word).toBe('Pending');
  });
});

import { randomBytes } from 'crypto';
import { buildCreateRequest, validateCreateRequest, PAYMENT_LINK_ID_PATTERN } from '../../../core/src';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('buildCreateRequest', () => {
  test('a simple invoice becomes a valid request with an unguessable link id and usage_limit 1', () => {
    const r = buildCreateRequest(
      { orderId: 'INV-1', amount: 150000, customer: { firstName: 'Siti', email: 'siti@example.id' }, title: 'Invoice 1' },
      random,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(validateCreateRequest(r.request)).toEqual([]);
    expect(r.request).toMatchObject({
      transaction_details: { order_id: 'INV-1', gross_amount: 150000 },
      usage_limit: 1,
      title: 'Invoice 1',
      customer_details: { first_name: 'Siti', email: 'siti@example.id' },
    });
    expect(r.request.transaction_details.payment_link_id).toMatch(PAYMENT_LINK_ID_PATTERN);
  });

  test('two builds of the same invoice get different generated link ids', () => {
    const a = buildCreateRequest({ orderId: 'A', amount: 1 }, random);
    const b = buildCreateRequest({ orderId: 'A', amount: 1 }, random);
    expect(a.ok && b.ok && a.request.transaction_details.payment_link_id !== b.request.transaction_details.payment_link_id).toBe(true);
  });

  test('every option maps to its documented field', () => {
    const r = buildCreateRequest(
      {
        orderId: 'T-1',
        items: [
          { name: 'Ticket', price: 100000, quantity: 2, merchantName: 'PT Konser' },
          { name: 'Promo', price: -20000, quantity: 1 },
        ],
        customer: { phone: '+628123456789', requiredFields: ['email', 'phone'], notes: 'See you there' },
        expiry: { duration: 7, unit: 'day', startTime: '2026-12-01 18:00 +0700' },
        usageLimit: 500,
        paymentMethods: ['bca_va', 'gopay'],
        paymentLinkId: 'konser-vip-2026',
        customFields: ['a', undefined, 'c'],
        finishUrl: 'https://shop.example.id/thanks',
        creditCard: { secure: true, bank: 'bni', allowedBins: ['4811'], installment: { required: false, terms: { bni: [3, 6] } } },
        vaNumbers: { bca: '12345678901' },
      },
      random,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.request).toEqual({
      transaction_details: { order_id: 'T-1', gross_amount: 180000, payment_link_id: 'konser-vip-2026' },
      usage_limit: 500,
      item_details: [
        { name: 'Ticket', price: 100000, quantity: 2, merchant_name: 'PT Konser' },
        { name: 'Promo', price: -20000, quantity: 1 },
      ],
      customer_details: { phone: '+628123456789', notes: 'See you there', customer_details_required_fields: ['email', 'phone'] },
      customer_required: true,
      expiry: { duration: 7, unit: 'day', start_time: '2026-12-01 18:00 +0700' },
      enabled_payments: ['bca_va', 'gopay'],
      custom_field1: 'a',
      custom_field3: 'c',
      callbacks: { finish: 'https://shop.example.id/thanks' },
      credit_card: { secure: true, bank: 'bni', whitelist_bins: ['4811'], installment: { required: false, terms: { bni: [3, 6] } } },
      bca_va: { va_number: '12345678901' },
    });
  });

  test('dynamic amount drops gross and items and sets the type', () => {
    const r = buildCreateRequest({ orderId: 'D', dynamicAmount: { min: 10000, max: 500000, preset: 50000 } }, random);
    expect(r.ok && r.request).toMatchObject({
      payment_link_type: 'DYNAMIC_AMOUNT',
      dynamic_amount: { min_amount: 10000, max_amount: 500000, preset_amount: 50000 },
    });
    expect(r.ok && r.request.transaction_details.gross_amount).toBeUndefined();
  });

  test('problems are named by the invoice field the user filled in', () => {
    const r = buildCreateRequest(
      {
        orderId: 'bad id',
        amount: 12.5,
        customer: { email: 'e'.repeat(51) },
        items: [{ name: 'n'.repeat(51), price: 1, quantity: 1 }],
        usageLimit: 1_000_001,
        paymentMethods: [7 as never],
        expiry: { duration: 1, unit: 'week' as never },
        finishUrl: 'x',
        vaNumbers: { bni: '123456789' },
        dynamicAmount: undefined,
      },
      random,
    );
    expect(r.ok).toBe(false);
    const paths = !r.ok ? r.problems.map((p) => p.path) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'orderId',
        'amount',
        'customer.email',
        'items[0].name',
        'usageLimit',
        'paymentMethods[0]',
        'expiry.unit',
        'finishUrl',
        'vaNumbers.bni',
      ]),
    );
    if (!r.ok) for (const p of r.problems) expect(p.message.startsWith(p.path)).toBe(true);
  });

  test('inferred rules warn by invoice field and the link is still built; a numeric item id and a repeated method are normalised', () => {
    const r = buildCreateRequest(
      {
        orderId: 'INV-1',
        customer: { email: 'nope' },
        items: [{ id: 7 as never, name: 'Pillow', price: 1000, quantity: 1 }],
        paymentMethods: ['qris', 'gopay', 'gopay'],
      },
      random,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.path)).toEqual(['items[0].id', 'customer.email', 'paymentMethods[0]', 'paymentMethods[2]']);
    expect(r.request.item_details?.[0].id).toBe('7');
    expect(r.request.enabled_payments).toEqual(['qris', 'gopay']);
  });

  test('no amount and no items asks for one', () => {
    const r = buildCreateRequest({ orderId: 'X' }, random);
    expect(!r.ok && r.problems[0]).toMatchObject({ path: 'amount', message: expect.stringMatching(/amount is required/) });
  });

  test('amount given with items must match their total', () => {
    const r = buildCreateRequest({ orderId: 'X', amount: 5, items: [{ name: 'a', price: 2, quantity: 2 }] }, random);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(['amount']);
  });
});

describe('inputs that are not what the types say never throw (regression, issue 8 fuzzing)', () => {
  test('an item price that cannot become a number (a null-prototype object) is a problem named by the item, not a TypeError', () => {
    const price = Object.create(null) as unknown as number;
    const r = buildCreateRequest({ orderId: 'X', items: [{ name: 'a', price, quantity: 2 }] }, random);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('items[0].price');
  });

  test('items that are not a list are a problem, not a TypeError', () => {
    const r = buildCreateRequest({ orderId: 'X', items: 'three coffees' as never }, random);
    expect(r.ok).toBe(false);
  });
});

import fc from 'fast-check';
import { createRequestWarnings, validateCreateRequest } from '../../../core/src';
import { REFERENCE_REQUEST } from '../../fixtures/reference-request';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const paths = (body: unknown) => validateCreateRequest(body).map((i) => i.path);
/** What an inferred rule finds: sent anyway, with this warning (core/src/request-policy.ts). */
const warned = (body: unknown) => createRequestWarnings(body).map((i) => i.path);

/** A fixed-amount request that passes every rule. */
function minimal(): Record<string, any> {
  return { transaction_details: { order_id: 'INV-1', gross_amount: 150000 }, usage_limit: 1 };
}

describe('validateCreateRequest', () => {
  test('accepts the docs/midtrans-contract.md §2.1 sample verbatim (DYNAMIC_AMOUNT with fixed values present)', () => {
    expect(validateCreateRequest(REFERENCE_REQUEST)).toEqual([]);
  });

  test('accepts the same sample as FIXED_AMOUNT because 2 × 95,000 = 190,000', () => {
    const body = clone(REFERENCE_REQUEST) as Record<string, unknown>;
    delete body.payment_link_type;
    delete body.dynamic_amount;
    expect(validateCreateRequest(body)).toEqual([]);
  });

  test('rejects anything that is not an object, without throwing', () => {
    for (const v of [null, undefined, 1, 'x', [], true]) expect(paths(v)).toEqual(['']);
  });

  test('requires transaction_details, order_id and (for FIXED) gross_amount', () => {
    expect(paths({})).toContain('transaction_details');
    expect(paths({ transaction_details: {} })).toEqual(
      expect.arrayContaining(['transaction_details.order_id', 'transaction_details.gross_amount']),
    );
  });

  test.each([
    ['INV 7', 'space'],
    ['INV/7', 'slash'],
    ['a'.repeat(51), '51 characters'],
    ['', 'empty'],
    ['ÍNV', 'non-ASCII'],
  ])('order_id %j is rejected (%s)', (orderId) => {
    const body = minimal();
    body.transaction_details.order_id = orderId;
    expect(paths(body)).toEqual(['transaction_details.order_id']);
  });

  test.each(['A-b_c~d.e', 'a'.repeat(50), '0'])('order_id %j is accepted', (orderId) => {
    const body = minimal();
    body.transaction_details.order_id = orderId;
    expect(validateCreateRequest(body)).toEqual([]);
  });

  test.each(['Upper', 'has_underscore', 'dot.ted', 'a'.repeat(51), ''])('payment_link_id %j is rejected', (id) => {
    const body = minimal();
    body.transaction_details.payment_link_id = id;
    expect(paths(body)).toEqual(['transaction_details.payment_link_id']);
  });

  test.each([[12.5], ['150000'], [Number.NaN], [2 ** 53]])(
    'gross_amount %p is rejected (not a whole number, or not sendable exactly)',
    (gross) => {
      const body = minimal();
      body.transaction_details.gross_amount = gross;
      expect(paths(body)).toEqual(['transaction_details.gross_amount']);
    },
  );

  test.each([[0], [-5]])('gross_amount %p is sent with a warning: the minimum is our reading, not the docs', (gross) => {
    const body = minimal();
    body.transaction_details.gross_amount = gross;
    expect(paths(body)).toEqual([]);
    expect(warned(body)).toEqual(['transaction_details.gross_amount']);
  });

  test('gross_amount must equal Σ price × quantity, discount lines included', () => {
    const body = minimal();
    body.item_details = [
      { name: 'Ticket', price: 100000, quantity: 2 },
      { name: 'Discount', price: -50000, quantity: 1 },
    ];
    body.transaction_details.gross_amount = 150000;
    expect(validateCreateRequest(body)).toEqual([]);
    body.transaction_details.gross_amount = 200000;
    const issues = validateCreateRequest(body);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('transaction_details.gross_amount');
    expect(issues[0].message).toMatch(/sum of item price × quantity \(150000\)/);
  });

  test('DYNAMIC_AMOUNT ignores items and gross; min ≤ preset ≤ max only warns (the docs state no relation)', () => {
    const body = {
      transaction_details: { order_id: 'D-1' },
      payment_link_type: 'DYNAMIC_AMOUNT',
      item_details: [{ name: 'x', price: 1, quantity: 1 }],
    };
    expect(validateCreateRequest(body)).toEqual([]);
    expect(paths({ ...body, dynamic_amount: { min_amount: 10, max_amount: 5 } })).toEqual([]);
    expect(warned({ ...body, dynamic_amount: { min_amount: 10, max_amount: 5 } })).toEqual(['dynamic_amount.min_amount']);
    expect(warned({ ...body, dynamic_amount: { min_amount: 10, preset_amount: 5 } })).toEqual(['dynamic_amount.preset_amount']);
    expect(warned({ ...body, dynamic_amount: { max_amount: 10, preset_amount: 11 } })).toEqual(['dynamic_amount.preset_amount']);
    expect(paths({ ...body, dynamic_amount: { min_amount: 1.5 } })).toEqual(['dynamic_amount.min_amount']);
  });

  test('item rules: name required ≤ 50; integer price; quantity ≥ 1; brand/category/merchant_name ≤ 50', () => {
    const body = minimal();
    body.transaction_details.gross_amount = 1;
    body.item_details = [{ price: 1, quantity: 1 }];
    expect(paths(body)).toEqual(['item_details[0].name']);
    body.item_details = [{ name: 'n'.repeat(51), price: 1, quantity: 1 }];
    expect(paths(body)).toEqual(['item_details[0].name']);
    body.item_details = [{ name: 'n', price: 1, quantity: 0 }];
    expect(paths(body)).toEqual(['item_details[0].quantity']);
    body.item_details = [{ name: 'n', price: 0.5, quantity: 2 }];
    expect(paths(body)).toEqual(['item_details[0].price']);
    for (const key of ['brand', 'category', 'merchant_name']) {
      body.item_details = [{ name: 'n', price: 1, quantity: 1, [key]: 'x'.repeat(51) }];
      expect(paths(body)).toEqual([`item_details[0].${key}`]);
    }
  });

  test('usage_limit is an integer up to 1,000,000 (documented); below 1 only warns', () => {
    for (const ok of [1, 500, 1_000_000]) expect(validateCreateRequest({ ...minimal(), usage_limit: ok })).toEqual([]);
    for (const bad of [1_000_001, 2.5, '3']) expect(paths({ ...minimal(), usage_limit: bad })).toEqual(['usage_limit']);
    expect(paths({ ...minimal(), usage_limit: 0 })).toEqual([]);
    expect(warned({ ...minimal(), usage_limit: 0 })).toEqual(['usage_limit']);
  });

  test('title is at most 40 characters (counted as characters, not UTF-16 units)', () => {
    expect(validateCreateRequest({ ...minimal(), title: 't'.repeat(40) })).toEqual([]);
    expect(validateCreateRequest({ ...minimal(), title: '🎟'.repeat(40) })).toEqual([]);
    expect(paths({ ...minimal(), title: 't'.repeat(41) })).toEqual(['title']);
  });

  test('expiry: duration and unit required, singular and plural units, start_time with or without seconds', () => {
    for (const unit of ['minute', 'minutes', 'hour', 'hours', 'day', 'days']) {
      expect(validateCreateRequest({ ...minimal(), expiry: { duration: 2, unit } })).toEqual([]);
    }
    expect(paths({ ...minimal(), expiry: { duration: 2, unit: 'week' } })).toEqual(['expiry.unit']);
    expect(paths({ ...minimal(), expiry: { unit: 'days' } })).toEqual(['expiry.duration']);
    expect(paths({ ...minimal(), expiry: { duration: 2 } })).toEqual(['expiry.unit']);
    expect(paths({ ...minimal(), expiry: { duration: 0, unit: 'days' } })).toEqual([]);
    expect(warned({ ...minimal(), expiry: { duration: 0, unit: 'days' } })).toEqual(['expiry.duration']);
    for (const ok of ['2026-12-01 18:00 +0700', '2026-12-01 18:00:30 +0700', '2026-12-01 00:00 -0330']) {
      expect(validateCreateRequest({ ...minimal(), expiry: { duration: 1, unit: 'day', start_time: ok } })).toEqual([]);
    }
    for (const bad of ['2026-12-01T18:00:00Z', '2026-02-30 18:00 +0700', '2026-12-01 24:00 +0700', '2026-12-01 18:00', 42]) {
      expect(paths({ ...minimal(), expiry: { duration: 1, unit: 'day', start_time: bad } })).toEqual(['expiry.start_time']);
    }
  });

  test('enabled_payments: known codes pass quietly; unknown and repeated ones are sent with a warning; an empty list is refused (harm)', () => {
    const known = ['bca_va', 'gopay', 'other_qris', 'bca_klikpay', 'seabank_va', 'saqu_va', 'dana', 'ovo', 'google_pay'];
    expect(validateCreateRequest({ ...minimal(), enabled_payments: known })).toEqual([]);
    expect(warned({ ...minimal(), enabled_payments: known })).toEqual([]);
    expect(paths({ ...minimal(), enabled_payments: ['bca-va', 'qris'] })).toEqual([]);
    expect(warned({ ...minimal(), enabled_payments: ['bca-va', 'qris'] })).toEqual(['enabled_payments[0]', 'enabled_payments[1]']);
    expect(warned({ ...minimal(), enabled_payments: ['gopay', 'gopay'] })).toEqual(['enabled_payments[1]']);
    expect(paths({ ...minimal(), enabled_payments: [3] })).toEqual(['enabled_payments[0]']);
    expect(paths({ ...minimal(), enabled_payments: [] })).toEqual(['enabled_payments']);
    expect(paths({ ...minimal(), enabled_payments: 'gopay' })).toEqual(['enabled_payments']);
  });

  test('customer_details: at least one of first_name/email/phone; lengths; email and phone shape; required-fields list', () => {
    const c = (customer_details: unknown) => paths({ ...minimal(), customer_details });
    expect(c({ last_name: 'Doe' })).toEqual(['customer_details']);
    expect(c({ email: 'a@b.co' })).toEqual([]);
    expect(c({ first_name: 'f'.repeat(51) })).toEqual(['customer_details.first_name']);
    expect(c({ email: 'not-an-email' })).toEqual([]);
    expect(warned({ ...minimal(), customer_details: { email: 'not-an-email' } })).toEqual(['customer_details.email']);
    expect(c({ email: `${'a'.repeat(45)}@b.com` })).toEqual(['customer_details.email']);
    expect(c({ phone: '+62 812-3456-7890' })).toEqual([]);
    expect(c({ phone: '0812abc' })).toEqual([]);
    expect(warned({ ...minimal(), customer_details: { phone: '0812abc' } })).toEqual(['customer_details.phone']);
    expect(c({ first_name: ' ' })).toEqual([]);
    expect(warned({ ...minimal(), customer_details: { first_name: ' ' } })).toEqual(['customer_details']);
    expect(c({ phone: '1'.repeat(21) })).toEqual(['customer_details.phone']);
    expect(c({ first_name: 'A', notes: 'n'.repeat(256) })).toEqual(['customer_details.notes']);
    expect(c({ first_name: 'A', customer_details_required_fields: ['email', 'address'] })).toEqual([
      'customer_details.customer_details_required_fields[1]',
    ]);
  });

  test('custom fields ≤ 255, callback URL shape', () => {
    expect(paths({ ...minimal(), custom_field2: 'x'.repeat(256) })).toEqual(['custom_field2']);
    expect(validateCreateRequest({ ...minimal(), callbacks: { finish: 'https://shop.example.id/thanks?o=1' } })).toEqual([]);
    for (const bad of ['shop.example.id/thanks', 'javascript:alert(1)', 'ftp://x.y/z', 'https://']) {
      expect(paths({ ...minimal(), callbacks: { finish: bad } })).toEqual(['callbacks.finish']);
    }
  });

  test('credit card options and custom VA numbers', () => {
    expect(
      validateCreateRequest({
        ...minimal(),
        credit_card: { secure: true, bank: 'bni', type: 'authorize', whitelist_bins: ['4811', 'mandiri'] },
      }),
    ).toEqual([]);
    expect(paths({ ...minimal(), credit_card: { secure: 'yes' } })).toEqual(['credit_card.secure']);
    expect(paths({ ...minimal(), credit_card: { bank: 'hsbc' } })).toEqual(['credit_card.bank']);
    expect(paths({ ...minimal(), credit_card: { whitelist_bins: ['123456789'] } })).toEqual([]);
    expect(warned({ ...minimal(), credit_card: { whitelist_bins: ['123456789'] } })).toEqual(['credit_card.whitelist_bins[0]']);
    expect(paths({ ...minimal(), credit_card: { whitelist_bins: [4811] } })).toEqual(['credit_card.whitelist_bins[0]']);
    expect(paths({ ...minimal(), credit_card: { installment: { terms: { bca: [3, 'six'] } } } })).toEqual([
      'credit_card.installment.terms.bca[1]',
    ]);
    expect(paths({ ...minimal(), credit_card: { installment: { terms: { hsbc: [3] } } } })).toEqual([]);
    expect(warned({ ...minimal(), credit_card: { installment: { terms: { hsbc: [3] } } } })).toEqual([
      'credit_card.installment.terms.hsbc',
    ]);
    expect(validateCreateRequest({ ...minimal(), bca_va: { va_number: '12345678901' } })).toEqual([]);
    expect(paths({ ...minimal(), bca_va: { va_number: '123456789012' } })).toEqual(['bca_va.va_number']);
    expect(paths({ ...minimal(), bni_va: { va_number: '123456789' } })).toEqual(['bni_va.va_number']);
    expect(paths({ ...minimal(), permata_va: { va_number: '12a' } })).toEqual([]);
    expect(warned({ ...minimal(), permata_va: { va_number: '12a' } })).toEqual(['permata_va.va_number']);
  });

  test('every message names its field and says what to fix', () => {
    const issues = validateCreateRequest({ transaction_details: { order_id: 'bad id', gross_amount: 1.5 }, title: 'x'.repeat(41) });
    for (const i of issues) {
      expect(i.message.startsWith(i.path)).toBe(true);
      expect(i.message.length).toBeGreaterThan(i.path.length + 10);
    }
  });
});

/** Random valid requests, each built so that every rule holds. */
const orderIdArb = fc.stringMatching(/^[A-Za-z0-9\-_~.]{1,50}$/);
const itemArb = fc.record({
  name: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== ''),
  price: fc.integer({ min: -100000, max: 10_000_000 }),
  quantity: fc.integer({ min: 1, max: 100 }),
});
const validRequestArb = fc
  .record({
    orderId: orderIdArb,
    items: fc.array(itemArb, { minLength: 0, maxLength: 5 }),
    extra: fc.integer({ min: 1, max: 1_000_000 }),
    usage: fc.integer({ min: 1, max: 1_000_000 }),
    title: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    unit: fc.constantFrom('minute', 'minutes', 'hour', 'hours', 'day', 'days'),
    duration: fc.integer({ min: 1, max: 10_000 }),
    payments: fc.subarray(['credit_card', 'bca_va', 'gopay', 'other_qris', 'indomaret'], { minLength: 1 }),
    email: fc.option(fc.constantFrom('a@b.co', 'john.doe@midtrans.com'), { nil: undefined }),
  })
  .map(({ orderId, items, extra, usage, title, unit, duration, payments, email }) => {
    const itemSum = items.reduce((s, i) => s + i.price * i.quantity, 0);
    // Pad with a positive line so the gross stays ≥ 1 whatever the discounts.
    const allItems = items.length ? [...items, { name: 'Balance', price: Math.max(1, 1 - itemSum) + extra, quantity: 1 }] : [];
    const gross = allItems.length ? allItems.reduce((s, i) => s + i.price * i.quantity, 0) : extra;
    const body: Record<string, any> = {
      transaction_details: { order_id: orderId, gross_amount: gross },
      usage_limit: usage,
      expiry: { duration, unit },
      enabled_payments: payments,
    };
    if (allItems.length) body.item_details = allItems;
    if (title !== undefined) body.title = title;
    if (email) body.customer_details = { email };
    return body;
  });

describe('validateCreateRequest properties', () => {
  test('random valid requests are accepted', () => {
    fc.assert(
      fc.property(validRequestArb, (body) => validateCreateRequest(body).length === 0),
      { numRuns: 300 },
    );
  });

  /** Each mutation breaks exactly one rule; the validator must report exactly that field. */
  const mutations: [string, (b: Record<string, any>) => void][] = [
    [
      'transaction_details.order_id',
      (b) => {
        b.transaction_details.order_id = `${b.transaction_details.order_id.slice(0, 40)} x`;
      },
    ],
    [
      'transaction_details.gross_amount',
      (b) => {
        b.transaction_details.gross_amount += 0.5;
      },
    ],
    [
      'transaction_details.payment_link_id',
      (b) => {
        b.transaction_details.payment_link_id = 'Has-Upper';
      },
    ],
    [
      'usage_limit',
      (b) => {
        b.usage_limit = 1_000_001;
      },
    ],
    [
      'expiry.unit',
      (b) => {
        b.expiry.unit = 'weeks';
      },
    ],
    [
      'expiry.duration',
      (b) => {
        b.expiry.duration = 1.5;
      },
    ],
    [
      'enabled_payments[0]',
      (b) => {
        b.enabled_payments[0] = 7;
      },
    ],
    [
      'title',
      (b) => {
        b.title = 'x'.repeat(41);
      },
    ],
    [
      'custom_field1',
      (b) => {
        b.custom_field1 = 'x'.repeat(256);
      },
    ],
    [
      'callbacks.finish',
      (b) => {
        b.callbacks = { finish: 'not a url' };
      },
    ],
  ];

  test("a single-rule mutation is rejected with that field's path", () => {
    fc.assert(
      fc.property(validRequestArb, fc.integer({ min: 0, max: mutations.length - 1 }), (body, k) => {
        const [path, mutate] = mutations[k];
        const mutated = clone(body);
        mutate(mutated);
        const found = paths(mutated);
        return found.length === 1 && found[0] === path;
      }),
      { numRuns: 400 },
    );
  });

  test('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => Array.isArray(validateCreateRequest(v))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.record({
          transaction_details: fc.anything(),
          item_details: fc.anything(),
          expiry: fc.anything(),
          customer_details: fc.anything(),
          credit_card: fc.anything(),
          dynamic_amount: fc.anything(),
        }),
        (v) => Array.isArray(validateCreateRequest(v)),
      ),
      { numRuns: 500 },
    );
  });
});

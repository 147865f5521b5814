import fc from 'fast-check';
import {
  applyNotification,
  effectiveState,
  interpretNotification,
  mergePurchase,
  midtransTime,
  purchaseStateOf,
  purchasesFromLink,
  recordOf,
  summariseLink,
  summarisePurchases,
  type Interpretation,
  type PurchaseRecord,
} from '../../../core/src';

function notification(status: string, extra: Record<string, unknown> = {}) {
  return {
    transaction_time: '2026-11-25 10:00:00',
    transaction_status: status,
    transaction_id: 'tx-1',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: 'INV-7-1764000000000',
    gross_amount: '150000.00',
    fraud_status: 'accept',
    ...extra,
  };
}

function interpreted(status: string, extra: Record<string, unknown> = {}): Interpretation {
  const r = interpretNotification(notification(status, extra));
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

describe('interpretNotification', () => {
  test('reads the link order id, amount as a number, state and paid flag', () => {
    const v = interpreted('settlement', { settlement_time: '2026-11-25 10:05:00' });
    expect(v).toMatchObject({
      linkOrderId: 'INV-7',
      orderId: 'INV-7-1764000000000',
      transactionId: 'tx-1',
      state: 'paid',
      paid: true,
      amount: 150000,
      paymentType: 'bank_transfer',
      time: '2026-11-25 10:05:00',
    });
  });

  test.each([
    ['settlement', undefined, 'paid'],
    ['capture', 'accept', 'paid'],
    ['capture', undefined, 'paid'],
    ['capture', 'challenge', 'review'],
    ['capture', 'deny', 'failed'],
    ['pending', 'accept', 'pending'],
    ['authorize', 'accept', 'pending'],
    ['deny', 'accept', 'failed'],
    ['cancel', 'accept', 'failed'],
    ['failure', undefined, 'failed'],
    ['expire', 'accept', 'expired'],
    ['refund', 'accept', 'refunded'],
    ['partial_refund', 'accept', 'partially_refunded'],
    ['chargeback', 'accept', 'chargeback'],
    ['partial_chargeback', 'accept', 'partially_refunded'],
  ])('%s with fraud %s → %s (docs/midtrans-contract.md §5.5)', (status, fraud, state) => {
    expect(purchaseStateOf(status, fraud)).toBe(state);
  });

  test('unknown status or missing fields are a problem, not a throw', () => {
    expect(interpretNotification(notification('teleported')).ok).toBe(false);
    expect(interpretNotification({}).ok).toBe(false);
    expect(interpretNotification(notification('settlement', { gross_amount: 'lots' })).ok).toBe(false);
    fc.assert(
      fc.property(fc.anything(), (v) => typeof interpretNotification(v).ok === 'boolean'),
      { numRuns: 500 },
    );
  });

  test('a deny is a reversal only on Permata VA, Mandiri Bill or Indomaret', () => {
    expect(interpreted('deny', { payment_type: 'bank_transfer', permata_va_number: '8562000' }).reversalChannel).toBe(true);
    expect(interpreted('deny', { payment_type: 'echannel' }).reversalChannel).toBe(true);
    expect(interpreted('deny', { payment_type: 'cstore', store: 'indomaret' }).reversalChannel).toBe(true);
    expect(interpreted('deny', { payment_type: 'cstore', store: 'alfamart' }).reversalChannel).toBe(false);
    expect(interpreted('deny', { payment_type: 'credit_card' }).reversalChannel).toBe(false);
  });
});

describe('purchase records are monotonic', () => {
  const fold = (events: Interpretation[]) =>
    events.reduce<Record<string, PurchaseRecord>>((acc, e) => applyNotification(acc, e).purchases, {});

  test('a late pending never overwrites paid; duplicates change nothing', () => {
    let state = fold([interpreted('settlement')]);
    const late = applyNotification(state, interpreted('pending'));
    expect(late.outcome).toBe('unchanged');
    expect(effectiveState(late.purchases['tx-1'])).toBe('paid');
    state = late.purchases;
    expect(applyNotification(state, interpreted('settlement')).outcome).toBe('unchanged');
  });

  test('the documented reversal (settlement → deny on Permata) is the one way back, and is reported', () => {
    const permata = { payment_type: 'bank_transfer', permata_va_number: '8562000' };
    const paid = fold([interpreted('pending', permata), interpreted('settlement', permata)]);
    const reversed = applyNotification(paid, interpreted('deny', permata));
    expect(reversed.outcome).toBe('reversal');
    expect(effectiveState(reversed.purchases['tx-1'])).toBe('failed');
  });

  test("a lower notification's transaction_id (unsigned) never replaces a paid record's, whichever comes first", () => {
    const paid = recordOf(interpreted('settlement', { transaction_id: 'tx-real' }));
    const late = recordOf(interpreted('pending', { transaction_id: '0-forged' }));
    expect(mergePurchase(paid, late).transactionId).toBe('tx-real');
    expect(mergePurchase(late, paid).transactionId).toBe('tx-real');
  });

  test('a card deny does not undo a settlement (deny is not final on PL pages)', () => {
    const s = fold([interpreted('settlement', { payment_type: 'credit_card' }), interpreted('deny', { payment_type: 'credit_card' })]);
    expect(effectiveState(s['tx-1'])).toBe('paid');
  });

  const statusArb = fc.constantFrom(
    ['pending', {}],
    ['settlement', {}],
    ['expire', {}],
    ['cancel', {}],
    ['deny', { payment_type: 'credit_card' }],
    ['deny', { payment_type: 'echannel' }],
    ['capture', { fraud_status: 'challenge' }],
    ['capture', { fraud_status: 'accept' }],
    ['refund', {}],
    ['partial_refund', {}],
    ['chargeback', {}],
  ) as fc.Arbitrary<[string, Record<string, unknown>]>;
  const eventArb = fc
    .tuple(statusArb, fc.constantFrom('tx-1', 'tx-2', 'tx-3'), fc.constantFrom('2026-11-25 10:00:00', '2026-11-25 11:00:00'))
    .map(([[status, extra], tx, time]) => interpreted(status, { ...extra, transaction_id: tx, transaction_time: time }));

  test("any permutation of a purchase's notifications, with duplicates, ends in the same state as in-order delivery", () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 12 }),
        fc.func(fc.integer()),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, key, dupIdx) => {
          const inOrder = fold(events);
          const withDuplicates = [...events, ...dupIdx.map((i) => events[i % events.length])];
          const shuffled = withDuplicates
            .map((e, i) => ({ e, k: key(i) }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.e);
          const other = fold(shuffled);
          return (
            JSON.stringify(inOrder, Object.keys(inOrder).sort()) !== undefined &&
            Object.keys(inOrder).sort().join() === Object.keys(other).sort().join() &&
            Object.keys(inOrder).every((tx) => JSON.stringify(inOrder[tx]) === JSON.stringify(other[tx]))
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('merge is commutative, associative and idempotent over every pair and triple of single-state records', () => {
    const records = ['pending', 'settlement', 'expire', 'cancel', 'refund', 'partial_refund', 'chargeback']
      .flatMap((s) => [recordOf(interpreted(s)), recordOf(interpreted(s, { payment_type: 'echannel' }))])
      .concat([
        recordOf(interpreted('deny', { payment_type: 'echannel' })),
        recordOf(interpreted('capture', { fraud_status: 'challenge' })),
      ]);
    const eq = (a: PurchaseRecord, b: PurchaseRecord) => JSON.stringify(a) === JSON.stringify(b);
    for (const a of records) {
      expect(eq(mergePurchase(a, a), a)).toBe(true);
      for (const b of records) {
        expect(eq(mergePurchase(a, b), mergePurchase(b, a))).toBe(true);
        for (const c of records) expect(eq(mergePurchase(mergePurchase(a, b), c), mergePurchase(a, mergePurchase(b, c)))).toBe(true);
      }
    }
  });
});

describe("row status from purchases and the link's life", () => {
  const rec = (status: string, tx: string, extra: Record<string, unknown> = {}) =>
    recordOf(interpreted(status, { transaction_id: tx, settlement_time: '2026-11-25 10:0' + tx.slice(-1) + ':00', ...extra }));

  test.each([
    [[], {}, 'Link created'],
    [[['pending', 'a']], {}, 'Pending'],
    [[['settlement', 'a']], {}, 'Paid'],
    [[['capture', 'a', { fraud_status: 'challenge' }]], {}, 'Under review'],
    [[['deny', 'a', { payment_type: 'credit_card' }]], {}, 'Failed'],
    [[['expire', 'a']], {}, 'Expired'],
    [[], { expired: true }, 'Expired'],
    [[], { deleted: true }, 'Deactivated'],
    [[['refund', 'a']], {}, 'Refunded'],
    [[['chargeback', 'a']], {}, 'Refunded'],
    [[['partial_refund', 'a']], {}, 'Partially refunded'],
    [
      [
        ['expire', 'a'],
        ['settlement', 'b'],
      ],
      {},
      'Paid',
    ],
    [[['pending', 'a']], { deleted: true }, 'Pending'],
  ] as [[string, string, Record<string, unknown>?][], Record<string, boolean>, string][])('%j with %j → %s', (purchases, life, word) => {
    const summary = summarisePurchases(
      purchases.map(([s, tx, x]) => rec(s, tx, x)),
      { usageLimit: 1, ...life },
    );
    expect(summary.status).toBe(word);
  });

  test('a multi-use link shows Paid n/limit and notes what is pending', () => {
    const s = summarisePurchases([rec('settlement', 'a'), rec('settlement', 'b'), rec('pending', 'c'), rec('refund', 'd')], {
      usageLimit: 100,
    });
    expect(s.status).toBe('Paid 2/100');
    expect(s.paidCount).toBe(2);
    expect(s.note).toContain('1 pending');
    expect(s.paidAt).toBe('2026-11-25 10:0a:00');
  });

  test('a reversal shows Failed with a note saying Midtrans reversed it', () => {
    const r = mergePurchase(rec('settlement', 'a', { payment_type: 'echannel' }), rec('deny', 'a', { payment_type: 'echannel' }));
    const s = summarisePurchases([r], { usageLimit: 1 });
    expect(s.status).toBe('Failed');
    expect(s.note).toMatch(/reversed/);
  });

  test('summariseLink reads the documented GET sample: purchases, usage, expiry from expiry_start + duration', () => {
    const link = {
      order_id: '001',
      usage_limit: 2,
      usage: 2,
      gross_amount: 190000,
      expiry_start: '2020-12-31 18:00 +0700',
      expiry_duration: 2,
      expiry_unit: 'days',
      purchases: [
        { order_id: '001-1658897332986', payment_status: 'EXPIRE', payment_method: 'BANK_TRANSFER' },
        { order_id: '001-1658897332987', payment_status: 'SETTLEMENT', payment_method: 'GOPAY', updated_at: '2021-01-01T01:00:00Z' },
      ],
    };
    const expiresAt = Date.UTC(2020, 11, 31, 11, 0) + 2 * 86_400_000;
    const before = summariseLink(link, expiresAt - 1);
    expect(before).toMatchObject({ status: 'Paid 1/2', paidCount: 1, expired: false, expiresAt, usage: 2 });
    const after = summariseLink({ ...link, purchases: [link.purchases[0]] }, expiresAt);
    expect(after.status).toBe('Expired');
    expect(summariseLink({ ...link, purchases: [] }, 0, true).status).toBe('Deactivated');
  });

  test('a GET CAPTURE (no fraud_status) never reads as paid: a challenged card payment stays Under review after a poll', () => {
    // Regression (issue 8 storms): Refresh turned "Under review" into "Paid" for a challenged capture.
    const link = {
      order_id: 'INV-7',
      usage_limit: 1,
      gross_amount: 150000,
      purchases: [{ order_id: 'INV-7-1764000000000', payment_status: 'CAPTURE', payment_method: 'CREDIT_CARD' }],
    };
    expect(summariseLink(link, 0).status).toBe('Under review');
    const [polled] = purchasesFromLink(link);
    const challenged = recordOf(
      interpreted('capture', { fraud_status: 'challenge', payment_type: 'credit_card', order_id: 'INV-7-1764000000000' }),
    );
    const accepted = recordOf(
      interpreted('capture', { fraud_status: 'accept', payment_type: 'credit_card', order_id: 'INV-7-1764000000000' }),
    );
    expect(summarisePurchases([mergePurchase(challenged, polled)], { usageLimit: 1 }).status).toBe('Under review');
    expect(summarisePurchases([mergePurchase(polled, accepted)], { usageLimit: 1 }).status).toBe('Paid');
  });
});

test("midtransTime turns an ISO instant (GET's purchase updated_at, [inferred]) into Midtrans's GMT+7 wall clock and leaves other text alone", () => {
  expect(midtransTime('2026-11-27T03:00:02.037Z')).toBe('2026-11-27 10:00:02');
  expect(midtransTime('2026-11-27T20:30:00+00:00')).toBe('2026-11-28 03:30:00');
  expect(midtransTime('2026-11-27 10:00:02')).toBe('2026-11-27 10:00:02');
  expect(midtransTime('')).toBe('');
});

test("purchasesFromLink reports Paid At in the notification's GMT+7 form, so both sources compare alike", () => {
  const [p] = purchasesFromLink({
    order_id: 'INV-1',
    gross_amount: 1000,
    purchases: [
      {
        order_id: 'INV-1-1764212402037',
        payment_status: 'SETTLEMENT',
        payment_method: 'BANK_TRANSFER',
        updated_at: '2026-11-27T03:00:02.037Z',
      },
    ],
  });
  expect(p.paidAt).toBe('2026-11-27 10:00:02');
});

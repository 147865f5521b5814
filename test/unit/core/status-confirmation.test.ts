/**
 * core/src/status-confirmation.ts: which verified notifications must be confirmed with the status API
 * (every money move: paid, a refund or chargeback, the settlement → deny reversal), what an answer must
 * say to confirm each, the BI-SNAP answers that name a payment by its transaction id, and which fields
 * a confirmed body takes from the answer. The status codes of chargeback/partial_chargeback are
 * [inferred] ("200" like the refunds; docs/midtrans-contract.md §5.4 is silent).
 */
import {
  PURCHASE_STATES,
  REVERSAL_STATES,
  answerAbout,
  confirmationRequest,
  confirmNotification,
  confirmedBody,
  confirmedRecord,
  interpretNotification,
  moneyClaimOf,
  needsConfirmation,
  recordOf,
  type HttpResponse,
  type Interpretation,
} from '../../../core/src';

const ORDER_ID = 'INV-7-1764000000000';
const KEY = 'SB-Mid-server-confirm-test';

function body(status: string, extra: Record<string, unknown> = {}) {
  return {
    transaction_time: '2026-11-25 10:00:00',
    transaction_status: status,
    transaction_id: 'tx-1',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: ORDER_ID,
    gross_amount: '150000.00',
    fraud_status: 'accept',
    ...extra,
  };
}

function interpreted(status: string, extra: Record<string, unknown> = {}): Interpretation {
  const r = interpretNotification(body(status, extra));
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

const answer = (status: number, json: unknown): HttpResponse => ({ status, body: JSON.stringify(json) });
const found = (status: string, extra: Record<string, unknown> = {}) =>
  answer(200, body(status, { status_message: 'Success, transaction is found', ...extra }));

describe('needsConfirmation: every claim that moves money, and nothing else', () => {
  test('the reversal states are exactly those ranked above paid: partially refunded, refunded, chargeback', () => {
    expect([...REVERSAL_STATES].sort()).toEqual(['chargeback', 'partially_refunded', 'refunded']);
    expect(REVERSAL_STATES.every((s) => PURCHASE_STATES.includes(s))).toBe(true);
  });

  test.each([
    ['settlement', {}, 'paid'],
    ['capture', { fraud_status: 'accept' }, 'paid'],
    ['capture', { fraud_status: undefined }, 'paid'],
    ['refund', {}, 'reversal'],
    ['partial_refund', {}, 'reversal'],
    ['chargeback', {}, 'reversal'],
    ['partial_chargeback', {}, 'reversal'],
    ['deny', { payment_type: 'echannel' }, 'reversal-deny'],
    ['deny', { payment_type: 'bank_transfer', permata_va_number: '8562000000' }, 'reversal-deny'],
  ])('%s %j claims %s and needs a status call', (status, extra, claim) => {
    expect(moneyClaimOf(interpreted(status, extra))).toBe(claim);
    expect(needsConfirmation(interpreted(status, extra))).toBe(true);
  });

  test.each([
    ['pending', {}],
    ['authorize', {}],
    ['capture', { fraud_status: 'challenge' }],
    ['deny', { payment_type: 'credit_card' }],
    ['cancel', {}],
    ['expire', {}],
    ['failure', {}],
  ])('%s %j moves no money: recorded or started without a status call', (status, extra) => {
    expect(moneyClaimOf(interpreted(status, extra))).toBeUndefined();
    expect(needsConfirmation(interpreted(status, extra))).toBe(false);
  });

  test('with the stored record: a claim that adds nothing (a replay, an older copy) needs no call; one that adds does', () => {
    const paid = recordOf(interpreted('settlement'));
    expect(needsConfirmation(interpreted('settlement', { settlement_time: '2019-01-01 00:00:00' }), { record: paid })).toBe(false);
    expect(needsConfirmation(interpreted('settlement'), { record: recordOf(interpreted('pending', { status_code: '201' })) })).toBe(true);
    expect(needsConfirmation(interpreted('refund'), { record: paid })).toBe(true);
    expect(needsConfirmation(interpreted('partial_refund'), { record: recordOf(interpreted('refund')) })).toBe(false);
    expect(needsConfirmation(interpreted('settlement'), { record: undefined })).toBe(true);
    // A reversal deny sets a flag that would turn a later settlement into "reversed": asked even with nothing stored.
    expect(needsConfirmation(interpreted('deny', { payment_type: 'echannel' }), { record: undefined })).toBe(true);
  });
});

describe('confirmationRequest', () => {
  test('asks by the signed order id, never by the unsigned transaction_id', () => {
    const req = confirmationRequest(
      { serverKey: KEY, baseUrl: 'http://sim' },
      interpreted('settlement', { transaction_id: 'someone-elses' }),
    );
    expect(req).toMatchObject({ method: 'GET', url: `http://sim/v2/${ORDER_ID}/status` });
  });
});

describe('confirmNotification', () => {
  test.each(['settlement', 'refund', 'partial_refund', 'chargeback'])(
    'a paid claim is confirmed by an answer saying %s (a refund proves the payment)',
    (status) => {
      const c = confirmNotification(interpreted('settlement'), found(status));
      expect(c).toMatchObject({ verdict: 'confirmed', facts: { orderId: ORDER_ID, transactionStatus: status } });
    },
  );

  test.each([
    ['authorize', '200'],
    ['pending', '201'],
    ['expire', '407'],
    ['deny', '202'],
    ['cancel', '200'],
  ])('a paid claim is not confirmed by %s', (status, code) => {
    expect(confirmNotification(interpreted('settlement'), found(status, { status_code: code }))).toEqual({
      verdict: 'unconfirmed',
      detail: `the status API says ${status}`,
    });
  });

  test.each(['refund', 'partial_refund', 'chargeback', 'partial_chargeback'])(
    'a refund claim is confirmed by any reversal (%s)',
    (status) => {
      expect(confirmNotification(interpreted('refund'), found(status))).toMatchObject({ verdict: 'confirmed' });
    },
  );

  test('a refund claim is not confirmed by settlement; a reversal deny only by deny', () => {
    expect(confirmNotification(interpreted('refund'), found('settlement'))).toMatchObject({ verdict: 'unconfirmed' });
    const deny = interpreted('deny', { payment_type: 'echannel' });
    expect(confirmNotification(deny, found('settlement', { payment_type: 'echannel' }))).toMatchObject({ verdict: 'unconfirmed' });
    expect(confirmNotification(deny, found('deny', { payment_type: 'echannel', status_code: '202' }))).toMatchObject({
      verdict: 'confirmed',
    });
  });

  test("the facts are the answer's, not the body's: time, transaction id, payment type and amount", () => {
    const claim = interpreted('settlement', {
      settlement_time: '2019-01-01 00:00:00',
      transaction_id: 'forged-tx',
      payment_type: 'gopay',
      gross_amount: '150000.00',
    });
    const c = confirmNotification(
      claim,
      found('settlement', { settlement_time: '2026-11-25 10:05:00', transaction_id: 'real-tx', payment_type: 'bank_transfer' }),
    );
    expect(c).toMatchObject({
      verdict: 'confirmed',
      facts: {
        time: '2026-11-25 10:05:00',
        transactionId: 'real-tx',
        paymentType: 'bank_transfer',
        amount: 150000,
        orderId: ORDER_ID,
        linkOrderId: 'INV-7',
      },
    });
  });

  test('an answer about another order id does not confirm', () => {
    expect(confirmNotification(interpreted('refund'), found('refund', { order_id: 'OTHER-1764000000001' }))).toMatchObject({
      verdict: 'unconfirmed',
    });
  });

  test('a BI-SNAP answer (transaction_id in order_id) confirms, and its facts carry the asked order id', () => {
    const c = confirmNotification(
      interpreted('settlement'),
      found('settlement', { order_id: 'A120251205074834XeVg4mKHIMID', transaction_id: 'A120251205074834XeVg4mKHIMID' }),
    );
    expect(c).toMatchObject({
      verdict: 'confirmed',
      facts: { orderId: ORDER_ID, linkOrderId: 'INV-7', transactionId: 'A120251205074834XeVg4mKHIMID' },
    });
  });

  test('an answer whose fields have shapes Midtrans never sends is unconfirmed', () => {
    expect(confirmNotification(interpreted('settlement'), found('settlement', { settlement_time: 'yesterday' }))).toMatchObject({
      verdict: 'unconfirmed',
    });
  });

  test('Midtrans not knowing the transaction (200 with status_code "404", or HTTP 404) is an answer: unconfirmed', () => {
    const refund = interpreted('refund');
    expect(confirmNotification(refund, answer(200, { status_code: '404', status_message: "Transaction doesn't exist." }))).toMatchObject({
      verdict: 'unconfirmed',
    });
    expect(confirmNotification(refund, answer(404, { status_code: '404' }))).toMatchObject({ verdict: 'unconfirmed' });
  });

  test.each([
    ['no answer at all', undefined],
    ['HTTP 500', answer(500, { status_message: 'Internal error' })],
    ['HTTP 503', answer(503, 'Service Unavailable')],
    ['HTTP 429', answer(429, {})],
    ['HTTP 401', answer(401, { status_code: '401', status_message: 'Unknown Merchant server_key/id' })],
    ['200 with status_code "500" in the body', answer(200, { status_code: '500', status_message: 'internal' })],
  ])('%s is unavailable, not a verdict', (_what, res) => {
    expect(confirmNotification(interpreted('refund'), res)).toMatchObject({ verdict: 'unavailable' });
  });

  test('a detail that echoes the key comes back with the key redacted', () => {
    const c = confirmNotification(interpreted('refund'), answer(502, { status_message: `bad gateway for ${KEY}` }), KEY);
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(c).toMatchObject({ verdict: 'unavailable', detail: expect.stringContaining('[redacted]') });
  });
});

describe('confirmedRecord', () => {
  test("a settlement confirmed by a refund answer records the refund, paid at the answer's settlement_time", () => {
    const c = confirmNotification(interpreted('settlement'), found('refund', { settlement_time: '2026-11-25 10:05:00' }));
    if (c.verdict !== 'confirmed') throw new Error(c.detail);
    expect(confirmedRecord(c)).toMatchObject({ top: 'refunded', settled: true, paidAt: '2026-11-25 10:05:00' });
  });

  test('a settlement confirmed by the documented reversal (deny on Mandiri Bill) records a reversed payment', () => {
    const c = confirmNotification(
      interpreted('settlement', { payment_type: 'echannel' }),
      found('deny', { payment_type: 'echannel', status_code: '202', settlement_time: '2026-11-25 10:05:00' }),
    );
    if (c.verdict !== 'confirmed') throw new Error(c.detail);
    expect(confirmedRecord(c)).toMatchObject({ top: 'failed', settled: true, reversalDeny: true, paidAt: '2026-11-25 10:05:00' });
  });

  test('a paid answer is recorded as it is', () => {
    const c = confirmNotification(interpreted('settlement'), found('settlement', { settlement_time: '2026-11-25 10:05:00' }));
    if (c.verdict !== 'confirmed') throw new Error(c.detail);
    expect(confirmedRecord(c)).toEqual(recordOf(c.facts));
  });
});

describe('answerAbout', () => {
  test("keeps an answer about the asked id, restores a BI-SNAP one, refuses another order's", () => {
    expect(answerAbout('X-1', { order_id: 'X-1', transaction_id: 't' })).toEqual({
      ok: true,
      body: { order_id: 'X-1', transaction_id: 't' },
    });
    expect(answerAbout('X-1', { order_id: 't', transaction_id: 't' })).toEqual({
      ok: true,
      body: { order_id: 'X-1', transaction_id: 't' },
    });
    expect(answerAbout('X-1', { order_id: 'Y-1', transaction_id: 't' })).toMatchObject({ ok: false });
    expect(answerAbout('X-1', 'nope')).toMatchObject({ ok: false });
  });
});

describe('confirmedBody', () => {
  test('takes the unsigned status fields from the answer, drops those the answer lacks, and keeps the signed ones', () => {
    const sent = {
      ...body('settlement', { settlement_time: '2019-01-01 00:00:00', transaction_id: 'forged' }),
      signature_key: 'sig',
      custom_field2: 'c',
    };
    const said = body('settlement', { transaction_id: 'real', status_code: '200' }) as never;
    const out = confirmedBody(sent, said);
    expect(out).toMatchObject({
      transaction_id: 'real',
      signature_key: 'sig',
      order_id: ORDER_ID,
      status_code: '200',
      gross_amount: '150000.00',
      custom_field2: 'c',
    });
    expect(out).not.toHaveProperty('settlement_time');
  });
});

/**
 * needsConfirmation and checkReversal: which verified notifications must be confirmed with the status
 * API, and which status-API answers confirm them (core/src/reversal-confirmation.ts). The status
 * codes of chargeback/partial_chargeback are [inferred] ("200" like the refunds; docs/midtrans-contract.md §5.4 is silent).
 */
import {
  PURCHASE_STATES, REVERSAL_STATES, checkReversal, interpretNotification, needsConfirmation, purchaseStateOf, type HttpResponse,
  type Interpretation,
} from '../../../core/src';

const ORDER_ID = 'INV-7-1764000000000';

function body(status: string, extra: Record<string, unknown> = {}) {
  return {
    transaction_time: '2026-11-25 10:00:00', transaction_status: status, transaction_id: 'tx-1', status_code: '200',
    payment_type: 'bank_transfer', order_id: ORDER_ID, gross_amount: '150000.00', fraud_status: 'accept', ...extra,
  };
}

function interpreted(status: string, extra: Record<string, unknown> = {}): Interpretation {
  const r = interpretNotification(body(status, extra));
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

const answer = (status: number, json: unknown): HttpResponse => ({ status, body: JSON.stringify(json) });

describe('needsConfirmation', () => {
  test('the reversal states are exactly those ranked above paid: partially refunded, refunded, chargeback', () => {
    expect([...REVERSAL_STATES].sort()).toEqual(['chargeback', 'partially_refunded', 'refunded']);
    expect(REVERSAL_STATES.every((s) => PURCHASE_STATES.includes(s))).toBe(true);
  });

  test.each(['refund', 'partial_refund', 'chargeback', 'partial_chargeback'])('%s needs confirmation', (status) => {
    expect(needsConfirmation(interpreted(status))).toBe(true);
  });

  test.each([
    ['settlement', undefined], ['capture', 'accept'], ['capture', 'challenge'], ['pending', undefined], ['authorize', undefined],
    ['deny', undefined], ['cancel', undefined], ['expire', undefined], ['failure', undefined],
  ])('%s (fraud %s) does not: it is recorded without a status call', (status, fraud) => {
    expect(needsConfirmation(interpreted(status, { fraud_status: fraud }))).toBe(false);
  });

  test('every known status that is a reversal needs confirmation, and nothing else does', () => {
    const statuses = ['settlement', 'capture', 'pending', 'authorize', 'deny', 'cancel', 'expire', 'failure', 'refund', 'partial_refund', 'chargeback', 'partial_chargeback'];
    for (const s of statuses) {
      const state = purchaseStateOf(s, 'accept');
      expect(`${s}: ${needsConfirmation(interpreted(s))}`).toBe(`${s}: ${state !== undefined && REVERSAL_STATES.includes(state)}`);
    }
  });
});

describe('checkReversal', () => {
  const refund = interpreted('refund');

  test.each(['refund', 'partial_refund', 'chargeback', 'partial_chargeback'])('the status API saying %s confirms a refund notification (any reversal)', (status) => {
    expect(checkReversal(refund, answer(200, body(status, { status_message: 'Success, transaction is found' })))).toEqual({ verdict: 'confirmed' });
  });

  test.each(['settlement', 'pending', 'expire', 'deny', 'cancel'])('the status API saying %s leaves it unconfirmed', (status) => {
    const code = status === 'expire' ? '407' : '200';
    expect(checkReversal(refund, answer(200, body(status, { status_code: code })))).toEqual({ verdict: 'unconfirmed', detail: `the status API says ${status}` });
  });

  test('an answer about another order id does not confirm (transaction_id is not signed, order_id is)', () => {
    const other = answer(200, body('refund', { order_id: 'OTHER-1764000000001' }));
    expect(checkReversal(refund, other)).toMatchObject({ verdict: 'unconfirmed' });
  });

  test('Midtrans not knowing the transaction (200 with status_code "404", or HTTP 404) is an answer: unconfirmed', () => {
    expect(checkReversal(refund, answer(200, { status_code: '404', status_message: "Transaction doesn't exist." }))).toMatchObject({ verdict: 'unconfirmed' });
    expect(checkReversal(refund, answer(404, { status_code: '404' }))).toMatchObject({ verdict: 'unconfirmed' });
  });

  test('an answer it cannot read as a transaction is unconfirmed', () => {
    expect(checkReversal(refund, answer(200, { status_code: '200', order_id: ORDER_ID }))).toMatchObject({ verdict: 'unconfirmed' });
  });

  test.each([
    ['no answer at all', undefined],
    ['HTTP 500', answer(500, { status_message: 'Internal error' })],
    ['HTTP 503', answer(503, 'Service Unavailable')],
    ['HTTP 429', answer(429, {})],
    ['HTTP 401', answer(401, { status_code: '401', status_message: 'Unknown Merchant server_key/id' })],
    ['200 with status_code "500" in the body', answer(200, { status_code: '500', status_message: 'internal' })],
  ])('%s is unavailable, not a verdict', (_what, res) => {
    expect(checkReversal(refund, res)).toMatchObject({ verdict: 'unavailable' });
  });
});

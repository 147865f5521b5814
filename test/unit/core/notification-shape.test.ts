/** notificationShape: what cannot be a Midtrans notification is refused on its shape, before any key or quota is used. */
import { createHash } from 'crypto';
import {
  NOTIFICATION_ORDER_ID_MAX,
  NOTIFICATION_TEXT_MAX,
  notificationShape,
  notificationShapeOfText,
  verifyNotification,
} from '../../../core/src';

const KEY = 'SB-Mid-server-shapeTestKey0123456789';
const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function genuine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    transaction_time: '2026-11-25 10:00:00',
    transaction_status: 'settlement',
    transaction_id: '4944734a-f008-4ae5-9017-60f4b8e22829',
    status_message: 'midtrans payment notification',
    status_code: '200',
    payment_type: 'bank_transfer',
    order_id: 'INV-7-1764000000000',
    gross_amount: '150000.00',
    fraud_status: 'accept',
    currency: 'IDR',
    ...overrides,
  };
  body.signature_key = sha512Hex(`${String(body.order_id)}${String(body.status_code)}${String(body.gross_amount)}${KEY}`);
  return body;
}

describe('notificationShape accepts what Midtrans sends', () => {
  test('a genuine settlement body (docs/midtrans-contract.md §5.7 shape) passes and still verifies', () => {
    const body = genuine();
    expect(notificationShape(body)).toEqual({ ok: true, body });
    expect(verifyNotification(body, KEY, sha512Hex)).toBe(true);
  });

  test('upper-case hex, a numeric status_code and amount (the PL sample), and no fraud_status pass', () => {
    const body = genuine();
    expect(notificationShape({ ...body, signature_key: String(body.signature_key).toUpperCase() }).ok).toBe(true);
    expect(notificationShape({ ...body, status_code: 201, gross_amount: 10000 }).ok).toBe(true);
    const { fraud_status: _f, ...noFraud } = body;
    expect(notificationShape(noFraud).ok).toBe(true);
  });

  test('a purchase order id of the longest link order id (50) plus its 13-digit suffix passes', () => {
    const orderId = `${'A'.repeat(50)}-1764000000000`;
    expect(orderId.length).toBe(NOTIFICATION_ORDER_ID_MAX);
    expect(notificationShape(genuine({ order_id: orderId })).ok).toBe(true);
    expect(notificationShape(genuine({ order_id: `${orderId}1` }))).toMatchObject({ ok: false, field: 'order_id' });
  });
});

describe('notificationShape refuses what cannot be a notification, naming the field', () => {
  test.each<[string, unknown, string]>([
    ['a JSON array', [1, 2, 3], 'body'],
    ['a string', 'order_id=1', 'body'],
    ['null', null, 'body'],
    ['no order_id', genuine({ order_id: undefined }), 'order_id'],
    ['an order id with a space', genuine({ order_id: 'INV 7-1764000000000' }), 'order_id'],
    ['an order id with a slash (path tricks at the status API)', genuine({ order_id: '../v1/payment-links' }), 'order_id'],
    ['a 2-digit status code', genuine({ status_code: '20' }), 'status_code'],
    ['a 4-digit status code', genuine({ status_code: '2000' }), 'status_code'],
    ['a non-integer numeric status code', genuine({ status_code: 200.5 }), 'status_code'],
    ['an amount with letters', genuine({ gross_amount: '150000.00abc' }), 'gross_amount'],
    ['a negative numeric amount', genuine({ gross_amount: -1 }), 'gross_amount'],
    ['no transaction_id', genuine({ transaction_id: undefined }), 'transaction_id'],
    ['a 101-character transaction_id', genuine({ transaction_id: 'x'.repeat(101) }), 'transaction_id'],
    ['no transaction_status', genuine({ transaction_status: undefined }), 'transaction_status'],
    ['a 41-character transaction_status', genuine({ transaction_status: 's'.repeat(41) }), 'transaction_status'],
    ['a fraud_status that is an object', genuine({ fraud_status: { a: 1 } }), 'fraud_status'],
  ])('%s → %s', (_name, body, field) => {
    expect(notificationShape(body)).toMatchObject({ ok: false, field });
  });

  test.each<[string, unknown]>([
    ['missing', undefined],
    ['127 hex digits', 'a'.repeat(127)],
    ['129 hex digits', 'a'.repeat(129)],
    ['128 characters that are not hex', 'g'.repeat(128)],
    ['a number', 12345],
    ['16 MB', 'a'.repeat(16 * 1024 * 1024)],
  ])('a signature_key that is %s is refused as signature_key (a forgery, not a malformed notification)', (_name, sig) => {
    expect(notificationShape({ ...genuine(), signature_key: sig })).toMatchObject({ ok: false, field: 'signature_key' });
  });

  test('a body without the signed fields is refused for those before its signature is looked at', () => {
    expect(notificationShape({ signature_key: 'abc' })).toMatchObject({ ok: false, field: 'order_id' });
    expect(notificationShape({})).toMatchObject({ ok: false, field: 'order_id' });
  });
});

describe('notificationShapeOfText', () => {
  test('a genuine body as text passes', () => {
    expect(notificationShapeOfText(JSON.stringify(genuine())).ok).toBe(true);
  });

  test('text over the limit is refused for its length, not parsed (its JSON error is never reached)', () => {
    const text = `{${' '.repeat(NOTIFICATION_TEXT_MAX)}`;
    const r = notificationShapeOfText(text);
    expect(r).toMatchObject({ ok: false, field: 'body' });
    expect(r.ok ? '' : r.problem).toMatch(/longer than/);
  });

  test.each<[string, unknown, RegExp]>([
    ['empty', '', /no body/],
    ['absent', undefined, /no body/],
    ['not JSON', 'order_id=1&status=paid', /not JSON/],
  ])('%s text is refused', (_name, text, problem) => {
    const r = notificationShapeOfText(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.problem).toMatch(problem);
  });
});

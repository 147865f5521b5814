/**
 * Notification bodies (docs/midtrans-contract.md §5.3–§5.7): string status_code and gross_amount, the status_code each
 * status carries, fields per payment type, and a signature that verifies with the reference formula
 * computed here with node:crypto (never with the simulator's or the core's code).
 */
import { createHash } from 'node:crypto';
import { interpretNotification, verifyNotification } from '../../../core/src';
import type { NotificationBody, Simulator } from '../../../tools/simulator';
import { KEY, T0, call, fixedLink, newSim, referenceSignature } from './sim-helpers';

const ALL_METHODS = [
  'credit_card',
  'echannel',
  'permata_va',
  'bca_va',
  'bni_va',
  'bri_va',
  'cimb_va',
  'danamon_va',
  'bsi_va',
  'gopay',
  'shopeepay',
  'other_qris',
  'alfamart',
  'indomaret',
  'akulaku',
  'kredivo',
];

function simWithLink(extra: Record<string, unknown> = {}): { sim: Simulator; seen: NotificationBody[] } {
  const sim = newSim();
  const seen: NotificationBody[] = [];
  sim.onNotification((n) => seen.push(n.body));
  call(sim, 'POST', '/_sim/notification-url', { url: 'http://127.0.0.1:1/unused' });
  expect(call(sim, 'POST', '/v1/payment-links', fixedLink('NB', { usage_limit: 1000, ...extra })).status).toBe(200);
  return { sim, seen };
}

/** Every status each method can reach, as separate purchases. */
function exercise(sim: Simulator, method: string): void {
  const isCard = method === 'credit_card';
  const a = sim.pay('NB', { status: 'pending', payment_type: method });
  sim.pay('NB', { status: isCard ? 'capture' : 'settlement', transaction_id: a.transaction_id });
  if (isCard) sim.pay('NB', { status: 'settlement', transaction_id: a.transaction_id });
  sim.pay('NB', { status: 'partial_refund', transaction_id: a.transaction_id, refund_amount: 50000 });
  sim.pay('NB', { status: 'refund', transaction_id: a.transaction_id });
  const b = sim.pay('NB', { status: 'pending', payment_type: method });
  sim.pay('NB', { status: 'expire', transaction_id: b.transaction_id });
  const c = sim.pay('NB', { status: 'pending', payment_type: method });
  sim.pay('NB', { status: 'cancel', transaction_id: c.transaction_id });
  const d = sim.pay('NB', { status: 'pending', payment_type: method });
  sim.pay('NB', { status: 'deny', transaction_id: d.transaction_id });
  if (isCard) sim.pay('NB', { status: 'capture', payment_type: method, fraud_status: 'challenge' });
}

describe('notification bodies', () => {
  test('every notification of every method and status carries a signature_key equal to sha512(order_id+status_code+gross_amount+serverKey)', () => {
    const { sim, seen } = simWithLink({ custom_field1: 'cf1', custom_field2: 'cf2', custom_field3: 'cf3' });
    for (const m of ALL_METHODS) exercise(sim, m);
    expect(seen.length).toBeGreaterThan(ALL_METHODS.length * 8);
    for (const n of seen) {
      expect(typeof n.status_code).toBe('string');
      expect(typeof n.gross_amount).toBe('string');
      expect(n.signature_key).toBe(referenceSignature(n));
      expect(n.signature_key).toMatch(/^[0-9a-f]{128}$/);
      // The core's verifier agrees, and the body is something the core can interpret.
      expect(verifyNotification(n, KEY, (s) => createHash('sha512').update(s).digest('hex'))).toBe(true);
      expect(interpretNotification(n).ok).toBe(true);
      expect(n).toMatchObject({
        status_message: 'midtrans payment notification',
        currency: 'IDR',
        custom_field1: 'cf1',
        custom_field2: 'cf2',
        custom_field3: 'cf3',
      });
      expect(n.transaction_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(n.order_id).toMatch(/^NB-\d{13}$/);
    }
    // A wrong key does not verify: the test formula is not trivially true.
    expect(referenceSignature(seen[0], 'SB-Mid-server-other')).not.toBe(seen[0].signature_key);
  });

  test('gross_amount is the amount with two decimals ("150000.00"), and a signature with a number would differ', () => {
    const { sim } = simWithLink();
    const n = sim.pay('NB', { status: 'settlement', payment_type: 'bca_va' });
    expect(n.gross_amount).toBe('150000.00');
    const withNumber = createHash('sha512').update(`${n.order_id}200150000${KEY}`).digest('hex');
    expect(n.signature_key).not.toBe(withNumber);
  });

  test('status_code per status follows §5.4: pending 201, settlement/capture/refund 200, challenge 201, deny/expire/cancel 202', () => {
    const { sim, seen } = simWithLink();
    exercise(sim, 'credit_card');
    exercise(sim, 'bca_va');
    const codes = new Map<string, Set<string>>();
    for (const n of seen) {
      const k = `${n.transaction_status}/${n.fraud_status ?? '-'}`;
      codes.set(k, (codes.get(k) ?? new Set()).add(n.status_code));
    }
    expect(Object.fromEntries([...codes].map(([k, v]) => [k, [...v]]))).toEqual({
      'pending/accept': ['201'],
      'capture/accept': ['200'],
      'settlement/accept': ['200'],
      'partial_refund/accept': ['200'],
      'refund/accept': ['200'],
      'expire/accept': ['202'],
      'cancel/accept': ['202'],
      'deny/accept': ['202'],
      'capture/challenge': ['201'],
    });
  });

  test('fields per payment type follow the reference samples and NOTIF field list', () => {
    const { sim } = simWithLink({ bca_va: { va_number: '12345678901' }, credit_card: { secure: true, bank: 'bni' } });
    const pay = (m: string) => sim.pay('NB', { status: 'pending', payment_type: m });
    expect(pay('bca_va')).toMatchObject({
      payment_type: 'bank_transfer',
      va_numbers: [{ va_number: '12345678901', bank: 'bca' }],
      payment_amounts: [],
      fraud_status: 'accept',
    });
    expect(pay('bni_va').va_numbers[0].bank).toBe('bni');
    expect(pay('permata_va')).toMatchObject({ payment_type: 'bank_transfer', permata_va_number: expect.stringMatching(/^\d+$/) });
    expect(pay('echannel')).toMatchObject({ payment_type: 'echannel', bill_key: expect.stringMatching(/^\d+$/), biller_code: '70012' });
    expect(sim.pay('NB', { status: 'capture', payment_type: 'credit_card' })).toMatchObject({
      payment_type: 'credit_card',
      masked_card: '48111111-1114',
      bank: 'bni',
      card_type: 'credit',
      fraud_status: 'accept',
      eci: '05',
      channel_response_code: '00',
      channel_response_message: 'Approved',
      approval_code: expect.stringMatching(/^\d+$/),
    });
    expect(pay('gopay')).toMatchObject({ payment_type: 'gopay' });
    expect(pay('shopeepay')).toMatchObject({ payment_type: 'shopeepay' });
    expect(pay('other_qris')).toMatchObject({ payment_type: 'qris', acquirer: expect.any(String) });
    const alfa = pay('alfamart');
    expect(alfa).toMatchObject({ payment_type: 'cstore', store: 'alfamart', payment_code: expect.stringMatching(/^\d+$/) });
    expect(alfa).not.toHaveProperty('fraud_status'); // §5.5: Alfamart/Indomaret omit it
    const pending = pay('gopay');
    expect(pending.expiry_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const settled = sim.pay('NB', { status: 'settlement', transaction_id: pending.transaction_id });
    expect(settled.settlement_time).toBe('2026-11-27 10:00:00'); // T0 in GMT+7
    expect(settled.transaction_id).toBe(pending.transaction_id);
    expect(settled.order_id).toBe(pending.order_id);
  });

  test('the documented reversal (settlement → deny) is allowed only on Permata VA, Mandiri Bill and Indomaret', () => {
    const { sim } = simWithLink();
    const p = sim.pay('NB', { status: 'settlement', payment_type: 'permata_va' });
    expect(sim.pay('NB', { status: 'deny', transaction_id: p.transaction_id }).status_code).toBe('202');
    const g = sim.pay('NB', { status: 'settlement', payment_type: 'gopay' });
    expect(call(sim, 'POST', '/_sim/payment-links/NB/pay', { status: 'deny', transaction_id: g.transaction_id }).status).toBe(409);
  });

  test('a pending purchase left alone expires after 24 h [inferred TTL] with a signed expire notification (202) and the status API then says 407 with its own valid signature', () => {
    const { sim, seen } = simWithLink();
    const p = sim.pay('NB', { status: 'pending', payment_type: 'bri_va' });
    sim.advance(24 * 3_600_000 - 1);
    expect(seen).toHaveLength(1);
    sim.advance(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ transaction_status: 'expire', status_code: '202', transaction_id: p.transaction_id });
    expect(seen[1].signature_key).toBe(referenceSignature(seen[1]));
    const status = call(sim, 'GET', `/v2/${p.transaction_id}/status`).json;
    expect(status.status_code).toBe('407');
    expect(status.signature_key).toBe(referenceSignature(status));
    expect(sim.now()).toBe(T0 + 24 * 3_600_000);
  });

  test('a DYNAMIC_AMOUNT link is paid with the amount chosen within its bounds', () => {
    const sim = newSim();
    call(sim, 'POST', '/v1/payment-links', {
      transaction_details: { order_id: 'DYN' },
      payment_link_type: 'DYNAMIC_AMOUNT',
      dynamic_amount: { min_amount: 5000, max_amount: 100000, preset_amount: 20000 },
      usage_limit: 3,
    });
    expect(sim.pay('DYN', { status: 'settlement' }).gross_amount).toBe('20000.00');
    expect(sim.pay('DYN', { status: 'settlement', amount: 7500 }).gross_amount).toBe('7500.00');
    expect(call(sim, 'POST', '/_sim/payment-links/DYN/pay', { status: 'settlement', amount: 100001 }).status).toBe(400);
  });
});

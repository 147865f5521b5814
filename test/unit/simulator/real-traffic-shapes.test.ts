/**
 * The simulator produces the shapes real traffic showed (issue 24): a merchant's own Snap order whose id
 * ends in 13 digits, notified to the same URL and never listed by a link; Automatic Fee Imposition's
 * fee-inclusive gross with its split in metadata; last_snap_transaction_status on GET.
 */
import { createHash } from 'node:crypto';
import { createSimulator } from '../../../tools/simulator';

const KEY = 'SB-Mid-server-shapes';
const auth = { authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`, 'content-type': 'application/json' };
const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function setUp(feeImposition?: { percent?: number; fixed?: number }) {
  const sim = createSimulator({ serverKey: KEY, publicBaseUrl: 'https://app.sandbox.midtrans.com', feeImposition });
  const create = (orderId: string, amount: number) =>
    sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: auth,
      body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: amount }, usage_limit: 1 }),
    });
  const get = (orderId: string) => JSON.parse(sim.handle({ method: 'GET', path: `/v1/payment-links/${orderId}`, headers: auth }).body);
  return { sim, create, get };
}

test('a shop order ORDER-26-1765990547301 keeps its id, is signed, answers the status API, and link ORDER-26 never lists it', () => {
  const { sim, create, get } = setUp();
  expect(create('ORDER-26', 150000).status).toBe(200);
  const n = sim.paySnapOrder('ORDER-26-1765990547301', { status: 'settlement', payment_type: 'gopay', gross_amount: 150000 });
  expect(n).toMatchObject({
    order_id: 'ORDER-26-1765990547301',
    transaction_status: 'settlement',
    status_code: '200',
    gross_amount: '150000.00',
  });
  expect(n.signature_key).toBe(sha512(`${n.order_id}${n.status_code}${n.gross_amount}${KEY}`));
  expect(n.custom_field1).toBeUndefined();
  const status = JSON.parse(sim.handle({ method: 'GET', path: `/v2/${n.transaction_id}/status`, headers: auth }).body);
  expect(status).toMatchObject({ order_id: 'ORDER-26-1765990547301', transaction_status: 'settlement' });
  expect(get('ORDER-26').purchases).toEqual([]);
});

test('fee imposition: gross includes the fee, the signature is over it, and metadata carries the split as strings', () => {
  const { sim, create, get } = setUp({ percent: 0.7, fixed: 1 });
  create('FEE-1', 10000);
  const n = sim.pay('FEE-1', { status: 'settlement', payment_type: 'bank_transfer' });
  expect(n.gross_amount).toBe('10071.00');
  expect(n.signature_key).toBe(sha512(`${n.order_id}${n.status_code}10071.00${KEY}`));
  expect(n.metadata).toEqual({
    extra_info: { gross_amount_info: { original_amount: '10000', gross_amount: '10071', customer_imposed_payment_fee: '71' } },
  });
  // The link itself still asks the invoice amount.
  expect(get('FEE-1').gross_amount).toBe(10000);
  sim.setFeeImposition(undefined);
  create('FEE-2', 10000);
  expect(sim.pay('FEE-2', { status: 'settlement', payment_type: 'bank_transfer' })).not.toHaveProperty('metadata');
});

test('GET carries last_snap_transaction_status in upper case, as real clients read it', () => {
  const { sim, create, get } = setUp();
  create('LS-1', 5000);
  expect(get('LS-1').last_snap_transaction_status).toBeNull();
  const n = sim.pay('LS-1', { status: 'pending', payment_type: 'bank_transfer' });
  expect(get('LS-1').last_snap_transaction_status).toBe('PENDING');
  sim.pay('LS-1', { status: 'settlement', transaction_id: n.transaction_id });
  expect(get('LS-1').last_snap_transaction_status).toBe('SETTLEMENT');
});

test('the newer Snap channels can be paid: SeaBank and Saqu VAs are bank transfers, Google Pay is a card payment', () => {
  const { sim } = setUp();
  const body = {
    transaction_details: { order_id: 'CH-1', gross_amount: 5000 },
    usage_limit: 5,
    enabled_payments: ['seabank_va', 'saqu_va', 'dana', 'ovo', 'google_pay'],
  };
  expect(sim.handle({ method: 'POST', path: '/v1/payment-links', headers: auth, body: JSON.stringify(body) }).status).toBe(200);
  expect(sim.pay('CH-1', { status: 'pending', payment_type: 'seabank_va' })).toMatchObject({
    payment_type: 'bank_transfer',
    va_numbers: [{ bank: 'seabank' }],
  });
  expect(sim.pay('CH-1', { status: 'settlement', payment_type: 'dana' })).toMatchObject({ payment_type: 'dana' });
  expect(sim.pay('CH-1', { status: 'capture', payment_type: 'google_pay' })).toMatchObject({
    payment_type: 'credit_card',
    fraud_status: 'accept',
  });
});

/**
 * The payloads: genuine notification bodies made by the Midtrans simulator (a link created and paid
 * per body, so every body is a distinct purchase with Midtrans's fields and signature), and forged
 * ones: the same bodies claiming settlement, signed with a key that is not the merchant's.
 */
import { createHash } from 'crypto';
import { createSimulator, type Simulator } from '../../../tools/simulator';

const STATUSES = ['settlement', 'pending', 'settlement', 'capture'] as const;

/** `sim`: the stack's own simulator, so a status question (Verify's confirmation) finds each purchase. */
export function genuineNotifications(
  serverKey: string,
  count: number,
  prefix: string,
  sim: Simulator = createSimulator({ serverKey, publicBaseUrl: 'https://app.sandbox.midtrans.com', seed: 11 }),
): Record<string, string>[] {
  const auth = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;
  const out: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = `${prefix}-${String(i).padStart(5, '0')}`;
    const body = JSON.stringify({
      transaction_details: { order_id: orderId, gross_amount: 50000 + (i % 20) * 2500 },
      usage_limit: 1,
      customer_details: { email: `buyer${i}@example.id` },
      // As the product's own Create sets it (core link-claim.ts): the Trigger claims the link from the
      // status answer's custom_field1 and asks no GET, so the bench measures the path our links take.
      custom_field1: orderId,
    });
    const res = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`simulator refused bench link ${orderId}: ${res.status} ${res.body}`);
    const status = STATUSES[i % STATUSES.length];
    const paymentType = status === 'capture' ? 'credit_card' : 'bank_transfer';
    out.push({ ...sim.pay(orderId, { status, payment_type: paymentType }) } as Record<string, string>);
  }
  return out;
}

export function forged(bodies: Record<string, string>[]): Record<string, string>[] {
  const wrongKey = 'SB-Mid-server-NotTheMerchantsKey000';
  return bodies.map((b) => {
    const f: Record<string, string> = { ...b, transaction_status: 'settlement', status_code: '200', fraud_status: 'accept' };
    f.signature_key = createHash('sha512')
      .update(f.order_id + f.status_code + f.gross_amount + wrongKey)
      .digest('hex');
    return f;
  });
}

/**
 * core/src/notification-decision.ts: the one decision every receiver applies (signature → status-code
 * table → field shapes → status-API confirmation of money moves → facts), with the simulator's HTTP
 * handler as the transport, so the answers are Midtrans's (the stand-in's), not made up here.
 */
import { createHash } from 'crypto';
import { decideNotification, readNotification, type HttpRequest, type Transport } from '../../../core/src';
import { createSimulator } from '../../../tools/simulator';

const KEY = 'SB-Mid-server-decision-test';
const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');
const auth = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;

function world() {
  const sim = createSimulator({ serverKey: KEY, publicBaseUrl: 'https://app.sandbox.midtrans.com', seed: 5 });
  const calls: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    calls.push(req);
    const res = sim.handle({
      method: req.method,
      path: req.url.replace('http://sim', ''),
      headers: { ...req.headers, authorization: req.headers.Authorization },
      body: req.body,
    });
    return { status: res.status, body: res.body };
  };
  const link = (orderId: string) =>
    expect(
      sim.handle({
        method: 'POST',
        path: '/v1/payment-links',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: 5000 }, usage_limit: 1 }),
      }).status,
    ).toBe(200);
  const decide = (body: unknown, confirm = true) =>
    decideNotification(body, { config: { serverKey: KEY, baseUrl: 'http://sim' }, sha512Hex, transport, confirm });
  return { sim, calls, link, decide };
}

test('readNotification names why it refuses: not a notification, bad signature, status code mismatch, unreadable', () => {
  const w = world();
  w.link('D-1');
  const n = w.sim.pay('D-1', { status: 'pending', payment_type: 'bank_transfer' });
  expect(readNotification([1], KEY, sha512Hex)).toMatchObject({ ok: false, refused: 'not-a-notification' });
  expect(readNotification({ ...n, gross_amount: '1.00' }, KEY, sha512Hex)).toMatchObject({ ok: false, refused: 'bad-signature' });
  expect(readNotification({ ...n, transaction_status: 'settlement' }, KEY, sha512Hex)).toMatchObject({
    ok: false,
    refused: 'status-code-mismatch',
  });
  expect(readNotification({ ...n, transaction_status: 'teleported' }, KEY, sha512Hex)).toMatchObject({ ok: false, refused: 'unreadable' });
  expect(readNotification({ ...n, payment_type: 'x'.repeat(500) }, KEY, sha512Hex)).toMatchObject({ ok: false, refused: 'unreadable' });
  expect(readNotification(n, KEY, sha512Hex)).toMatchObject({ ok: true, reading: { state: 'pending', linkOrderId: 'D-1' } });
});

test("a pending is accepted from the body with no call; a settlement only after one call, with the answer's fields", async () => {
  const w = world();
  w.link('D-2');
  const pending = w.sim.pay('D-2', { status: 'pending', payment_type: 'bank_transfer' });
  expect(await w.decide(pending)).toMatchObject({ outcome: 'accepted', confirmed: false, facts: { state: 'pending' } });
  expect(w.calls).toHaveLength(0);
  const settled = w.sim.pay('D-2', { status: 'settlement', transaction_id: pending.transaction_id });
  const d = await w.decide({ ...settled, settlement_time: '2019-01-01 00:00:00' });
  expect(w.calls.map((c) => c.url)).toEqual([`http://sim/v2/${settled.order_id}/status`]);
  expect(d).toMatchObject({
    outcome: 'accepted',
    confirmed: true,
    facts: { state: 'paid', time: settled.settlement_time },
    body: { settlement_time: settled.settlement_time },
  });
});

test("confirm: false believes a money claim on its signature alone (what the Trigger's unsafe option does)", async () => {
  const w = world();
  w.link('D-3');
  const settled = w.sim.pay('D-3', { status: 'settlement', payment_type: 'bank_transfer' });
  expect(await w.decide({ ...settled, transaction_status: 'refund' }, false)).toMatchObject({
    outcome: 'accepted',
    confirmed: false,
    facts: { state: 'refunded' },
  });
  expect(await w.decide({ ...settled, transaction_status: 'refund' })).toMatchObject({ outcome: 'ignored', reason: 'unconfirmed' });
  expect(w.calls).toHaveLength(1);
});

test('a transport failure is "unavailable", with the key redacted from the detail', async () => {
  const w = world();
  w.link('D-4');
  const settled = w.sim.pay('D-4', { status: 'settlement', payment_type: 'bank_transfer' });
  const d = await decideNotification(settled, {
    config: { serverKey: KEY, baseUrl: 'http://sim' },
    sha512Hex,
    transport: async () => {
      throw new Error(`ECONNRESET while sending ${KEY}`);
    },
  });
  expect(d).toMatchObject({ outcome: 'unavailable' });
  expect(JSON.stringify(d)).not.toContain(KEY);
});

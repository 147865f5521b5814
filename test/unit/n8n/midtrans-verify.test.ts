/** Midtrans node ▸ Notification ▸ Verify: the Trigger's checks behind n8n's own Webhook node, against the simulator over HTTP. */
import type { IDataObject } from 'n8n-workflow';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, deliver, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';

const backend = useMidtransBackend(SERVER_KEY);
const creds = () => credentialsFor(backend.url);

async function notification(orderId: string, status = 'settlement') {
  const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId, amount: 60000 }]);
  expect(run.error).toBeUndefined();
  return backend.simulator.pay(orderId, { status, payment_type: status === 'authorize' ? 'credit_card' : 'bank_transfer' }) as Record<
    string,
    string
  >;
}
const verify = (notificationBody: unknown, skipConfirmation = false) =>
  runMidtrans(creds(), [
    { resource: 'notification', operation: 'verify', notificationBody: notificationBody as IDataObject, skipConfirmation },
  ]);
const statusCalls = () => backend.simulator.stats().requestsByRoute.status ?? 0;

test("a genuine notification is verified and confirmed with the status API (one call), with the Trigger's fields added", async () => {
  const body = await notification('VF-1');
  const before = statusCalls();
  const run = await verify(body);
  expect(run.error).toBeUndefined();
  expect(run.items[0].json).toMatchObject({
    verified: true,
    confirmed: true,
    http_status: 200,
    order_id: body.order_id,
    payment_link_order_id: 'VF-1',
    paid: true,
    state: 'paid',
  });
  expect(run.items[0].json.verification).toMatch(/confirmed with the Midtrans Status API/);
  expect(statusCalls()).toBe(before + 1);
  expect(run.items[0].pairedItem).toEqual({ item: 0 });
});

test('a forged notification is verified false with http_status 401 and none of its fields passed on; no status call is made', async () => {
  const body = await notification('VF-2', 'pending');
  const forged = { ...body, transaction_status: 'settlement', status_code: '200', signature_key: 'f'.repeat(128) };
  const before = statusCalls();
  const run = await verify(forged);
  expect(run.items[0].json).toEqual({ verified: false, http_status: 401, reason: 'forged', message: 'Invalid signature_key' });
  expect(statusCalls()).toBe(before);
});

test('a body that is not a notification (or a JSON string that is not one) is verified false with http_status 400', async () => {
  expect((await verify({ hello: 'world' })).items[0].json).toMatchObject({
    verified: false,
    http_status: 400,
    reason: 'not_a_notification',
  });
  expect((await verify('not json')).items[0].json).toMatchObject({ verified: false, http_status: 400 });
});

test('a genuine settlement replayed after the purchase was refunded is passed as what Midtrans says now: refunded, not paid', async () => {
  const settled = await notification('VF-3');
  backend.simulator.pay('VF-3', { status: 'refund', transaction_id: settled.transaction_id } as never);
  const run = await verify(settled);
  expect(run.items[0].json).toMatchObject({
    verified: true,
    confirmed: true,
    transaction_status: 'refund',
    state: 'refunded',
    paid: false,
  });
});

test('with confirmation skipped, the output says only the signed fields are proven, and no status call is made', async () => {
  const body = await notification('VF-4');
  const before = statusCalls();
  const run = await verify(body, true);
  expect(run.items[0].json).toMatchObject({ verified: true, confirmed: false });
  expect(run.items[0].json.verification).toMatch(
    /order_id, status_code and gross_amount are proven; no other field is \(confirmation skipped\)/,
  );
  expect(statusCalls()).toBe(before);
});

test('a notification that moves no money (pending) is verified on its signature and the status-code table, without a status call', async () => {
  const body = await notification('VF-6', 'pending');
  const before = statusCalls();
  const run = await verify(body);
  expect(run.items[0].json).toMatchObject({ verified: true, confirmed: false, state: 'pending', paid: false });
  expect(run.items[0].json.verification).toMatch(/moves no money/);
  expect(statusCalls()).toBe(before);
});

test('a genuine pending with transaction_status edited to settlement is refused by the status-code table: verified false, 401, no status call', async () => {
  const body = await notification('VF-7', 'pending');
  const before = statusCalls();
  const run = await verify({ ...body, transaction_status: 'settlement' });
  expect(run.items[0].json).toMatchObject({
    verified: false,
    http_status: 401,
    reason: 'forged',
    message: expect.stringMatching(/does not fit/),
  });
  expect(run.items[0].json.order_id).toBeUndefined();
  expect(statusCalls()).toBe(before);
});

test('a card authorize edited to settlement (both 200) is caught by confirmation: verified false, Midtrans says authorize', async () => {
  const body = await notification('VF-8', 'authorize');
  const run = await verify({ ...body, transaction_status: 'settlement' });
  expect(run.items[0].json).toMatchObject({ verified: false, http_status: 200, reason: 'unconfirmed' });
});

test("a confirmed settlement replayed with edited time and ids carries Midtrans's values, not the edits", async () => {
  const body = await notification('VF-9');
  const run = await verify({ ...body, settlement_time: '2019-01-01 00:00:00', transaction_id: 'f0rged-0000', payment_type: 'gopay' });
  expect(run.items[0].json).toMatchObject({
    verified: true,
    confirmed: true,
    settlement_time: body.settlement_time,
    transaction_id: body.transaction_id,
    payment_type: 'bank_transfer',
  });
});

test("the status API unreachable: verified false with http_status 503, and the credential's host is not named", async () => {
  const body = await notification('VF-10');
  const run = await runMidtrans(credentialsFor('http://127.0.0.1:9'), [
    { resource: 'notification', operation: 'verify', notificationBody: body as IDataObject },
  ]);
  expect(run.items[0].json).toEqual({
    verified: false,
    http_status: 503,
    reason: 'unavailable',
    message: 'Could not confirm the notification with Midtrans; please retry',
  });
});

describe('Verify and the Trigger (default options) decide alike: same HTTP status, same status calls, same item', () => {
  const trigger = new MidtransTrigger();
  const cases: [string, () => Promise<unknown>][] = [
    ['a genuine settlement', async () => await notification('VA-1')],
    ['a genuine pending', async () => await notification('VA-2', 'pending')],
    ['a pending edited to settlement', async () => ({ ...(await notification('VA-3', 'pending')), transaction_status: 'settlement' })],
    ['an authorize edited to settlement', async () => ({ ...(await notification('VA-4', 'authorize')), transaction_status: 'settlement' })],
    ['a settlement edited to refund', async () => ({ ...(await notification('VA-5')), transaction_status: 'refund' })],
    ['a wrong signature', async () => ({ ...(await notification('VA-6')), signature_key: 'a'.repeat(128) })],
    ['no signature', async () => ({ ...(await notification('VA-7')), signature_key: undefined })],
    ['an unknown status', async () => ({ ...(await notification('VA-8')), transaction_status: 'teleported' })],
    [
      'a formula in transaction_id',
      async () => ({ ...(await notification('VA-9', 'pending')), transaction_id: '=HYPERLINK("http://evil","pay")' }),
    ],
    ['an array', async () => []],
  ];
  test.each(cases)('%s', async (_what, make) => {
    const body = await make();
    const byTrigger = await deliver(
      trigger.webhook,
      { description: trigger.description, credentials: creds() },
      { body: JSON.parse(JSON.stringify(body ?? null)) as IDataObject },
    );
    const run = await verify(body);
    const { verified, http_status, verification, reason, message, ...item } = run.items[0].json;
    expect([http_status, verified, run.httpCalls]).toEqual([byTrigger.status, byTrigger.executed, byTrigger.httpCalls]);
    if (byTrigger.executed) expect(item).toEqual(byTrigger.items[0].json);
    else expect([reason, message, Object.keys(item)]).toEqual([expect.any(String), expect.any(String), []]);
  });
});

test("a shop's own Snap order ORDER-26-1765990547301 is verified but not claimed for link ORDER-26, as in the Trigger (one GET of the candidate link)", async () => {
  await notification('ORDER-26');
  const n = backend.simulator.paySnapOrder('ORDER-26-1765990547301', { status: 'settlement', payment_type: 'gopay', gross_amount: 60000 });
  const gets = () => backend.simulator.stats().requestsByRoute.get ?? 0;
  const before = gets();
  const run = await verify(n);
  expect(run.items[0].json).toMatchObject({
    verified: true,
    confirmed: true,
    order_id: 'ORDER-26-1765990547301',
    payment_link_order_id: '',
    payment_link_order_id_source: 'none',
  });
  expect(gets()).toBe(before + 1);
});

test('a link look-up Midtrans cannot answer gives http_status 503, so the workflow can ask Midtrans to deliver again', async () => {
  const n = backend.simulator.paySnapOrder('SHOP-7-1765990547301', { status: 'settlement', payment_type: 'gopay', gross_amount: 60000 });
  backend.simulator.setFaults({ errorRates: { '503': 1 }, routes: ['get'] });
  const run = await verify(n);
  backend.simulator.setFaults(undefined);
  expect(run.items[0].json).toMatchObject({ verified: false, http_status: 503, reason: 'unavailable' });
});

/** Midtrans node ▸ Notification ▸ Verify: the Trigger's checks behind n8n's own Webhook node, against the simulator over HTTP. */
import type { IDataObject } from 'n8n-workflow';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';
import { checkNotification } from '../../../n8n-node/nodes/MidtransTrigger/notificationCheck';

const backend = useMidtransBackend(SERVER_KEY);
const creds = () => credentialsFor(backend.url);

async function notification(orderId: string, status = 'settlement') {
  const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId, amount: 60000 }]);
  expect(run.error).toBeUndefined();
  return backend.simulator.pay(orderId, { status, payment_type: 'bank_transfer' }) as Record<string, string>;
}
const verify = (notificationBody: unknown, confirmWithStatusApi = true) =>
  runMidtrans(creds(), [
    { resource: 'notification', operation: 'verify', notificationBody: notificationBody as IDataObject, confirmWithStatusApi },
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

test('a genuine but out-of-date notification (the purchase has moved on) is not confirmed: verified false, acknowledged 200', async () => {
  const pending = await notification('VF-3', 'pending');
  backend.simulator.pay('VF-3', { status: 'settlement', transaction_id: pending.transaction_id } as never);
  const run = await verify(pending);
  expect(run.items[0].json).toMatchObject({
    verified: false,
    http_status: 200,
    reason: 'unconfirmed',
    message: expect.stringMatching(/settlement/),
  });
});

test('with confirmation off, the output says only the signed fields are proven', async () => {
  const body = await notification('VF-4');
  const run = await verify(body, false);
  expect(run.items[0].json).toMatchObject({ verified: true, confirmed: false });
  expect(run.items[0].json.verification).toMatch(/order_id, status_code and gross_amount are proven; no other field is/);
});

test('Verify and the Trigger decide alike: each body the Trigger refuses, Verify refuses with the same HTTP status', async () => {
  const good = await notification('VF-5');
  const bodies: unknown[] = [
    good,
    { ...good, signature_key: 'a'.repeat(128) },
    { ...good, signature_key: undefined },
    { ...good, transaction_status: 'teleported' },
    [],
    null,
  ];
  for (const b of bodies) {
    const trigger = checkNotification(b, SERVER_KEY);
    const run = await verify(b, false);
    expect([run.items[0].json.verified, run.items[0].json.http_status]).toEqual([trigger.ok, trigger.ok ? 200 : trigger.status]);
  }
});

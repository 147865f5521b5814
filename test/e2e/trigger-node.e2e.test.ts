/**
 * The Midtrans Trigger inside a real n8n 2.40.7: the simulator's signed notifications go to the
 * Production URL the node's setup notice tells the user to copy, and start executions; a forged
 * notification is answered 401 and starts nothing, and so does a genuine one replayed with its status
 * edited (the status-code table, or the status-API confirmation against the simulator).
 */
import { request } from './harness/http';
import { createLink, pay, setNotificationUrl } from './harness/simulator-client';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import type { WebhookUrl } from './harness/start-n8n';
import { example, outputOf, refundWorkflow, triggerOnlyWorkflow } from './workflows';

const WEBHOOK_ID = '7c2e9f4a-1b3d-4e5f-8a6b-9c0d1e2f3a01';
let stack: Stack;
let workflowId: string;
let hook: WebhookUrl;

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv() });
  workflowId = await stack.n8n.importWorkflow(triggerOnlyWorkflow(WEBHOOK_ID), { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(workflowId);
  [hook] = await stack.n8n.webhookUrls(workflowId);
  await setNotificationUrl(stack.sim!.url, hook.url);
}, 300000);

afterAll(async () => {
  await stack?.stop();
});

async function triggerItems(count: number): Promise<Record<string, unknown>[]> {
  const done = await stack.n8n.waitForExecutions(workflowId, count);
  const ordered = [...done].sort((a, b) => Number(a.id) - Number(b.id));
  const items: Record<string, unknown>[] = [];
  for (const e of ordered) items.push(...outputOf(await stack.n8n.api.execution(e.id), 'Midtrans Trigger'));
  return items;
}

test('the Production URL is the one the setup notice points to: /webhook/<webhookId>/webhook, live once published, and the test URL is not', async () => {
  const description = await stack.n8n.rest.nodeDescription('n8n-nodes-midtrans.midtransTrigger', 1);
  const notice = (description!.properties as { type: string; displayName: string }[]).find((p) => p.type === 'notice');
  expect(notice!.displayName).toMatch(/Copy the (<b>)?Production URL/);
  expect(notice!.displayName).toMatch(/Payment Notification URL/);
  // n8n's editor shows a trigger's Production URL as <webhook base>/webhook/<webhookId>/<description path>.
  expect(hook).toEqual({
    node: 'Midtrans Trigger',
    type: 'n8n-nodes-midtrans.midtransTrigger',
    method: 'POST',
    url: `${stack.n8n.baseUrl}/webhook/${WEBHOOK_ID}/webhook`,
  });
  const testUrl = await request(`${stack.n8n.baseUrl}/webhook-test/${WEBHOOK_ID}/webhook`, { body: {} });
  expect(testUrl.status).toBe(404);
});

test('a customer paying a link makes the simulator notify n8n, and the execution item carries payment_link_order_id, paid and state', async () => {
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-PAID', amount: 120000, title: 'Trigger e2e' });
  const sent = await pay(stack.sim!.url, link.order_id, { status: 'settlement', payment_type: 'bank_transfer' });
  const [item] = await triggerItems(1);
  expect(item).toMatchObject({
    payment_link_order_id: 'E2E-TRIG-PAID',
    paid: true,
    state: 'paid',
    order_id: sent.order_id,
    transaction_status: 'settlement',
    signature_key: sent.signature_key,
    confirmed: true,
  });
  // The purchase's order id is the link's plus Midtrans's suffix; the trigger strips it.
  expect(String(item.order_id).startsWith('E2E-TRIG-PAID-')).toBe(true);
  const deliveries = stack.sim!.notifications().filter((d) => d.body.order_id === sent.order_id);
  expect(deliveries.map((d) => [d.url, d.responseStatus])).toEqual([[hook.url, 200]]);
});

test('a pending payment starts an execution with paid false and state pending', async () => {
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-PENDING', amount: 30000 });
  await pay(stack.sim!.url, link.order_id, { status: 'pending', payment_type: 'bank_transfer' });
  const items = await triggerItems(2);
  expect(items.find((i) => i.payment_link_order_id === 'E2E-TRIG-PENDING')).toMatchObject({
    paid: false,
    state: 'pending',
    transaction_status: 'pending',
  });
});

test('a forged notification gets 401 and leaves no execution', async () => {
  const before = (await stack.n8n.executions(workflowId)).length;
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-FORGED', amount: 99000 });
  const genuine = await pay(stack.sim!.url, link.order_id, { status: 'pending', payment_type: 'bank_transfer' });
  await stack.n8n.waitForExecutions(workflowId, before + 1);

  const forged = { ...genuine, transaction_status: 'settlement', status_code: '200', signature_key: 'f'.repeat(128) };
  const res = await request(hook.url, { body: forged });
  expect(res.status).toBe(401);
  // Executions run in arrival order: once a later genuine notification has its execution, the forged
  // one would have had its own by then.
  const settled = await pay(stack.sim!.url, link.order_id, { status: 'settlement', transaction_id: genuine.transaction_id });
  const after = await stack.n8n.waitForExecutions(workflowId, before + 2);
  expect(after).toHaveLength(before + 2);
  const items = await triggerItems(before + 2);
  expect(items.filter((i) => i.signature_key === forged.signature_key)).toEqual([]);
  expect(items.at(-1)).toMatchObject({ order_id: settled.order_id, transaction_status: 'settlement', paid: true });
});

test('a genuine notification replayed with its status edited starts nothing: a pending as settlement gets 401, a settlement as refund is not confirmed by the status API', async () => {
  const before = (await stack.n8n.executions(workflowId)).length;
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-EDIT', amount: 64000 });
  const pending = await pay(stack.sim!.url, link.order_id, { status: 'pending', payment_type: 'bank_transfer' });
  await stack.n8n.waitForExecutions(workflowId, before + 1);
  // transaction_status is not signed: both copies below still carry a valid signature_key.
  expect((await request(hook.url, { body: { ...pending, transaction_status: 'settlement' } })).status).toBe(401);
  const settled = await pay(stack.sim!.url, link.order_id, { status: 'settlement', transaction_id: pending.transaction_id });
  await stack.n8n.waitForExecutions(workflowId, before + 2);
  const refund = await request(hook.url, { body: { ...settled, transaction_status: 'refund' } });
  expect(refund.status).toBe(200);
  expect(refund.text).toBe('{"received":true}');
  // A later genuine notification's execution comes after any the replays would have started.
  const other = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-EDIT-2', amount: 1000 });
  await pay(stack.sim!.url, other.order_id, { status: 'pending', payment_type: 'bank_transfer' });
  const after = await stack.n8n.waitForExecutions(workflowId, before + 3);
  expect(after).toHaveLength(before + 3);
  const items = (await triggerItems(before + 3)).filter((i) => i.payment_link_order_id === 'E2E-TRIG-EDIT');
  expect(items.map((i) => [i.state, i.confirmed])).toEqual([
    ['pending', false],
    ['paid', true],
  ]);
});

test('a verified notification is answered 200 with the JSON {"received":true} (not n8n\'s default "firstEntryJson"), and delivering it again starts a second execution', async () => {
  const base = (await stack.n8n.executions(workflowId)).length;
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-ANSWER', amount: 45000 });
  const sent = await pay(stack.sim!.url, link.order_id, { status: 'settlement', payment_type: 'gopay' });
  const before = (await stack.n8n.waitForExecutions(workflowId, base + 1)).length;
  // The same body again, as Midtrans sends it when it retries: the trigger no longer suppresses repeats
  // (static data is not reliably saved for webhook triggers); the README's Remove Duplicates step does.
  const res = await request(hook.url, { body: sent });
  expect(res.status).toBe(200);
  expect(res.text).toBe('{"received":true}');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const after = await stack.n8n.waitForExecutions(workflowId, before + 1);
  expect(after).toHaveLength(before + 1);
  const items = await triggerItems(before + 1);
  expect(items.filter((i) => i.signature_key === sent.signature_key)).toHaveLength(2);
  // The simulator's own delivery got the same clean answer status.
  expect(
    stack
      .sim!.notifications()
      .filter((d) => d.body.order_id === sent.order_id)
      .map((d) => d.responseStatus),
  ).toEqual([200]);
});

test('a partial refund made through the Midtrans node reaches the Trigger as a genuine partial_refund notification for the same order', async () => {
  const base = (await stack.n8n.executions(workflowId)).length;
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-TRIG-REFUND', amount: 80000 });
  const paid = await pay(stack.sim!.url, link.order_id, { status: 'settlement', payment_type: 'credit_card' });
  await stack.n8n.waitForExecutions(workflowId, base + 1);
  const refundId = await stack.n8n.importWorkflow(refundWorkflow(), { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(refundId);
  const [refundHook] = await stack.n8n.webhookUrls(refundId);
  const res = await request<Record<string, unknown>>(refundHook.url, {
    body: { id: paid.order_id, amount: 30000, refund_key: 'e2e-refund-1' },
    timeoutMs: 60000,
  });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    transaction_status: 'partial_refund',
    refund_amount: '30000.00',
    refund_key: 'e2e-refund-1',
    left_to_refund: 50000,
  });
  const items = await triggerItems(base + 2);
  expect(items.at(-1)).toMatchObject({
    order_id: paid.order_id,
    payment_link_order_id: 'E2E-TRIG-REFUND',
    transaction_status: 'partial_refund',
    refund_amount: '30000.00',
  });
  expect(
    stack
      .sim!.notifications()
      .filter((d) => d.body.order_id === paid.order_id)
      .map((d) => [d.body.transaction_status, d.responseStatus]),
  ).toEqual([
    ['settlement', 200],
    ['partial_refund', 200],
  ]);
  await stack.n8n.api.unpublish(refundId);
});

test('the example "Verify behind a Webhook" workflow answers a genuine notification 200 and runs the steps after it, and a forgery 401 without reaching them', async () => {
  const wf = example('verify-webhook-notifications.json');
  const id = await stack.n8n.importWorkflow(wf, { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(id);
  const url = (await stack.n8n.webhookUrls(id)).find((h) => h.node === 'Midtrans notification')!.url;
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-VERIFY-1', amount: 64000 });
  const genuine = await pay(stack.sim!.url, link.order_id, { status: 'settlement', payment_type: 'bank_transfer' });
  const ok = await request(url, { body: genuine, timeoutMs: 60000 });
  expect([ok.status, ok.json]).toEqual([200, { received: true }]);
  const forgedBody = { ...genuine, signature_key: 'f'.repeat(128) };
  const no = await request(url, { body: forgedBody, timeoutMs: 60000 });
  expect([no.status, no.json]).toEqual([401, { message: 'Invalid signature_key' }]);
  const runs = [...(await stack.n8n.waitForExecutions(id, 2))].sort((a, b) => Number(a.id) - Number(b.id));
  const [first, second] = await Promise.all(runs.map((e) => stack.n8n.api.execution(e.id)));
  expect(outputOf(first, 'Your steps')[0]).toMatchObject({
    verified: true,
    confirmed: true,
    order_id: genuine.order_id,
    payment_link_order_id: 'E2E-VERIFY-1',
  });
  expect(outputOf(second, 'Your steps')).toEqual([]);
  await stack.n8n.api.unpublish(id);
});

/**
 * The Midtrans action node inside a real n8n 2.40.7, installed from `npm pack` like a user installs it,
 * against the simulator over HTTP. Workflows are started through their production webhooks and
 * checked through n8n's own execution records and the simulator's counters.
 */
import { request } from './harness/http';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import { example, linkLifecycleWorkflow, outputOf } from './workflows';

let stack: Stack;
let lifecycleId: string;
let lifecycleUrl: string;
let createId: string;
let createUrl: string;

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv() });
  const { n8n, credential } = stack;
  lifecycleId = await n8n.importWorkflow(linkLifecycleWorkflow(), { credentials: { midtransApi: credential } });
  createId = await n8n.importWorkflow(example('create-payment-link.json'), { credentials: { midtransApi: credential } });
  await n8n.activate(lifecycleId);
  await n8n.activate(createId);
  [lifecycleUrl] = (await n8n.webhookUrls(lifecycleId)).map((w) => w.url);
  [createUrl] = (await n8n.webhookUrls(createId)).map((w) => w.url);
}, 300000);

afterAll(async () => {
  await stack?.stop();
});

const simLink = (orderId: string) =>
  stack.sim!.simulator.handle({
    method: 'GET',
    path: `/v1/payment-links/${orderId}`,
    headers: { authorization: `Basic ${Buffer.from(`${stack.serverKey}:`).toString('base64')}`, accept: 'application/json' },
  });

test('a workflow creates a payment link, gets it and deactivates it; the simulator ends with the link deleted', async () => {
  const orderId = 'E2E-LIFE-1';
  const res = await request<Record<string, unknown>>(lifecycleUrl, { body: { order_id: orderId, amount: 150000 } });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ order_id: orderId, deactivated: true });

  const [execution] = await stack.n8n.waitForExecutions(lifecycleId, 1);
  expect(execution.status).toBe('success');
  const full = await stack.n8n.api.execution(execution.id);
  const [created] = outputOf(full, 'Create');
  expect(created).toMatchObject({ order_id: orderId, existing: false });
  expect(String(created.payment_url)).toMatch(new RegExp(`^${stack.sim!.url}/`));
  const [got] = outputOf(full, 'Get');
  expect(got).toMatchObject({ order_id: orderId });
  expect((got.summary as { status: string }).status).toBe('Link created');

  expect(stack.sim!.simulator.stats().createdLinksByOrderId[orderId]).toBe(1);
  const after = simLink(orderId);
  // The simulator answers a deleted link like an unknown one (404), as Midtrans does after DELETE.
  expect(after.status).toBe(404);
});

// A rule Midtrans documents (order_id's characters, contract §2.2) refuses before sending; an inferred one
// (an odd-looking email) only warns, so it is not the field to break here.
test('the example "Create payment link" workflow fails on a bad field, names the field, and never calls Midtrans', async () => {
  const orderId = 'E2E BAD ID';
  const res = await request(createUrl, { body: { order_id: orderId, amount: 50000, email: 'buyer@example.com' } });
  expect(res.status).toBeGreaterThanOrEqual(500);

  const executions = await stack.n8n.waitForExecutions(createId, 1);
  const failed = executions.find((e) => e.status === 'error');
  expect(failed).toBeDefined();
  const full = await stack.n8n.api.execution(failed!.id);
  const error = full.data!.resultData.error!;
  expect(error.message).toMatch(/Order ID/);
  expect(full.data!.resultData.lastNodeExecuted).toBe('Midtrans: create payment link');
  expect(stack.sim!.simulator.stats().createCallsByOrderId[orderId]).toBeUndefined();
});

test('the same order id twice returns the existing link instead of a second one', async () => {
  const orderId = 'E2E-DUP-1';
  const first = await request<Record<string, unknown>>(createUrl, {
    body: { order_id: orderId, amount: 75000, email: 'buyer@example.com' },
  });
  const second = await request<Record<string, unknown>>(createUrl, {
    body: { order_id: orderId, amount: 75000, email: 'buyer@example.com' },
  });
  expect(first.status).toBe(200);
  expect(second.status).toBe(200);
  expect(first.json).toMatchObject({ order_id: orderId, existing: false });
  expect(second.json).toMatchObject({ order_id: orderId, existing: true, payment_url: first.json.payment_url });
  const stats = stack.sim!.simulator.stats();
  expect(stats.createdLinksByOrderId[orderId]).toBe(1);
  expect(stats.createCallsByOrderId[orderId]).toBe(2);
});

test("the credential's Test button passes with the simulator's key and fails with another, saying what to fix", async () => {
  const { n8n, credential, sim, serverKey } = stack;
  const form = (key: string) => ({
    ...credential,
    type: 'midtransApi',
    data: { serverKey: key, environment: 'sandbox', baseUrl: sim!.url },
  });
  const before = { ...sim!.simulator.stats().responsesByStatus };
  expect(await n8n.rest.testCredential(form(serverKey))).toMatchObject({ status: 'OK' });
  const wrong = await n8n.rest.testCredential(form('SB-Mid-server-not-this-one'));
  expect(wrong.status).toBe('Error');
  expect(wrong.message).toMatch(/server key/i);
  expect(wrong.message).not.toContain('SB-Mid-server-not-this-one');
  // Both tests reached the simulator (no short-cut inside n8n): the probe's 404 passed, the 401 failed.
  const after = sim!.simulator.stats().responsesByStatus;
  expect((after['404'] ?? 0) - (before['404'] ?? 0)).toBe(1);
  expect((after['401'] ?? 0) - (before['401'] ?? 0)).toBeGreaterThanOrEqual(1);
});

test('the server key appears in no execution record and no n8n log line', async () => {
  const { n8n, serverKey } = stack;
  const records: unknown[] = [];
  for (const id of [lifecycleId, createId]) {
    for (const e of await n8n.executions(id)) records.push(await n8n.api.execution(e.id));
  }
  expect(records.length).toBeGreaterThanOrEqual(4);
  expect(JSON.stringify(records)).not.toContain(serverKey);
  expect(n8n.logs()).not.toContain(serverKey);
});

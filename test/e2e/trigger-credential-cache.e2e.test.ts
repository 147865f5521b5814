/**
 * The Midtrans Trigger's credential cache inside a real n8n 2.40.7 (default expression engine): the key
 * is changed through n8n's public API as a user rotates it, a forged flood is sent, and two independent
 * counters say how often the credential was read: the trigger's debug log line (which names the
 * credential id and the reason, never the key) and n8n's own count of expression isolates acquired
 * (`n8n_expression_pool_acquired_total` on /metrics; under the default engine each request acquires one
 * for the webhook phase and each credential read one more). The rules are in
 * n8n-node/nodes/MidtransTrigger/credentialCache.ts.
 *
 * Every genuine notification is a purchase the simulator really made, because the Trigger confirms a
 * settlement with the status API (GET /v2/{order_id}/status) before a run starts. A key change is made
 * where a merchant makes it: at Midtrans (the simulator's key changes, so the old key gets 401 there)
 * and then in the n8n credential.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { KEY_TTL_MS, MIN_READ_INTERVAL_MS } from '../../n8n-node/nodes/MidtransTrigger/credentialCache';
import { expectOk, request } from './harness/http';
import { createLink, pay } from './harness/simulator-client';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import { triggerOnlyWorkflow } from './workflows';

const WEBHOOK_ID = '3a9d7e51-6c2b-4f8a-9e1d-2b3c4d5e6f71';
const KEY_2 = 'SB-Mid-server-rotatedKey2-e2e0123';
const KEY_3 = 'SB-Mid-server-rotatedKey3-e2e4567';
// Slack for a shared 2-core machine: how late a request can be answered, on top of the stated rule.
const SLACK_MS = 5000;

let stack: Stack;
let workflowId: string;
let url: string;
let template: Record<string, string>;
let linkOrderId: string;
let seq = 0;
/** Notifications answered 200 so far: each must have started exactly one execution. */
let accepted = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sign = (body: Record<string, string>, key: string): Record<string, string> => ({
  ...body,
  signature_key: createHash('sha512')
    .update(body.order_id + body.status_code + body.gross_amount + key)
    .digest('hex'),
});

/** A new settled purchase of the link, made in the simulator (so its status API knows it), signed with `key`. */
async function signedWith(key: string): Promise<Record<string, string>> {
  return sign(await pay(stack.sim!.url, linkOrderId, { status: 'settlement', payment_type: 'bank_transfer' }), key);
}

/** A body no purchase stands behind (its order id is made up), signed with `key`: only for forgeries. */
function madeUpSignedWith(key: string): Record<string, string> {
  return sign({ ...template, order_id: `${template.order_id}-${++seq}` }, key);
}

const statusCalls = () => stack.sim!.simulator.stats().requestsByRoute.status ?? 0;
const linkGets = () => stack.sim!.simulator.stats().requestsByRoute.get ?? 0;

const readLines = () =>
  fs
    .readFileSync(stack.n8n.logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes(`Midtrans Trigger: reading credential ${stack.credential.id} (`));

async function isolatesAcquired(): Promise<number> {
  const text = (await request(`${stack.n8n.baseUrl}/metrics`)).text;
  const line = text.split('\n').find((l) => l.startsWith('n8n_expression_pool_acquired_total'));
  if (!line) throw new Error('n8n /metrics has no n8n_expression_pool_acquired_total');
  return Number(line.split(' ').pop());
}

async function send(body: Record<string, string>): Promise<number> {
  const { status } = await request(url, { body });
  if (status === 200) accepted++;
  return status;
}

/** Every accepted notification has its one finished execution, and no other execution exists. */
async function expectOneExecutionPerAccepted(): Promise<void> {
  await stack.n8n.waitForExecutions(workflowId, accepted);
  await sleep(1000);
  expect(await finished()).toBe(accepted);
}

/** The key changes at Midtrans first, then the merchant pastes it into the n8n credential. */
async function rotate(serverKey: string): Promise<number> {
  await expectOk('POST /_sim/server-key', request(`${stack.sim!.url}/_sim/server-key`, { body: { serverKey } }));
  await stack.n8n.api.call('PATCH', `/credentials/${stack.credential.id}`, {
    data: { serverKey, environment: 'sandbox', baseUrl: stack.sim!.url },
  });
  return Date.now();
}

const finished = async () => (await stack.n8n.executions(workflowId)).filter((e) => e.status !== 'running' && e.status !== 'new').length;

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv(), env: { N8N_LOG_LEVEL: 'debug', N8N_METRICS: 'true' } });
  workflowId = await stack.n8n.importWorkflow(triggerOnlyWorkflow(WEBHOOK_ID), { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(workflowId);
  [{ url }] = await stack.n8n.webhookUrls(workflowId);
  // One link paid many times: each genuine notification below is its own purchase.
  const link = await createLink(stack.sim!.url, stack.serverKey, { orderId: 'E2E-CACHE', amount: 75000, usageLimit: 1000 });
  linkOrderId = link.order_id;
  // The simulator's own notification body, kept as the template (its delivery goes nowhere: no URL set).
  template = (await pay(stack.sim!.url, link.order_id, { status: 'settlement', payment_type: 'bank_transfer' })) as Record<string, string>;
}, 300000);

afterAll(async () => {
  await stack?.stop();
});

test("genuine notifications in a row read the credential once, not once each; each costs n8n two isolates (webhook phase, execution) plus one for the credential n8n's HTTP helper reads for each Midtrans call (the status call, and the GET that claims a link made without custom_field1), and no more", async () => {
  const isolatesBefore = await isolatesAcquired();
  const statusCallsBefore = statusCalls();
  const getsBefore = linkGets();
  for (let i = 0; i < 5; i++) expect(await send(await signedWith(stack.serverKey))).toBe(200);
  await expectOneExecutionPerAccepted();
  const reads = readLines().length;
  // Sent well within KEY_TTL_MS of each other; a slow machine may expire the entry once.
  expect(reads).toBeGreaterThanOrEqual(1);
  expect(reads).toBeLessThanOrEqual(2);
  expect(readLines()[0]).toMatch(/\((first|expired)\)/);
  // Each settlement was confirmed with one status call (the simulator counts them).
  const calls = statusCalls() - statusCallsBefore;
  expect(calls).toBe(5);
  // The link was made without custom_field1, so each payment is claimed from Midtrans's GET of the link.
  const gets = linkGets() - getsBefore;
  expect(gets).toBe(5);
  // n8n's own counter: nothing else in webhook() (getNodeParameter for events and options included)
  // acquires an isolate of its own; the only extra ones are the Trigger's credential reads and the one
  // n8n's httpRequestWithAuthentication makes to authenticate each Midtrans call.
  const isolates = (await isolatesAcquired()) - isolatesBefore;
  console.log(
    `5 genuine notifications: ${isolates} isolates acquired, ${reads} credential reads, ${calls} status calls, ${gets} link GETs`,
  );
  expect(isolates).toBe(5 * 2 + reads + calls + gets);
});

test(`a forged flood starts no execution and reads the credential at most once per ${MIN_READ_INTERVAL_MS} ms (n8n's isolate counter agrees)`, async () => {
  const executionsBefore = await finished();
  const readsBefore = readLines().length;
  const isolatesBefore = await isolatesAcquired();
  const flood = Array.from({ length: 150 }, () => madeUpSignedWith('SB-Mid-server-NotTheMerchantsKey000'));
  const started = Date.now();
  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < flood.length) statuses.push((await request(url, { body: flood[next++] })).status);
    }),
  );
  const elapsed = Date.now() - started;
  expect(statuses.filter((s) => s !== 401)).toEqual([]);
  await sleep(2000);
  expect(await finished()).toBe(executionsBefore);
  expect(executionsBefore).toBe(accepted);

  const reads = readLines().length - readsBefore;
  const bound = Math.floor(elapsed / MIN_READ_INTERVAL_MS) + 1;
  console.log(`forged flood: ${flood.length} requests in ${elapsed} ms, ${reads} credential reads (bound ${bound})`);
  expect(reads).toBeLessThanOrEqual(bound);
  expect(reads).toBeLessThan(flood.length / 5);
  // n8n's own counter: one isolate per request for the webhook phase, plus one per credential read.
  expect((await isolatesAcquired()) - isolatesBefore).toBe(flood.length + reads);
}, 240000);

test(`a key rotated through the n8n API is honoured within ${MIN_READ_INTERVAL_MS} ms, and the old key is refused from then on`, async () => {
  // Let the last read age past the re-read interval first, so the bound below is the rule's own.
  await sleep(MIN_READ_INTERVAL_MS);
  const rotatedAt = await rotate(KEY_2);
  let honouredAfter = -1;
  while (Date.now() - rotatedAt < KEY_TTL_MS + SLACK_MS) {
    const status = await send(await signedWith(KEY_2));
    if (status === 200) {
      honouredAfter = Date.now() - rotatedAt;
      break;
    }
    expect(status).toBe(401);
    await sleep(200);
  }
  console.log(`rotation: new key honoured ${honouredAfter} ms after the API call returned`);
  expect(honouredAfter).toBeGreaterThanOrEqual(0);
  expect(honouredAfter).toBeLessThanOrEqual(MIN_READ_INTERVAL_MS + SLACK_MS);
  // The re-read that honoured the new key dropped the old one.
  expect(await send(await signedWith(stack.serverKey))).toBe(401);
  expect(await send(await signedWith(KEY_2))).toBe(200);
  await expectOneExecutionPerAccepted();
}, 120000);

test(`when only old-key notifications arrive after a rotation, they are refused within ${KEY_TTL_MS} ms of it`, async () => {
  const rotatedAt = await rotate(KEY_3);
  const answers: { at: number; status: number }[] = [];
  while (Date.now() - rotatedAt < KEY_TTL_MS + SLACK_MS) {
    answers.push({ status: await send(await signedWith(KEY_2)), at: Date.now() - rotatedAt });
    await sleep(250);
  }
  const firstRefusal = answers.find((a) => a.status === 401);
  console.log(
    `old key: last accepted ${answers.filter((a) => a.status === 200).pop()?.at ?? 'never'} ms after rotation, first refused ${firstRefusal?.at} ms`,
  );
  expect(firstRefusal).toBeDefined();
  expect(firstRefusal!.at).toBeLessThanOrEqual(KEY_TTL_MS + SLACK_MS);
  // Once refused, never accepted again.
  expect(answers.filter((a) => a.at > firstRefusal!.at && a.status !== 401)).toEqual([]);
  expect(await send(await signedWith(KEY_3))).toBe(200);
  await expectOneExecutionPerAccepted();
}, 120000);

test('no key (the first, the rotated ones) appears in any n8n log line or any execution record', async () => {
  const log = fs.readFileSync(stack.n8n.logFile, 'utf8');
  // The log is n8n's debug log, and it has the trigger's reading lines: the check looked at something.
  expect(log).toMatch(/Midtrans Trigger: reading credential/);
  const executions = await stack.n8n.executions(workflowId, { includeData: true });
  expect(executions.length).toBeGreaterThan(5);
  const records = JSON.stringify(executions);
  for (const key of [stack.serverKey, KEY_2, KEY_3]) {
    expect(log.includes(key)).toBe(false);
    expect(records.includes(key)).toBe(false);
  }
});

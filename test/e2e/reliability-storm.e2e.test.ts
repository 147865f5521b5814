/**
 * Reliability (issue 8, parts 2 and 5) in a real n8n 2.40.7: a small notification storm — a sheet's
 * worth of genuine notifications from the simulator, shuffled, with duplicates, forged and malformed
 * bodies — posted to the Midtrans Trigger's Production URL.
 *
 * Must hold: forged bodies are answered 401 and malformed ones 4xx, and neither starts an execution;
 * every genuine delivery starts an execution; a money move's run carries what the simulator's status
 * API answers (the purchase's last state), any other run the notification as sent; folding the
 * executions' items with the core gives every link the status in-order delivery gives; the server key (and its Basic token) appears in no
 * HTTP answer and no execution's data. (Exactly one execution per distinct notification holds in the
 * fake-context suite, not here: see the note below.) Then the Midtrans node's example workflow runs
 * through a gateway that echoes the Authorization header and the decoded key in its error answers: the
 * key and its token appear in no HTTP answer, execution record or n8n log line.
 */
import { applyNotification, interpretNotification, summarisePurchases, type PurchaseRecord } from '../../core/src';
import { request } from './harness/http';
import { startStack, type Stack, tarballFromEnv } from './harness/stack';
import type { WebhookUrl } from './harness/start-n8n';
import { example, outputOf, triggerOnlyWorkflow } from './workflows';
import { startHostileServer, type HostileServer } from '../reliability/support/hostile';
import { findLeaks } from '../reliability/support/secrets';
import { payEverything, storm } from '../reliability/support/storm';

const WEBHOOK_ID = '3b1f6c2a-9d4e-4f70-8a1b-2c3d4e5f6a7b';
const SEED = 5;
let stack: Stack;
let workflowId: string;
let hook: WebhookUrl;

beforeAll(async () => {
  stack = await startStack({ packageTarball: tarballFromEnv(), serverKey: 'SB-Mid-server-PLANTEDe2eRelSecret9Kq' });
  workflowId = await stack.n8n.importWorkflow(triggerOnlyWorkflow(WEBHOOK_ID), { credentials: { midtransApi: stack.credential } });
  await stack.n8n.activate(workflowId);
  [hook] = await stack.n8n.webhookUrls(workflowId);
}, 300000);

let gateway: HostileServer | undefined;
afterAll(async () => {
  await gateway?.close();
  await stack?.stop();
});

function statuses(bodies: Record<string, unknown>[], links: { orderId: string; usageLimit: number }[]): Record<string, string> {
  const byLink: Record<string, Record<string, PurchaseRecord>> = {};
  for (const b of bodies) {
    const n = interpretNotification(b);
    if (!n.ok) throw new Error(n.problem);
    byLink[n.value.linkOrderId] = applyNotification(byLink[n.value.linkOrderId] ?? {}, n.value).purchases;
  }
  return Object.fromEntries(
    links.map((l) => [l.orderId, summarisePurchases(Object.values(byLink[l.orderId] ?? {}), { usageLimit: l.usageLimit }).status]),
  );
}

test('a shuffled storm with duplicates, forgeries and malformed bodies: no forged or malformed body starts a run, every genuine delivery (repeats included) starts exactly one and is answered {"received":true}, folded runs give in-order statuses, no key anywhere', async () => {
  const sim = stack.sim!.simulator;
  const auth = `Basic ${Buffer.from(`${stack.serverKey}:`).toString('base64')}`;
  const links = [
    { orderId: 'E2E-STORM-1', usageLimit: 3 },
    { orderId: 'E2E-STORM-2', usageLimit: 1 },
    { orderId: 'E2E-STORM-3', usageLimit: 2 },
  ];
  for (const l of links) {
    const res = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_details: { order_id: l.orderId, gross_amount: 50000 }, usage_limit: l.usageLimit }),
    });
    expect(res.status).toBe(200);
  }
  // No notification URL is set, so the simulator delivers nothing itself: the storm below is the delivery.
  const { ordered } = payEverything(sim, links, SEED);
  const deliveries = storm(ordered, SEED);
  const answers: string[] = [];
  for (const d of deliveries) {
    const res = await request(hook.url, { body: d.text });
    answers.push(res.text);
    if (d.kind === 'forged') expect({ how: d.how, status: res.status }).toEqual({ how: d.how, status: 401 });
    else if (d.kind === 'malformed')
      expect({ how: d.how, status: res.status >= 400 && res.status < 500 }).toEqual({ how: d.how, status: true });
    else expect(res.status).toBe(200);
  }
  const keyOf = (b: Record<string, unknown>) =>
    `${String(b.transaction_id)}|${String(b.transaction_status)}|${String(b.fraud_status ?? '')}`;
  const distinct = new Set(ordered.map(keyOf));
  const delivered = deliveries.filter((d) => d.kind === 'genuine' || d.kind === 'duplicate').length;
  await stack.n8n.waitForExecutions(workflowId, delivered);
  // Let any execution a forgery that slipped through started appear too.
  await new Promise((r) => setTimeout(r, 2000));
  const all = await stack.n8n.executions(workflowId);
  const items: Record<string, unknown>[] = [];
  const data: string[] = [];
  for (const e of all) {
    const full = await stack.n8n.api.execution(e.id);
    data.push(JSON.stringify(full));
    items.push(...outputOf(full, 'Midtrans Trigger'));
  }
  // The trigger does not suppress repeats (static data is not reliably saved for webhook triggers in
  // n8n 2.40.7; the README points to n8n's Remove Duplicates node): every genuine delivery, repeats
  // included, starts exactly one execution, and no forged or malformed body starts one.
  expect(items).toHaveLength(all.length);
  expect(all.length).toBe(delivered);
  // A money move (to paid, or a reversal) is confirmed with the status API before its run starts, and
  // the run carries what Midtrans answers then, not the body's unsigned status (docs/midtrans-contract.md
  // §5.8). The storm is delivered after every purchase reached its last state, so a confirmed run
  // carries that last state; an unconfirmed run claims no money and is the notification as sent.
  const lastOf = new Map(ordered.map((b) => [String(b.transaction_id), keyOf(b)]));
  for (const i of items) {
    if (i.confirmed === true) expect({ confirmed: keyOf(i) }).toEqual({ confirmed: lastOf.get(String(i.transaction_id)) });
    else
      expect({ unconfirmed: keyOf(i), distinct: distinct.has(keyOf(i)), paid: i.paid }).toEqual({
        unconfirmed: keyOf(i),
        distinct: true,
        paid: false,
      });
  }
  // Every purchase reached a run.
  expect(new Set(items.map((i) => String(i.transaction_id)))).toEqual(new Set(lastOf.keys()));
  // A notification with a non-200 code (pending, challenge, deny, expire, cancel) is never replaced by a
  // later state: it moves no money, or it is the last state itself (a deny that reverses a settlement).
  const ran = new Set(items.map(keyOf));
  for (const b of ordered)
    if (b.status_code !== '200') expect({ notification: keyOf(b), ran: ran.has(keyOf(b)) }).toEqual({ notification: keyOf(b), ran: true });
  for (const [i, d] of deliveries.entries())
    if (d.kind === 'genuine' || d.kind === 'duplicate') expect(answers[i]).toBe('{"received":true}');
  process.stderr.write(
    `[reliability e2e] ${all.length} executions for ${distinct.size} distinct notifications (${delivered} genuine deliveries, ${deliveries.length} in all)\n`,
  );
  expect(statuses(items, links)).toEqual(statuses(ordered, links));
  expect(
    findLeaks(
      [
        { where: 'answers', text: answers.join('\n') },
        { where: 'executions', text: data.join('\n') },
      ],
      stack.serverKey,
    ),
  ).toEqual([]);
}, 240000);

test('the Midtrans node behind a gateway that echoes the key in 400, 401, 409 and 500 answers: no answer, execution record or n8n log line carries the key or its token', async () => {
  const statusFor: Record<string, number> = { 'E2E-ECHO-400': 400, 'E2E-ECHO-401': 401, 'E2E-ECHO-409': 409, 'E2E-ECHO-500': 500 };
  gateway = await startHostileServer(stack.sim!.simulator, (r) => {
    const hit = Object.keys(statusFor).find((id) => (r.body ?? '').includes(id) || r.url.includes(id));
    return hit ? statusFor[hit] : undefined;
  });
  const credential = await stack.n8n.createCredential({
    name: 'Midtrans via an echoing gateway',
    type: 'midtransApi',
    data: { serverKey: stack.serverKey, environment: 'sandbox', baseUrl: gateway.url },
  });
  const id = await stack.n8n.importWorkflow(example('create-payment-link.json'), { credentials: { midtransApi: credential } });
  await stack.n8n.activate(id);
  const [url] = (await stack.n8n.webhookUrls(id)).map((w) => w.url);
  const answers: string[] = [];
  for (const orderId of ['E2E-ECHO-OK', ...Object.keys(statusFor)]) {
    const res = await request(url, { body: { order_id: orderId, amount: 50000, email: 'buyer@example.com' } });
    answers.push(`${res.status} ${res.text}`);
  }
  expect(answers[0]).toMatch(/^200 /);
  const executions = await stack.n8n.waitForExecutions(id, 5, 60000);
  expect(executions.filter((e) => e.status === 'error').length).toBeGreaterThanOrEqual(4);
  const records: string[] = [];
  for (const e of executions) records.push(JSON.stringify(await stack.n8n.api.execution(e.id)));
  // Not vacuous: the gateway's echo reached the error records, scrubbed.
  expect(records.join('\n')).toContain('[redacted]');
  expect(
    findLeaks(
      [
        { where: 'answers', text: answers.join('\n') },
        { where: 'executions', text: records.join('\n') },
        { where: 'n8n log', text: stack.n8n.logs() },
      ],
      stack.serverKey,
    ),
  ).toEqual([]);
}, 240000);

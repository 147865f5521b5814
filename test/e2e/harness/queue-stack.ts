/**
 * n8n in queue mode as a user deploys it past one process (n8n docs "Queue mode"; platform notes in
 * docs/n8n-queue-mode.md): a real PostgreSQL 17 and a real Redis, one main (`n8n start`, production
 * webhooks off), N webhook processors (`n8n webhook`) and M workers (`n8n worker`). Each n8n process
 * has its own user folder with our packed package installed in it as a user installs it, its own
 * ports, and its own hostname (n8n names a process `<type>-<hostname>` when it sees a container, so two
 * workers on one host would share a name): `unshare --uts` where allowed.
 *
 *   const q = await startQueueStack({ packageTarball, webhookProcessors: 2, workers: 2 });
 *   const id = await q.main.importWorkflow(json, { credentials: { midtransApi: q.credential } });
 *   await q.publish(id);                         // live on every webhook processor
 *   q.webhookUrl(0, path)                        // a production URL on webhook processor 0
 *   await q.workers[1].kill('SIGKILL');          // a worker dies mid-storm
 *   await q.stop();
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';
import { freePorts } from './free-port';
import { request } from './http';
import { installPackage } from './install-package';
import { quietN8nEnv } from './n8n-env';
import { type GroupProcess, spawnGroup } from './process-group';
import { type N8nInstall, provisionN8n } from './provision';
import { startPostgres, type Postgres } from './queue-postgres';
import { startRedis, type Redis } from './queue-redis';
import { MIDTRANS_NODE_TYPES } from './stack';
import { type N8nInstance, startN8n } from './start-n8n';

export interface QueueProcess {
  kind: 'webhook' | 'worker';
  name: string;
  /** Leader of the process's group (n8n itself; its task runner is in the same group). */
  pid: number;
  /** HTTP base of a webhook processor; a worker's health server. */
  baseUrl: string;
  logs(): string;
  /** Every pid of the process group (n8n and its task runner), for CPU accounting. */
  pids(): number[];
  running(): boolean;
  /** SIGTERM: n8n's graceful shutdown (a worker finishes its running jobs). SIGKILL: dies at once. */
  kill(signal: 'SIGTERM' | 'SIGKILL', graceMs?: number): Promise<void>;
}

export interface QueueStack {
  pg: Postgres;
  redis: Redis;
  sim: SimulatorServer;
  main: N8nInstance;
  webhooks: QueueProcess[];
  workers: QueueProcess[];
  serverKey: string;
  credential: { id: string; name: string };
  /** Publishes the workflow and waits until each webhook processor serves `paths` (relative to /webhook/). */
  publish(workflowId: string, paths: { path: string; method: string }[]): Promise<void>;
  webhookUrl(processor: number, pathAfterWebhook: string): string;
  /** Starts one more worker (after one was stopped or killed); it joins `workers`. */
  addWorker(): Promise<QueueProcess>;
  /** Worker whose log says it finished execution `id`, or null. */
  workerOf(executionId: string): string | null;
  stop(): Promise<void>;
}

export interface QueueStackOptions {
  packageTarball: string;
  webhookProcessors?: number;
  workers?: number;
  /** `n8n worker --concurrency` (n8n's default is 10). */
  concurrency?: number;
  /** Extra environment for every n8n process (e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE). */
  env?: Record<string, string>;
  serverKey?: string;
  log?: (line: string) => void;
  install?: N8nInstall;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let utsChecked: boolean | null = null;
/** Whether `unshare --uts` works here (root, or a container that allows it). */
function canUnshareUts(): boolean {
  if (utsChecked === null) {
    try {
      execFileSync('unshare', ['--uts', 'true'], { stdio: 'ignore' });
      utsChecked = true;
    } catch {
      utsChecked = false;
    }
  }
  return utsChecked;
}

/** The pids of process group `pgid` (from /proc: n8n's task-runner child is in the group too). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

export function queueEnv(pg: Postgres, redis: Redis): Record<string, string> {
  return {
    EXECUTIONS_MODE: 'queue',
    ...pg.n8nEnv(),
    ...redis.n8nEnv(),
    // 2.40.7's default pool of 2 connections starves under a storm on a worker at concurrency 5+.
    DB_POSTGRESDB_POOL_SIZE: '10',
    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
    QUEUE_HEALTH_CHECK_ACTIVE: 'true',
  };
}

async function startProcess(o: {
  kind: 'webhook' | 'worker';
  index: number;
  install: N8nInstall;
  tarball: string;
  env: Record<string, string>;
  encryptionKey: string;
  concurrency: number;
  log: (line: string) => void;
}): Promise<QueueProcess> {
  const name = `${o.kind}-${o.index + 1}`;
  const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `midtrans-pl-n8n-${name}-`));
  await installPackage(userFolder, o.tarball);
  const [port, brokerPort, healthPort] = await freePorts(3);
  const env: NodeJS.ProcessEnv = {
    PATH: `${path.dirname(o.install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? os.homedir(),
    ...quietN8nEnv({ userFolder, port, brokerPort, host: '127.0.0.1', encryptionKey: o.encryptionKey }),
    ...o.env,
    ...(o.kind === 'worker' ? { QUEUE_HEALTH_CHECK_PORT: String(healthPort) } : {}),
  };
  const n8nArgs = [o.install.n8nBin, o.kind, ...(o.kind === 'worker' ? [`--concurrency=${o.concurrency}`] : [])];
  // unshare execs n8n in place (same pid), with its own hostname, so two processes of a kind differ.
  const [cmd, args] = canUnshareUts()
    ? ['unshare', ['--uts', 'sh', '-c', 'hostname "$0" && exec "$@"', `n8n-${name}`, o.install.nodeBin, ...n8nArgs]]
    : [o.install.nodeBin, n8nArgs];
  let output = '';
  const proc: GroupProcess = spawnGroup(cmd, args, {
    env,
    cwd: userFolder,
    logFile: path.join(userFolder, 'n8n.log'),
    removeIfOrphaned: userFolder,
    onOutput: (chunk) => {
      output = (output + chunk).slice(-2_000_000);
    },
  });
  let exited: unknown;
  void proc.exited.then((c) => (exited = c ?? 'exit'));
  const baseUrl = `http://127.0.0.1:${o.kind === 'worker' ? healthPort : port}`;
  const stopAndClean = async (graceMs: number) => {
    await proc.stop(graceMs);
    fs.rmSync(userFolder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180000;
  for (;;) {
    if (exited !== undefined) {
      await stopAndClean(1000);
      throw new Error(`n8n ${name} exited (${String(exited)}) before it was ready:\n${output.slice(-4000)}`);
    }
    const r = await request(`${baseUrl}/healthz/readiness`, { timeoutMs: 2000 }).catch(() => null);
    if (r?.status === 200) break;
    if (Date.now() > deadline) {
      await stopAndClean(1000);
      throw new Error(`n8n ${name} not ready after 180 s:\n${output.slice(-4000)}`);
    }
    await sleep(250);
  }
  o.log(`n8n ${name} ready (pid ${proc.pid}, ${baseUrl})`);
  let killed: Promise<void> | null = null;
  return {
    kind: o.kind,
    name,
    pid: proc.pid,
    baseUrl,
    logs: () => output,
    pids: () => groupPids(proc.pid),
    running: () => exited === undefined,
    kill(signal, graceMs = 60000) {
      killed ??= (async () => {
        if (signal === 'SIGKILL') {
          try {
            process.kill(-proc.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        } else {
          // As `docker stop` and Kubernetes do: the signal goes to n8n alone, which stops its own task
          // runner; signalling the whole group would end the runner under n8n's running jobs.
          try {
            process.kill(proc.pid, 'SIGTERM');
          } catch {
            /* gone */
          }
          await Promise.race([proc.exited, sleep(graceMs)]);
        }
        await stopAndClean(graceMs);
      })();
      return killed;
    },
  };
}

export async function startQueueStack(opts: QueueStackOptions): Promise<QueueStack> {
  const log = opts.log ?? (() => undefined);
  const install = opts.install ?? (await provisionN8n({ log }));
  const serverKey = opts.serverKey ?? 'SB-Mid-server-e2e-queue-key';
  const encryptionKey = crypto.randomBytes(24).toString('hex');
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  };
  try {
    const [pg, redis] = await Promise.all([startPostgres({ log }), startRedis({ log })]);
    started.push(pg, redis);
    const sim = await startSimulatorServer({ port: 0, serverKey, timeScale: 0.01, seed: 7, notificationTimeoutMs: 15000 });
    started.push({ stop: () => sim.close() });
    const env = { ...queueEnv(pg, redis), ...opts.env };
    // Main first: it runs the migrations the other processes expect.
    const main = await startN8n({
      packageTarball: opts.packageTarball,
      expectNodeTypes: MIDTRANS_NODE_TYPES,
      install,
      encryptionKey,
      log,
      env: { ...env, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
    });
    started.push(main);
    const credential = await main.createCredential({
      name: 'Midtrans (local simulator)',
      type: 'midtransApi',
      data: { serverKey, environment: 'sandbox', baseUrl: sim.url },
    });
    const spawnAll = (kind: 'webhook' | 'worker', n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, index) =>
          startProcess({ kind, index, install, tarball: opts.packageTarball, env, encryptionKey, concurrency: opts.concurrency ?? 5, log }),
        ),
      );
    const webhooks = await spawnAll('webhook', opts.webhookProcessors ?? 2);
    started.push(...webhooks.map((w) => ({ stop: () => w.kill('SIGTERM', 10000) })));
    const workers = await spawnAll('worker', opts.workers ?? 2);
    started.push(...workers.map((w) => ({ stop: () => w.kill('SIGTERM', 10000) })));

    const webhookUrl = (i: number, p: string) => `${webhooks[i].baseUrl}/webhook/${p}`;
    return {
      pg,
      redis,
      sim,
      main,
      webhooks,
      workers,
      serverKey,
      credential,
      webhookUrl,
      async publish(workflowId, paths) {
        await main.api.publish(workflowId);
        // A webhook processor finds webhooks in the database (through Redis-backed cache): probe each
        // with a method the webhook does not take, so the probe starts no execution.
        for (let i = 0; i < webhooks.length; i++) {
          for (const p of paths) {
            const probe = p.method === 'PATCH' ? 'PUT' : 'PATCH';
            const deadline = Date.now() + 30000;
            for (;;) {
              const r = await request(webhookUrl(i, p.path), { method: probe, timeoutMs: 2000 }).catch(() => null);
              if (r && (r.status !== 404 || /not registered for \w+ requests/.test(r.text))) break;
              if (Date.now() > deadline) throw new Error(`webhook ${p.path} not live on ${webhooks[i].name} 30 s after publishing`);
              await sleep(200);
            }
          }
        }
      },
      async addWorker() {
        const w = await startProcess({
          kind: 'worker',
          index: workers.length,
          install,
          tarball: opts.packageTarball,
          env,
          encryptionKey,
          concurrency: opts.concurrency ?? 5,
          log,
        });
        workers.push(w);
        started.push({ stop: () => w.kill('SIGTERM', 10000) });
        return w;
      },
      workerOf(executionId) {
        const re = new RegExp(`Worker finished execution ${executionId} \\(`);
        return workers.find((w) => re.test(w.logs()))?.name ?? null;
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

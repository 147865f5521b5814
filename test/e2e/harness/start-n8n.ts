/**
 * startN8n(): a real n8n 2.40.7 (provisioned once by provisionN8n) in a fresh user folder, with our
 * package installed like a user installs it, owner and API key set up, ready to take workflows.
 * Everything it starts is one process group, stopped by stop() (and by a watchdog if we die first).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePorts } from './free-port';
import { request } from './http';
import { installPackage } from './install-package';
import { Execution, N8nPublicApi, N8nRestSession, Owner, WorkflowJson } from './n8n-client';
import { quietN8nEnv } from './n8n-env';
import { GroupProcess, spawnGroup } from './process-group';
import { N8nInstall, provisionN8n, selectedN8nVersion } from './provision';

export interface StartN8nOptions {
  /** Tarball from packN8nNode(); installed into <userFolder>/.n8n/nodes before boot. */
  packageTarball?: string;
  /** Node types that must be loaded before startN8n resolves, e.g. `n8n-nodes-midtrans.midtrans`. */
  expectNodeTypes?: { name: string; version: number }[];
  /** Extra environment for n8n (wins over the quiet defaults). */
  env?: Record<string, string>;
  /** Default: a fresh temp dir, removed by stop(). A given folder is kept (npm start reuses it). */
  userFolder?: string;
  host?: string;
  /** Default: free ports. */
  port?: number;
  brokerPort?: number;
  owner?: Owner;
  encryptionKey?: string;
  readyTimeoutMs?: number;
  install?: N8nInstall;
  log?: (line: string) => void;
}

export interface N8nInstance {
  baseUrl: string;
  apiKey: string;
  owner: Owner;
  userFolder: string;
  logFile: string;
  pid: number;
  api: N8nPublicApi;
  rest: N8nRestSession;
  /** Creates the workflow (credentials of the given types are pointed at the given ids) and returns its id. */
  importWorkflow(json: WorkflowJson, opts?: { credentials?: Record<string, { id: string; name: string }> }): Promise<string>;
  /** Publishes (n8n 2.x for "activate") and waits until every production webhook of the workflow answers. */
  activate(id: string): Promise<void>;
  deactivate(id: string): Promise<void>;
  executions(workflowId: string, opts?: { includeData?: boolean }): Promise<Execution[]>;
  /** Polls until the workflow has at least `count` finished executions. */
  waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<Execution[]>;
  /**
   * Production URLs of a workflow's webhook nodes, built as n8n's editor builds them: the Webhook node
   * at `<base>/webhook/<path>`, any other webhook-based node (our trigger) at
   * `<base>/webhook/<webhookId>/<path from its description>`.
   */
  webhookUrls(workflowId: string): Promise<WebhookUrl[]>;
  createCredential(c: { name: string; type: string; data: Record<string, unknown> }): Promise<{ id: string; name: string }>;
  logs(): string;
  stop(): Promise<void>;
}

export interface WebhookUrl {
  node: string;
  type: string;
  method: string;
  url: string;
}

export const DEFAULT_OWNER: Owner = {
  email: 'owner@example.com',
  password: 'Midtrans-e2e-1',
  firstName: 'Local',
  lastName: 'Owner',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
  const log = options.log ?? (() => undefined);
  const install = options.install ?? (await provisionN8n({ log }));
  const host = options.host ?? '127.0.0.1';
  const ownFolder = !options.userFolder;
  const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'midtrans-pl-n8n-'));
  fs.mkdirSync(userFolder, { recursive: true });
  const [p1, p2] = await freePorts(2, host);
  const port = options.port ?? p1;
  const brokerPort = options.brokerPort ?? (p2 === port ? p1 : p2);
  const baseUrl = `http://${host}:${port}`;
  const owner = options.owner ?? DEFAULT_OWNER;
  const encryptionKey = options.encryptionKey ?? crypto.randomBytes(24).toString('hex');
  const logFile = path.join(userFolder, 'n8n.log');

  if (options.packageTarball) {
    const t = Date.now();
    const name = await installPackage(userFolder, options.packageTarball);
    log(`installed ${name} into ${path.join(userFolder, '.n8n', 'nodes')} in ${Date.now() - t} ms`);
  }

  const env: NodeJS.ProcessEnv = {
    PATH: `${path.dirname(install.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? os.homedir(),
    ...quietN8nEnv({ userFolder, port, brokerPort, host, encryptionKey }),
    ...options.env,
  };
  let proc: GroupProcess | null = null;
  let output = '';
  const cleanup = async () => {
    await proc?.stop();
    if (ownFolder) fs.rmSync(userFolder, { recursive: true, force: true });
  };
  try {
    proc = spawnGroup(install.nodeBin, [install.n8nBin, 'start'], {
      env,
      cwd: userFolder,
      logFile,
      removeIfOrphaned: ownFolder ? userFolder : undefined,
      onOutput: (chunk) => {
        output = (output + chunk).slice(-200000);
      },
    });
    log(`n8n starting (pid ${proc.pid}) on ${baseUrl}, user folder ${userFolder}`);
    await waitReady(baseUrl, proc, options.readyTimeoutMs ?? 180000, () => output);

    const rest = new N8nRestSession(baseUrl);
    if (await rest.isOwnerSetUp()) await rest.login(owner);
    else await rest.setupOwner(owner);
    const apiKey = await rest.createApiKey(`e2e ${new Date().toISOString().slice(0, 19)}`);
    const api = new N8nPublicApi(baseUrl, apiKey);

    for (const t of options.expectNodeTypes ?? []) {
      if (!(await rest.hasNodeType(t.name, t.version))) {
        throw new Error(`n8n did not load node type ${t.name} v${t.version}; n8n log:\n${output.slice(-4000)}`);
      }
    }

    const workflows = new Map<string, WorkflowJson>();
    const webhookUrls = async (workflowId: string): Promise<WebhookUrl[]> => {
      const wf = workflows.get(workflowId) ?? (await api.getWorkflow(workflowId));
      const urls: WebhookUrl[] = [];
      for (const node of wf.nodes) {
        if (node.type === 'n8n-nodes-base.webhook') {
          const method = String(node.parameters.httpMethod ?? 'GET');
          urls.push({ node: node.name, type: node.type, method, url: `${baseUrl}/webhook/${String(node.parameters.path ?? '')}` });
          continue;
        }
        if (!node.webhookId) continue;
        const description = await rest.nodeDescription(node.type, node.typeVersion);
        for (const hook of description?.webhooks ?? []) {
          if (hook.path.startsWith('=')) continue; // an expression path is the Webhook node's case only
          urls.push({
            node: node.name,
            type: node.type,
            method: hook.httpMethod,
            url: `${baseUrl}/webhook/${node.webhookId}/${hook.path}`,
          });
        }
      }
      return urls;
    };

    const instance: N8nInstance = {
      baseUrl,
      apiKey,
      owner,
      userFolder,
      logFile,
      pid: proc.pid,
      api,
      rest,
      // n8n 1.x's public API schema asks every credential for a domain restriction; the suites' hosts are on loopback.
      createCredential: (c) =>
        api.createCredential(
          selectedN8nVersion().startsWith('1.')
            ? { ...c, data: { allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1', ...c.data } }
            : c,
        ),
      async importWorkflow(json, opts = {}) {
        const nodes = json.nodes.map((n) => {
          if (!n.credentials) return n;
          const credentials = Object.fromEntries(
            Object.entries(n.credentials).map(([type, ref]) => [type, opts.credentials?.[type] ?? ref]),
          );
          return { ...n, credentials };
        });
        const created = await api.createWorkflow({ ...json, nodes });
        workflows.set(created.id, created);
        return created.id;
      },
      async activate(id) {
        await api.publish(id);
        // Platform notes 3.7(2): activation has been seen not to register webhooks until a restart;
        // so "active" is proven by a webhook answering, not by the flag.
        for (const hook of await webhookUrls(id)) await waitWebhookRegistered(hook);
      },
      async deactivate(id) {
        await api.unpublish(id);
      },
      executions: (workflowId, opts) => api.executions(workflowId, opts),
      async waitForExecutions(workflowId, count, timeoutMs = 30000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const list = (await api.executions(workflowId)).filter((e) => e.status !== 'running' && e.status !== 'new');
          if (list.length >= count) return list;
          if (Date.now() > deadline)
            throw new Error(`workflow ${workflowId}: ${list.length} finished executions after ${timeoutMs} ms, expected ${count}`);
          await sleep(200);
        }
      },
      webhookUrls,
      logs: () => output,
      stop: cleanup,
    };
    return instance;
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function waitReady(baseUrl: string, proc: GroupProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | null | undefined;
  void proc.exited.then((code) => (exited = code ?? 'exit'));
  for (;;) {
    if (exited !== undefined) throw new Error(`n8n exited (${exited}) before it was ready:\n${output().slice(-4000)}`);
    try {
      // 200 only once the database is connected and migrated ("ready on" is printed before migrations).
      const r = await request(`${baseUrl}/healthz/readiness`, { timeoutMs: 2000 });
      // n8n 1.x reports ready before its REST routes are mounted: wait for those too.
      if (r.status === 200 && (await request(`${baseUrl}/rest/settings`, { timeoutMs: 2000 })).status !== 404) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`n8n not ready after ${timeoutMs} ms:\n${output().slice(-4000)}`);
    await sleep(250);
  }
}

/**
 * Probes with a method the webhook does not take, so the probe never starts an execution: n8n 2.40.7
 * answers 404 "The requested webhook … is not registered" for an unknown path and 404 "This webhook is
 * not registered for PATCH requests. Did you mean to make a POST request?" once the path is live.
 * (Publishing has been seen to register webhooks a moment after the API call returns.)
 */
async function waitWebhookRegistered(hook: WebhookUrl, timeoutMs = 20000): Promise<void> {
  const probe = hook.method === 'PATCH' ? 'PUT' : 'PATCH';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await request(hook.url, { method: probe, timeoutMs: 2000 }).catch(() => null);
    if (r && (r.status !== 404 || /not registered for \w+ requests/.test(r.text))) return;
    if (Date.now() > deadline) throw new Error(`webhook ${hook.method} ${hook.url} not registered ${timeoutMs} ms after publishing`);
    await sleep(200);
  }
}

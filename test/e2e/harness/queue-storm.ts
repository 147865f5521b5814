/**
 * Notification storms for queue mode: orders made and paid in the stack's own Midtrans simulator (so a
 * later status question gets the truth), their signed notifications posted round-robin to the webhook
 * processors (a load balancer's job in a deployment) by `concurrency` senders, as Midtrans's delivery
 * workers do; then the executions read back and matched to what was acknowledged.
 */
import { performance } from 'perf_hooks';
import type { Simulator } from '../../../tools/simulator';
import type { Execution, N8nPublicApi } from './n8n-client';

export type Body = Record<string, string>;

const defaultStatus = (i: number) => (i % 4 === 1 ? 'pending' : 'settlement');

/** Creates `count` payment links in the simulator; returns their order ids. */
export function makeLinks(sim: Simulator, serverKey: string, prefix: string, count: number): string[] {
  const auth = `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = `${prefix}-${String(i).padStart(4, '0')}`;
    const body = JSON.stringify({
      transaction_details: { order_id: orderId, gross_amount: 50000 + (i % 20) * 2500 },
      usage_limit: 1,
      customer_details: { email: `buyer${i}@example.id` },
    });
    const res = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
    if (res.status !== 200) throw new Error(`simulator refused link ${orderId}: ${res.status} ${res.body}`);
    out.push(orderId);
  }
  return out;
}

/** A customer pays each link (settlement, or pending for every fourth); returns the signed notification bodies. */
export function payLinks(sim: Simulator, orderIds: string[], status: (i: number) => string = defaultStatus): Body[] {
  return orderIds.map((orderId, i) => ({ ...sim.pay(orderId, { status: status(i), payment_type: 'bank_transfer' }) }) as Body);
}

export function paidOrders(
  sim: Simulator,
  serverKey: string,
  prefix: string,
  count: number,
  status: (i: number) => string = defaultStatus,
): Body[] {
  return payLinks(sim, makeLinks(sim, serverKey, prefix, count), status);
}

export interface StormResult {
  /** HTTP status (or 'error') per body, in body order. */
  statuses: string[];
  latenciesMs: number[];
  elapsedMs: number;
}

export async function storm(urls: string[], bodies: unknown[], concurrency: number, onSent?: (sent: number) => void): Promise<StormResult> {
  const statuses: string[] = new Array(bodies.length).fill('unsent');
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const sender = async () => {
    while (next < bodies.length) {
      const i = next++;
      const t = performance.now();
      try {
        const res = await fetch(urls[i % urls.length], {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bodies[i]),
          signal: AbortSignal.timeout(30000),
        });
        await res.arrayBuffer();
        statuses[i] = String(res.status);
      } catch {
        statuses[i] = 'error';
      }
      latenciesMs.push(performance.now() - t);
      onSent?.(i + 1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, sender));
  return { statuses, latenciesMs, elapsedMs: performance.now() - started };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the workflow has `count` executions and none is queued or running (or the time is up). */
export async function settled(
  api: N8nPublicApi,
  workflowId: string,
  count: number,
  timeoutMs = 120000,
  mode?: string,
): Promise<Execution[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = (await api.executions(workflowId)).filter((e) => !mode || e.mode === mode);
    const busy = list.filter((e) => ['new', 'running', 'waiting'].includes(e.status));
    if ((list.length >= count && busy.length === 0) || Date.now() > deadline) return list;
    await sleep(300);
  }
}

export interface Outcome {
  acknowledged: number;
  succeeded: number;
  /** Acknowledged with 200 but no successful execution carries the notification. */
  lost: string[];
  /** Notifications with more than one successful execution. */
  duplicates: string[];
  failedExecutions: number;
  /**
   * Failed executions whose error is n8n's MaxStalledCountError: the job's lock expired with no worker
   * running it, and n8n (Bull `maxStalledCount: 0`) failed it instead of re-running it. Such a loss is
   * n8n's, and it is marked in n8n; a loss not matched by one is silent.
   */
  stalledExecutions: number;
  /** Executions neither success nor error when counted (still running, crashed). */
  otherExecutions: number;
}

/** n8n's MaxStalledCountError message (n8n `errors/max-stalled-count.error`). */
const STALLED = /failed to be processed too many times/;

/**
 * Matches successful executions to notifications by signature_key (unique per purchase and state) in
 * the first node's output. A lost execution's data is overwritten by n8n with its error, so it matches
 * nothing; that is how a loss shows.
 */
export async function outcome(
  api: N8nPublicApi,
  workflowId: string,
  bodies: Body[],
  statuses: string[],
  triggerNode: string,
  signatureOf: (json: Record<string, unknown>) => unknown = (j) => j.signature_key,
  mode = 'webhook',
): Promise<Outcome> {
  // Only the runs the notifications started (a scheduled reconciliation run in the same workflow is not one).
  const list = (await api.executions(workflowId)).filter((e) => e.mode === mode);
  const seen = new Map<string, number>();
  let stalledExecutions = 0;
  for (const e of list.filter((x) => x.status === 'error')) {
    const full = await api.execution(e.id);
    if (STALLED.test(full.data?.resultData.error?.message ?? '')) stalledExecutions++;
  }
  for (const e of list.filter((x) => x.status === 'success')) {
    const full = await api.execution(e.id);
    for (const run of full.data?.resultData.runData[triggerNode] ?? []) {
      for (const item of run.data?.main[0] ?? []) {
        const sig = String(signatureOf(item.json) ?? '');
        seen.set(sig, (seen.get(sig) ?? 0) + 1);
      }
    }
  }
  const acked = bodies.filter((_, i) => statuses[i] === '200');
  return {
    acknowledged: acked.length,
    succeeded: list.filter((x) => x.status === 'success').length,
    lost: acked.filter((b) => !seen.has(b.signature_key)).map((b) => b.order_id),
    duplicates: acked.filter((b) => (seen.get(b.signature_key) ?? 0) > 1).map((b) => b.order_id),
    failedExecutions: list.filter((x) => x.status === 'error' || x.status === 'crashed').length,
    stalledExecutions,
    otherExecutions: list.filter((x) => !['success', 'error', 'crashed'].includes(x.status)).length,
  };
}

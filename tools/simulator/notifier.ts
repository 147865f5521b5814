/**
 * Delivers the simulator's notifications over real HTTP the way Midtrans does: POST with
 * `User-Agent: Veritrans` and a JSON body, retried by reply code on the documented schedule times
 * timeScale, every attempt logged through simulator.recordDelivery (GET /_sim/notifications).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { MAX_REDIRECTS, NOTIFICATION_TIMEOUT_MS, isDelivered, isFollowedRedirect, retriesFor, retryDelayMs } from './retry-policy';
import { streamFrom } from './seeded-random';
import type { DeliveryAttempt, EmittedNotification, NotificationBody, Simulator } from './types';

export interface NotifierOptions {
  /** Multiplies the retry schedule (0.001 = a thousandth of Midtrans's delays). */
  timeScale?: number;
  /** Per attempt; default 15 s × timeScale, at least 1 s. */
  timeoutMs?: number;
  seed?: number;
}

interface Answer {
  status: number | null;
  location?: string;
  error?: string;
}

function post(url: string, payload: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: null, error: 'invalid URL' });
      return;
    }
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(
      target,
      {
        method: 'POST',
        headers: {
          'User-Agent': 'Veritrans',
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(payload),
        },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? null, location: res.headers.location }));
        res.on('error', (e) => resolve({ status: res.statusCode ?? null, error: e.message }));
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error('timeout'));
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: null, error: e.message === 'timeout' ? 'timeout' : (e.code ?? e.message) }),
    );
    req.end(payload);
  });
}

export class Notifier {
  private readonly timeScale: number;
  private readonly timeoutMs: number;
  private readonly jitter: () => number;
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly sim: Simulator,
    options: NotifierOptions = {},
  ) {
    this.timeScale = options.timeScale ?? 1;
    this.timeoutMs = options.timeoutMs ?? Math.max(NOTIFICATION_TIMEOUT_MS * this.timeScale, 1000);
    this.jitter = streamFrom((options.seed ?? 1) ^ 0x7177e2);
    sim.onNotification((n) => this.accept(n));
  }

  /** Resolves when every delivery so far has finished (delivered or given up). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    // Sleeping deliveries wake up, see `closed` and stop, so idle() still resolves.
    for (const [t, wake] of this.timers) {
      clearTimeout(t);
      wake();
    }
    this.timers.clear();
  }

  private accept(n: EmittedNotification): void {
    if (!n.url || this.closed) return;
    const job = this.deliver(n.url, n.body).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.set(t, resolve);
    });
  }

  private log(a: Omit<DeliveryAttempt, 'at'>): void {
    this.sim.recordDelivery({ ...a, at: Date.now() });
  }

  private async deliver(url: string, body: NotificationBody): Promise<void> {
    const payload = JSON.stringify(body);
    for (let attempt = 1; !this.closed; attempt++) {
      const status = await this.attempt(url, body, payload, attempt);
      if (status === 'delivered' || attempt > retriesFor(status)) return;
      await this.sleep(retryDelayMs(attempt, this.timeScale, this.jitter));
    }
  }

  /** One attempt, following 307/308 with the same body; the final answer decides. */
  private async attempt(url: string, body: NotificationBody, payload: string, attempt: number): Promise<number | null | 'delivered'> {
    let target = url;
    for (let redirect = 0; ; redirect++) {
      const answer = await post(target, payload, this.timeoutMs);
      const base = {
        url: target,
        body,
        responseStatus: answer.status,
        attempt,
        redirect,
        ...(answer.error ? { error: answer.error } : {}),
      };
      if (isDelivered(answer.status)) {
        this.log({ ...base, outcome: 'delivered' });
        return 'delivered';
      }
      if (isFollowedRedirect(answer.status) && answer.location && redirect < MAX_REDIRECTS) {
        this.log({ ...base, outcome: 'redirect' });
        target = new URL(answer.location, target).toString();
        continue;
      }
      // [inferred] a sixth redirect in a row, or a 307/308 without Location, counts as "anything else" (5 retries).
      const effective = isFollowedRedirect(answer.status) ? null : answer.status;
      this.log({ ...base, outcome: attempt > retriesFor(effective) ? 'failed' : 'retry' });
      return effective;
    }
  }
}

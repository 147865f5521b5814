/**
 * The simulator over node:http: Midtrans routes, control API and payment page on one port, with the
 * notifier delivering to the registered URL. Injected latency is a real wait here; an injected
 * timeout holds the socket open and never answers (until close()).
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Notifier } from './notifier';
import { createSimulator } from './simulator';
import type { DeliveryAttempt, FaultOptions, SimRequest, SimResponse, Simulator } from './types';

export interface SimulatorServerOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  serverKey: string;
  /** Multiplies the notification retry schedule; default 1. */
  timeScale?: number;
  seed?: number;
  faults?: FaultOptions;
  /** Additive: the base of payment_url when the server is reached under another name (default its own URL). */
  publicBaseUrl?: string;
  /** Additive: per notification attempt (default 15 s × timeScale, at least 1 s). */
  notificationTimeoutMs?: number;
  /** Additive: how long a timed-out request's socket is held before it is dropped (default 60 s). */
  holdTimedOutMs?: number;
  /** Additive: called after each request (the CLI logs method, path and status; never headers). */
  onRequest?: (req: SimRequest, res: SimResponse) => void;
}

export interface SimulatorServer {
  url: string;
  simulator: Simulator;
  notifications(): DeliveryAttempt[];
  close(): Promise<void>;
  /** Additive: resolves when every notification delivery so far has finished or given up. */
  idle(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** An incoming HTTP request as the synchronous handler takes it (also for test servers in front of a Simulator). */
export async function simRequestOf(req: http.IncomingMessage): Promise<SimRequest> {
  const body = await readBody(req);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { method: req.method ?? 'GET', path: req.url ?? '/', headers, body: body === '' ? undefined : body };
}

export async function startSimulatorServer(opts: SimulatorServerOptions): Promise<SimulatorServer> {
  const host = opts.host ?? '127.0.0.1';
  const held = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sim: Simulator | undefined;

  const server = http.createServer(async (req, res) => {
    try {
      const simReq = await simRequestOf(req);
      const out = (sim as Simulator).handle(simReq);
      opts.onRequest?.(simReq, out);
      const send = () => {
        if (out.timedOut) {
          // Never answer: the client sees a timeout, as with a lost Midtrans response.
          held.add(req.socket);
          const t = setTimeout(() => {
            timers.delete(t);
            req.socket.destroy();
          }, opts.holdTimedOutMs ?? 60_000);
          timers.add(t);
          req.socket.once('close', () => held.delete(req.socket));
          return;
        }
        res.writeHead(out.status, out.headers);
        res.end(out.body);
      };
      if (out.latencyMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, out.latencyMs);
        timers.add(t);
      } else send();
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_messages: [`simulator crashed: ${e instanceof Error ? e.message : String(e)}`] }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  sim = createSimulator({
    serverKey: opts.serverKey,
    publicBaseUrl: opts.publicBaseUrl ?? url,
    now: () => Date.now(),
    seed: opts.seed,
    faults: opts.faults,
  });
  const notifier = new Notifier(sim, { timeScale: opts.timeScale, timeoutMs: opts.notificationTimeoutMs, seed: opts.seed });
  // Real time passes between requests: lapse due pending purchases (and notify) without waiting for one.
  const ticker = setInterval(() => (sim as Simulator).sweep(), 1000);
  ticker.unref();

  return {
    url,
    simulator: sim,
    notifications: () => (sim as Simulator).deliveries(),
    idle: () => notifier.idle(),
    close: async () => {
      clearInterval(ticker);
      notifier.close();
      for (const t of timers) clearTimeout(t);
      for (const s of held) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

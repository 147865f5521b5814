/**
 * A hostile Midtrans stand-in for secret-hygiene tests: for chosen requests it answers an error whose
 * body echoes the request's Authorization header, its Basic token and the decoded server key in every
 * place a client might show (error_messages, message, status_message), as a misconfigured proxy or a
 * debugging gateway might. Everything else goes to the simulator.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchFn, FetchRequest, FetchResult } from '../../../tools/apps-script-emulator';
import { simRequestOf, type Simulator } from '../../../tools/simulator';

export function echoBody(status: number, authorization: string): string {
  const token = authorization.replace(/^Basic\s+/i, '');
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const key = decoded.replace(/:$/, '');
  return JSON.stringify({
    status_code: String(status),
    status_message: `Rejected request with Authorization: ${authorization}`,
    message: `server key ${key} (token ${token})`,
    error_messages: [`Authorization header was ${authorization}`, `decoded credentials: ${decoded}`, `key=${key}`],
  });
}

/** Chooses the requests to answer with an echoing error, and the status to give them. */
export type HostilePlan = (req: { method: string; url: string; body?: string }) => number | undefined;

export function hostileFetch(inner: FetchFn, plan: HostilePlan): FetchFn {
  return (req: FetchRequest): FetchResult => {
    const status = plan({ method: req.method, url: req.url, body: req.payload });
    if (status === undefined) return inner(req);
    const auth = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    return { status, headers: { 'content-type': 'application/json' }, body: echoBody(status, auth) };
  };
}

export interface HostileServer {
  url: string;
  close(): Promise<void>;
}

/** The same over HTTP, in front of a simulator (for the n8n nodes, which go through a socket). */
export async function startHostileServer(simulator: Simulator, plan: HostilePlan): Promise<HostileServer> {
  const server: Server = createServer((req, res) => {
    void simRequestOf(req).then((simReq) => {
      const status = plan({ method: simReq.method, url: simReq.path, body: simReq.body ?? '' });
      if (status !== undefined) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(echoBody(status, simReq.headers.authorization ?? ''));
        return;
      }
      const answer = simulator.handle(simReq);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

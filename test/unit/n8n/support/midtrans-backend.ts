/**
 * The Midtrans simulator served over real HTTP on loopback, so the nodes' requests go through a
 * socket exactly as in n8n. Every request is also logged (method, path, headers, body) so a test can
 * say what was sent, and that nothing was sent when validation fails first.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, simRequestOf, type FaultOptions, type Simulator } from '../../../../tools/simulator';

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface MidtransBackend {
  url: string;
  simulator: Simulator;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export async function startMidtransBackend(serverKey: string, faults?: FaultOptions): Promise<MidtransBackend> {
  return serveSimulator(createSimulator({ serverKey, publicBaseUrl: 'http://127.0.0.1:1', seed: 7, faults }));
}

/** An existing simulator (one a test already paid links on) served the same way. */
export async function serveSimulator(simulator: Simulator): Promise<MidtransBackend> {
  let url = '';
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const simReq = await simRequestOf(req);
      if (!simReq.path.startsWith('/_sim/')) requests.push({ ...simReq, body: simReq.body ?? '' });
      const answer = simulator.handle(simReq);
      if (answer.timedOut) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    simulator,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One backend for a test file, emptied before each test. The returned object is filled in by
 * `beforeAll`, so tests read `backend.url` as usual.
 */
export function useMidtransBackend(serverKey: string): MidtransBackend {
  const backend = {} as MidtransBackend;
  beforeAll(async () => {
    Object.assign(backend, await startMidtransBackend(serverKey));
  });
  afterAll(async () => backend.close());
  beforeEach(() => {
    backend.simulator.reset();
    backend.requests.length = 0;
  });
  return backend;
}

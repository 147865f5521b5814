/** A real local HTTP receiver for notification tests: answers by path (`/code/503`), records every request. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const [, kind, arg] = path.split('/');
      if (kind === 'silent') return; // never answers: the sender must time out
      if (kind === 'redirect') {
        res.writeHead(Number(arg), { location: path.split('/').slice(3).join('/') ? `/${path.split('/').slice(3).join('/')}` : '' });
        res.end();
        return;
      }
      res.writeHead(kind === 'code' ? Number(arg) : 200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

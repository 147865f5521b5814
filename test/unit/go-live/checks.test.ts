/**
 * `npm run check:go-live`: each check passes what is ready and names what is not. The key check refuses
 * a key from the other environment; the key is tried against a Midtrans (the simulator); the
 * notification URL must answer a signed notification with 200 itself: a redirect (what an Apps Script
 * web app answers), a receiver with another key (401) and plain http in production all fail.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkKeyAccepted, checkKeyMatchesEnvironment, checkNotificationUrl } from '../../../tools/go-live/checks';
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';

const KEY = 'SB-Mid-server-goLiveCheck1';
const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

/** A receiver that answers 200 to a body signed with `key`, 401 otherwise, or always `fixed`. */
function receiver(
  key: string,
  fixed?: { status: number; location?: string },
): Promise<{ url: string; server: Server; bodies: Record<string, string>[] }> {
  const bodies: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      if (fixed) {
        res.writeHead(fixed.status, fixed.location ? { location: fixed.location } : {});
        res.end();
        return;
      }
      const b = JSON.parse(text) as Record<string, string>;
      bodies.push(b);
      const good = b.signature_key === sha512(`${b.order_id}${b.status_code}${b.gross_amount}${key}`);
      res.writeHead(good ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ received: good }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, server, bodies }),
    ),
  );
}

const servers: Server[] = [];
let sim: SimulatorServer;
beforeAll(async () => {
  sim = await startSimulatorServer({ serverKey: KEY, seed: 3 });
});
afterAll(async () => {
  await sim.close();
  for (const s of servers) s.close();
});

test('a sandbox key for production, a production key for sandbox and a client key are refused; the matching key passes', () => {
  expect(checkKeyMatchesEnvironment('SB-Mid-server-abc', 'production', false)).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/sandbox key/),
  });
  expect(checkKeyMatchesEnvironment('Mid-server-abc', 'sandbox', false)).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/production key/),
  });
  expect(checkKeyMatchesEnvironment('Mid-client-abc', 'production', false)).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/client key/),
  });
  expect(checkKeyMatchesEnvironment('', 'production', false)).toMatchObject({ ok: false });
  expect(checkKeyMatchesEnvironment('Mid-server-abc', 'production', false)).toMatchObject({ ok: true });
});

test('Midtrans accepting the key passes; a key it rejects (401) fails, and the key is not in the detail', async () => {
  expect(await checkKeyAccepted({ serverKey: KEY, environment: 'sandbox', baseUrl: sim.url })).toMatchObject({ ok: true });
  const wrong = await checkKeyAccepted({ serverKey: 'SB-Mid-server-wrongKey99', environment: 'sandbox', baseUrl: sim.url });
  expect(wrong).toMatchObject({ ok: false, detail: expect.stringMatching(/401/) });
  expect(JSON.stringify(wrong)).not.toContain('wrongKey99');
});

test('a receiver that verifies the signature and answers 200 passes, with a correctly signed pending notification', async () => {
  const r = await receiver(KEY);
  servers.push(r.server);
  expect(await checkNotificationUrl(r.url, KEY, 'sandbox')).toMatchObject({ ok: true });
  expect(r.bodies[0]).toMatchObject({ transaction_status: 'pending', status_code: '201', gross_amount: '10000.00' });
  expect(r.bodies[0].order_id).toMatch(/^go-live-check-\d+-\d{13}$/);
});

test('a redirect (an Apps Script web app answers 302) fails and says why', async () => {
  const r = await receiver(KEY, { status: 302, location: 'https://script.googleusercontent.com/macros/echo' });
  servers.push(r.server);
  expect(await checkNotificationUrl(r.url, KEY, 'sandbox')).toMatchObject({ ok: false, detail: expect.stringMatching(/302, a redirect/) });
});

test('a receiver holding another key answers 401 and fails; plain http fails in production without a request', async () => {
  const r = await receiver('SB-Mid-server-someoneElse');
  servers.push(r.server);
  expect(await checkNotificationUrl(r.url, KEY, 'sandbox')).toMatchObject({ ok: false, detail: expect.stringMatching(/401/) });
  const asked = r.bodies.length;
  expect(await checkNotificationUrl(r.url, 'Mid-server-x', 'production')).toMatchObject({
    ok: false,
    detail: expect.stringMatching(/https/),
  });
  expect(r.bodies.length).toBe(asked);
});

/**
 * Notification delivery over real HTTP (docs/midtrans-contract.md §5.1–§5.2): headers, body, and the number of
 * attempts per reply code on the documented retry policy, with a tiny time scale.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RETRY_SCHEDULE_MS, startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';
import { retryDelayMs } from '../../../tools/simulator/retry-policy';
import { streamFrom } from '../../../tools/simulator/seeded-random';
import { KEY, basic, fixedLink, referenceSignature } from './sim-helpers';
import { startReceiver } from './receiver';

let server: SimulatorServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let n = 0;

beforeAll(async () => {
  // 2 min × 1.25 × 1e-5 ≈ 1.5 ms: the whole 5-retry schedule fits in a few ms.
  server = await startSimulatorServer({ serverKey: KEY, timeScale: 1e-5, seed: 3, notificationTimeoutMs: 150 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: basic(KEY), 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** Points notifications at `path`, pays a fresh link, waits for delivery to finish; returns what the receiver got and the log. */
async function deliverTo(path: string) {
  const orderId = `DL-${++n}`;
  await api('POST', '/_sim/notification-url', { url: `${receiver.url}${path}` });
  expect((await api('POST', '/v1/payment-links', fixedLink(orderId))).status).toBe(200);
  const before = receiver.received.length;
  const sent = (await api('POST', `/_sim/payment-links/${orderId}/pay`, { status: 'settlement', payment_type: 'bca_va' })).json;
  await server.idle();
  const attempts = (await api('GET', '/_sim/notifications')).json.filter((a: any) => a.body.order_id === sent.order_id);
  return { sent, got: receiver.received.slice(before), attempts };
}

describe('notification delivery', () => {
  test('POSTs the signed JSON body with User-Agent: Veritrans and Content-Type: application/json, once on 200', async () => {
    const { sent, got, attempts } = await deliverTo('/code/200');
    expect(got).toHaveLength(1);
    expect(got[0].headers['user-agent']).toBe('Veritrans');
    expect(got[0].headers['content-type']).toBe('application/json');
    expect(got[0].headers.authorization).toBeUndefined(); // §5.1: no auth or signature header
    const body = JSON.parse(got[0].body);
    expect(body).toEqual(sent);
    expect(body.signature_key).toBe(referenceSignature(body));
    expect(attempts).toEqual([expect.objectContaining({ responseStatus: 200, attempt: 1, outcome: 'delivered' })]);
  });

  test.each([
    [201, 1],
    [204, 1],
    [500, 2],
    [503, 5],
    [400, 3],
    [404, 3],
    [301, 1],
    [302, 1],
    [303, 1],
    [418, 6],
    [502, 6],
    [429, 6],
  ])('a %i reply leads to %i attempts in all', async (code, total) => {
    const { got, attempts } = await deliverTo(`/code/${code}`);
    expect(got).toHaveLength(total);
    expect(attempts.map((a: any) => a.attempt)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(attempts.every((a: any) => a.responseStatus === code)).toBe(true);
    const last = attempts[attempts.length - 1].outcome;
    expect(last).toBe(code < 300 ? 'delivered' : 'failed');
  });

  test('307 and 308 are followed with the same POST body (no new attempt); the target decides', async () => {
    const { got, attempts } = await deliverTo('/redirect/307/redirect/308/code/200');
    expect(got.map((r) => r.path)).toEqual(['/redirect/307/redirect/308/code/200', '/redirect/308/code/200', '/code/200']);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    expect(attempts.map((a: any) => [a.attempt, a.redirect, a.responseStatus])).toEqual([
      [1, 0, 307],
      [1, 1, 308],
      [1, 2, 200],
    ]);
    const toFailure = await deliverTo('/redirect/307/code/500');
    expect(toFailure.got.map((r) => r.path)).toEqual(['/redirect/307/code/500', '/code/500', '/redirect/307/code/500', '/code/500']);
  });

  test('at most 5 redirects are followed per attempt; a longer chain counts as a failed attempt with 5 retries [inferred]', async () => {
    const chain = '/redirect/307'.repeat(6) + '/code/200';
    const { got, attempts } = await deliverTo(chain);
    expect(got).toHaveLength(6 * 6);
    expect(got.some((r) => r.path === '/code/200')).toBe(false);
    expect(Math.max(...attempts.map((a: any) => a.attempt))).toBe(6);
  });

  test('a receiver that never answers times out and gets 5 retries (no status logged)', async () => {
    const { got, attempts } = await deliverTo('/silent');
    expect(got).toHaveLength(6);
    expect(attempts.every((a: any) => a.responseStatus === null && a.error === 'timeout')).toBe(true);
  });

  test('a refused connection is "anything else": 6 attempts', async () => {
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', () => r()));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    await api('POST', '/_sim/notification-url', { url: `http://127.0.0.1:${port}/gone` });
    await api('POST', '/v1/payment-links', fixedLink('DEAD'));
    const sent = (await api('POST', '/_sim/payment-links/DEAD/pay', { status: 'pending' })).json;
    await server.idle();
    const attempts = server.notifications().filter((a) => a.body.order_id === sent.order_id);
    expect(attempts).toHaveLength(6);
    expect(attempts[0].error).toBe('ECONNREFUSED');
  });
});

describe('retry schedule', () => {
  test('retry k waits the documented 2/10/30/90/210 minutes times a jitter in [0.25, 1.25) [inferred range], times the time scale', () => {
    expect(RETRY_SCHEDULE_MS).toEqual([120_000, 600_000, 1_800_000, 5_400_000, 12_600_000]);
    const random = streamFrom(9);
    for (let k = 1; k <= 5; k++) {
      for (let i = 0; i < 50; i++) {
        const d = retryDelayMs(k, 0.001, random);
        expect(d).toBeGreaterThanOrEqual(RETRY_SCHEDULE_MS[k - 1] * 0.25 * 0.001);
        expect(d).toBeLessThan(RETRY_SCHEDULE_MS[k - 1] * 1.25 * 0.001);
      }
    }
  });
});

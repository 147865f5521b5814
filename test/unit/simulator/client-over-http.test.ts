/**
 * The core's MidtransClient, unchanged, over real HTTP against startSimulatorServer: create, get,
 * delete and status, every documented error, and recovery from injected faults.
 */
import { MidtransClient, isMidtransApiError, type HttpRequest, type HttpResponse } from '../../../core/src';
import { REFERENCE_REQUEST } from '../../fixtures/reference-request';
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator';
import { KEY, basic, fixedLink } from './sim-helpers';

let server: SimulatorServer;

beforeAll(async () => {
  server = await startSimulatorServer({ serverKey: KEY, seed: 21, timeScale: 1e-5, holdTimedOutMs: 2000 });
});
afterAll(() => server.close());
beforeEach(() => server.simulator.reset());

/** The transport a Node front end would use: fetch, with a client-side timeout. */
async function fetchTransport(req: HttpRequest): Promise<HttpResponse> {
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(400) });
  return { status: res.status, body: await res.text() };
}

function client(key = KEY): MidtransClient {
  return new MidtransClient(
    { serverKey: key, baseUrl: server.url },
    { transport: fetchTransport, sleep: async () => undefined, maxAttempts: 3 },
  );
}

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isMidtransApiError(e)) return e;
    throw e;
  }
  throw new Error('expected a MidtransApiError');
}

describe('MidtransClient over HTTP against the simulator', () => {
  test('create (the reference sample), get, status through a purchase, delete, then get answers 404', async () => {
    const c = client();
    const created = await c.createPaymentLink(REFERENCE_REQUEST as never);
    expect(created).toEqual({ order_id: '001', payment_url: `${server.url}/payment-links/for-payment-123`, existing: false });
    const link = await c.getPaymentLink('001');
    expect(link).toMatchObject({ order_id: '001', payment_link_url: created.payment_url, usage: 0, purchases: [] });

    const made = await c.createPaymentLink(fixedLink('HTTP-1') as never);
    const pending = server.simulator.pay('HTTP-1', { status: 'pending', payment_type: 'bca_va' });
    expect(await c.getTransactionStatus(pending.order_id)).toMatchObject({ status_code: '201', transaction_status: 'pending' });
    server.simulator.pay('HTTP-1', { status: 'settlement', transaction_id: pending.transaction_id });
    expect(await c.getTransactionStatus(pending.transaction_id)).toMatchObject({ status_code: '200', transaction_status: 'settlement' });
    expect((await c.getPaymentLink('HTTP-1')).purchases).toEqual([
      expect.objectContaining({ order_id: pending.order_id, payment_status: 'SETTLEMENT' }),
    ]);
    expect(made.existing).toBe(false);

    expect(await c.deletePaymentLink('HTTP-1')).toEqual({ message: 'Payment Link with Order ID HTTP-1 deleted' });
    const gone = await rejection(c.getPaymentLink('HTTP-1'));
    expect(gone.httpStatus).toBe(404);
    expect((await rejection(c.deletePaymentLink('HTTP-1'))).httpStatus).toBe(404);
  });

  test('status: unknown id is an error with 404 (HTTP 200 body), an expired purchase answers 407 as a value', async () => {
    const c = client();
    await c.createPaymentLink(fixedLink('HTTP-2') as never);
    expect((await rejection(c.getTransactionStatus('no-such-id'))).httpStatus).toBe(404);
    const p = server.simulator.pay('HTTP-2', { status: 'pending', payment_type: 'gopay' });
    server.simulator.pay('HTTP-2', { status: 'expire', transaction_id: p.transaction_id });
    expect(await c.getTransactionStatus(p.order_id)).toMatchObject({ status_code: '407', transaction_status: 'expire' });
  });

  test('401 for a wrong key on every operation, with the documented message and without the key in the error', async () => {
    const wrong = 'SB-Mid-server-WRONGkey999';
    const c = client(wrong);
    for (const p of [c.createPaymentLink(fixedLink('X') as never), c.getPaymentLink('X'), c.deletePaymentLink('X')]) {
      const e = await rejection(p);
      expect(e.httpStatus).toBe(401);
      expect(e.messages).toEqual(['Access denied due to unauthorized request']);
      expect(e.message).not.toContain(wrong);
    }
    expect((await rejection(c.getTransactionStatus('X'))).httpStatus).toBe(401);
  });

  test('409 for a reused order id: recovered when the amount matches, an error when it differs or when asked to fail', async () => {
    const c = client();
    await c.createPaymentLink(fixedLink('HTTP-3') as never);
    const again = await c.createPaymentLink(fixedLink('HTTP-3') as never);
    expect(again).toMatchObject({ order_id: 'HTTP-3', existing: true });
    const strict = await rejection(c.createPaymentLink(fixedLink('HTTP-3') as never, 'fail'));
    expect(strict.httpStatus).toBe(409);
    expect(strict.messages).toEqual(["The Order ID 'HTTP-3' has been taken"]);
    const other = { transaction_details: { order_id: 'HTTP-3', gross_amount: 5000 }, usage_limit: 1 };
    expect((await rejection(c.createPaymentLink(other as never))).httpStatus).toBe(409);
    expect(server.simulator.stats().createdLinksByOrderId).toEqual({ 'HTTP-3': 1 });
  });

  test('400s: payment_link_id taken, payment_link_id charset, an invented rule message, and invalid JSON over the wire', async () => {
    const c = client();
    await c.createPaymentLink({
      transaction_details: { order_id: 'P1', gross_amount: 1000, payment_link_id: 'payment-112' },
      usage_limit: 1,
    });
    const taken = await rejection(
      c.createPaymentLink({ transaction_details: { order_id: 'P2', gross_amount: 1000, payment_link_id: 'payment-112' }, usage_limit: 1 }),
    );
    expect([taken.httpStatus, taken.messages]).toEqual([400, ["This Payment Link ID 'payment-112' has been taken"]]);
    const charset = await rejection(
      c.createPaymentLink({ transaction_details: { order_id: 'P3', gross_amount: 1000, payment_link_id: 'UPPER' }, usage_limit: 1 }),
    );
    expect(charset.messages).toEqual(['payment_link_id must only contain alphanumeric characters [a-z, 0-9] and hyphens [-]']);
    const mismatch = await rejection(
      c.createPaymentLink({ ...fixedLink('P4'), transaction_details: { order_id: 'P4', gross_amount: 1 } } as never),
    );
    expect(mismatch.httpStatus).toBe(400);
    expect(mismatch.messages.join()).toMatch(/gross_amount/);
    const raw = await fetch(`${server.url}/v1/payment-links`, {
      method: 'POST',
      headers: { authorization: basic(KEY), 'content-type': 'application/json' },
      body: '{"transaction_details":',
    });
    expect([raw.status, await raw.text()]).toEqual([400, '{"error_messages":["Invalid JSON data provided."]}']);
  });

  test('an injected 503 on create is retried by the client and exactly one link is made', async () => {
    server.simulator.setFaults({ script: [{ route: 'create', call: 1, fault: 503 }] });
    const made = await client().createPaymentLink(fixedLink('HTTP-4') as never);
    expect(made.existing).toBe(false);
    const s = server.simulator.stats();
    expect(s.createCallsByOrderId).toEqual({ 'HTTP-4': 2 });
    expect(s.createdLinksByOrderId).toEqual({ 'HTTP-4': 1 });
    server.simulator.setFaults(undefined);
  });

  test('a timed-out create (served, answer lost: the socket is held) is retried, meets 409 and is recovered: one link per order id', async () => {
    server.simulator.setFaults({ script: [{ route: 'create', call: 1, fault: 'timeout' }] });
    const made = await client().createPaymentLink(fixedLink('HTTP-5') as never);
    expect(made).toMatchObject({ order_id: 'HTTP-5', existing: true });
    expect(server.simulator.stats().createdLinksByOrderId).toEqual({ 'HTTP-5': 1 });
    server.simulator.setFaults(undefined);
  });

  test('injected latency is a real wait before the answer', async () => {
    server.simulator.setFaults({ latencyMs: { get: 120 } });
    const started = Date.now();
    const res = await fetch(`${server.url}/v1/payment-links/none`, { headers: { authorization: basic(KEY) } });
    expect(res.status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    server.simulator.setFaults(undefined);
  });
});

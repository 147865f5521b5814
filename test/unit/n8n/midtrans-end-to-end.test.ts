/**
 * The whole loop over HTTP with the simulator's own server and notifier: the action node creates a
 * link, the simulator's payment control route pays it, the notifier POSTs the signed notification to a
 * receiver that hands it to the trigger's webhook() as n8n would, and the simulator logs the answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';
import { startSimulatorServer, type SimulatorServer } from '../../../tools/simulator/server';
import { credentialsFor, deliver, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';

let sim: SimulatorServer;
let receiverServer: Server;
let receiverUrl = '';
let receiverKey = SERVER_KEY;
const runs: INodeExecutionData[][] = [];
const trigger = new MidtransTrigger();

beforeAll(async () => {
  sim = await startSimulatorServer({ serverKey: SERVER_KEY, timeScale: 0.0001, seed: 3, notificationTimeoutMs: 2000 });
  receiverServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: IDataObject = {};
      try {
        body = JSON.parse(raw) as IDataObject;
      } catch {
        body = {};
      }
      void deliver(
        trigger.webhook,
        { description: trigger.description, credentials: credentialsFor(sim.url, receiverKey) },
        { body, rawBody: raw },
      ).then((outcome) => {
        if (outcome.executed) runs.push(outcome.items);
        res.writeHead(outcome.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(outcome.responseBody));
      });
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiverServer.address() as AddressInfo).port}/webhook/abc/webhook`;
  const set = await fetch(`${sim.url}/_sim/notification-url`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiverUrl }),
  });
  expect(set.status).toBe(200);
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => receiverServer.close(() => resolve()));
});

async function pay(orderId: string, status: string): Promise<IDataObject> {
  const res = await fetch(`${sim.url}/_sim/payment-links/${orderId}/pay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status, payment_type: 'bank_transfer' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as IDataObject;
}

test('create → pay → the trigger runs once with the paid notification; Midtrans logs a 200 delivery', async () => {
  const created = await runMidtrans(credentialsFor(sim.url), [
    { resource: 'paymentLink', operation: 'create', orderId: 'E2E-1', amount: 75000 },
  ]);
  expect(created.error).toBeUndefined();
  const sent = await pay('E2E-1', 'settlement');
  await sim.idle();
  const attempts = sim.notifications().filter((a) => a.body.order_id === sent.order_id);
  expect(attempts.map((a) => a.responseStatus)).toEqual([200]);
  expect(runs).toHaveLength(1);
  expect(runs[0][0].json).toMatchObject({
    order_id: sent.order_id,
    payment_link_order_id: 'E2E-1',
    paid: true,
    state: 'paid',
    amount: 75000,
  });
});

test('with the wrong server key on the trigger, every delivery is refused with 401 and nothing runs', async () => {
  runs.length = 0;
  const created = await runMidtrans(credentialsFor(sim.url), [
    { resource: 'paymentLink', operation: 'create', orderId: 'E2E-2', amount: 5000 },
  ]);
  expect(created.error).toBeUndefined();
  receiverKey = 'SB-Mid-server-notTheAccountKey';
  try {
    const sent = await pay('E2E-2', 'settlement');
    await sim.idle();
    const attempts = sim.notifications().filter((a) => a.body.order_id === sent.order_id);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((a) => a.responseStatus === 401)).toBe(true);
    expect(runs).toHaveLength(0);
  } finally {
    receiverKey = SERVER_KEY;
  }
});

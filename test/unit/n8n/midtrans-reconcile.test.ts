/**
 * Midtrans node ▸ Payment Link ▸ Reconcile, against the simulator over HTTP: open orders in, the state
 * changes the Trigger would have emitted out (its item shape), paired with the order they came from.
 */
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, deliver, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';

const backend = useMidtransBackend(SERVER_KEY);
const creds = () => credentialsFor(backend.url);
const reconcile = (orders: { order_id: string; state?: string }[]) =>
  runMidtrans(
    creds(),
    orders.map((o) => ({
      resource: 'paymentLink',
      operation: 'reconcile',
      reconcileOrderId: o.order_id,
      reconcileKnownState: o.state ?? '',
    })),
  );

async function link(orderId: string) {
  const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId, amount: 80000 }]);
  expect(run.error).toBeUndefined();
}

test('a paid order whose notification was lost comes out as the Trigger would have emitted it, marked reconciled', async () => {
  await link('RCN-1');
  const sent = backend.simulator.pay('RCN-1', { status: 'settlement', payment_type: 'bank_transfer' });
  const run = await reconcile([{ order_id: 'RCN-1', state: 'open' }]);
  expect(run.error).toBeUndefined();
  expect(run.items).toHaveLength(1);
  const [item] = run.items;
  expect(item.pairedItem).toEqual({ item: 0 });
  expect(item.json).toMatchObject({
    payment_link_order_id: 'RCN-1',
    state: 'paid',
    paid: true,
    amount: 80000,
    order_id: sent.order_id,
    transaction_id: sent.transaction_id,
    reconciled: true,
    order_done: true,
  });
  // The Trigger's own item for the same purchase has the same keys and values where both know them.
  const trigger = new MidtransTrigger();
  const delivered = await deliver(trigger.webhook, { description: trigger.description, credentials: creds() }, { body: { ...sent } });
  expect(delivered.executed).toBe(true);
  const triggerItem = delivered.items[0].json;
  // Links the Create operation makes carry their order id in custom_field1: the Trigger's evidence.
  expect(triggerItem.payment_link_order_id_source).toBe('custom_field1');
  for (const key of [
    'payment_link_order_id',
    'state',
    'paid',
    'amount',
    'invoice_amount',
    'customer_fee',
    'order_id',
    'transaction_id',
    'transaction_status',
  ])
    expect(item.json[key]).toEqual(triggerItem[key]);
});

test('orders already recorded at their state give nothing; several orders each get their own paired items', async () => {
  await link('RCN-2');
  await link('RCN-3');
  await link('RCN-4');
  backend.simulator.pay('RCN-2', { status: 'pending', payment_type: 'bank_transfer' });
  backend.simulator.pay('RCN-3', { status: 'settlement', payment_type: 'gopay' });
  const run = await reconcile([
    { order_id: 'RCN-2', state: 'pending' },
    { order_id: 'RCN-3', state: 'pending' },
    { order_id: 'RCN-4', state: 'open' },
  ]);
  expect(run.error).toBeUndefined();
  expect(run.items.map((i) => [i.json.payment_link_order_id, i.json.state, i.pairedItem])).toEqual([['RCN-3', 'paid', { item: 1 }]]);
});

test('a link that no longer exists (404) is not an error: nothing to emit', async () => {
  const run = await reconcile([{ order_id: 'RCN-NEVER-MADE', state: 'open' }]);
  expect(run.error).toBeUndefined();
  expect(run.items).toEqual([]);
});

test('an empty Order ID fails naming the field, for that item', async () => {
  const run = await reconcile([{ order_id: '  ' }]);
  expect(run.error?.message).toMatch(/Order ID/);
});

test('a BI-SNAP payment (BSI VA: the status API names it by its transaction id) is reconciled under its own order id', async () => {
  const auth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
  const created = backend.simulator.handle({
    method: 'POST',
    path: '/v1/payment-links',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      transaction_details: { order_id: 'RCN-BSI', gross_amount: 80000 },
      usage_limit: 1,
      enabled_payments: ['bsi_va'],
    }),
  });
  expect(created.status).toBe(200);
  const sent = backend.simulator.pay('RCN-BSI', { status: 'settlement', payment_type: 'bsi_va' });
  const answer = JSON.parse(
    backend.simulator.handle({ method: 'GET', path: `/v2/${sent.order_id}/status`, headers: { authorization: auth } }).body,
  );
  expect(answer.order_id).toBe(sent.transaction_id);
  const run = await reconcile([{ order_id: 'RCN-BSI', state: 'pending' }]);
  expect(run.error).toBeUndefined();
  expect(run.items.map((i) => i.json)).toEqual([
    expect.objectContaining({
      payment_link_order_id: 'RCN-BSI',
      order_id: sent.order_id,
      transaction_id: sent.transaction_id,
      state: 'paid',
      paid: true,
    }),
  ]);
});

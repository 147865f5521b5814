/**
 * Midtrans node ▸ Payment Link ▸ Reconcile, against the simulator over HTTP: open orders in, the state
 * changes the Trigger would have emitted out (its item shape), paired with the order they came from.
 */
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';
import { checkNotification } from '../../../n8n-node/nodes/MidtransTrigger/notificationCheck';
import { withInterpretation } from '../../../n8n-node/nodes/shared/notification';
import { claimFromBody } from '../../../core/src';

const backend = useMidtransBackend(SERVER_KEY);
const creds = () => credentialsFor(backend.url);
const reconcile = (orders: { order_id: string; state?: string }[]) =>
  runMidtrans(creds(), orders.map((o) => ({ resource: 'paymentLink', operation: 'reconcile', reconcileOrderId: o.order_id, reconcileKnownState: o.state ?? '' })));

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
  expect(item.json).toMatchObject({ payment_link_order_id: 'RCN-1', state: 'paid', paid: true, amount: 80000, order_id: sent.order_id, transaction_id: sent.transaction_id, reconciled: true, order_done: true });
  // The Trigger's own item for the same purchase has the same keys and values where both know them.
  const checked = checkNotification(sent, SERVER_KEY);
  if (!checked.ok) throw new Error(checked.message);
  // Links the Create operation makes carry their order id in custom_field1: the Trigger's evidence.
  const triggerItem = withInterpretation(checked.body, checked.reading, claimFromBody(checked.body));
  expect(triggerItem.payment_link_order_id_source).toBe('custom_field1');
  for (const key of ['payment_link_order_id', 'state', 'paid', 'amount', 'invoice_amount', 'customer_fee', 'order_id', 'transaction_id', 'transaction_status']) expect(item.json[key]).toEqual(triggerItem[key]);
});

test('orders already recorded at their state give nothing; several orders each get their own paired items', async () => {
  await link('RCN-2');
  await link('RCN-3');
  await link('RCN-4');
  backend.simulator.pay('RCN-2', { status: 'pending', payment_type: 'bank_transfer' });
  backend.simulator.pay('RCN-3', { status: 'settlement', payment_type: 'gopay' });
  const run = await reconcile([{ order_id: 'RCN-2', state: 'pending' }, { order_id: 'RCN-3', state: 'pending' }, { order_id: 'RCN-4', state: 'open' }]);
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

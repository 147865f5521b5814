/** Midtrans node ▸ Transaction ▸ Refund, Cancel and Expire, against the simulator over HTTP. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { runMidtrans } from './support/run-node';
import { Midtrans } from '../../../n8n-node/nodes/Midtrans/Midtrans.node';

const backend = useMidtransBackend(SERVER_KEY);
const creds = () => credentialsFor(backend.url);

async function paid(orderId: string, payment_type: string, status = 'settlement') {
  const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId, amount: 100000 }]);
  expect(run.error).toBeUndefined();
  return backend.simulator.pay(orderId, { status, payment_type }).order_id as string;
}
const posts = () =>
  Object.entries(backend.simulator.stats().requestsByRoute)
    .filter(([r]) => ['refund', 'direct_refund', 'cancel', 'expire'].includes(r))
    .reduce((s, [, n]) => s + n, 0);

test('Refund of part of a card payment: the output is what Midtrans answered, with the path and what is left', async () => {
  const id = await paid('N-RF-1', 'credit_card');
  const run = await runMidtrans(creds(), [
    {
      resource: 'transaction',
      operation: 'refund',
      transactionId: id,
      amount: 25000,
      refundKey: 'n-rf-1',
      reason: 'damaged',
      route: 'auto',
    },
  ]);
  expect(run.error).toBeUndefined();
  expect(run.items[0].json).toMatchObject({
    status_code: '200',
    transaction_status: 'partial_refund',
    refund_amount: '25000.00',
    refund_key: 'n-rf-1',
    midtrans_answer: '200 Success, refund request is approved',
    status_before: 'settlement',
    refund_path: 'standard',
    left_to_refund: 75000,
  });
  expect(run.items[0].pairedItem).toEqual({ item: 0 });
});

test('Refund with amount 0 refunds what is left; a GoPay payment goes to the direct path', async () => {
  const id = await paid('N-RF-2', 'gopay');
  const run = await runMidtrans(creds(), [
    { resource: 'transaction', operation: 'refund', transactionId: id, amount: 0, refundKey: '', reason: '', route: 'auto' },
  ]);
  expect(run.items[0].json).toMatchObject({
    transaction_status: 'refund',
    refund_amount: '100000.00',
    refund_path: 'direct',
    left_to_refund: 0,
  });
  expect(backend.simulator.stats().requestsByRoute.direct_refund).toBeGreaterThan(0);
});

test('Refund above what is left is a NodeOperationError naming both amounts, and nothing is sent', async () => {
  const id = await paid('N-RF-3', 'credit_card');
  const before = posts();
  const run = await runMidtrans(creds(), [
    { resource: 'transaction', operation: 'refund', transactionId: id, amount: 100001, refundKey: '', reason: '', route: 'auto' },
  ]);
  expect(run.error).toBeInstanceOf(NodeOperationError);
  expect(run.error?.message).toMatch(/100001 is more than the 100000 left/);
  expect(posts()).toBe(before);
});

test('Midtrans refusing a refund (a bank transfer) is a NodeApiError with its message; continueOnFail gives an error item per input', async () => {
  const id = await paid('N-RF-4', 'bank_transfer');
  const run = await runMidtrans(creds(), [
    { resource: 'transaction', operation: 'refund', transactionId: id, amount: 0, refundKey: '', reason: '', route: 'auto' },
  ]);
  expect(run.error).toBeInstanceOf(NodeApiError);
  expect(run.error?.message).toMatch(/bank_transfer/);
  const soft = await runMidtrans(
    creds(),
    [{ resource: 'transaction', operation: 'refund', transactionId: id, amount: 0, refundKey: '', reason: '', route: 'auto' }],
    true,
  );
  expect(soft.items[0].json.error).toMatch(/bank_transfer/);
  expect(soft.items[0].pairedItem).toEqual({ item: 0 });
});

test("Cancel a pending payment and Expire another: each output is Midtrans's answer; cancelling a settled one is refused before sending", async () => {
  const a = await paid('N-CX-1', 'bank_transfer', 'pending');
  const b = await paid('N-CX-2', 'bank_transfer', 'pending');
  const run = await runMidtrans(creds(), [
    { resource: 'transaction', operation: 'cancel', transactionId: a },
    { resource: 'transaction', operation: 'expire', transactionId: b },
  ]);
  expect(run.error).toBeUndefined();
  expect(run.items.map((i) => [i.json.transaction_status, i.json.midtrans_answer])).toEqual([
    ['cancel', '200 Success, transaction is canceled'],
    ['expire', '407 Success, transaction has expired'],
  ]);
  const settled = await paid('N-CX-3', 'bank_transfer');
  const refused = await runMidtrans(creds(), [{ resource: 'transaction', operation: 'cancel', transactionId: settled }]);
  expect(refused.error).toBeInstanceOf(NodeOperationError);
  expect(refused.error?.message).toMatch(/refund it instead/);
});

test('the operations an AI agent sees say plainly that Refund moves money and Cancel and Expire end a payment', () => {
  const op = new Midtrans().description.properties.find(
    (p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('transaction'),
  );
  const options = (op?.options ?? []) as { value: string; description: string }[];
  const said = (v: string) => options.find((o) => o.value === v)?.description ?? '';
  expect(said('refund')).toMatch(/real money back to the customer.*Cannot be undone/);
  expect(said('cancel')).toMatch(/Ends a payment.*Cannot be undone/);
  expect(said('expire')).toMatch(/Ends a pending payment.*Cannot be undone/);
});

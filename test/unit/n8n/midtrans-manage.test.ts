/** Midtrans node ▸ Payment Link ▸ Get and Deactivate, Transaction ▸ Get Status, against the simulator over HTTP. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { everythingIn, runMidtrans } from './support/run-node';

const backend = useMidtransBackend(SERVER_KEY);

const creds = () => credentialsFor(backend.url);
async function createLink(orderId: string, extra: Record<string, unknown> = {}) {
  const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId, amount: 100000, ...extra }]);
  expect(run.error).toBeUndefined();
  return run.items[0].json;
}

describe('Get', () => {
  test('a new link: the link as Midtrans returns it plus the summary "Link created"', async () => {
    const created = await createLink('GET-1');
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'GET-1' }]);
    expect(run.error).toBeUndefined();
    const out = run.items[0].json;
    expect(out).toMatchObject({ order_id: 'GET-1', gross_amount: 100000, payment_link_url: created.payment_url });
    expect(out.summary).toMatchObject({
      status: 'Link created',
      word: 'Link created',
      paidCount: 0,
      usageLimit: 1,
      expired: false,
      deleted: false,
      remindable: true,
    });
    expect(run.items[0].pairedItem).toEqual({ item: 0 });
  });

  test('after a settlement the summary says Paid with its count and usage', async () => {
    await createLink('GET-2');
    backend.simulator.pay('GET-2', { status: 'settlement', payment_type: 'bank_transfer' });
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'GET-2' }]);
    expect(run.items[0].json.summary).toMatchObject({ status: 'Paid', paidCount: 1, usage: 1, remindable: false });
    expect((run.items[0].json.summary as { paidAt: string }).paidAt).not.toBe('');
  });

  test('a multi-use link shows how many of its uses are paid', async () => {
    await createLink('GET-3', { usageLimit: 3 });
    backend.simulator.pay('GET-3', { status: 'settlement', payment_type: 'gopay' });
    backend.simulator.pay('GET-3', { status: 'settlement', payment_type: 'gopay' });
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'GET-3' }]);
    expect(run.items[0].json.summary).toMatchObject({ status: 'Paid 2/3', paidCount: 2, usageLimit: 3 });
  });

  test('an expiring link reports when it expires, and Expired once past it', async () => {
    await createLink('GET-4', { expiryDuration: 30, expiryUnit: 'minutes' });
    const before = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'GET-4' }]);
    const summary = before.items[0].json.summary as { expiresAt: string | null; expired: boolean };
    expect(summary.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(summary.expired).toBe(false);
  });

  test("an unknown order id is a NodeApiError 404 with Midtrans's message", async () => {
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'NOPE-1' }]);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.httpCode).toBe('404');
    expect(run.error?.message).toMatch(/NOPE-1/);
  });

  test('an empty order id fails before any request', async () => {
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: '  ' }]);
    expect(run.error).toBeInstanceOf(NodeOperationError);
    expect(run.error?.message).toBe('Order ID is required');
    expect(backend.requests).toHaveLength(0);
  });
});

describe('Deactivate', () => {
  test('deletes the link; Get then answers 404', async () => {
    await createLink('DEL-1');
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'deactivate', orderId: 'DEL-1' }]);
    expect(run.error).toBeUndefined();
    expect(run.items[0].json).toMatchObject({ order_id: 'DEL-1', deactivated: true });
    expect(String(run.items[0].json.message)).toMatch(/DEL-1/);
    expect(backend.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/v1/payment-links/DEL-1' });
    const after = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'DEL-1' }]);
    expect(after.error?.httpCode).toBe('404');
  });

  test('an unknown link is a NodeApiError 404', async () => {
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'deactivate', orderId: 'DEL-NOPE' }]);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.httpCode).toBe('404');
  });
});

describe('Transaction ▸ Get Status', () => {
  test("by transaction id: Midtrans's answer plus the link's order id, paid, state and a numeric amount", async () => {
    await createLink('TX-1');
    const n = backend.simulator.pay('TX-1', { status: 'settlement', payment_type: 'bank_transfer' });
    const run = await runMidtrans(creds(), [{ resource: 'transaction', operation: 'getStatus', transactionId: n.transaction_id }]);
    expect(run.error).toBeUndefined();
    expect(run.items[0].json).toMatchObject({
      transaction_id: n.transaction_id,
      order_id: n.order_id,
      transaction_status: 'settlement',
      payment_link_order_id: 'TX-1',
      paid: true,
      state: 'paid',
      amount: 100000,
    });
    expect(backend.requests.at(-1)?.path).toBe(`/v2/${n.transaction_id}/status`);
  });

  test("by the purchase's suffixed order id, a pending payment reads as pending", async () => {
    await createLink('TX-2');
    const n = backend.simulator.pay('TX-2', { status: 'pending', payment_type: 'bank_transfer' });
    const run = await runMidtrans(creds(), [{ resource: 'transaction', operation: 'getStatus', transactionId: n.order_id }]);
    expect(run.items[0].json).toMatchObject({
      transaction_status: 'pending',
      paid: false,
      state: 'pending',
      payment_link_order_id: 'TX-2',
    });
  });

  test('an unknown transaction is a NodeApiError 404', async () => {
    const run = await runMidtrans(creds(), [{ resource: 'transaction', operation: 'getStatus', transactionId: 'no-such-tx' }]);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.httpCode).toBe('404');
  });
});

describe('API errors and continueOnFail', () => {
  test("a wrong server key is a NodeApiError 401 with Midtrans's message, and neither key appears anywhere", async () => {
    const wrongKey = 'SB-Mid-server-WRONGwrongWRONG';
    const run = await runMidtrans(credentialsFor(backend.url, wrongKey), [
      { resource: 'paymentLink', operation: 'create', orderId: 'E-1', amount: 1000 },
    ]);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.httpCode).toBe('401');
    expect(run.error?.message).toContain('Access denied due to unauthorized request');
    const all = everythingIn(run);
    expect(all).not.toContain(wrongKey);
    expect(all).not.toContain(Buffer.from(`${wrongKey}:`).toString('base64'));
    expect(all).not.toContain(SERVER_KEY);
  });

  test('continueOnFail: every item has an output paired to it, error items included', async () => {
    await createLink('CF-EXISTS');
    const run = await runMidtrans(
      creds(),
      [
        { resource: 'paymentLink', operation: 'create', orderId: 'CF-1', amount: 1000 },
        { resource: 'paymentLink', operation: 'create', orderId: 'CF-2', amount: 1000, customerEmail: `${'x'.repeat(45)}@b.com` },
        { resource: 'paymentLink', operation: 'get', orderId: 'CF-MISSING' },
        { resource: 'paymentLink', operation: 'get', orderId: 'CF-EXISTS' },
      ],
      true,
    );
    expect(run.error).toBeUndefined();
    expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
    expect(run.items[0].json.order_id).toBe('CF-1');
    expect(run.items[1].json.error).toMatch(/^Customer Email must be at most 50 characters/);
    expect(run.items[2].json).toMatchObject({ httpCode: '404' });
    expect(String(run.items[2].json.error)).toMatch(/CF-MISSING/);
    expect(run.items[3].json.order_id).toBe('CF-EXISTS');
    expect(everythingIn(run)).not.toContain(SERVER_KEY);
  });

  test('without continueOnFail the first failing item stops the run', async () => {
    const run = await runMidtrans(creds(), [
      { resource: 'paymentLink', operation: 'get', orderId: 'STOP-MISSING' },
      { resource: 'paymentLink', operation: 'create', orderId: 'STOP-2', amount: 1000 },
    ]);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.context?.itemIndex).toBe(0);
    expect(backend.simulator.stats().createdLinks).toBe(0);
  });
});

describe('Retries through the n8n transport', () => {
  test('a 500 on the first attempt is retried and the link is created once', async () => {
    backend.simulator.setFaults({ script: [{ route: 'create', call: 1, fault: 500 }] });
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'create', orderId: 'R-1', amount: 1000 }]);
    backend.simulator.setFaults(undefined);
    expect(run.error).toBeUndefined();
    expect(run.items[0].json).toMatchObject({ order_id: 'R-1', existing: false });
    expect(backend.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(backend.simulator.stats().createdLinksByOrderId['R-1']).toBe(1);
  });

  test('a lost answer (timeout) is retried; the 409 that follows is recognised as our own link', async () => {
    backend.simulator.setFaults({ script: [{ route: 'create', call: 1, fault: 'timeout' }] });
    const run = await runMidtrans(creds(), [
      { resource: 'paymentLink', operation: 'create', orderId: 'R-2', amount: 1000, onExistingOrderId: 'fail' },
    ]);
    backend.simulator.setFaults(undefined);
    expect(run.error).toBeUndefined();
    expect(run.items[0].json).toMatchObject({ order_id: 'R-2', existing: true });
    expect(backend.simulator.stats().createdLinksByOrderId['R-2']).toBe(1);
  });

  test('503 on every attempt is a NodeApiError 503 after three attempts', async () => {
    backend.simulator.setFaults({ errorRates: { '503': 1 }, routes: ['get'] });
    const run = await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'R-3' }]);
    backend.simulator.setFaults(undefined);
    expect(run.error).toBeInstanceOf(NodeApiError);
    expect(run.error?.httpCode).toBe('503');
    expect(run.httpCalls).toBe(3);
  });
});

describe('the server key never leaves the credential', () => {
  test('no output item or error of any operation, successful or failing, contains the key or its Basic token', async () => {
    await createLink('KEY-1');
    const n = backend.simulator.pay('KEY-1', { status: 'settlement', payment_type: 'gopay' });
    const token = Buffer.from(`${SERVER_KEY}:`).toString('base64');
    const runs = [
      await runMidtrans(
        creds(),
        [
          { resource: 'paymentLink', operation: 'create', orderId: 'KEY-2', amount: 1000 },
          { resource: 'paymentLink', operation: 'create', orderId: 'KEY-1', amount: 999 },
          { resource: 'paymentLink', operation: 'create', orderId: 'bad id', amount: 1000 },
          { resource: 'paymentLink', operation: 'get', orderId: 'KEY-1' },
          { resource: 'paymentLink', operation: 'get', orderId: 'KEY-NONE' },
          { resource: 'transaction', operation: 'getStatus', transactionId: n.transaction_id },
          { resource: 'transaction', operation: 'getStatus', transactionId: 'KEY-NONE' },
          { resource: 'paymentLink', operation: 'deactivate', orderId: 'KEY-2' },
          { resource: 'paymentLink', operation: 'deactivate', orderId: 'KEY-2' },
        ],
        true,
      ),
      await runMidtrans(creds(), [{ resource: 'paymentLink', operation: 'get', orderId: 'KEY-NONE' }]),
      await runMidtrans(credentialsFor('http://127.0.0.1:9'), [{ resource: 'paymentLink', operation: 'get', orderId: 'KEY-1' }]),
    ];
    expect(runs[0].items).toHaveLength(9);
    expect(runs[0].items.filter((i) => i.json.error)).toHaveLength(5);
    expect(runs[2].error?.message).toMatch(/could not reach Midtrans/);
    for (const run of runs) {
      expect(everythingIn(run)).not.toContain(SERVER_KEY);
      expect(everythingIn(run)).not.toContain(token);
    }
  });
});

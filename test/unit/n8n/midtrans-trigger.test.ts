/** Midtrans Trigger: signed notifications from the simulator, delivered to the node's webhook() as n8n would. */
import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, deliver, SERVER_KEY, type WebhookOutcome } from './support/fake-n8n';

const backend = useMidtransBackend(SERVER_KEY);

const trigger = new MidtransTrigger();
const sha512 = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function receiver(params: IDataObject = {}, credentials = credentialsFor(backend.url)) {
  return {
    send: (body: IDataObject | undefined, rawBody?: string): Promise<WebhookOutcome> =>
      deliver(trigger.webhook, { description: trigger.description, credentials, params }, { body, rawBody }),
  };
}

const RECEIVED = { received: true };

/** A link as the product's Create makes it: its own order id in custom_field1 (unless `withOrderIdField` is false). */
function createLink(orderId: string, amount = 125000, withOrderIdField = true): void {
  const res = backend.simulator.handle({
    method: 'POST',
    path: '/v1/payment-links',
    headers: { authorization: `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      transaction_details: { order_id: orderId, gross_amount: amount },
      usage_limit: 5,
      ...(withOrderIdField ? { custom_field1: orderId } : {}),
    }),
  });
  expect(res.status).toBe(200);
}

describe('verified notifications', () => {
  test('a settlement starts one run once the status API confirms it: its own fields plus payment_link_order_id, paid, state, amount and confirmed', async () => {
    createLink('TRG-1');
    const n = backend.simulator.pay('TRG-1', { status: 'settlement', payment_type: 'bank_transfer' });
    const outcome = await receiver().send({ ...n });
    expect(outcome).toMatchObject({ status: 200, executed: true });
    expect(outcome.responseBody).toEqual(RECEIVED);
    expect(outcome.items).toHaveLength(1);
    const json = outcome.items[0].json;
    for (const [k, v] of Object.entries(n)) expect(json[k]).toEqual(v);
    expect(json).toMatchObject({
      payment_link_order_id: 'TRG-1',
      payment_link_order_id_source: 'custom_field1',
      paid: true,
      state: 'paid',
      amount: 125000,
      invoice_amount: 125000,
      customer_fee: 0,
      confirmed: true,
    });
    expect(typeof json.amount).toBe('number');
    expect(Object.keys(json).sort()).toEqual(
      [
        ...Object.keys(n),
        'amount',
        'confirmed',
        'customer_fee',
        'invoice_amount',
        'paid',
        'payment_link_order_id',
        'payment_link_order_id_source',
        'state',
      ].sort(),
    );
    expect(outcome.httpCalls).toBe(1);
    expect(backend.requests.at(-1)?.path).toBe(`/v2/${n.order_id}/status`);
    expect(JSON.stringify(outcome.items)).not.toContain(SERVER_KEY);
  });

  test.each([
    ['pending', 'pending', false],
    ['expire', 'expired', false],
    ['cancel', 'failed', false],
  ])(
    'a %s notification reads as state %s (paid %s), moves no money and starts its run without a status call',
    async (status, state, paid) => {
      createLink(`TRG-${status}`);
      const n = backend.simulator.pay(`TRG-${status}`, { status: 'pending', payment_type: 'bank_transfer' });
      const body = status === 'pending' ? n : backend.simulator.pay(`TRG-${status}`, { status, transaction_id: n.transaction_id });
      const outcome = await receiver().send({ ...body });
      expect(outcome.executed).toBe(true);
      expect(outcome.items[0].json).toMatchObject({ state, paid, payment_link_order_id: `TRG-${status}`, confirmed: false });
      expect(outcome.httpCalls).toBe(0);
    },
  );
});

describe('which payment link a payment belongs to, from evidence only (real order ids: issue 24)', () => {
  test("a shop's own Snap order ORDER-26-1765990547301 is not claimed for link ORDER-26: payment_link_order_id stays empty", async () => {
    createLink('ORDER-26', 150000);
    const n = backend.simulator.paySnapOrder('ORDER-26-1765990547301', {
      status: 'settlement',
      payment_type: 'gopay',
      gross_amount: 150000,
    });
    const outcome = await receiver().send({ ...n });
    expect(outcome.executed).toBe(true);
    expect(outcome.items[0].json).toMatchObject({
      order_id: 'ORDER-26-1765990547301',
      payment_link_order_id: '',
      payment_link_order_id_source: 'none',
      paid: true,
    });
    // The status call confirms the payment; one GET of the candidate link, which does not list it.
    expect(outcome.httpCalls).toBe(2);
    expect(backend.requests.at(-1)?.path).toBe('/v1/payment-links/ORDER-26');
  });

  test('a real shop order id whose candidate link does not exist (RAB-…-1759851491516): GET answers 404, not claimed', async () => {
    const n = backend.simulator.paySnapOrder('RAB-68e4edfdb754d89f3fcfe571-1759851491516', {
      status: 'pending',
      payment_type: 'bank_transfer',
      gross_amount: 50000,
    });
    const outcome = await receiver().send({ ...n });
    expect(outcome.items[0].json).toMatchObject({ payment_link_order_id: '', payment_link_order_id_source: 'none' });
  });

  test('a shop payment whose custom_field1 Midtrans reports naming the candidate is claimed (source custom_field1) with the status call alone', async () => {
    const n = backend.simulator.paySnapOrder('SHOP-9-1765990547301', {
      status: 'settlement',
      payment_type: 'gopay',
      gross_amount: 1000,
      custom_field1: 'SHOP-9',
    });
    const outcome = await receiver().send({ ...n });
    expect(outcome.items[0].json).toMatchObject({ payment_link_order_id: 'SHOP-9', payment_link_order_id_source: 'custom_field1' });
    expect(outcome.httpCalls).toBe(1);
  });

  test('a link made without custom_field1 (the dashboard, an older Create): GET lists the purchase, claimed with source payment_link', async () => {
    createLink('OLD-1', 10000, false);
    const n = backend.simulator.pay('OLD-1', { status: 'settlement', payment_type: 'bank_transfer' });
    const outcome = await receiver().send({ ...n });
    expect(outcome.items[0].json).toMatchObject({ payment_link_order_id: 'OLD-1', payment_link_order_id_source: 'payment_link' });
    // The status call, then the GET of the link.
    expect(outcome.httpCalls).toBe(2);
  });

  test('with the look-up off, only the status call is made and an unproven payment stays unclaimed', async () => {
    createLink('OLD-2', 10000, false);
    const n = backend.simulator.pay('OLD-2', { status: 'settlement', payment_type: 'bank_transfer' });
    const outcome = await receiver({ options: { linkLookup: false } }).send({ ...n });
    expect(outcome.items[0].json).toMatchObject({ payment_link_order_id: '', payment_link_order_id_source: 'none' });
    expect(outcome.httpCalls).toBe(1);
  });

  test('when the look-up cannot reach Midtrans, nothing starts and Midtrans gets 503 (it retries later)', async () => {
    createLink('OLD-3', 10000, false);
    const n = backend.simulator.pay('OLD-3', { status: 'settlement', payment_type: 'bank_transfer' });
    const outcome = await receiver({}, credentialsFor('http://127.0.0.1:9', SERVER_KEY)).send({ ...n });
    expect(outcome).toMatchObject({ status: 503, executed: false });
  });
});

describe('Automatic Fee Imposition (a body shaped like Midtrans/midtrans-php issue #118)', () => {
  test('the item carries what arrived, the invoice amount and the fee the customer paid', async () => {
    createLink('FEE-1', 10000);
    const n = backend.simulator.pay('FEE-1', { status: 'settlement', payment_type: 'bank_transfer', customer_fee: 71 });
    expect(n.gross_amount).toBe('10071.00');
    expect(n.metadata).toEqual({
      extra_info: { gross_amount_info: { original_amount: '10000', gross_amount: '10071', customer_imposed_payment_fee: '71' } },
    });
    const outcome = await receiver().send({ ...n });
    expect(outcome.items[0].json).toMatchObject({
      payment_link_order_id: 'FEE-1',
      amount: 10071,
      invoice_amount: 10000,
      customer_fee: 71,
      paid: true,
    });
  });
});

describe('forged and malformed notifications start nothing', () => {
  test('a changed amount breaks the signature: 401, no run', async () => {
    createLink('FRG-1');
    const n = backend.simulator.pay('FRG-1', { status: 'settlement', payment_type: 'gopay' });
    const outcome = await receiver().send({ ...n, gross_amount: '1.00' });
    expect(outcome).toMatchObject({ status: 401, executed: false });
  });

  test('a notification signed with another server key: 401, no run', async () => {
    createLink('FRG-2');
    const n = backend.simulator.pay('FRG-2', { status: 'settlement', payment_type: 'gopay' });
    const outcome = await receiver({}, credentialsFor(backend.url, 'SB-Mid-server-someoneElse')).send({ ...n });
    expect(outcome).toMatchObject({ status: 401, executed: false });
    expect(JSON.stringify(outcome.responseBody)).not.toContain('someoneElse');
  });

  test('no signature_key at all: 401, no run', async () => {
    createLink('FRG-3');
    const { signature_key: _dropped, ...unsigned } = backend.simulator.pay('FRG-3', { status: 'settlement', payment_type: 'gopay' });
    const outcome = await receiver().send(unsigned);
    expect(outcome).toMatchObject({ status: 401, executed: false });
  });

  test.each<[string, IDataObject | undefined, string | undefined]>([
    ['an empty body', {}, undefined],
    ['a body that is not JSON', undefined, 'order_id=1&status=paid'],
    ['a JSON array', undefined, '[1,2,3]'],
    ['no order_id', { status_code: '200', gross_amount: '1000.00', signature_key: 'abc' }, undefined],
    ['no gross_amount', { order_id: 'X-1', status_code: '200', signature_key: 'abc' }, undefined],
  ])('%s: 400, no run', async (_, body, raw) => {
    const outcome = await receiver().send(body, raw);
    expect(outcome).toMatchObject({ status: 400, executed: false });
  });

  test('junk is refused on its shape before the credential is read: a 16 MB signature_key gets 401 and no credential read', async () => {
    createLink('JNK-1');
    const n = backend.simulator.pay('JNK-1', { status: 'settlement', payment_type: 'gopay' });
    let reads = 0;
    const counted = (): ReturnType<typeof credentialsFor> =>
      new Proxy(credentialsFor(backend.url), { get: (target, prop, receiver) => ((reads += 1), Reflect.get(target, prop, receiver)) });
    const junk = await receiver({}, counted()).send({ ...n, signature_key: 'a'.repeat(16 * 1024 * 1024) });
    expect(junk).toMatchObject({ status: 401, executed: false });
    const badOrderId = await receiver({}, counted()).send({ ...n, order_id: 'not an order id' });
    expect(badOrderId).toMatchObject({ status: 400, executed: false });
    expect(reads).toBe(0);
    // The same counter does see the read a well-shaped body needs.
    const genuine = await receiver({}, counted()).send({ ...n });
    expect(genuine.executed).toBe(true);
    expect(reads).toBeGreaterThan(0);
  });

  test('a correctly signed body with an unknown transaction_status: 400, no run', async () => {
    const body: IDataObject = {
      order_id: 'ODD-1',
      status_code: '200',
      gross_amount: '1000.00',
      transaction_status: 'teleported',
      transaction_id: 't-1',
    };
    body.signature_key = sha512(`ODD-1` + '200' + '1000.00' + SERVER_KEY);
    const outcome = await receiver().send(body);
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.responseBody)).toMatch(/teleported/);
  });
});

describe('repeated deliveries and filters', () => {
  // The trigger does not suppress repeats: workflow static data is not reliably saved for webhook
  // triggers in n8n 2.40.7, so a "seen" list there silently let repeats through. The README points to
  // n8n's Remove Duplicates node, whose history n8n keeps in its database.
  test('the same notification twice starts two runs, each answered 200 {"received":true}, with no static data touched', async () => {
    createLink('DUP-1');
    const n = backend.simulator.pay('DUP-1', { status: 'settlement', payment_type: 'gopay' });
    const r = receiver();
    const first = await r.send({ ...n });
    const second = await r.send({ ...n });
    expect(first).toMatchObject({ status: 200, executed: true, responseBody: RECEIVED });
    expect(second).toMatchObject({ status: 200, executed: true, responseBody: RECEIVED });
    expect(second.items[0].json).toEqual(first.items[0].json);
  });

  test("each run carries transaction_id, transaction_status and state, the fields the README's Remove Duplicates key uses", async () => {
    createLink('DUP-2');
    const pending = backend.simulator.pay('DUP-2', { status: 'pending', payment_type: 'bank_transfer' });
    const settled = backend.simulator.pay('DUP-2', { status: 'settlement', transaction_id: pending.transaction_id });
    const r = receiver();
    const a = (await r.send({ ...pending })).items[0].json;
    const b = (await r.send({ ...settled })).items[0].json;
    expect(a).toMatchObject({ transaction_id: pending.transaction_id, transaction_status: 'pending', state: 'pending' });
    expect(b).toMatchObject({ transaction_id: pending.transaction_id, transaction_status: 'settlement', state: 'paid' });
  });

  test('there is no "Ignore Duplicate Notifications" option any more', () => {
    const options = trigger.description.properties.find((p) => p.name === 'options') as { options?: { name: string }[] };
    expect(options.options?.map((o) => o.name)).toEqual(['skipConfirmation', 'linkLookup']);
    const notice = trigger.description.properties.find((p) => p.name === 'duplicatesNotice');
    expect(notice?.displayName).toMatch(/Remove Duplicates/);
    expect(notice?.displayName).toMatch(/Remove Items Processed in Previous Executions/);
  });

  test('only the chosen states fire; others are acknowledged with 200 and start nothing', async () => {
    createLink('FLT-1');
    const pending = backend.simulator.pay('FLT-1', { status: 'pending', payment_type: 'bank_transfer' });
    const settled = backend.simulator.pay('FLT-1', { status: 'settlement', transaction_id: pending.transaction_id });
    const r = receiver({ events: ['paid'] });
    expect(await r.send({ ...pending })).toMatchObject({ status: 200, executed: false, responseBody: RECEIVED });
    expect(await r.send({ ...settled })).toMatchObject({ status: 200, executed: true, responseBody: RECEIVED });
  });

  test('the default fires on every state', async () => {
    expect(trigger.description.properties.find((p) => p.name === 'events')?.default).toEqual(['*']);
  });
});

describe('confirmation with the Midtrans status API (on by default)', () => {
  test("a state Midtrans does not report any more (a settlement that was refunded since) starts the run with Midtrans's facts", async () => {
    createLink('CNF-1');
    const n = backend.simulator.pay('CNF-1', { status: 'settlement', payment_type: 'gopay' });
    backend.simulator.pay('CNF-1', { status: 'refund', transaction_id: n.transaction_id });
    const outcome = await receiver().send({ ...n });
    expect(outcome).toMatchObject({ status: 200, executed: true });
    expect(outcome.items[0].json).toMatchObject({
      confirmed: true,
      state: 'refunded',
      transaction_status: 'refund',
      status_code: '200',
      signature_key: n.signature_key,
    });
  });

  test('when Midtrans cannot be reached, nothing starts and Midtrans gets 503 (it retries later)', async () => {
    createLink('CNF-3');
    const n = backend.simulator.pay('CNF-3', { status: 'settlement', payment_type: 'gopay' });
    const outcome = await receiver({}, credentialsFor('http://127.0.0.1:9', SERVER_KEY)).send({ ...n });
    expect(outcome).toMatchObject({ status: 503, executed: false });
  });

  test("after a 503 (status API unreachable), Midtrans's retry runs once confirmed", async () => {
    createLink('CNF-4');
    const n = backend.simulator.pay('CNF-4', { status: 'settlement', payment_type: 'gopay' });
    backend.simulator.setFaults({ script: [{ route: 'status', call: 1, fault: 503 }] });
    const r = receiver();
    expect((await r.send({ ...n })).status).toBe(503);
    backend.simulator.setFaults(undefined);
    expect((await r.send({ ...n })).executed).toBe(true);
  });

  test('a settlement body rewritten to refund and pointed at another, really refunded transaction is not confirmed: the status API is asked by the signed order id', async () => {
    createLink('CNF-6');
    createLink('CNF-7');
    const mine = backend.simulator.pay('CNF-6', { status: 'settlement', payment_type: 'gopay' });
    const other = backend.simulator.pay('CNF-7', { status: 'settlement', payment_type: 'gopay' });
    backend.simulator.pay('CNF-7', { status: 'refund', transaction_id: other.transaction_id });
    // transaction_status and transaction_id are not signed, so the forgery still verifies.
    const outcome = await receiver().send({ ...mine, transaction_status: 'refund', transaction_id: other.transaction_id });
    expect(outcome).toMatchObject({ status: 200, executed: false, responseBody: RECEIVED });
    expect(outcome.httpCalls).toBe(1);
    expect(backend.requests.at(-1)?.path).toBe(`/v2/${mine.order_id}/status`);
  });

  test('a state the workflow does not watch is acknowledged without a status call', async () => {
    createLink('CNF-8');
    const n = backend.simulator.pay('CNF-8', { status: 'settlement', payment_type: 'gopay' });
    const outcome = await receiver({ events: ['expired'] }).send({ ...n });
    expect(outcome).toMatchObject({ status: 200, executed: false, httpCalls: 0 });
  });
});

describe('webhook lifecycle', () => {
  test('checkExists, create and delete succeed without registering anything', async () => {
    const methods = trigger.webhookMethods.default;
    const ctx = {} as never;
    await expect(methods.checkExists.call(ctx)).resolves.toBe(true);
    await expect(methods.create.call(ctx)).resolves.toBe(true);
    await expect(methods.delete.call(ctx)).resolves.toBe(true);
  });

  test('the webhook is a POST answered on receipt, and the trigger is not usable as a tool', () => {
    expect(trigger.description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
    expect(trigger.description.usableAsTool).toBeUndefined();
    expect(trigger.description.inputs).toEqual([]);
    const notice = trigger.description.properties.find((p) => p.type === 'notice');
    expect(notice?.displayName).toMatch(/Production URL/);
    expect(notice?.displayName).toMatch(/Notification URL/);
  });
});

/**
 * The Midtrans Trigger with its default options against genuine notifications replayed with unsigned
 * fields edited (the signature still verifies: only order_id + status_code + gross_amount are signed).
 * None may start a run that claims money moved, or carry an edited payment time. Each case names the
 * defence that stops it: the status-code table (401, no status call) or the status-API confirmation
 * (one call, no run); the simulator's status API is the authority. A BI-SNAP payment, whose status
 * answer names it by its transaction id, is still confirmed.
 */
import type { IDataObject } from 'n8n-workflow';
import { MidtransTrigger } from '../../../n8n-node/nodes/MidtransTrigger/MidtransTrigger.node';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, deliver, SERVER_KEY, type WebhookOutcome } from './support/fake-n8n';

const backend = useMidtransBackend(SERVER_KEY);
const trigger = new MidtransTrigger();

const send = (body: IDataObject, params: IDataObject = {}): Promise<WebhookOutcome> =>
  deliver(trigger.webhook, { description: trigger.description, credentials: credentialsFor(backend.url), params }, { body });

/** A link as the Midtrans node's Create makes it: its order id in custom_field1, the Trigger's evidence. */
function createLink(orderId: string, extra: Record<string, unknown> = { custom_field1: orderId }): void {
  const res = backend.simulator.handle({
    method: 'POST',
    path: '/v1/payment-links',
    headers: { authorization: `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: 90000 }, usage_limit: 1, ...extra }),
  });
  expect(res.status).toBe(200);
}

/** A genuine notification of the given kind, as Midtrans sent it. */
function genuine(orderId: string, kind: 'pending' | 'expire' | 'authorize' | 'challenge' | 'deny' | 'settlement'): IDataObject {
  createLink(orderId);
  const card = ['authorize', 'challenge', 'deny'].includes(kind);
  if (kind === 'expire') {
    const p = backend.simulator.pay(orderId, { status: 'pending', payment_type: 'bank_transfer' });
    return { ...backend.simulator.pay(orderId, { status: 'expire', transaction_id: p.transaction_id }) };
  }
  const status = kind === 'challenge' ? 'capture' : kind;
  return {
    ...backend.simulator.pay(orderId, {
      status,
      payment_type: card ? 'credit_card' : 'bank_transfer',
      ...(kind === 'challenge' ? { fraud_status: 'challenge' } : {}),
    }),
  };
}

describe('edits the status-code table refuses: 401, no run, no status call', () => {
  test.each<[string, 'pending' | 'expire' | 'challenge' | 'deny', IDataObject]>([
    ['a pending (201) edited to settlement', 'pending', { transaction_status: 'settlement' }],
    ['an expire (202) edited to settlement', 'expire', { transaction_status: 'settlement' }],
    ['a card capture under challenge (201) with fraud_status edited to accept', 'challenge', { fraud_status: 'accept' }],
    ['a deny (202) edited to capture', 'deny', { transaction_status: 'capture', fraud_status: 'accept' }],
  ])('%s', async (_what, kind, edit) => {
    const body = genuine(`TBL-${kind}`, kind);
    const outcome = await send({ ...body, ...edit });
    expect(outcome).toMatchObject({ status: 401, executed: false, httpCalls: 0 });
    expect(JSON.stringify(outcome.responseBody)).toMatch(/does not fit/);
    // The genuine body itself is fine.
    expect((await send(body)).executed).toBe(true);
  });
});

describe('edits only the status API can tell: one status call, no run', () => {
  test('a card authorize (200) edited to settlement: Midtrans says authorize', async () => {
    const body = genuine('CNF-AUTH', 'authorize');
    const outcome = await send({ ...body, transaction_status: 'settlement' });
    expect(outcome).toMatchObject({ status: 200, executed: false, httpCalls: 1 });
  });

  test('a settlement (200) edited to refund: Midtrans says settlement', async () => {
    const body = genuine('CNF-REF', 'settlement');
    const outcome = await send({ ...body, transaction_status: 'refund' });
    expect(outcome).toMatchObject({ status: 200, executed: false, httpCalls: 1 });
  });

  test("a settlement replayed with settlement_time 2019: the run carries Midtrans's time, transaction id and payment type, not the edits", async () => {
    const body = genuine('CNF-TIME', 'settlement');
    const outcome = await send({ ...body, settlement_time: '2019-01-01 00:00:00', transaction_id: 'f0rged-0000', payment_type: 'gopay' });
    expect(outcome).toMatchObject({ status: 200, executed: true, httpCalls: 1 });
    expect(outcome.items[0].json).toMatchObject({
      settlement_time: body.settlement_time,
      transaction_id: body.transaction_id,
      payment_type: 'bank_transfer',
      confirmed: true,
      paid: true,
    });
  });
});

test('unsigned fields of a shape Midtrans never sends are refused (400) before anything starts', async () => {
  const body = genuine('SHP-1', 'pending');
  const outcome = await send({ ...body, transaction_id: '=HYPERLINK("http://evil","pay here")' });
  expect(outcome).toMatchObject({ status: 400, executed: false, httpCalls: 0 });
});

test('a BI-SNAP payment (BSI VA: the status API puts its transaction id in order_id) is confirmed and starts its run', async () => {
  createLink('BSI-1', { enabled_payments: ['bsi_va'], custom_field1: 'BSI-1' });
  const body = backend.simulator.pay('BSI-1', { status: 'settlement', payment_type: 'bsi_va' });
  const outcome = await send({ ...body });
  expect(outcome).toMatchObject({ status: 200, executed: true, httpCalls: 1 });
  expect(outcome.items[0].json).toMatchObject({
    order_id: body.order_id,
    payment_link_order_id: 'BSI-1',
    transaction_id: body.transaction_id,
    confirmed: true,
    paid: true,
  });
});

describe('Skip Status Confirmation (Unsafe)', () => {
  test('its description says what the risk is', () => {
    const options = trigger.description.properties.find((p) => p.name === 'options') as {
      options: { name: string; default: unknown; description: string }[];
    };
    const skip = options.options.find((o) => o.name === 'skipConfirmation');
    expect(skip?.default).toBe(false);
    expect(skip?.description).toMatch(/signs only order_id, status_code and gross_amount/);
    expect(skip?.description).toMatch(/execution history/);
    expect(skip?.description).toMatch(/paid: true/);
  });

  test('when set, no status call is made, and an edited authorize does start a paid run (the risk it names)', async () => {
    const body = genuine('SKP-1', 'authorize');
    const outcome = await send({ ...body, transaction_status: 'settlement' }, { options: { skipConfirmation: true } });
    expect(outcome).toMatchObject({ status: 200, executed: true, httpCalls: 0 });
    expect(outcome.items[0].json).toMatchObject({ paid: true, confirmed: false });
  });

  test('the status-code table still applies when it is set', async () => {
    const body = genuine('SKP-2', 'pending');
    expect(await send({ ...body, transaction_status: 'settlement' }, { options: { skipConfirmation: true } })).toMatchObject({
      status: 401,
      executed: false,
    });
  });
});

test("a shop's genuine paid order replayed with custom_field1 edited to name link ORDER-26 is not claimed for it: the claim reads Midtrans's answer", async () => {
  createLink('ORDER-26');
  const shop = backend.simulator.paySnapOrder('ORDER-26-1765990547301', {
    status: 'settlement',
    payment_type: 'gopay',
    gross_amount: 90000,
  });
  const outcome = await send({ ...shop, custom_field1: 'ORDER-26' });
  // The status call, then the GET of the candidate link, which does not list this payment.
  expect(outcome).toMatchObject({ status: 200, executed: true, httpCalls: 2 });
  expect(outcome.items[0].json).toMatchObject({ payment_link_order_id: '', payment_link_order_id_source: 'none', paid: true });
  expect(outcome.items[0].json.custom_field1).toBeUndefined();
});

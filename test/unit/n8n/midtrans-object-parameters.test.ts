/**
 * Midtrans node: a parameter filled by an expression that returned an object or a list. The error names
 * the field and shows the value as (truncated) JSON, never "[object Object]", and nothing is sent.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { everythingIn, runMidtrans } from './support/run-node';

// A closed port: any HTTP attempt would show up as a call (and fail as "could not reach Midtrans").
const creds = credentialsFor('http://127.0.0.1:9');
const VALUE = { campaign: 'diwali', tier: 2 };
const SHOWN = 'an object {"campaign":"diwali","tier":2}';
const create = (params: IDataObject): IDataObject => ({
  resource: 'paymentLink',
  operation: 'create',
  orderId: 'OBJ-1',
  amount: 10000,
  ...params,
});

describe('an object where text is expected', () => {
  test.each<[string, IDataObject, string]>([
    ['Create ▸ Order ID', create({ orderId: VALUE }), 'Order ID must be text'],
    ['Create ▸ Title (was sent to Midtrans as the text "[object Object]")', create({ title: VALUE }), 'Title must be text'],
    ['Create ▸ Customer Email', create({ customerEmail: VALUE }), 'Customer Email must be text'],
    ['Create ▸ Custom Link ID', create({ linkIdMode: 'custom', paymentLinkId: VALUE }), 'Custom Link ID must be text'],
    ['Create ▸ Payment Methods entry', create({ paymentMethods: [VALUE] }), 'Payment Methods must be a payment method code (text)'],
    ['Create ▸ Custom Field 1', create({ additionalFields: { customField1: VALUE } }), 'Custom Field 1 must be text'],
    ['Create ▸ Finish URL', create({ additionalFields: { finishUrl: VALUE } }), 'Finish URL must be a full web address'],
    ['Create ▸ Card Acquiring Bank', create({ additionalFields: { cardBank: VALUE } }), 'Card Acquiring Bank must be one of'],
    ['Create ▸ Amount', create({ amount: VALUE }), 'Amount (IDR) must be a whole number'],
    [
      'Create ▸ Line Items ▸ Name',
      create({ amountType: 'items', items: { item: [{ name: VALUE, price: 1000, quantity: 1 }] } }),
      'Line Items › item 1 › Name must be text',
    ],
    [
      'Get ▸ Order ID (was requested as /v1/payment-links/[object Object])',
      { resource: 'paymentLink', operation: 'get', orderId: VALUE },
      'Order ID must be text',
    ],
    ['Deactivate ▸ Order ID', { resource: 'paymentLink', operation: 'deactivate', orderId: VALUE }, 'Order ID must be text'],
    [
      'Get Status ▸ Transaction or Order ID',
      { resource: 'transaction', operation: 'getStatus', transactionId: VALUE },
      'Transaction or Order ID must be text',
    ],
  ])('%s: a NodeOperationError naming the field and showing the JSON, before any request', async (_, params, start) => {
    const run = await runMidtrans(creds, [params]);
    expect(run.error).toBeInstanceOf(NodeOperationError);
    expect(run.error?.message.startsWith(start)).toBe(true);
    expect(run.error?.message).toContain(SHOWN);
    expect(everythingIn(run)).not.toContain('[object Object]');
    expect(run.httpCalls).toBe(0);
  });

  test('a list where an id is expected is shown as a list', async () => {
    const run = await runMidtrans(creds, [{ resource: 'paymentLink', operation: 'get', orderId: ['A-1', 'A-2'] }]);
    expect(run.error?.message).toBe('Order ID must be text, got a list ["A-1","A-2"]');
  });

  test('a large object is cut to 60 characters of JSON', async () => {
    const run = await runMidtrans(creds, [create({ title: { note: 'n'.repeat(1000) } })]);
    expect(run.error?.message).toBe(`Title must be text, got an object {"note":"${'n'.repeat(48)}...`);
  });

  test('an object Resource or Operation is named and shown, not "[object Object]"', async () => {
    const run = await runMidtrans(creds, [{ resource: VALUE, operation: ['get'] }]);
    expect(run.error?.message).toBe(`The operation a list ["get"] is not known for the resource ${SHOWN}`);
  });

  test('with Continue On Fail the item carries the same message', async () => {
    const run = await runMidtrans(creds, [create({ title: VALUE })], true);
    expect(run.items[0].json.error).toBe(`Title must be text, got ${SHOWN}`);
    expect(run.items[0].pairedItem).toEqual({ item: 0 });
  });

  test('a value holding the server key is shown with the key redacted, in the message and the stack n8n records', async () => {
    const run = await runMidtrans(creds, [create({ title: { k: SERVER_KEY } })]);
    expect(run.error?.message).toContain('[redacted]');
    expect(everythingIn(run)).not.toContain(SERVER_KEY);
  });

  test('numbers in text fields still work as text (an expression returning 12345 as the order id)', async () => {
    const run = await runMidtrans(creds, [{ resource: 'paymentLink', operation: 'get', orderId: 12345 }]);
    // It gets as far as the request (the closed port): the id was accepted.
    expect(run.httpCalls).toBeGreaterThan(0);
    expect(run.error?.message).not.toMatch(/must be text/);
  });
});

/** Midtrans node ▸ Payment Link ▸ Create, against the simulator over HTTP. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { useMidtransBackend } from './support/midtrans-backend';
import { credentialsFor, SERVER_KEY } from './support/fake-n8n';
import { everythingIn, runMidtrans } from './support/run-node';

const backend = useMidtransBackend(SERVER_KEY);

const create = (params: Record<string, unknown>) => ({ resource: 'paymentLink', operation: 'create', ...params });
const sentBodies = () => backend.requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('Create', () => {
  test('creates a fixed-amount link with an unguessable generated link id, authenticated by the credential', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-1', amount: 150000 })]);
    expect(run.error).toBeUndefined();
    const out = run.items[0].json;
    expect(out).toMatchObject({ order_id: 'INV-1', existing: false });
    expect(out.payment_link_id).toMatch(/^[a-z2-7]{26}$/);
    expect(out.payment_url).toBe(`http://127.0.0.1:1/payment-links/${out.payment_link_id}`);
    expect(run.items[0].pairedItem).toEqual({ item: 0 });
    const [request] = backend.requests;
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`);
    expect(sentBodies()[0]).toEqual({
      transaction_details: { order_id: 'INV-1', gross_amount: 150000, payment_link_id: out.payment_link_id },
      usage_limit: 1,
      // The link's own order id, so the Trigger can tell its payments from a shop's (core link-claim.ts).
      custom_field1: 'INV-1',
    });
    expect(everythingIn(run)).not.toContain(SERVER_KEY);
  });

  test("the output offers a WhatsApp click-to-chat link (the core's) when the customer has a phone, null otherwise", async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({ orderId: 'INV-WA', amount: 150000, title: 'Kelas yoga', customerFirstName: 'Siti', customerPhone: '0812-3456-7890' }),
      create({ orderId: 'INV-NOWA', amount: 1000 }),
    ]);
    expect(run.error).toBeUndefined();
    const [withPhone, without] = run.items.map((i) => i.json);
    const url = new URL(String(withPhone.whatsapp_url));
    expect(`${url.origin}${url.pathname}`).toBe('https://wa.me/6281234567890');
    expect(url.searchParams.get('text')).toBe(
      `Halo Siti, berikut tautan pembayaran untuk Kelas yoga sebesar Rp 150.000: ${withPhone.payment_url}`,
    );
    expect(without.whatsapp_url).toBeNull();
  });

  test('two links get different generated link ids', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({ orderId: 'INV-A', amount: 1000 }),
      create({ orderId: 'INV-B', amount: 1000 }),
    ]);
    expect(run.items).toHaveLength(2);
    expect(run.items[0].json.payment_link_id).not.toBe(run.items[1].json.payment_link_id);
    expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
  });

  test('line items: the total is their sum and each item is sent with its optional fields', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({
        orderId: 'INV-ITEMS',
        amountType: 'items',
        items: {
          item: [
            {
              name: 'Pillow',
              price: 95000,
              quantity: 2,
              id: 'pil-001',
              brand: 'Midtrans',
              category: 'Furniture',
              merchantName: 'PT. Midtrans',
            },
            { name: 'Discount', price: -10000, quantity: 1 },
          ],
        },
      }),
    ]);
    expect(run.error).toBeUndefined();
    const body = sentBodies()[0];
    expect(body.transaction_details).toMatchObject({ gross_amount: 180000 });
    expect(body.item_details).toEqual([
      { id: 'pil-001', name: 'Pillow', price: 95000, quantity: 2, brand: 'Midtrans', category: 'Furniture', merchant_name: 'PT. Midtrans' },
      { name: 'Discount', price: -10000, quantity: 1 },
    ]);
    const link = await runMidtrans(credentialsFor(backend.url), [{ resource: 'paymentLink', operation: 'get', orderId: 'INV-ITEMS' }]);
    expect(link.items[0].json.gross_amount).toBe(180000);
  });

  test('dynamic amount sends DYNAMIC_AMOUNT with its bounds and no gross amount', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({ orderId: 'DON-1', amountType: 'dynamic', dynamicAmount: { min: 10000, max: 500000, preset: 50000 } }),
    ]);
    expect(run.error).toBeUndefined();
    const body = sentBodies()[0];
    expect(body.payment_link_type).toBe('DYNAMIC_AMOUNT');
    expect(body.dynamic_amount).toEqual({ min_amount: 10000, max_amount: 500000, preset_amount: 50000 });
    expect((body.transaction_details as Record<string, unknown>).gross_amount).toBeUndefined();
  });

  test('every documented field reaches Midtrans in its documented shape', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({
        orderId: 'INV-FULL',
        amount: 250000,
        title: 'Concert ticket',
        customerEmail: 'buyer@example.com',
        customerFirstName: 'Siti',
        customerPhone: '+628123456789',
        expiryDuration: 3,
        expiryUnit: 'days',
        usageLimit: 500,
        paymentMethods: ['bca_va', 'gopay', 'credit_card'],
        linkIdMode: 'custom',
        paymentLinkId: 'concert-x7k2-9qpl',
        onExistingOrderId: 'fail',
        additionalFields: {
          customerLastName: 'Rahma',
          customerNotes: 'Thanks!',
          customerRequiredFields: ['email', 'phone'],
          expiryStartTime: '2026-12-01 18:00 +0700',
          customField1: 'INV-FULL',
          customField2: 'row 7',
          customField3: 'batch 2',
          finishUrl: 'https://shop.example/thanks?o=INV-FULL',
          cardSecure: true,
          cardBank: 'bni',
          cardType: 'authorize_capture',
          cardAllowedBins: '4811111, 5211, mandiri',
          installmentRequired: false,
          installmentTerms: {
            term: [
              { bank: 'bni', months: '3, 6, 12' },
              { bank: 'offline', months: '6' },
            ],
          },
          bcaVaNumber: '12345678901',
          bniVaNumber: '12345678',
          permataVaNumber: '1234567890',
        },
      }),
    ]);
    expect(run.error).toBeUndefined();
    expect(run.items[0].json.payment_link_id).toBe('concert-x7k2-9qpl');
    expect(sentBodies()[0]).toEqual({
      transaction_details: { order_id: 'INV-FULL', gross_amount: 250000, payment_link_id: 'concert-x7k2-9qpl' },
      usage_limit: 500,
      customer_required: true,
      customer_details: {
        first_name: 'Siti',
        last_name: 'Rahma',
        email: 'buyer@example.com',
        phone: '+628123456789',
        notes: 'Thanks!',
        customer_details_required_fields: ['email', 'phone'],
      },
      title: 'Concert ticket',
      expiry: { duration: 3, unit: 'days', start_time: '2026-12-01 18:00 +0700' },
      enabled_payments: ['bca_va', 'gopay', 'credit_card'],
      custom_field1: 'INV-FULL',
      custom_field2: 'row 7',
      custom_field3: 'batch 2',
      callbacks: { finish: 'https://shop.example/thanks?o=INV-FULL' },
      credit_card: {
        secure: true,
        bank: 'bni',
        type: 'authorize_capture',
        whitelist_bins: ['4811111', '5211', 'mandiri'],
        installment: { required: false, terms: { bni: [3, 6, 12], offline: [6] } },
      },
      bca_va: { va_number: '12345678901' },
      bni_va: { va_number: '12345678' },
      permata_va: { va_number: '1234567890' },
    });
  });

  test('numbers typed as text by an expression are accepted', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-TXT', amount: '20000', usageLimit: '2' })]);
    expect(run.error).toBeUndefined();
    expect(sentBodies()[0]).toMatchObject({ transaction_details: { gross_amount: 20000 }, usage_limit: 2 });
  });
});

describe('Create validates in the core before any HTTP call', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['decimal amount', { amount: 10.5 }, /^Amount \(IDR\) must be a whole number/],
    ['order id with a space', { orderId: 'INV 1' }, /^Order ID may contain only letters, digits/],
    ['empty order id', { orderId: '' }, /^Order ID must not be empty/],
    ['title over 40 characters', { title: 'x'.repeat(41) }, /^Title must be at most 40 characters, got 41/],
    [
      'upper-case custom link id',
      { linkIdMode: 'custom', paymentLinkId: 'My-Link' },
      /^Custom Link ID may contain only lower-case letters/,
    ],
    ['usage limit above a million', { usageLimit: 2000000 }, /^Usage Limit must be at most 1,000,000/],
    [
      'expiry start time in the wrong format',
      { expiryDuration: 1, additionalFields: { expiryStartTime: '01/12/2026' } },
      /^Expiry Start Time must look like/,
    ],
    [
      'expiry start time without a duration',
      { additionalFields: { expiryStartTime: '2026-12-01 18:00 +0700' } },
      /^Expires After is required/,
    ],
    ['BNI VA number too long', { additionalFields: { bniVaNumber: '123456789' } }, /^BNI VA Number must be at most 8 characters/],
    ['finish URL without a scheme', { additionalFields: { finishUrl: 'shop.example/thanks' } }, /^Finish URL must be a full web address/],
    [
      'installment months not numbers',
      { additionalFields: { installmentTerms: { term: [{ bank: 'bni', months: 'three' }] } } },
      /^Card Installment Terms › BNI/,
    ],
    [
      'custom field over 255 characters',
      { additionalFields: { customField2: 'y'.repeat(256) } },
      /^Custom Field 2 must be at most 255 characters/,
    ],
  ];
  test.each(cases)('%s is a NodeOperationError naming the field, and nothing is sent', async (_, params, message) => {
    const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-V', amount: 1000, ...params })]);
    expect(run.error).toBeInstanceOf(NodeOperationError);
    expect(run.error?.message).toMatch(message);
    expect(run.error?.context?.itemIndex).toBe(0);
    expect(run.httpCalls).toBe(0);
    expect(backend.requests).toHaveLength(0);
  });

  const warnings: [string, Record<string, unknown>, RegExp][] = [
    ['amount of zero', { amount: 0 }, /^Amount \(IDR\) is 0; Midtrans may refuse it/],
    ['email without a domain', { customerEmail: 'not-an-email' }, /^Customer Email does not look like name@example.com/],
    ['VA number with letters', { additionalFields: { bcaVaNumber: '12AB' } }, /^BCA VA Number is not digits only/],
    ['allowed BIN of letters and digits', { additionalFields: { cardAllowedBins: '48x1' } }, /^Card Allowed BINs is neither a prefix/],
  ];
  test.each(warnings)(
    '%s breaks only a rule we inferred: the request goes to Midtrans and the item carries the warning',
    async (_, params, message) => {
      const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-W', amount: 1000, ...params })]);
      expect(backend.requests).toHaveLength(1);
      const out = run.error ? undefined : run.items[0].json;
      // Midtrans (the simulator) decides: created, or a 400 naming the field; never refused unsent.
      if (out) expect((out.warnings as string[])[0]).toMatch(message);
      else expect(run.error?.constructor.name).toBe('NodeApiError');
    },
  );

  test('line items with a decimal price name the item and its field', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({
        orderId: 'INV-V',
        amountType: 'items',
        items: {
          item: [
            { name: 'A', price: 1000, quantity: 1 },
            { name: 'B', price: 99.5, quantity: 1 },
          ],
        },
      }),
    ]);
    expect(run.error).toBeInstanceOf(NodeOperationError);
    expect(run.error?.message).toMatch(/^Line Items › item 2 › Price \(IDR\) must be a whole number/);
    expect(backend.requests).toHaveLength(0);
  });

  test('line items mode with no items asks for line items', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-V', amountType: 'items' })]);
    expect(run.error?.message).toMatch(/^Line Items is required/);
    expect(backend.requests).toHaveLength(0);
  });

  test('several problems: the first is the message, the rest are in the description', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV 1', amount: 10.5, customerEmail: 'x'.repeat(51) })]);
    expect(run.error?.message).toMatch(/^Order ID/);
    expect(run.error?.description).toMatch(/Amount \(IDR\)/);
    expect(run.error?.description).toMatch(/Customer Email/);
  });

  test('the item index of the failing item is reported', async () => {
    const run = await runMidtrans(credentialsFor(backend.url), [
      create({ orderId: 'OK-1', amount: 1000 }),
      create({ orderId: 'BAD', amount: 1.5 }),
    ]);
    expect(run.error).toBeInstanceOf(NodeOperationError);
    expect(run.error?.context?.itemIndex).toBe(1);
    expect(backend.requests).toHaveLength(1);
  });
});

describe('If the order id already exists', () => {
  test('"Return the Existing Link" returns the link already made for the same amount', async () => {
    const first = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-DUP', amount: 5000 })]);
    const again = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-DUP', amount: 5000 })]);
    expect(again.error).toBeUndefined();
    expect(again.items[0].json).toMatchObject({ order_id: 'INV-DUP', existing: true, payment_url: first.items[0].json.payment_url });
    expect(again.items[0].json.payment_link_id).toBe(first.items[0].json.payment_link_id);
    expect(backend.simulator.stats().createdLinksByOrderId['INV-DUP']).toBe(1);
  });

  test('"Fail" is a NodeApiError with HTTP 409 and Midtrans\'s message', async () => {
    await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-DUP2', amount: 5000 })]);
    const again = await runMidtrans(credentialsFor(backend.url), [
      create({ orderId: 'INV-DUP2', amount: 5000, onExistingOrderId: 'fail' }),
    ]);
    expect(again.error).toBeInstanceOf(NodeApiError);
    expect(again.error?.httpCode).toBe('409');
    expect(again.error?.message).toContain("The Order ID 'INV-DUP2' has been taken");
  });

  test('an existing link for a different amount is not returned as ours', async () => {
    await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-DUP3', amount: 5000 })]);
    const again = await runMidtrans(credentialsFor(backend.url), [create({ orderId: 'INV-DUP3', amount: 7000 })]);
    expect(again.error).toBeInstanceOf(NodeApiError);
    expect(again.error?.httpCode).toBe('409');
    expect(again.error?.message).toMatch(/different amount/);
  });
});

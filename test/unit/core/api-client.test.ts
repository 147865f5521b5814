import {
  MidtransClient,
  authorizationHeader,
  createLinkRequest,
  errorMessages,
  isMidtransApiError,
  parseTransactionStatus,
  type HttpRequest,
  type HttpResponse,
} from '../../../core/src';

const KEY = 'SB-Mid-server-PLANTEDsecret123';
const config = { serverKey: KEY, baseUrl: 'http://midtrans.test/' };
const body = { transaction_details: { order_id: 'INV/7 #a', gross_amount: 150000 }, usage_limit: 1 };

/**
 * A scripted transport: the port the client talks through, answering in turn and recording what was
 * sent. The client's own behaviour (retry, recovery, parsing) is what is under test.
 */
function scripted(...answers: (HttpResponse | Error)[]) {
  const sent: HttpRequest[] = [];
  const sleeps: number[] = [];
  const transport = async (req: HttpRequest) => {
    sent.push(req);
    const next = answers.shift();
    if (!next) throw new Error('script ran out');
    if (next instanceof Error) throw next;
    return next;
  };
  const client = new MidtransClient(config, {
    transport,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    maxAttempts: 3,
    backoffMs: 100,
  });
  return { client, sent, sleeps };
}
const json = (status: number, b: unknown): HttpResponse => ({ status, body: JSON.stringify(b) });

describe('request building', () => {
  test('Basic auth is base64(serverKey + ":"): the docs/midtrans-contract.md §1 worked example', () => {
    expect(authorizationHeader('SB-Mid-server-abc123cde456')).toBe('Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6');
  });

  test('create posts JSON to /v1/payment-links on the configured base, trailing slash trimmed', () => {
    const r = createLinkRequest(config, body);
    expect(r).toMatchObject({ method: 'POST', url: 'http://midtrans.test/v1/payment-links' });
    expect(r.headers).toMatchObject({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(JSON.parse(r.body as string)).toEqual(body);
    expect(createLinkRequest({ serverKey: KEY, environment: 'production' }, body).url).toBe('https://api.midtrans.com/v1/payment-links');
    expect(createLinkRequest({ serverKey: KEY }, body).url).toBe('https://api.sandbox.midtrans.com/v1/payment-links');
  });
});

describe('MidtransClient', () => {
  test('order ids are URL-encoded in GET, DELETE and status paths', async () => {
    const { client, sent } = scripted(
      json(200, { order_id: 'INV/7 #a' }),
      json(200, { message: 'deleted' }),
      json(200, { status_code: '200' }),
    );
    await client.getPaymentLink('INV/7 #a');
    await client.deletePaymentLink('INV/7 #a');
    await client.getTransactionStatus('INV/7 #a-1764000000000');
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://midtrans.test/v1/payment-links/INV%2F7%20%23a',
      'DELETE http://midtrans.test/v1/payment-links/INV%2F7%20%23a',
      'GET http://midtrans.test/v2/INV%2F7%20%23a-1764000000000/status',
    ]);
  });

  test('retries 429, 5xx and network failures with doubling back-off, then succeeds', async () => {
    const { client, sent, sleeps } = scripted(json(429, {}), new Error('ECONNRESET'), json(200, { order_id: 'x', payment_url: 'u' }));
    await expect(client.createPaymentLink(body)).resolves.toMatchObject({ payment_url: 'u', existing: false });
    expect(sent).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  test('does not retry a 400, and carries every Midtrans message and the HTTP status', async () => {
    const { client, sent } = scripted(json(400, { error_messages: ['first problem', 'second problem'] }));
    const error = await client.createPaymentLink(body).catch((e) => e);
    expect(isMidtransApiError(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 400, messages: ['first problem', 'second problem'], operation: 'create' });
    expect(sent).toHaveLength(1);
  });

  test('gives up after the last attempt with the last error', async () => {
    const { client, sent } = scripted(json(503, {}), json(503, {}), json(500, { error_messages: ['Internal'] }));
    await expect(client.getPaymentLink('a')).rejects.toMatchObject({ httpStatus: 500, messages: ['Internal'] });
    expect(sent).toHaveLength(3);
  });

  test('a 401 string body becomes a one-message list (gotcha 1)', async () => {
    const { client } = scripted(json(401, { error_messages: 'Access denied due to unauthorized request' }));
    await expect(client.getPaymentLink('a')).rejects.toMatchObject({
      httpStatus: 401,
      messages: ['Access denied due to unauthorized request'],
    });
  });

  test('409 with a matching existing link returns that link instead of failing', async () => {
    const { client, sent } = scripted(
      json(409, { error_messages: ["The Order ID 'INV/7 #a' has been taken"] }),
      json(200, { order_id: 'INV/7 #a', gross_amount: 150000, payment_link_url: 'https://app.sandbox.midtrans.com/payment-links/abc' }),
    );
    await expect(client.createPaymentLink(body)).resolves.toMatchObject({
      existing: true,
      payment_url: 'https://app.sandbox.midtrans.com/payment-links/abc',
    });
    expect(sent[1].method).toBe('GET');
  });

  test('409 with a different amount is a clear "already used by another link" error', async () => {
    const { client } = scripted(json(409, { error_messages: ['taken'] }), json(200, { order_id: 'INV/7 #a', gross_amount: 99 }));
    await expect(client.createPaymentLink(body)).rejects.toThrow(/already used by another payment link with a different amount/);
  });

  test('409 with onExisting "fail" fails on the first attempt without a GET', async () => {
    const { client, sent } = scripted(json(409, { error_messages: ['taken'] }));
    await expect(client.createPaymentLink(body, 'fail')).rejects.toMatchObject({ httpStatus: 409 });
    expect(sent).toHaveLength(1);
  });

  test('409 on a retry after a lost answer is recovered even with onExisting "fail"', async () => {
    const { client } = scripted(
      new Error('socket hang up'),
      json(409, { error_messages: ['taken'] }),
      json(200, { order_id: 'INV/7 #a', gross_amount: 150000, payment_link_url: 'u' }),
    );
    await expect(client.createPaymentLink(body, 'fail')).resolves.toMatchObject({ existing: true });
  });

  test('status API: HTTP 200 with an error status_code is an error, 407 (expired) is an answer', async () => {
    const { client } = scripted(
      json(200, { status_code: '404', status_message: "Transaction doesn't exist." }),
      json(200, { status_code: '407', transaction_status: 'expire' }),
    );
    await expect(client.getTransactionStatus('x')).rejects.toMatchObject({ httpStatus: 404, messages: ["Transaction doesn't exist."] });
    await expect(client.getTransactionStatus('x')).resolves.toMatchObject({ transaction_status: 'expire' });
    expect(parseTransactionStatus({ status: 200, body: '{"status_code":"500"}' }).ok).toBe(false);
  });

  test('the server key never appears in an error, even when a server or network error echoes it', async () => {
    const b64 = authorizationHeader(KEY).slice(6);
    const { client } = scripted(
      json(400, { error_messages: [`bad key ${KEY}`, `header ${b64}`] }),
      new Error(`connect failed for ${KEY}`),
      new Error(`x ${KEY}`),
      new Error(`y ${KEY}`),
    );
    const e1 = await client.createPaymentLink(body).catch((e) => e);
    const e2 = await client.getPaymentLink('a').catch((e) => e);
    for (const e of [e1, e2]) {
      const text = `${e.message} ${JSON.stringify(e.messages)}`;
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(b64);
      expect(text).toContain('[redacted]');
    }
  });

  test('non-JSON and empty bodies still give a message with the status', async () => {
    const { client } = scripted({ status: 502, body: '<html>Bad gateway</html>' }, { status: 502, body: '' }, { status: 404, body: '' });
    await expect(client.getPaymentLink('a')).rejects.toMatchObject({ httpStatus: 404, messages: ['not found'] });
    expect(errorMessages(undefined, 'fallback')).toEqual(['fallback']);
  });
});

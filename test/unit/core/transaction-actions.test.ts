/**
 * Refund, Direct Refund, Cancel and Expire (docs/midtrans-contract.md §10) through the core's client,
 * against the simulator's own reading of those endpoints: the checks made before money moves, the path
 * per channel, what Midtrans answers, and when an attempt with an unknown outcome is sent again.
 */
import {
  MidtransClient,
  isMidtransApiError,
  mayResend,
  parseActionAnswer,
  planRefund,
  refundRequest,
  verifyNotification,
  type HttpRequest,
  type HttpResponse,
} from '../../../core/src';
import { createHash } from 'crypto';
import { createSimulator } from '../../../tools/simulator';

const KEY = 'SB-Mid-server-unit-actions';
const auth = {
  authorization: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`,
  accept: 'application/json',
  'content-type': 'application/json',
};
const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

function world(opts: { lose?: (req: HttpRequest) => 'before' | 'after' | undefined } = {}) {
  const sim = createSimulator({ serverKey: KEY, publicBaseUrl: 'https://app.sandbox.midtrans.com', seed: 5 });
  const notes: Record<string, unknown>[] = [];
  sim.onNotification((n) => notes.push(n.body as Record<string, unknown>));
  const sent: HttpRequest[] = [];
  const transport = async (req: HttpRequest): Promise<HttpResponse> => {
    sent.push(req);
    const lose = opts.lose?.(req);
    if (lose === 'before') throw new Error('socket hang up');
    const url = new URL(req.url);
    const res = sim.handle({
      method: req.method,
      path: url.pathname + url.search,
      headers: { ...auth, ...lowerKeys(req.headers) },
      body: req.body ?? '',
    });
    if (lose === 'after') throw new Error('ETIMEDOUT');
    return { status: res.status, body: res.body };
  };
  const client = new MidtransClient(
    { serverKey: KEY, baseUrl: 'http://sim.test' },
    { transport, sleep: async () => undefined, maxAttempts: 3, backoffMs: 1 },
  );
  const paid = (orderId: string, payment_type: string, status = 'settlement', gross = 100000) => {
    const r = sim.handle({
      method: 'POST',
      path: '/v1/payment-links',
      headers: auth,
      body: JSON.stringify({ transaction_details: { order_id: orderId, gross_amount: gross }, usage_limit: 1 }),
    });
    expect(r.status).toBe(200);
    return sim.pay(orderId, { status, payment_type }).order_id as string;
  };
  return { sim, client, sent, notes, paid };
}
const lowerKeys = (h: Record<string, string> = {}) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const paths = (sent: HttpRequest[]) => sent.map((r) => `${r.method} ${new URL(r.url).pathname}`);

test('a full refund of a settled card payment posts to /v2/{id}/refund, says what Midtrans answered, and the refund notification is genuine', async () => {
  const w = world();
  const id = w.paid('RF-1', 'credit_card');
  const out = await w.client.refund(id, { refundKey: 'rf-1-a', reason: 'customer returned it' });
  if (!out.ok) throw new Error(out.problem);
  expect(paths(w.sent)).toEqual([`GET /v2/${id}/status`, `POST /v2/${id}/refund`]);
  expect(JSON.parse(w.sent[1].body as string)).toEqual({ refund_key: 'rf-1-a', amount: 100000, reason: 'customer returned it' });
  expect(out.answer).toMatchObject({
    status_code: '200',
    status_message: 'Success, refund request is approved',
    transaction_status: 'refund',
    refund_amount: '100000.00',
    refund_key: 'rf-1-a',
  });
  expect(out.plan).toMatchObject({ amount: 100000, remaining: 100000, direct: false });
  const note = w.notes[w.notes.length - 1];
  expect(note).toMatchObject({ order_id: id, transaction_status: 'refund', status_code: '200' });
  expect(verifyNotification(note, KEY, sha512Hex)).toBe(true);
});

test('GoPay and QRIS refunds take the direct path by default; a card refund forced to direct goes there too', async () => {
  const w = world();
  const gopay = w.paid('RF-2', 'gopay');
  const card = w.paid('RF-3', 'credit_card');
  expect((await w.client.refund(gopay, { amount: 1000 })).ok).toBe(true);
  expect((await w.client.refund(card, { amount: 1000 }, 'direct')).ok).toBe(true);
  expect(paths(w.sent).filter((p) => p.startsWith('POST'))).toEqual([
    `POST /v2/${gopay}/refund/online/direct`,
    `POST /v2/${card}/refund/online/direct`,
  ]);
});

test('partial refunds add up; an amount above what is left is refused before anything is sent', async () => {
  const w = world();
  const id = w.paid('RF-4', 'credit_card');
  const first = await w.client.refund(id, { amount: 30000, refundKey: 'p1' });
  expect(first.ok && first.answer.transaction_status).toBe('partial_refund');
  const second = await w.client.refund(id, { amount: 50000, refundKey: 'p2' });
  expect(second.ok && second.plan.remaining).toBe(70000);
  const posts = () => w.sent.filter((r) => r.method === 'POST').length;
  const before = posts();
  const tooMuch = await w.client.refund(id, { amount: 20001, refundKey: 'p3' });
  expect(tooMuch).toMatchObject({ ok: false, problem: expect.stringMatching(/20001 is more than the 20000 left/) });
  expect(posts()).toBe(before);
  const rest = await w.client.refund(id, { refundKey: 'p3' });
  expect(rest.ok && rest.answer).toMatchObject({ transaction_status: 'refund', refund_amount: '20000.00' });
  expect((await w.client.refund(id, { amount: 1 })).ok).toBe(false);
});

test('a pending payment is not refunded (the message points to Cancel); a bank transfer refund Midtrans refuses comes back as its answer', async () => {
  const w = world();
  const pending = w.paid('RF-5', 'bank_transfer', 'pending');
  expect(await w.client.refund(pending, {})).toMatchObject({ ok: false, problem: expect.stringMatching(/'pending'.*Use Cancel/) });
  const va = w.paid('RF-6', 'bank_transfer');
  await expect(w.client.refund(va, {})).rejects.toMatchObject({
    operation: 'refund',
    httpStatus: 412,
    message: expect.stringMatching(/not available for payment_type 'bank_transfer'/),
  });
});

test('a refund whose answer was lost is resent with its refund_key and Midtrans refunds once', async () => {
  let lost = 0;
  const w = world({ lose: (r) => (r.method === 'POST' && lost++ === 0 ? 'after' : undefined) });
  const id = w.paid('RF-7', 'credit_card');
  const out = await w.client.refund(id, { amount: 40000, refundKey: 'once-only' });
  expect(out.ok && out.answer).toMatchObject({ refund_key: 'once-only', refund_amount: '40000.00' });
  expect(w.sent.filter((r) => r.method === 'POST')).toHaveLength(2);
  const status = await w.client.getTransactionStatus(id);
  expect(status).toMatchObject({ transaction_status: 'partial_refund', refund_amount: '40000.00' });
});

test('a refund without a refund_key whose answer was lost is never resent: the error says the outcome is unknown', async () => {
  const w = world({ lose: (r) => (r.method === 'POST' ? 'after' : undefined) });
  const id = w.paid('RF-8', 'credit_card');
  const err = await w.client.refund(id, { amount: 40000 }).catch((e: unknown) => e);
  expect(isMidtransApiError(err) && err.message).toMatch(/may or may not have been made.*not sent again.*Refund Key makes a retry safe/);
  expect(w.sent.filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('the resend rule: 429 always (nothing was taken), an unknown outcome only for a refund with a key', () => {
  expect(mayResend('refund', undefined, 429)).toBe(true);
  expect(mayResend('cancel', undefined, 429)).toBe(true);
  expect(mayResend('refund', 'k', 503)).toBe(true);
  expect(mayResend('refund', undefined, 503)).toBe(false);
  expect(mayResend('refund', undefined, 0)).toBe(false);
  expect(mayResend('cancel', undefined, 0)).toBe(false);
  expect(mayResend('expire', undefined, 500)).toBe(false);
});

test('cancel ends a pending payment (200) and expire another (407), each with its notification; both refuse a settled payment', async () => {
  const w = world();
  const a = w.paid('CX-1', 'bank_transfer', 'pending');
  const b = w.paid('CX-2', 'bank_transfer', 'pending');
  const cancelled = await w.client.endPayment('cancel', a);
  expect(cancelled.ok && cancelled.answer).toMatchObject({
    status_code: '200',
    status_message: 'Success, transaction is canceled',
    transaction_status: 'cancel',
  });
  const expired = await w.client.endPayment('expire', b);
  expect(expired.ok && expired.answer).toMatchObject({
    status_code: '407',
    status_message: 'Success, transaction has expired',
    transaction_status: 'expire',
  });
  expect(w.notes.slice(-2).map((n) => [n.order_id, n.transaction_status])).toEqual([
    [a, 'cancel'],
    [b, 'expire'],
  ]);
  const settled = w.paid('CX-3', 'bank_transfer');
  expect(await w.client.endPayment('cancel', settled)).toMatchObject({ ok: false, problem: expect.stringMatching(/refund it instead/) });
  expect(await w.client.endPayment('expire', settled)).toMatchObject({ ok: false });
});

test('a cancel Midtrans refuses with 412 is an error carrying its message (a card capture cancelled, then cancelled again)', async () => {
  const w = world();
  const id = w.paid('CX-4', 'credit_card', 'capture');
  expect((await w.client.endPayment('cancel', id)).ok).toBe(true);
  const raw = w.sim.handle({ method: 'POST', path: `/v2/${id}/cancel`, headers: auth, body: '' });
  const parsed = parseActionAnswer('cancel', { status: raw.status, body: raw.body });
  expect(parsed).toMatchObject({
    ok: false,
    error: { httpStatus: 412, messages: ['Merchant cannot modify the status of the transaction'] },
  });
});

test('request and plan details: the amount defaults to what is left, refund_key charset and reason length are checked, direct refuses bank transfers', () => {
  const status = {
    status_code: '200',
    order_id: 'P-1-1',
    transaction_id: 't-1',
    transaction_status: 'partial_refund',
    payment_type: 'credit_card',
    gross_amount: '50000.00',
    refund_amount: '20000.00',
  };
  expect(planRefund(status, {}, 'auto')).toMatchObject({ ok: true, value: { amount: 30000, remaining: 30000 } });
  expect(planRefund(status, { refundKey: 'no spaces' }, 'auto')).toMatchObject({ ok: false });
  expect(planRefund(status, { reason: 'x'.repeat(256) }, 'auto')).toMatchObject({ ok: false });
  expect(planRefund(status, { amount: 1.5 }, 'auto')).toMatchObject({ ok: false });
  expect(planRefund({ ...status, payment_type: 'bank_transfer' }, {}, 'direct')).toMatchObject({
    ok: false,
    problem: expect.stringMatching(/Direct Refund does not take/),
  });
  expect(planRefund({ ...status, transaction_status: 'capture', fraud_status: 'challenge' }, {}, 'auto')).toMatchObject({ ok: false });
  const r = refundRequest({ serverKey: KEY, baseUrl: 'http://x' }, 'A/B', { amount: 5 }, true);
  expect(r.url).toBe('http://x/v2/A%2FB/refund/online/direct');
  expect(JSON.parse(r.body as string)).toEqual({ amount: 5 });
});

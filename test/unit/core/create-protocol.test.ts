/**
 * The create protocol on its own: what it plans to send, in which batches and after which waits, for
 * every kind of answer. Both front ends drive it (the async client one request at a time, Apps Script
 * a chunk per `fetchAll`), so these pin the rule that an order id never gets two links.
 */
import {
  MIDTRANS_RETRY_POLICY,
  createOutcomes,
  nextCreateBatch,
  orderIdTakenMessage,
  retryDelayMs,
  startCreateRun,
  takeCreateAnswers,
  type CreateAnswer,
  type CreateRun,
  type HttpResponse,
} from '../../../core/src';

const KEY = 'SB-Mid-server-PLANTEDsecret123';
const config = { serverKey: KEY, baseUrl: 'http://midtrans.test' };
const body = (id: string, amount = 1000) => ({ transaction_details: { order_id: id, gross_amount: amount }, usage_limit: 1 });
const json = (status: number, b: unknown): HttpResponse => ({ status, body: JSON.stringify(b) });
const created = (id: string) => json(200, { order_id: id, payment_url: `https://pay.test/${id}` });
const existing = (id: string, amount = 1000) =>
  json(200, { order_id: id, gross_amount: amount, payment_link_url: `https://pay.test/${id}` });

/** Runs the protocol against an answer function, recording every batch as "METHOD id…" plus its wait. */
function drive(run: CreateRun, answer: (method: string, id: string, round: number) => CreateAnswer, maxSize?: number) {
  const batches: { delayMs: number; sent: string[] }[] = [];
  for (let batch = nextCreateBatch(run, maxSize); batch; batch = nextCreateBatch(run, maxSize)) {
    const round = batches.length;
    const sent = batch.requests.map((r) => `${r.method} ${decodeURIComponent(r.url.split('/').pop() as string)}`);
    batches.push({ delayMs: batch.delayMs, sent });
    takeCreateAnswers(
      run,
      batch,
      batch.indexes.map((i, k) => answer(batch.requests[k].method, run.items[i].item.body.transaction_details.order_id, round)),
    );
  }
  return { batches, outcomes: createOutcomes(run) };
}

test('one policy: three attempts, 1 s then 2 s of back-off', () => {
  expect(MIDTRANS_RETRY_POLICY).toEqual({ maxAttempts: 3, backoffMs: 1000 });
  expect([1, 2, 3].map((a) => retryDelayMs(MIDTRANS_RETRY_POLICY, a))).toEqual([0, 1000, 2000]);
});

test('a clean chunk is one batch of creates with no wait', () => {
  const run = startCreateRun(config, [{ body: body('A') }, { body: body('B') }]);
  const { batches, outcomes } = drive(run, (_m, id) => created(id));
  expect(batches).toEqual([{ delayMs: 0, sent: ['POST payment-links', 'POST payment-links'] }]);
  expect(outcomes.map((o) => o.ok && o.paymentUrl)).toEqual(['https://pay.test/A', 'https://pay.test/B']);
});

test('a 409 is checked with a GET at once, before any back-off; a matching link is adopted, never a second create', () => {
  const run = startCreateRun(config, [{ body: body('A') }, { body: body('B') }]);
  const { batches, outcomes } = drive(run, (method, id, round) => {
    if (method === 'GET') return existing(id);
    if (id === 'A') return json(409, { error_messages: ['taken'] });
    return round === 0 ? json(503, { error_messages: ['busy'] }) : created(id);
  });
  expect(batches).toEqual([
    { delayMs: 0, sent: ['POST payment-links', 'POST payment-links'] },
    { delayMs: 0, sent: ['GET A'] },
    { delayMs: 1000, sent: ['POST payment-links'] },
  ]);
  expect(outcomes[0]).toMatchObject({ ok: true, existing: true, paymentUrl: 'https://pay.test/A' });
  expect(outcomes[1]).toMatchObject({ ok: true, existing: false });
});

test('a 409 for other money is the one "already used" message, not adopted', () => {
  const run = startCreateRun(config, [{ body: body('A', 5000) }]);
  const { outcomes } = drive(run, (method, id) => (method === 'GET' ? existing(id, 1000) : json(409, {})));
  expect(outcomes[0]).toMatchObject({ ok: false, retryable: false });
  expect(!outcomes[0].ok && outcomes[0].error.messages).toEqual([orderIdTakenMessage('A')]);
});

test('failOnExisting: a 409 on the first attempt fails without a GET; on a retry it is our own lost create and is checked', () => {
  const first = drive(startCreateRun(config, [{ body: body('A'), failOnExisting: true }]), () => json(409, {}));
  expect(first.batches.map((b) => b.sent)).toEqual([['POST payment-links']]);
  expect(first.outcomes[0]).toMatchObject({ ok: false, error: { httpStatus: 409 } });

  const retried = drive(startCreateRun(config, [{ body: body('A'), failOnExisting: true }]), (method, id, round) =>
    round === 0 ? { failure: 'socket hang up' } : method === 'GET' ? existing(id) : json(409, {}),
  );
  expect(retried.batches.map((b) => b.sent)).toEqual([['POST payment-links'], ['POST payment-links'], ['GET A']]);
  expect(retried.outcomes[0]).toMatchObject({ ok: true, existing: true });
});

test('after the last attempt a busy Midtrans is a retryable outcome carrying the last error, with the key redacted', () => {
  const run = startCreateRun(config, [{ body: body('A') }]);
  const { batches, outcomes } = drive(run, () => json(500, { error_messages: [`boom ${KEY}`] }));
  expect(batches.map((b) => b.delayMs)).toEqual([0, 1000, 2000]);
  expect(outcomes[0]).toMatchObject({ ok: false, retryable: true, error: { httpStatus: 500 } });
  expect(JSON.stringify(!outcomes[0].ok && outcomes[0].error.messages)).not.toContain(KEY);
});

test('a GET that gets no answer sends the create again after the back-off (its 409 is then checked again)', () => {
  let gets = 0;
  const run = startCreateRun(config, [{ body: body('A') }]);
  const { batches, outcomes } = drive(run, (method, id) => {
    if (method === 'POST') return json(409, {});
    gets += 1;
    return gets === 1 ? { failure: 'timeout' } : existing(id);
  });
  expect(batches.map((b) => [b.delayMs, ...b.sent])).toEqual([
    [0, 'POST payment-links'],
    [0, 'GET A'],
    [1000, 'POST payment-links'],
    [0, 'GET A'],
  ]);
  expect(outcomes[0]).toMatchObject({ ok: true, existing: true });
});

test('a 400 is final at once, and a non-retryable GET failure is final too', () => {
  const bad = drive(startCreateRun(config, [{ body: body('A') }]), () => json(400, { error_messages: ['bad amount'] }));
  expect(bad.batches).toHaveLength(1);
  expect(bad.outcomes[0]).toMatchObject({ ok: false, retryable: false, error: { messages: ['bad amount'] } });
  const unreadable = drive(startCreateRun(config, [{ body: body('A') }]), (m) =>
    m === 'GET' ? json(401, 'Access denied') : json(409, {}),
  );
  expect(unreadable.batches).toHaveLength(2);
  expect(unreadable.outcomes[0]).toMatchObject({ ok: false, retryable: false });
});

test('a batch cap splits what is ready, so a caller can grow or shrink its fetchAll', () => {
  const run = startCreateRun(
    config,
    ['A', 'B', 'C', 'D', 'E'].map((id) => ({ body: body(id) })),
  );
  const { batches } = drive(run, (_m, id) => created(id), 2);
  expect(batches.map((b) => b.sent.length)).toEqual([2, 2, 1]);
});

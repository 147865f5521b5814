/**
 * GET, DELETE, status and the probe share create's retry policy: no answer, 429 and 5xx are asked again
 * after the doubling back-off, up to MIDTRANS_RETRY_POLICY.maxAttempts in all; anything else is final.
 */
import {
  MIDTRANS_RETRY_POLICY,
  callAnswers,
  getLinkRequest,
  nextCallBatch,
  startCallRun,
  takeCallAnswers,
  type CallAnswer,
} from '../../../core/src';

const config = { serverKey: 'SB-Mid-server-x', environment: 'sandbox' as const };
const reply = (status: number): CallAnswer => ({ status, body: '{}' });

/** Drives a run where request i gets `script[i][attempt]` (the last entry repeats); returns each batch's size and delay. */
function drive(script: CallAnswer[][]): { batches: { size: number; delayMs: number }[]; answers: CallAnswer[] } {
  const run = startCallRun(script.map((_, i) => getLinkRequest(config, `O-${i}`)));
  const asked = script.map(() => 0);
  const batches: { size: number; delayMs: number }[] = [];
  for (let batch = nextCallBatch(run); batch; batch = nextCallBatch(run)) {
    batches.push({ size: batch.indexes.length, delayMs: batch.delayMs });
    takeCallAnswers(
      run,
      batch,
      batch.indexes.map((i) => script[i][Math.min(asked[i]++, script[i].length - 1)]),
    );
  }
  return { batches, answers: callAnswers(run) };
}

test('a 500, a 429 and no answer are asked again after the back-off; a 200 and a 404 are final at once', () => {
  const { batches, answers } = drive([
    [reply(500), reply(200)],
    [reply(429), reply(200)],
    [{ failure: 'timeout' }, reply(200)],
    [reply(200)],
    [reply(404)],
  ]);
  expect(batches).toEqual([
    { size: 5, delayMs: 0 },
    { size: 3, delayMs: MIDTRANS_RETRY_POLICY.backoffMs },
  ]);
  expect(answers.map((a) => ('status' in a ? a.status : a.failure))).toEqual([200, 200, 200, 200, 404]);
});

test('a call that keeps failing is sent exactly maxAttempts times with a doubling back-off, and its last answer is kept', () => {
  const { batches, answers } = drive([[reply(503)]]);
  expect(batches.map((b) => b.delayMs)).toEqual(
    Array.from({ length: MIDTRANS_RETRY_POLICY.maxAttempts }, (_, k) => (k === 0 ? 0 : MIDTRANS_RETRY_POLICY.backoffMs * 2 ** (k - 1))),
  );
  expect(answers).toEqual([reply(503)]);
});

test('a 400 or 401 is not asked again', () => {
  expect(drive([[reply(400)], [reply(401)]]).batches).toEqual([{ size: 2, delayMs: 0 }]);
});

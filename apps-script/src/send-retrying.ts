/**
 * GET, DELETE, status and the connection probe from Apps Script: the core's call protocol decides what
 * to ask again and when (the one retry policy); this file only sends each batch in one `fetchAll` and
 * sleeps out the back-off.
 */
import {
  callAnswers,
  nextCallBatch,
  startCallRun,
  takeCallAnswers,
  type CallAnswer,
  type HttpRequest,
  type RetryPolicy,
} from '@midtrans-pl/core';
import { sendAll } from './adapters';
import { Utilities } from './services';

/** One answer per request, in order: the HTTP answer, or `{ failure }` when Midtrans stayed unreachable. */
export function sendRetrying(requests: HttpRequest[], policy?: RetryPolicy): CallAnswer[] {
  const run = startCallRun(requests, policy);
  for (let batch = nextCallBatch(run); batch; batch = nextCallBatch(run)) {
    if (batch.delayMs > 0) Utilities.sleep(batch.delayMs);
    const sent = sendAll(batch.requests);
    takeCallAnswers(run, batch, sent.responses ?? batch.requests.map(() => ({ failure: sent.failure ?? 'no answer' })));
  }
  return callAnswers(run);
}

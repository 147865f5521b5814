/**
 * Every Midtrans call other than create (GET a link, DELETE a link, a transaction's status, the
 * connection probe) sent in batches, as Apps Script's `fetchAll` sends them, under the one retry policy
 * (contract.ts). Each is idempotent: a GET or status asked twice answers the same, and a DELETE that
 * arrived but whose answer was lost answers 404 on the retry, which callers already read as "gone". So a
 * network failure, a 429 or a 5xx is asked again after the doubling back-off, up to
 * `MIDTRANS_RETRY_POLICY.maxAttempts` in all, and any other answer is final. Create has its own protocol
 * (create-protocol.ts) because a retried create can meet its own first attempt as a 409.
 */
import { MIDTRANS_RETRY_POLICY, isRetryableHttpStatus, type RetryPolicy } from './contract';
import { retryDelayMs, type CreateAnswer } from './create-protocol';
import type { HttpRequest } from './ports';

/** An HTTP answer, or `{ failure }` when none came (network failure, timeout). */
export type CallAnswer = CreateAnswer;

/** The one rule for whether an answer is worth asking again (api-client.ts applies it to n8n's calls). */
export function isRetryableAnswer(answer: CallAnswer): boolean {
  return 'failure' in answer || isRetryableHttpStatus(answer.status);
}

export interface CallRun {
  readonly policy: RetryPolicy;
  readonly requests: readonly HttpRequest[];
  readonly attempts: number[];
  readonly answers: (CallAnswer | undefined)[];
}

export interface CallBatch {
  /** Wait this long before sending (a retry's back-off); 0 to send now. */
  delayMs: number;
  indexes: number[];
  requests: HttpRequest[];
}

export function startCallRun(requests: readonly HttpRequest[], policy: RetryPolicy = MIDTRANS_RETRY_POLICY): CallRun {
  return {
    policy: { maxAttempts: Math.max(1, policy.maxAttempts), backoffMs: policy.backoffMs },
    requests,
    attempts: requests.map(() => 0),
    answers: requests.map(() => undefined),
  };
}

function settled(run: CallRun, i: number): boolean {
  const answer = run.answers[i];
  return answer !== undefined && (!isRetryableAnswer(answer) || run.attempts[i] >= run.policy.maxAttempts);
}

/** The calls still to send (never answered, or answered with something worth asking again); `undefined` when none. */
export function nextCallBatch(run: CallRun): CallBatch | undefined {
  const indexes = run.requests.map((_, i) => i).filter((i) => !settled(run, i));
  if (indexes.length === 0) return undefined;
  const delayMs = Math.max(...indexes.map((i) => retryDelayMs(run.policy, run.attempts[i] + 1)));
  return { delayMs, indexes, requests: indexes.map((i) => run.requests[i]) };
}

/** Records the answers to `batch` (one per request, in order; a missing one counts as no answer). */
export function takeCallAnswers(run: CallRun, batch: CallBatch, answers: readonly CallAnswer[]): void {
  batch.indexes.forEach((i, k) => {
    run.attempts[i] += 1;
    run.answers[i] = answers[k] ?? { failure: 'no answer' };
  });
}

/** The last answer to each request, in the order they were given. */
export function callAnswers(run: CallRun): CallAnswer[] {
  return run.answers.map((a) => a ?? { failure: 'no answer' });
}

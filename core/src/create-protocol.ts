/**
 * The one rule for creating payment links so that an order id never gets two links, driven by any
 * transport: the async client sends one request at a time, Apps Script sends each batch with `fetchAll`.
 *
 * The protocol is plain data plus functions and does no I/O: `nextCreateBatch` says which requests to
 * send now (and how long to wait first), `takeCreateAnswers` takes what came back, until every item
 * has an outcome. A 409 means the order id already has a link: when that link asks for the same money
 * (`existingLinkMatches`) it is ours, from a lost answer, an interrupted run or a double click, and is
 * adopted instead of failing.
 */
import { MIDTRANS_RETRY_POLICY, isRetryableHttpStatus, type RetryPolicy } from './contract';
import {
  MidtransApiError,
  createLinkRequest,
  existingLinkMatches,
  getLinkRequest,
  parseCreateLink,
  parseGetLink,
  paymentUrlOf,
  redactError,
  unreachableError,
  type MidtransConfig,
} from './api-calls';
import type { HttpRequest, HttpResponse } from './ports';
import type { CreatePaymentLinkRequest, PaymentLink } from './types';

export interface CreateItem {
  body: CreatePaymentLinkRequest;
  /** Fail on an order id that is already taken, unless the 409 answers a retry of our own create. */
  failOnExisting?: boolean;
}

export type CreateOutcome =
  | { ok: true; orderId: string; paymentUrl: string; existing: boolean; link?: PaymentLink }
  /** `retryable`: Midtrans stayed unreachable or busy through every attempt; the same order id may be sent again later. */
  | { ok: false; error: MidtransApiError; retryable: boolean };

/** A transport that got no HTTP answer at all (network failure, or `fetchAll` threw for the batch). */
export interface NoAnswer {
  failure: string;
}

export type CreateAnswer = HttpResponse | NoAnswer;

interface ItemState {
  item: CreateItem;
  phase: 'create' | 'get';
  /** Creates sent so far. */
  attempts: number;
  /** Waits for the back-off before its next create. */
  backingOff: boolean;
  lastError?: MidtransApiError;
  outcome?: CreateOutcome;
}

export interface CreateRun {
  readonly config: MidtransConfig;
  readonly policy: RetryPolicy;
  readonly items: ItemState[];
}

export interface CreateBatch {
  /** Wait this long before sending (a retry's back-off); 0 to send now. */
  delayMs: number;
  /** Which items the requests are for, in order. */
  indexes: number[];
  requests: HttpRequest[];
}

export function startCreateRun(config: MidtransConfig, items: CreateItem[], policy: RetryPolicy = MIDTRANS_RETRY_POLICY): CreateRun {
  return {
    config,
    policy: { maxAttempts: Math.max(1, policy.maxAttempts), backoffMs: policy.backoffMs },
    items: items.map((item) => ({ item, phase: 'create', attempts: 0, backingOff: false })),
  };
}

/** The doubling back-off before attempt `attempt` (2, 3, …) of any Midtrans call. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return attempt <= 1 ? 0 : policy.backoffMs * 2 ** (attempt - 2);
}

/**
 * The requests to send next, at most `maxSize` of them: first everything that can go at once (new
 * creates, and the GETs that check a 409), and only when nothing else is left the creates waiting for
 * their back-off. `undefined` once every item has its outcome.
 */
export function nextCreateBatch(run: CreateRun, maxSize = Number.POSITIVE_INFINITY): CreateBatch | undefined {
  const open = run.items.map((s, i) => ({ s, i })).filter(({ s }) => !s.outcome);
  if (open.length === 0) return undefined;
  const ready = open.filter(({ s }) => !s.backingOff);
  const chosen = (ready.length > 0 ? ready : open).slice(0, Math.max(1, maxSize));
  let delayMs = 0;
  for (const { s } of chosen) {
    if (s.backingOff) delayMs = Math.max(delayMs, retryDelayMs(run.policy, s.attempts + 1));
  }
  return {
    delayMs,
    indexes: chosen.map(({ i }) => i),
    requests: chosen.map(({ s }) => requestFor(run.config, s)),
  };
}

function requestFor(config: MidtransConfig, s: ItemState): HttpRequest {
  return s.phase === 'get' ? getLinkRequest(config, s.item.body.transaction_details.order_id) : createLinkRequest(config, s.item.body);
}

/** Records the answers to `batch` (one per request, in order). */
export function takeCreateAnswers(run: CreateRun, batch: CreateBatch, answers: CreateAnswer[]): void {
  batch.indexes.forEach((index, k) => {
    const s = run.items[index];
    const answer: CreateAnswer = answers[k] ?? { failure: 'no answer' };
    if (s.phase === 'create') {
      s.attempts += 1;
      s.backingOff = false;
      takeCreate(run, s, answer);
    } else {
      takeGet(run, s, answer);
    }
  });
}

function takeCreate(run: CreateRun, s: ItemState, answer: CreateAnswer): void {
  if ('failure' in answer) return retryLater(run, s, unreachable(run, 'create', answer.failure));
  const parsed = parseCreateLink(answer);
  if (parsed.ok) {
    s.outcome = { ok: true, orderId: parsed.value.order_id, paymentUrl: parsed.value.payment_url, existing: false };
  } else if (answer.status === 409 && !(s.item.failOnExisting && s.attempts === 1)) {
    // A 409 on a retry most likely answers our own lost first attempt, so it is checked even when
    // the caller asked to fail on existing ids. [inferred] (see docs/midtrans-contract.md)
    s.phase = 'get';
  } else if (isRetryableHttpStatus(answer.status)) {
    retryLater(run, s, redacted(run, parsed.error));
  } else {
    s.outcome = { ok: false, error: redacted(run, parsed.error), retryable: false };
  }
}

function takeGet(run: CreateRun, s: ItemState, answer: CreateAnswer): void {
  const orderId = s.item.body.transaction_details.order_id;
  if ('failure' in answer) {
    s.phase = 'create';
    return retryLater(run, s, unreachable(run, 'get', answer.failure, 'to check the existing link'));
  }
  const parsed = parseGetLink(answer);
  if (!parsed.ok) {
    const error = new MidtransApiError('get', parsed.error.httpStatus, [
      `the order id is taken and the existing link could not be read: ${redacted(run, parsed.error).message}`,
    ]);
    if (!isRetryableHttpStatus(answer.status)) {
      s.outcome = { ok: false, error, retryable: false };
      return;
    }
    s.phase = 'create';
    return retryLater(run, s, error);
  }
  const link = parsed.value;
  if (!existingLinkMatches(link, s.item.body)) {
    s.outcome = { ok: false, error: new MidtransApiError('create', 409, [orderIdTakenMessage(orderId)], link), retryable: false };
    return;
  }
  s.outcome = { ok: true, orderId: link.order_id, paymentUrl: paymentUrlOf(link), existing: true, link };
}

function retryLater(run: CreateRun, s: ItemState, error: MidtransApiError): void {
  s.lastError = error;
  if (s.attempts >= run.policy.maxAttempts) {
    s.outcome = { ok: false, error, retryable: true };
  } else {
    s.backingOff = true;
  }
}

function unreachable(run: CreateRun, operation: 'create' | 'get', failure: string, purpose = ''): MidtransApiError {
  return unreachableError(operation, failure, run.config.serverKey, purpose);
}

function redacted(run: CreateRun, e: MidtransApiError): MidtransApiError {
  return redactError(e, run.config.serverKey);
}

/** The one message for an order id that another link (for other money) already holds. */
export function orderIdTakenMessage(orderId: string): string {
  return `Order ID "${orderId}" is already used by another payment link with a different amount; use a new Order ID`;
}

/** Every item's outcome, in the order given to `startCreateRun`; only complete once `nextCreateBatch` is `undefined`. */
export function createOutcomes(run: CreateRun): CreateOutcome[] {
  return run.items.map(
    (s) =>
      s.outcome ?? { ok: false, error: s.lastError ?? new MidtransApiError('create', 0, ['no answer from Midtrans']), retryable: true },
  );
}

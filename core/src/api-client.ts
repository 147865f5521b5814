/** The Payment Link API over an injected async transport: one request at a time, the shared retry policy, and the create protocol's 409 recovery. */
import { isRetryableAnswer } from './call-protocol';
import { MIDTRANS_RETRY_POLICY, type RetryPolicy } from './contract';
import {
  MidtransApiError,
  deleteLinkRequest,
  getLinkRequest,
  parseDeleteLink,
  parseGetLink,
  parseTransactionStatus,
  redactError,
  transactionStatusRequest,
  unreachableError,
  type MidtransConfig,
  type Operation,
  type Parsed,
} from './api-calls';
import { createOutcomes, nextCreateBatch, retryDelayMs, startCreateRun, takeCreateAnswers, type CreateAnswer } from './create-protocol';
import type { HttpRequest, HttpResponse, Sleep, Transport } from './ports';
import {
  cancelRequest,
  expireRequest,
  mayResend,
  parseActionAnswer,
  planRefund,
  planStateChange,
  refundRequest,
  type ActionAnswer,
  type RefundInput,
  type RefundPlan,
  type RefundRoute,
  type TransactionAction,
} from './transaction-actions';
import type { CreatePaymentLinkRequest, DeletePaymentLinkResponse, PaymentLink, TransactionStatusResponse } from './types';

export interface ClientOptions {
  transport: Transport;
  sleep: Sleep;
  /** Overrides `MIDTRANS_RETRY_POLICY.maxAttempts` (tests use it to keep runs short). */
  maxAttempts?: number;
  /** Overrides `MIDTRANS_RETRY_POLICY.backoffMs`. */
  backoffMs?: number;
}

export interface CreatedLink {
  order_id: string;
  payment_url: string;
  /** True when the order id was already taken by a matching link, which is returned instead. */
  existing: boolean;
  link?: PaymentLink;
}

export type OnExisting = 'return' | 'fail';

/** A refund, cancel or expire: refused before sending (with the status that says why), or Midtrans's answer. */
export type ActionOutcome<P> =
  | { ok: false; problem: string; before: TransactionStatusResponse }
  | { ok: true; plan: P; answer: ActionAnswer; before: TransactionStatusResponse };

export class MidtransClient {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly config: MidtransConfig,
    private readonly options: ClientOptions,
  ) {
    this.policy = {
      maxAttempts: Math.max(1, options.maxAttempts ?? MIDTRANS_RETRY_POLICY.maxAttempts),
      backoffMs: options.backoffMs ?? MIDTRANS_RETRY_POLICY.backoffMs,
    };
  }

  async createPaymentLink(body: CreatePaymentLinkRequest, onExisting: OnExisting = 'return'): Promise<CreatedLink> {
    const run = startCreateRun(this.config, [{ body, failOnExisting: onExisting === 'fail' }], this.policy);
    for (let batch = nextCreateBatch(run); batch; batch = nextCreateBatch(run)) {
      if (batch.delayMs > 0) await this.options.sleep(batch.delayMs);
      takeCreateAnswers(run, batch, [await this.answer(batch.requests[0])]);
    }
    const [outcome] = createOutcomes(run);
    if (!outcome.ok) throw outcome.error;
    return {
      order_id: outcome.orderId,
      payment_url: outcome.paymentUrl,
      existing: outcome.existing,
      ...(outcome.link ? { link: outcome.link } : {}),
    };
  }

  async getPaymentLink(orderId: string): Promise<PaymentLink> {
    return this.send('get', getLinkRequest(this.config, orderId), parseGetLink);
  }

  async deletePaymentLink(orderId: string): Promise<DeletePaymentLinkResponse> {
    return this.send('delete', deleteLinkRequest(this.config, orderId), parseDeleteLink);
  }

  async getTransactionStatus(orderOrTransactionId: string): Promise<TransactionStatusResponse> {
    return this.send('status', transactionStatusRequest(this.config, orderOrTransactionId), parseTransactionStatus);
  }

  /**
   * Refund: reads the payment's status first, so a refund larger than what is left, or of a payment that
   * has not settled, is refused before anything is sent (`planRefund`); then sends it on its path.
   */
  async refund(id: string, input: RefundInput, route: RefundRoute = 'auto'): Promise<ActionOutcome<RefundPlan>> {
    const before = await this.getTransactionStatus(id);
    const plan = planRefund(before, input, route);
    if (!plan.ok) return { ok: false, problem: plan.problem, before };
    const sent = { ...input, amount: plan.value.amount };
    const answer = await this.act('refund', refundRequest(this.config, id, sent, plan.value.direct), input.refundKey || undefined);
    return { ok: true, plan: plan.value, answer, before };
  }

  /** Cancel or Expire, after checking the payment's state allows it (`planStateChange`). */
  async endPayment(action: 'cancel' | 'expire', id: string): Promise<ActionOutcome<null>> {
    const before = await this.getTransactionStatus(id);
    const plan = planStateChange(action, before);
    if (!plan.ok) return { ok: false, problem: plan.problem, before };
    const answer = await this.act(action, action === 'cancel' ? cancelRequest(this.config, id) : expireRequest(this.config, id));
    return { ok: true, plan: null, answer, before };
  }

  /**
   * Sends an action that may move money or end a payment. After an attempt with no clear answer it
   * resends only when `mayResend` allows; otherwise it stops and says the outcome is unknown.
   */
  private async act(action: TransactionAction, request: HttpRequest, refundKey?: string): Promise<ActionAnswer> {
    let last: MidtransApiError | undefined;
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      if (attempt > 1) await this.options.sleep(retryDelayMs(this.policy, attempt));
      const answer = await this.answer(request);
      const status = 'failure' in answer ? 0 : answer.status;
      if ('failure' in answer) last = unreachableError(action, answer.failure, this.config.serverKey);
      else {
        const parsed = parseActionAnswer(action, answer);
        if (parsed.ok) return parsed.value;
        last = redactError(parsed.error, this.config.serverKey);
        if (!isRetryableAnswer(answer)) throw last;
      }
      if (!mayResend(action, refundKey, status)) throw outcomeUnknown(last, action);
    }
    throw last as MidtransApiError;
  }

  private async answer(request: HttpRequest): Promise<CreateAnswer> {
    try {
      return await this.options.transport(request);
    } catch (e) {
      return { failure: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Retries what call-protocol.ts's `isRetryableAnswer` says is worth asking again, under the shared policy; other answers return at once. */
  private async send<T>(operation: Operation, request: HttpRequest, parse: (r: HttpResponse) => Parsed<T>): Promise<T> {
    let last: MidtransApiError | undefined;
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      if (attempt > 1) await this.options.sleep(retryDelayMs(this.policy, attempt));
      const answer = await this.answer(request);
      if ('failure' in answer) {
        last = unreachableError(operation, answer.failure, this.config.serverKey);
        continue;
      }
      const parsed = parse(answer);
      if (parsed.ok) return parsed.value;
      last = redactError(parsed.error, this.config.serverKey);
      if (!isRetryableAnswer(answer)) throw last;
    }
    throw last as MidtransApiError;
  }
}

/** The error for an attempt that may have been carried out: not resent, so the caller must look before acting again. */
function outcomeUnknown(e: MidtransApiError, action: TransactionAction): MidtransApiError {
  const advice =
    action === 'refund'
      ? 'The refund may or may not have been made, so it was not sent again. Check Get Status before trying again; a Refund Key makes a retry safe.'
      : `The ${action} may or may not have been made, so it was not sent again. Check Get Status before trying again.`;
  return new MidtransApiError(e.operation, e.httpStatus, [...e.messages, advice], e.body);
}

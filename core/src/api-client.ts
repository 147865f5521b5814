/** The Payment Link API over an injected async transport: one request at a time, the shared retry policy, and the create protocol's 409 recovery. */
import { isRetryableAnswer } from './call-protocol';
import { MIDTRANS_RETRY_POLICY, type RetryPolicy } from './contract';
import {
  deleteLinkRequest, getLinkRequest, parseDeleteLink, parseGetLink, parseTransactionStatus, redactError,
  transactionStatusRequest, unreachableError, type MidtransApiError, type MidtransConfig, type Operation, type Parsed,
} from './api-calls';
import { createOutcomes, nextCreateBatch, retryDelayMs, startCreateRun, takeCreateAnswers, type CreateAnswer } from './create-protocol';
import type { HttpRequest, HttpResponse, Sleep, Transport } from './ports';
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

export class MidtransClient {
  private readonly policy: RetryPolicy;

  constructor(private readonly config: MidtransConfig, private readonly options: ClientOptions) {
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
    return { order_id: outcome.orderId, payment_url: outcome.paymentUrl, existing: outcome.existing, ...(outcome.link ? { link: outcome.link } : {}) };
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

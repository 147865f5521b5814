/** The Payment Link API over an injected async transport, with retries and 409 recovery. */
import { isRetryableHttpStatus } from './contract';
import {
  MidtransApiError, createLinkRequest, deleteLinkRequest, existingLinkMatches, getLinkRequest, parseCreateLink,
  parseDeleteLink, parseGetLink, parseTransactionStatus, paymentUrlOf, redactSecret, transactionStatusRequest,
  type MidtransConfig, type Operation, type Parsed,
} from './api-calls';
import type { HttpRequest, HttpResponse, Sleep, Transport } from './ports';
import type { CreatePaymentLinkRequest, DeletePaymentLinkResponse, PaymentLink, TransactionStatusResponse } from './types';

export interface ClientOptions {
  transport: Transport;
  sleep: Sleep;
  /** Attempts per call, first included. */
  maxAttempts?: number;
  /** First back-off; doubles each retry. */
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
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(private readonly config: MidtransConfig, private readonly options: ClientOptions) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.backoffMs = options.backoffMs ?? 500;
  }

  async createPaymentLink(body: CreatePaymentLinkRequest, onExisting: OnExisting = 'return'): Promise<CreatedLink> {
    const { parsed, attempts } = await this.send('create', createLinkRequest(this.config, body), parseCreateLink);
    if (parsed.ok) return { order_id: parsed.value.order_id, payment_url: parsed.value.payment_url, existing: false };
    if (parsed.error.httpStatus !== 409) throw parsed.error;
    // A 409 on a retry most likely answers our own lost first attempt, so it is recovered even when
    // the caller asked to fail on existing ids.
    if (onExisting === 'fail' && attempts === 1) throw parsed.error;
    const link = await this.getPaymentLink(body.transaction_details.order_id);
    if (!existingLinkMatches(link, body)) {
      throw new MidtransApiError('create', 409, [
        `order id "${body.transaction_details.order_id}" is already used by another payment link with a different amount; use a new order id`,
      ], link);
    }
    return { order_id: link.order_id, payment_url: paymentUrlOf(link), existing: true, link };
  }

  async getPaymentLink(orderId: string): Promise<PaymentLink> {
    return this.value(await this.send('get', getLinkRequest(this.config, orderId), parseGetLink));
  }

  async deletePaymentLink(orderId: string): Promise<DeletePaymentLinkResponse> {
    return this.value(await this.send('delete', deleteLinkRequest(this.config, orderId), parseDeleteLink));
  }

  async getTransactionStatus(orderOrTransactionId: string): Promise<TransactionStatusResponse> {
    return this.value(await this.send('status', transactionStatusRequest(this.config, orderOrTransactionId), parseTransactionStatus));
  }

  private value<T>(result: { parsed: Parsed<T> }): T {
    if (!result.parsed.ok) throw result.parsed.error;
    return result.parsed.value;
  }

  /** Retries 429, 5xx and network failures with exponential back-off; other answers return at once. */
  private async send<T>(operation: Operation, request: HttpRequest, parse: (r: HttpResponse) => Parsed<T>): Promise<{ parsed: Parsed<T>; attempts: number }> {
    let last: Parsed<T> | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.options.sleep(this.backoffMs * 2 ** (attempt - 2));
      let response: HttpResponse;
      try {
        response = await this.options.transport(request);
      } catch (e) {
        const reason = redactSecret(e instanceof Error ? e.message : String(e), this.config.serverKey);
        last = { ok: false, error: new MidtransApiError(operation, 0, [`could not reach Midtrans: ${reason}`]) };
        continue;
      }
      const parsed = parse(response);
      if (parsed.ok) return { parsed, attempts: attempt };
      last = { ok: false, error: this.redacted(parsed.error) };
      if (!isRetryableHttpStatus(response.status)) return { parsed: last, attempts: attempt };
    }
    return { parsed: last as Parsed<T>, attempts: this.maxAttempts };
  }

  private redacted(e: MidtransApiError): MidtransApiError {
    const key = this.config.serverKey;
    return new MidtransApiError(e.operation, e.httpStatus, e.messages.map((m) => redactSecret(m, key)), e.body);
  }
}

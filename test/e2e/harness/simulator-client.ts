/** What the suites and the playground ask the simulator over HTTP, as a merchant's code and Midtrans would. */
import { randomBytes } from 'crypto';
import { buildInvoiceRequest, type InvoiceInput } from '../../../core/src';
import { expectOk, request } from './http';

export function basicAuth(serverKey: string): string {
  return `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`;
}

/** POST /v1/payment-links with a request the core built (so it is valid by the contract). */
export async function createLink(
  simUrl: string,
  serverKey: string,
  invoice: InvoiceInput,
): Promise<{ order_id: string; payment_url: string }> {
  const { request: body, problems } = buildInvoiceRequest(invoice, (n) => new Uint8Array(randomBytes(n)));
  if (problems.length) throw new Error(`invalid invoice: ${JSON.stringify(problems)}`);
  return expectOk(
    'POST /v1/payment-links',
    request(`${simUrl}/v1/payment-links`, { headers: { authorization: basicAuth(serverKey) }, body }),
  );
}

export function setNotificationUrl(simUrl: string, url: string): Promise<unknown> {
  return expectOk('POST /_sim/notification-url', request(`${simUrl}/_sim/notification-url`, { body: { url } }));
}

/** A customer acts on the payment page: the simulator creates or moves the purchase and sends its notification. */
export function pay(
  simUrl: string,
  orderId: string,
  action: { status: string; payment_type?: string; transaction_id?: string },
): Promise<Record<string, string>> {
  return expectOk(`pay ${orderId}`, request(`${simUrl}/_sim/payment-links/${encodeURIComponent(orderId)}/pay`, { body: action }));
}

export function advanceClock(simUrl: string, ms: number): Promise<unknown> {
  return expectOk('POST /_sim/clock/advance', request(`${simUrl}/_sim/clock/advance`, { body: { ms } }));
}

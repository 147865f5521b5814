/**
 * The go-live steps a program can check (docs/sheets.md and docs/n8n.md "Going live"), each answering
 * ok or what to fix: the server key belongs to the environment you chose; Midtrans accepts it; the
 * notification URL is HTTPS and answers a signed notification with 200 itself, not with a redirect
 * (Midtrans treats a redirect as a failed delivery and does not retry it, docs/midtrans-contract.md §5.2).
 * The rules are the core's; this only runs them against the real endpoints. The key is never printed.
 */
import { createHash } from 'node:crypto';
import {
  connectionProbeRequest,
  notificationSignature,
  readConnectionProbe,
  redactSecret,
  serverKeyProblem,
  type Environment,
  type HttpRequest,
  type MidtransConfig,
} from '../../core/src';

export interface CheckResult {
  step: string;
  ok: boolean;
  detail: string;
}

const sha512Hex = (s: string) => createHash('sha512').update(s, 'utf8').digest('hex');

export function checkKeyMatchesEnvironment(key: string, environment: Environment, customBaseUrl: boolean): CheckResult {
  const problem = key === '' ? 'No server key: set MIDTRANS_SERVER_KEY.' : serverKeyProblem(key, environment, customBaseUrl);
  return { step: `the server key is a ${environment} server key`, ok: !problem, detail: problem ?? 'yes' };
}

async function send(request: HttpRequest): Promise<{ status?: number; failure?: string }> {
  try {
    const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' });
    await res.arrayBuffer();
    return { status: res.status };
  } catch (e) {
    return { failure: e instanceof Error ? e.message : String(e) };
  }
}

export async function checkKeyAccepted(config: MidtransConfig): Promise<CheckResult> {
  const answer = await send(connectionProbeRequest(config));
  const verdict = readConnectionProbe(config, answer.status, answer.failure);
  return { step: 'Midtrans accepts the server key', ok: verdict.ok, detail: verdict.message };
}

/**
 * POSTs a correctly signed `pending` notification for an order id no invoice uses
 * (`go-live-check-<ms>`), as Midtrans would, without following redirects. A receiver that verifies
 * signatures (the Midtrans Trigger, the add-on's web app) accepts it, so a workflow behind the Trigger
 * sees one run for that order id.
 */
export async function checkNotificationUrl(
  url: string,
  serverKey: string,
  environment: Environment,
  now = Date.now(),
): Promise<CheckResult> {
  const step = 'the notification URL answers a signed notification with 200, no redirect';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { step, ok: false, detail: `"${url}" is not a URL.` };
  }
  if (environment === 'production' && parsed.protocol !== 'https:') {
    return {
      step,
      ok: false,
      detail: 'Production notifications need an https:// URL with a valid certificate (n8n behind a public HTTPS URL or a tunnel).',
    };
  }
  const body: Record<string, string> = {
    transaction_time: new Date(now + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
    transaction_status: 'pending',
    transaction_id: `go-live-check-${now}`,
    status_message: 'midtrans payment notification',
    status_code: '201',
    payment_type: 'bank_transfer',
    order_id: `go-live-check-${now}-${String(now).padStart(13, '0').slice(-13)}`,
    gross_amount: '10000.00',
    currency: 'IDR',
  };
  body.signature_key = notificationSignature(body, serverKey, sha512Hex) as string;
  const answer = await send({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
    body: JSON.stringify(body),
  });
  if (answer.status === undefined)
    return {
      step,
      ok: false,
      detail: `No answer: ${redactSecret(answer.failure ?? 'unknown', serverKey)}. Midtrans must reach it from the internet.`,
    };
  if (answer.status >= 300 && answer.status < 400) {
    return {
      step,
      ok: false,
      detail: `It answered ${answer.status}, a redirect: Midtrans counts that as a failed delivery and does not retry. Point Midtrans at a URL that answers itself (the n8n Midtrans Trigger; an Apps Script web app always redirects).`,
    };
  }
  if (answer.status !== 200)
    return { step, ok: false, detail: `It answered ${answer.status}; Midtrans needs 200. A 401 means the receiver's key is not this key.` };
  return { step, ok: true, detail: 'yes' };
}

/**
 * Creates one chunk of links with `fetchAll`: one round trip for the creates, one for the GETs that
 * recover 409s, and a retry round for 429/5xx/network failures. A 409 means the order id already has
 * a link: when it asks for the same money (core `existingLinkMatches`) it is this row's link from an
 * earlier, interrupted run or a double click, and it is adopted instead of making a second one.
 */
import {
  createLinkRequest, existingLinkMatches, getLinkRequest, isRetryableHttpStatus, parseCreateLink, parseGetLink,
  paymentUrlOf, redactSecret, type CreatePaymentLinkRequest, type MidtransConfig,
} from '@midtrans-pl/core';
import { sendAll } from './adapters';
import { CELL_MAX_CHARS } from './cell-writes';

export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 1_000;

export interface CreateWork {
  row: number;
  orderId: string;
  request: CreatePaymentLinkRequest;
}

export type CreateResult = { ok: true; url: string; recovered: boolean } | { ok: false; note: string };

/** Only a real web address that fits a cell whole goes into the Payment Link cell (a shortened link would be a broken one). */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/\S+$/.test(url) && url.length <= CELL_MAX_CHARS ? url : undefined;
}

export function createChunk(config: MidtransConfig, work: CreateWork[]): Map<string, CreateResult> {
  const results = new Map<string, CreateResult>();
  const clean = (text: string) => redactSecret(text, config.serverKey);
  let pending = work;
  const lastProblem = new Map<string, string>();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 1) Utilities.sleep(BACKOFF_MS * 2 ** (attempt - 2));
    const retry: CreateWork[] = [];
    const recover: CreateWork[] = [];
    const sent = sendAll(pending.map((w) => createLinkRequest(config, w.request)));
    if (!sent.responses) {
      for (const w of pending) lastProblem.set(w.orderId, `could not reach Midtrans (${clean(sent.failure ?? 'no answer')})`);
      continue;
    }
    sent.responses.forEach((res, i) => {
      const w = pending[i];
      const parsed = parseCreateLink(res);
      if (parsed.ok) {
        const url = safeUrl(parsed.value.payment_url);
        results.set(w.orderId, url ? { ok: true, url, recovered: false } : { ok: false, note: 'Midtrans answered without a usable payment_url; run Generate again (the link is reused, not duplicated)' });
      } else if (res.status === 409) {
        recover.push(w);
      } else if (isRetryableHttpStatus(res.status)) {
        lastProblem.set(w.orderId, clean(parsed.error.message));
        retry.push(w);
      } else {
        results.set(w.orderId, { ok: false, note: clean(parsed.error.message) });
      }
    });
    if (recover.length) {
      const got = sendAll(recover.map((w) => getLinkRequest(config, w.orderId)));
      recover.forEach((w, i) => {
        const res = got.responses?.[i];
        if (!res) {
          lastProblem.set(w.orderId, `could not reach Midtrans to check the existing link (${clean(got.failure ?? 'no answer')})`);
          retry.push(w);
          return;
        }
        const parsed = parseGetLink(res);
        if (!parsed.ok) {
          lastProblem.set(w.orderId, `the order id is taken and the existing link could not be read: ${clean(parsed.error.message)}`);
          if (isRetryableHttpStatus(res.status)) retry.push(w);
          else results.set(w.orderId, { ok: false, note: lastProblem.get(w.orderId) as string });
          return;
        }
        const url = safeUrl(paymentUrlOf(parsed.value));
        if (!existingLinkMatches(parsed.value, w.request)) {
          results.set(w.orderId, { ok: false, note: `Order ID: "${w.orderId}" is already used by another Midtrans payment link with a different amount; give this row a new Order ID` });
        } else if (!url) {
          results.set(w.orderId, { ok: false, note: 'Midtrans has a link for this order id but did not give its payment_link_url; run Generate again' });
        } else {
          results.set(w.orderId, { ok: true, url, recovered: true });
        }
      });
    }
    pending = retry;
  }
  for (const w of pending) {
    results.set(w.orderId, {
      ok: false,
      note: `${lastProblem.get(w.orderId) ?? 'no answer from Midtrans'}; run Generate again later (the same order id is reused, so no second link is made)`,
    });
  }
  return results;
}

/**
 * Creates one chunk of links by driving the core's create protocol with `fetchAll`: each batch the
 * protocol plans is one round trip (the creates, then the GETs that check a 409, then the retries after
 * their back-off). The protocol decides; this file only sends, sleeps and words the outcome for a cell.
 */
import { Utilities } from './services';
import {
  createOutcomes,
  nextCreateBatch,
  startCreateRun,
  takeCreateAnswers,
  type CreateAnswer,
  type CreatePaymentLinkRequest,
  type MidtransConfig,
} from '@midtrans-pl/core';
import { sendAll } from './adapters';
import { CELL_MAX_CHARS } from './cell-writes';
import { t } from './i18n/catalogue';
import { locale } from './i18n/locale';

export interface CreateWork {
  row: number;
  orderId: string;
  request: CreatePaymentLinkRequest;
  /** Billed as Quantity × Unit Price with Amount empty: the billed total is written into Amount. */
  showBilled?: boolean;
  /** What an inferred rule found in the row: the link is created anyway and the Note says it. */
  warning?: string;
}

export type CreateResult = { ok: true; url: string; recovered: boolean } | { ok: false; note: string };

/** Only a real web address that fits a cell whole goes into the Payment Link cell (a shortened link would be a broken one). */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\/\S+$/.test(url) && url.length <= CELL_MAX_CHARS ? url : undefined;
}

export function createChunk(config: MidtransConfig, work: CreateWork[]): Map<string, CreateResult> {
  const run = startCreateRun(
    config,
    work.map((w) => ({ body: w.request })),
  );
  for (let batch = nextCreateBatch(run); batch; batch = nextCreateBatch(run)) {
    if (batch.delayMs > 0) Utilities.sleep(batch.delayMs);
    const sent = sendAll(batch.requests);
    const answers: CreateAnswer[] = sent.responses ?? batch.requests.map(() => ({ failure: sent.failure ?? 'no answer' }));
    takeCreateAnswers(run, batch, answers);
  }
  const results = new Map<string, CreateResult>();
  createOutcomes(run).forEach((outcome, i) => {
    const w = work[i];
    if (outcome.ok) {
      const url = safeUrl(outcome.paymentUrl);
      results.set(w.orderId, url ? { ok: true, url, recovered: outcome.existing } : { ok: false, note: t(locale(), 'generate.noUrl') });
    } else {
      results.set(w.orderId, {
        ok: false,
        note: outcome.retryable ? t(locale(), 'generate.retryLater', { error: outcome.error.message }) : outcome.error.message,
      });
    }
  });
  return results;
}

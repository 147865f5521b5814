/**
 * `doPost`: Midtrans's notification (or the same signed body forwarded by n8n). Cheapest checks first:
 * the body's shape (core notification-shape.ts) before anything is read, the signature with the key
 * kept in the script cache (config-cache.ts) rather than a Script Properties read, then whether the
 * store already holds it (a duplicate or an older state) before any status-API call. The row is found by
 * the link's order id; the purchase is merged monotonically under the lock.
 *
 * Apps Script answers every web-app POST with a 302 whatever we return (README, "The 302 caveat"),
 * so Midtrans may not send it again: a notification that finds the sheet busy for longer than it can
 * wait is kept (notification-inbox.ts) and applied by the next holder of the lock.
 *
 * A money reversal (refund, partial refund, chargeback) is recorded only once the status API agrees,
 * because its signature cannot tell it from a rewritten settlement (core reversal-confirmation.ts).
 */
import {
  checkReversal, interpretNotification, needsConfirmation, notificationShapeOfText, recordOf, redactSecret, transactionStatusRequest, verifyNotification,
  type Interpretation, type MidtransConfig, type PurchaseRecord, type StatusCheck,
} from '@midtrans-pl/core';
import { sendAll, sha512Hex } from './adapters';
import { formatAsText, writeRowUpdates } from './cell-writes';
import { INVOICE_SHEET, headerProblem } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { NO_CUSTOMER, PaymentsLog, customerOf, lineOf, type Customer } from './payments-log';
import { rowsOfInvoice } from './invoice-rows';
import { findRowByOrderId } from './row-finder';
import { withScriptLock } from './run-guard';
import { readConfig } from './settings';
import { REREAD_AFTER_MS, cachedConfig, refreshCachedConfig } from './config-cache';
import { forgetKept, keepForLater, keptNotifications } from './notification-inbox';
import { StateStore } from './state-store';
import { mapHeaders, type Cell } from '@midtrans-pl/core';

export interface NotificationAnswer {
  ok: boolean;
  /** Machine-readable reason, never an echo of the body and never the key. */
  result:
    | 'updated' | 'duplicate' | 'no-row' | 'busy' | 'rejected' | 'not-configured' | 'unreadable'
    /** The sheet stayed busy: kept, and written by the next execution that takes the lock. */
    | 'queued'
    /** A reversal the status API does not report: nothing recorded. */
    | 'unconfirmed'
    /** A reversal the status API could not be asked about (network, 5xx, 429): nothing recorded yet. */
    | 'confirmation-unavailable';
}

/**
 * How long a notification waits for the lock. Midtrans waits 15 s for an answer
 * (https://docs.midtrans.com/docs/https-notification-webhooks); verifying and writing take a second
 * or two, so 10 s of waiting still answers in time. A generation chunk holds the lock only for its
 * writes (generation.ts), so a wait this long outlasts one.
 */
export const NOTIFICATION_LOCK_WAIT_MS = 10_000;

/** The verified settings: the cached copy, or a fresh read when the signature fails with an old one. */
function verifiedConfig(body: unknown): { config?: MidtransConfig; verified: boolean } {
  const cached = cachedConfig(readConfig);
  if (cached.config && verifyNotification(body, cached.config.serverKey, sha512Hex)) return { config: cached.config, verified: true };
  // Perhaps the key changed since it was cached: read once more, at most once a minute (config-cache.ts).
  if (!cached.fromCache || Date.now() - cached.readAt < REREAD_AFTER_MS) return { config: cached.config, verified: false };
  const fresh = refreshCachedConfig(readConfig);
  return { config: fresh.config, verified: Boolean(fresh.config && verifyNotification(body, fresh.config.serverKey, sha512Hex)) };
}

export function handleNotification(e: GoogleAppsScript.Events.DoPost | undefined): NotificationAnswer {
  // Junk is refused on its shape alone: no Script Properties read, no lock, no status call.
  const shape = notificationShapeOfText(e?.postData?.contents);
  if (!shape.ok) return { ok: false, result: 'rejected' };
  const body = shape.body;
  const { config, verified } = verifiedConfig(body);
  if (!config) return { ok: false, result: 'not-configured' };
  // A forged or replayed-with-changes body stops here, before any sheet is touched.
  if (!verified) return { ok: false, result: 'rejected' };
  const meaning = interpretNotification(body);
  if (!meaning.ok) return { ok: false, result: 'unreadable' };
  const n = meaning.value;
  const record = recordOf(n);
  // Read without the lock: the store only moves forward, so a stale read can only miss a duplicate, never invent one.
  if (StateStore.load(SpreadsheetApp.getActiveSpreadsheet()).holds(n.linkOrderId, record)) return { ok: true, result: 'duplicate' };
  // Outside the lock: a slow status call must not hold up Refresh or generation.
  if (needsConfirmation(n)) {
    const check = confirmReversal(config, n);
    if (check.verdict !== 'confirmed') {
      console.warn(`Reversal notification not recorded (${check.verdict}): ${redactSecret(check.detail, config.serverKey)}`);
      return { ok: false, result: check.verdict === 'unconfirmed' ? 'unconfirmed' : 'confirmation-unavailable' };
    }
  }

  const outcome = withScriptLock<NotificationAnswer>(() => {
    applyKeptNotifications();
    return applyPurchase(n.linkOrderId, record);
  }, NOTIFICATION_LOCK_WAIT_MS);
  if (outcome.ran) return outcome.value;
  // Still busy: kept for the next lock holder (a generation chunk, a Refresh, the next notification).
  return keepForLater({ linkOrderId: n.linkOrderId, record }) ? { ok: true, result: 'queued' } : { ok: false, result: 'busy' };
}

/**
 * Applies what busy notifications kept (notification-inbox.ts). Call it holding the script lock; every
 * execution that takes the lock to write does, so nothing kept waits longer than the next one.
 */
export function applyKeptNotifications(): number {
  const kept = keptNotifications();
  if (kept.length === 0) return 0;
  for (const k of kept) if (k.kept) applyPurchase(k.kept.linkOrderId, k.kept.record);
  forgetKept(kept.map((k) => k.key));
  return kept.length;
}

/** Merges one verified purchase and writes its invoice rows and payments-log line. Holding the lock. */
function applyPurchase(linkOrderId: string, record: PurchaseRecord): NotificationAnswer {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const store = StateStore.load(spreadsheet);
  const changed = store.mergePurchase(linkOrderId, record);
  if (!changed) return { ok: true, result: 'duplicate' };
  const stamp = new Date().toISOString();
  // Invoice row, then payments log, then store: if the execution dies before the store is written,
  // the redelivery (or n8n's retry) is not mistaken for a duplicate and writes both again, in place.
  const logAndCommit = (customer: Customer) => {
    const log = PaymentsLog.load(spreadsheet);
    for (const p of store.stagedPurchases()) log.put(lineOf(p.linkOrderId, p.record, customer));
    log.commit();
    store.commit(stamp);
  };
  const sheet = spreadsheet.getSheetByName(INVOICE_SHEET);
  if (!sheet) {
    logAndCommit(NO_CUSTOMER);
    return { ok: true, result: 'no-row' };
  }
  const lastColumn = sheet.getLastColumn();
  const header = mapHeaders(sheet.getRange(1, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[]);
  const row = headerProblem(header) ? undefined : findRowByOrderId(sheet, header, linkOrderId);
  if (row === undefined) {
    // Kept anyway: if the row appears (or is fixed), Refresh statuses shows the payment.
    logAndCommit(NO_CUSTOMER);
    return { ok: true, result: 'no-row' };
  }
  // The whole row in one read: the usage limit and the customer the payments log repeats.
  const line = sheet.getRange(row, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[];
  const at = (c: keyof typeof header.columns) => (header.columns[c] === undefined ? '' : line[header.columns[c] as number]);
  const usageLimit = header.columns.usageLimit === undefined ? 1 : usageLimitOf(at('usageLimit'));
  const s = summaryOf(store.link(linkOrderId), { usageLimit });
  // A multi-line invoice shows its status on every one of its rows.
  const lines = (store.link(linkOrderId).lines ?? 1) > 1 ? rowsOfInvoice(sheet, header, linkOrderId, 'linked') : [];
  const rows = lines.length ? lines : [row];
  formatAsText(sheet, header, ['status', 'paidAt', 'note'], rows);
  writeRowUpdates(sheet, header, rows.map((r) => ({ row: r, values: { status: s.status, paidAt: s.paidAt, note: s.note } })));
  logAndCommit(customerOf(at));
  SpreadsheetApp.flush();
  return { ok: true, result: 'updated' };
}

/** One UrlFetch (muted, so an HTTP error is an answer); a network failure is "no answer". */
function confirmReversal(config: MidtransConfig, n: Interpretation): StatusCheck {
  const sent = sendAll([transactionStatusRequest(config, n.transactionId)]);
  if (!sent.responses) return { verdict: 'unavailable', detail: `could not reach Midtrans: ${sent.failure ?? 'no answer'}` };
  return checkReversal(n, sent.responses[0]);
}

export function jsonOutput(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);
}


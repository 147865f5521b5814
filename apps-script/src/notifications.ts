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
 * The signature covers only order_id, status_code and gross_amount, so it proves little about the
 * status a body claims: the core refuses a status that does not fit the signed status_code, and a
 * claim that moves money (paid, refunded, reversed) is recorded only as the status API confirms it,
 * with Midtrans's own time, transaction id and payment type (notification-trust.ts). Purchases of
 * links that are not in this sheet are not recorded at all.
 */
import { notificationShapeOfText, readNotification, type MidtransConfig, type PurchaseRecord } from '@midtrans-pl/core';
import { sha512Hex } from './adapters';
import { formatAsText, writeRowUpdates } from './cell-writes';
import { locale } from './i18n/locale';
import { summaryCells } from './i18n/words';
import { cellText, findSheet, headerProblem, mapInvoiceHeaders } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { PaymentsLog, customerOf, lineOf, type Customer } from './payments-log';
import { rowsOfInvoice } from './invoice-rows';
import { rowsOfOurLink, trustNotification } from './notification-trust';
import { findRowByOrderId } from './row-finder';
import { ContentService, SpreadsheetApp } from './services';
import { withScriptLock } from './run-guard';
import { readConfig } from './settings';
import { REREAD_AFTER_MS, cachedConfig, refreshCachedConfig } from './config-cache';
import { forgetKept, keepForLater, keptNotifications } from './notification-inbox';
import { StateStore } from './state-store';
import type { Cell } from '@midtrans-pl/core';

export interface NotificationAnswer {
  ok: boolean;
  /** Machine-readable reason, never an echo of the body and never the key. */
  result:
    | 'updated'
    | 'duplicate'
    | 'busy'
    | 'not-configured'
    | 'unreadable'
    /** The sheet stayed busy: kept, and written by the next execution that takes the lock. */
    | 'queued'
    /** Not a purchase of a link in this sheet (a shop's own order on the same account): nothing recorded. */
    | 'no-row'
    /** Not signed by this key, or its status does not fit the signed status_code. */
    | 'rejected'
    /** A money move the status API does not report: nothing recorded. */
    | 'unconfirmed'
    /** A money move the status API could not be asked about (network, 5xx, 429): nothing recorded yet. */
    | 'confirmation-unavailable'
    /** Not a purchase of any of our links (a shop order whose id merely ends in 13 digits): nothing recorded. */
    | 'not-a-link-payment'
    /** Whether it is a link's purchase could not be asked (network, 5xx, 429): nothing recorded yet. */
    | 'lookup-unavailable';
}

/**
 * How long a notification waits for the lock. Midtrans waits 15 s for an answer
 * (https://docs.midtrans.com/docs/https-notification-webhooks); verifying and writing take a second
 * or two, so 10 s of waiting still answers in time. A generation chunk holds the lock only for its
 * writes (generation.ts), so a wait this long outlasts one.
 */
export const NOTIFICATION_LOCK_WAIT_MS = 10_000;

/**
 * The settings and the core's reading of the body, signature included: with the cached key, or once
 * more with a fresh read when the signature fails against a cached copy a minute old (a rotated key).
 */
function readWithSettings(body: unknown): { config?: MidtransConfig; read?: ReturnType<typeof readNotification> } {
  const cached = cachedConfig(readConfig);
  const first = cached.config && readNotification(body, cached.config.serverKey, sha512Hex);
  if (first && (first.ok || first.refused !== 'bad-signature')) return { config: cached.config, read: first };
  // Perhaps the key changed since it was cached: read once more, at most once a minute (config-cache.ts).
  if (!cached.fromCache || Date.now() - cached.readAt < REREAD_AFTER_MS) return { config: cached.config, read: first };
  const fresh = refreshCachedConfig(readConfig);
  return { config: fresh.config, read: fresh.config && readNotification(body, fresh.config.serverKey, sha512Hex) };
}

export function handleNotification(e: GoogleAppsScript.Events.DoPost | undefined): NotificationAnswer {
  // Junk is refused on its shape alone: no Script Properties read, no lock, no status call.
  const shape = notificationShapeOfText(e?.postData?.contents);
  if (!shape.ok) return { ok: false, result: 'rejected' };
  const body = shape.body;
  const { config, read } = readWithSettings(body);
  if (!config || !read) return { ok: false, result: 'not-configured' };
  // Forged, edited, malformed or ill-shaped bodies stop here, before any sheet is touched.
  if (!read.ok) return { ok: false, result: read.refused === 'unreadable' ? 'unreadable' : 'rejected' };
  // Outside the lock: a slow status call must not hold up Refresh or generation.
  const trusted = trustNotification(config, read.body, read.reading);
  if (!trusted.ok) return trusted.answer;
  const { facts: n, record } = trusted;

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

/** Merges one verified purchase of a link this sheet made and writes its rows and payments-log line. Holding the lock. */
function applyPurchase(linkOrderId: string, record: PurchaseRecord): NotificationAnswer {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const store = StateStore.load(spreadsheet);
  const changed = store.mergePurchase(linkOrderId, record);
  if (!changed) return { ok: true, result: 'duplicate' };
  // Only a link this sheet made: a purchase whose order id is in no row, or only in rows without a
  // link, is not ours (a shop's Snap order on the same account) and is written nowhere.
  const sheet = findSheet(spreadsheet, 'invoices');
  if (!sheet) return { ok: true, result: 'no-row' };
  const lastColumn = sheet.getLastColumn();
  const header = mapInvoiceHeaders(sheet.getRange(1, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[]);
  const row = headerProblem(header, sheet) ? undefined : findRowByOrderId(sheet, header, linkOrderId);
  if (row === undefined) return { ok: true, result: 'no-row' };
  const stamp = new Date().toISOString();
  // Invoice row, then payments log, then store: if the execution dies before the store is written,
  // the redelivery (or n8n's retry) is not mistaken for a duplicate and writes both again, in place.
  const logAndCommit = (customer: Customer) => {
    const log = PaymentsLog.load(spreadsheet);
    for (const p of store.stagedPurchases()) log.put(lineOf(p.linkOrderId, p.record, customer));
    log.commit();
    store.commit(stamp);
  };
  // The whole row in one read: the usage limit and the customer the payments log repeats.
  const line = sheet.getRange(row, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[];
  const at = (c: keyof typeof header.columns) => (header.columns[c] === undefined ? '' : line[header.columns[c] as number]);
  const linked = cellText(at('paymentLink')) !== '' ? [row] : rowsOfOurLink(sheet, header, linkOrderId);
  if (linked.length === 0) return { ok: true, result: 'no-row' };
  const usageLimit = header.columns.usageLimit === undefined ? 1 : usageLimitOf(at('usageLimit'));
  const s = summaryOf(store.link(linkOrderId), { usageLimit });
  // A multi-line invoice shows its status on every one of its rows.
  const lines = (store.link(linkOrderId).lines ?? 1) > 1 ? rowsOfInvoice(sheet, header, linkOrderId, 'linked') : [];
  const rows = lines.length ? lines : linked;
  formatAsText(sheet, header, ['status', 'paidAt', 'note'], rows);
  writeRowUpdates(
    sheet,
    header,
    rows.map((r) => ({ row: r, values: summaryCells(locale(), s) })),
  );
  logAndCommit(customerOf(at));
  SpreadsheetApp.flush();
  return { ok: true, result: 'updated' };
}

export function jsonOutput(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);
}

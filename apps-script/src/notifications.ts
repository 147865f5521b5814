/**
 * `doPost`: Midtrans's notification (or the same signed body forwarded by n8n). Checked with the
 * stored key before anything is read or written; the row is found by the link's order id; the
 * purchase is merged monotonically under the lock; the answer goes out within a second or two.
 *
 * Apps Script answers every web-app POST with a 302 whatever we return (README, "The 302 caveat"),
 * so Midtrans never retries; this handler is idempotent and Refresh statuses reconciles anything lost.
 *
 * The signature covers only order_id, status_code and gross_amount, so it proves little about the
 * status a body claims: the core refuses a status that does not fit the signed status_code, and a
 * claim that moves money (paid, refunded, reversed) is recorded only as the status API confirms it,
 * with Midtrans's own time, transaction id and payment type (notification-trust.ts). Purchases of
 * links that are not in this sheet are not recorded at all.
 */
import { readNotification } from '@midtrans-pl/core';
import { sha512Hex } from './adapters';
import { formatAsText, writeRowUpdates } from './cell-writes';
import { INVOICE_SHEET, cellText, headerProblem } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { PaymentsLog, customerOf, lineOf, type Customer } from './payments-log';
import { rowsOfInvoice } from './invoice-rows';
import { rowsOfOurLink, trustNotification } from './notification-trust';
import { findRowByOrderId } from './row-finder';
import { ContentService, SpreadsheetApp } from './services';
import { withScriptLock } from './run-guard';
import { readConfig } from './settings';
import { StateStore } from './state-store';
import { mapHeaders, type Cell } from '@midtrans-pl/core';

export interface NotificationAnswer {
  ok: boolean;
  /** Machine-readable reason, never an echo of the body and never the key. */
  result:
    | 'updated' | 'duplicate' | 'busy' | 'not-configured' | 'unreadable'
    /** Not a purchase of a link in this sheet (a shop's own order on the same account): nothing recorded. */
    | 'no-row'
    /** Not signed by this key, or its status does not fit the signed status_code. */
    | 'rejected'
    /** A money move the status API does not report: nothing recorded. */
    | 'unconfirmed'
    /** A money move the status API could not be asked about (network, 5xx, 429): nothing recorded yet. */
    | 'confirmation-unavailable';
}

function parseBody(e: GoogleAppsScript.Events.DoPost | undefined): unknown {
  const text = e?.postData?.contents;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function handleNotification(e: GoogleAppsScript.Events.DoPost | undefined): NotificationAnswer {
  const config = readConfig();
  if (!config) return { ok: false, result: 'not-configured' };
  const body = parseBody(e);
  // A forged, edited, malformed or ill-shaped body stops here, before any sheet is touched.
  const read = readNotification(body, config.serverKey, sha512Hex);
  if (!read.ok) return { ok: false, result: read.refused === 'unreadable' ? 'unreadable' : 'rejected' };
  // Outside the lock: a slow status call must not hold up Refresh or generation.
  const trusted = trustNotification(config, read.reading);
  if (!trusted.ok) return trusted.answer;
  const { facts: n, record } = trusted;

  const outcome = withScriptLock<NotificationAnswer>(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const store = StateStore.load(spreadsheet);
    const changed = store.mergePurchase(n.linkOrderId, record);
    if (!changed) return { ok: true, result: 'duplicate' };
    // Only a link this sheet made: a purchase whose order id is in no row, or only in rows without a
    // link, is not ours (a shop's Snap order on the same account) and is written nowhere.
    const sheet = spreadsheet.getSheetByName(INVOICE_SHEET);
    if (!sheet) return { ok: true, result: 'no-row' };
    const lastColumn = sheet.getLastColumn();
    const header = mapHeaders(sheet.getRange(1, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[]);
    const row = headerProblem(header) ? undefined : findRowByOrderId(sheet, header, n.linkOrderId);
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
    const linked = cellText(at('paymentLink')) !== '' ? [row] : rowsOfOurLink(sheet, header, n.linkOrderId);
    if (linked.length === 0) return { ok: true, result: 'no-row' };
    const usageLimit = header.columns.usageLimit === undefined ? 1 : usageLimitOf(at('usageLimit'));
    const s = summaryOf(store.link(n.linkOrderId), { usageLimit });
    // A multi-line invoice shows its status on every one of its rows.
    const lines = (store.link(n.linkOrderId).lines ?? 1) > 1 ? rowsOfInvoice(sheet, header, n.linkOrderId, 'linked') : [];
    const rows = lines.length ? lines : linked;
    formatAsText(sheet, header, ['status', 'paidAt', 'note'], rows);
    writeRowUpdates(sheet, header, rows.map((r) => ({ row: r, values: { status: s.status, paidAt: s.paidAt, note: s.note } })));
    logAndCommit(customerOf(at));
    SpreadsheetApp.flush();
    return { ok: true, result: 'updated' };
  });
  // Someone else holds the lock (a chunk being written): answer now without writing; the next
  // delivery, n8n's retry or Refresh statuses completes it.
  return outcome.ran ? outcome.value : { ok: false, result: 'busy' };
}

export function jsonOutput(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);
}


/**
 * `doPost`: Midtrans's notification (or the same signed body forwarded by n8n). Verified with the
 * stored key before anything is read or written; the row is found by the link's order id; the
 * purchase is merged monotonically under the lock; the answer goes out within a second or two.
 *
 * Apps Script answers every web-app POST with a 302 whatever we return (README, "The 302 caveat"),
 * so Midtrans never retries; this handler is idempotent and Refresh statuses reconciles anything lost.
 *
 * A money reversal (refund, partial refund, chargeback) is recorded only once the status API agrees,
 * because its signature cannot tell it from a rewritten settlement (core reversal-confirmation.ts).
 */
import {
  WHILE_ANSWERING_A_NOTIFICATION, checkReversal, interpretNotification, needsConfirmation, recordOf, redactSecret, transactionStatusRequest,
  verifyNotification, type Interpretation, type MidtransConfig, type StatusCheck,
} from '@midtrans-pl/core';
import { sha512Hex } from './adapters';
import { sendRetrying } from './send-retrying';
import { formatAsText, writeRowUpdates } from './cell-writes';
import { INVOICE_SHEET, headerProblem } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { NO_CUSTOMER, PaymentsLog, customerOf, lineOf, type Customer } from './payments-log';
import { rowsOfInvoice } from './invoice-rows';
import { findRowByOrderId } from './row-finder';
import { withScriptLock } from './run-guard';
import { readConfig } from './settings';
import { StateStore } from './state-store';
import { mapHeaders, type Cell } from '@midtrans-pl/core';

export interface NotificationAnswer {
  ok: boolean;
  /** Machine-readable reason, never an echo of the body and never the key. */
  result:
    | 'updated' | 'duplicate' | 'no-row' | 'busy' | 'rejected' | 'not-configured' | 'unreadable'
    /** A reversal the status API does not report: nothing recorded. */
    | 'unconfirmed'
    /** A reversal the status API could not be asked about (network, 5xx, 429): nothing recorded yet. */
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
  // A forged, malformed or replayed-with-changes body stops here, before any sheet is touched.
  if (!verifyNotification(body, config.serverKey, sha512Hex)) return { ok: false, result: 'rejected' };
  const meaning = interpretNotification(body);
  if (!meaning.ok) return { ok: false, result: 'unreadable' };
  const n = meaning.value;
  // Outside the lock: a slow status call must not hold up Refresh or generation.
  if (needsConfirmation(n)) {
    const check = confirmReversal(config, n);
    if (check.verdict !== 'confirmed') {
      console.warn(`Reversal notification not recorded (${check.verdict}): ${redactSecret(check.detail, config.serverKey)}`);
      return { ok: false, result: check.verdict === 'unconfirmed' ? 'unconfirmed' : 'confirmation-unavailable' };
    }
  }

  const outcome = withScriptLock<NotificationAnswer>(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const store = StateStore.load(spreadsheet);
    const changed = store.mergePurchase(n.linkOrderId, recordOf(n));
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
    const row = headerProblem(header) ? undefined : findRowByOrderId(sheet, header, n.linkOrderId);
    if (row === undefined) {
      // Kept anyway: if the row appears (or is fixed), Refresh statuses shows the payment.
      logAndCommit(NO_CUSTOMER);
      return { ok: true, result: 'no-row' };
    }
    // The whole row in one read: the usage limit and the customer the payments log repeats.
    const line = sheet.getRange(row, 1, 1, Math.max(lastColumn, 1)).getValues()[0] as Cell[];
    const at = (c: keyof typeof header.columns) => (header.columns[c] === undefined ? '' : line[header.columns[c] as number]);
    const usageLimit = header.columns.usageLimit === undefined ? 1 : usageLimitOf(at('usageLimit'));
    const s = summaryOf(store.link(n.linkOrderId), { usageLimit });
    // A multi-line invoice shows its status on every one of its rows.
    const lines = (store.link(n.linkOrderId).lines ?? 1) > 1 ? rowsOfInvoice(sheet, header, n.linkOrderId, 'linked') : [];
    const rows = lines.length ? lines : [row];
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

/** The status call, tried once while the sender waits (the core's WHILE_ANSWERING_A_NOTIFICATION); an HTTP error is an answer. */
function confirmReversal(config: MidtransConfig, n: Interpretation): StatusCheck {
  const [answer] = sendRetrying([transactionStatusRequest(config, n.transactionId)], WHILE_ANSWERING_A_NOTIFICATION);
  if ('failure' in answer) return { verdict: 'unavailable', detail: `could not reach Midtrans: ${answer.failure}` };
  return checkReversal(n, answer);
}

export function jsonOutput(value: unknown): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);
}


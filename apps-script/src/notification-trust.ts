/**
 * What doPost may believe of a signed notification, before it takes the lock: the core's rule
 * (core/src/notification-decision.ts, status-confirmation.ts), run with Apps Script's synchronous
 * UrlFetch and with the purchase's stored record.
 *
 * A claim that moves money (paid, a refund or chargeback, the settlement → deny reversal) is recorded
 * only as Midtrans's status API states it, and only for a link of this sheet: one Midtrans account has
 * one notification URL, so a shop's own Snap orders arrive here too, and they are neither asked about
 * nor recorded. A claim that adds nothing to the stored record (a replay, a late copy) costs no call.
 * Everything else (pending, expired, failed, under review) is recorded as notified, its fields checked
 * for shape by the core, because nothing in it can raise a row to Paid.
 *
 * A `-<13 digits>` tail does not prove a transaction is a link's purchase (core link-claim.ts): the
 * claim comes from `custom_field1` or Midtrans's listing of the link. For a money move it is read from
 * the status API's answer, never from the body, whose `custom_field1` is not signed.
 */
import {
  WHILE_ANSWERING_A_NOTIFICATION,
  claimFromBody,
  confirmationRequest,
  confirmedRecord,
  confirmNotification,
  moneyClaimOf,
  needsConfirmation,
  recordOf,
  redactSecret,
  type Confirmation,
  type Interpretation,
  type MidtransConfig,
  type PurchaseRecord,
} from '@midtrans-pl/core';
import type { Cell, HeaderMap } from '@midtrans-pl/core';
import { findSheet, headerProblem, mapInvoiceHeaders } from './invoice-sheet';
import { claimLink } from './link-claim';
import { rowsOfInvoice } from './invoice-rows';
import { sendRetrying } from './send-retrying';
import type { NotificationAnswer } from './notifications';
import { StateStore } from './state-store';
import { SpreadsheetApp } from './services';

/** `record` is what to fold into the state: Midtrans's answer when it was asked, the body otherwise. */
export type Trust = { ok: true; facts: Interpretation; record: PurchaseRecord } | { ok: false; answer: NotificationAnswer };

/**
 * The rows of this sheet that show the link: those that carry it, else those a run is creating it for
 * (Queued: the customer may pay before the run writes the link). A row that merely has the order id
 * typed in was never given a link here.
 */
export function rowsOfOurLink(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: HeaderMap, linkOrderId: string): number[] {
  const linked = rowsOfInvoice(sheet, header, linkOrderId, 'linked');
  return linked.length ? linked : rowsOfInvoice(sheet, header, linkOrderId, 'queued');
}

function isOurLink(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, linkOrderId: string): boolean {
  const sheet = findSheet(spreadsheet, 'invoices');
  if (!sheet) return false;
  const header = mapInvoiceHeaders(sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0] as Cell[]);
  if (headerProblem(header, sheet)) return false;
  return rowsOfOurLink(sheet, header, linkOrderId).length > 0;
}

/**
 * The status call, tried once while the sender waits (the core's WHILE_ANSWERING_A_NOTIFICATION): muted,
 * so an HTTP error is an answer; a network failure is "no answer".
 */
function askMidtrans(config: MidtransConfig, n: Interpretation): Confirmation {
  const [answer] = sendRetrying([confirmationRequest(config, n)], WHILE_ANSWERING_A_NOTIFICATION);
  if ('failure' in answer)
    return { verdict: 'unavailable', detail: redactSecret(`could not reach Midtrans: ${answer.failure}`, config.serverKey) };
  return confirmNotification(n, answer, config.serverKey);
}

/**
 * Why the transaction is not recorded as a link's purchase, or undefined when the evidence claims it
 * for its link (whose order id is then the one the core already read from the signed order_id).
 */
function unclaimed(config: MidtransConfig, evidence: unknown): NotificationAnswer | undefined {
  const claim = claimLink(config, evidence);
  if (claim.verdict === 'unavailable') return { ok: false, result: 'lookup-unavailable' };
  if (claim.linkOrderId === '') return { ok: true, result: 'not-a-link-payment' };
  return undefined;
}

export function trustNotification(config: MidtransConfig, body: unknown, n: Interpretation): Trust {
  if (!moneyClaimOf(n)) {
    // Nothing here can raise a row to Paid, so the body's custom_field1 may name the link. Without it,
    // a link this sheet does not show is not worth a GET.
    if (claimFromBody(body).source === 'none' && !isOurLink(SpreadsheetApp.getActiveSpreadsheet(), n.linkOrderId))
      return { ok: false, answer: { ok: true, result: 'no-row' } };
    const refused = unclaimed(config, body);
    return refused ? { ok: false, answer: refused } : { ok: true, facts: n, record: recordOf(n) };
  }
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // A link this sheet does not show is not asked about at all: no status call, no GET.
  if (!isOurLink(spreadsheet, n.linkOrderId)) return { ok: false, answer: { ok: true, result: 'no-row' } };
  const record = StateStore.load(spreadsheet)
    .link(n.linkOrderId)
    .purchases.find((p) => p.orderId === n.orderId);
  if (!needsConfirmation(n, { record })) return { ok: false, answer: { ok: true, result: 'duplicate' } };
  const check = askMidtrans(config, n);
  if (check.verdict === 'confirmed') {
    const refused = unclaimed(config, check.answer);
    return refused ? { ok: false, answer: refused } : { ok: true, facts: check.facts, record: confirmedRecord(check) };
  }
  console.warn(`Notification for ${n.orderId} not recorded (${check.verdict}): ${check.detail}`);
  return { ok: false, answer: { ok: false, result: check.verdict === 'unconfirmed' ? 'unconfirmed' : 'confirmation-unavailable' } };
}

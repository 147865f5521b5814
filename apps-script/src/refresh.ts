/**
 * Refresh statuses (polling, the reconciliation that makes a missed notification harmless) and
 * Deactivate selected links. Both GET/DELETE in `fetchAll` chunks and write under the lock. A Refresh
 * pass stops before the 6-minute limit like generation does, and the next execution (its continuation
 * trigger, the hourly refresh or the menu) finishes that pass before any new one starts.
 */
import { SpreadsheetApp } from './services';
import {
  deleteLinkRequest,
  getLinkRequest,
  lastPaidAt,
  paidRecheckDue,
  parseDeleteLink,
  parseGetLink,
  redactSecret,
  refreshNeed,
  type MidtransConfig,
  type NotePart,
  type PaymentLink,
} from '@midtrans-pl/core';
import { now } from './adapters';
import { formatAsText, writeRowUpdates, type RowUpdate } from './cell-writes';
import { CHUNK_SIZE, TIME_BUDGET_MS } from './generation';
import { cellOf, cellText, invoiceSheet, readInvoiceTable, rowNumberOf, type InvoiceTable } from './invoice-sheet';
import { foldLinkAnswer, foldLinkGone, summaryOf, usageLimitOf } from './link-status';
import { NO_CUSTOMER, PaymentsLog, customerOf, lineOf, type Customer } from './payments-log';
import { rowsOfInvoice } from './invoice-rows';
import { currentRows } from './row-finder';
import { beginRun, endRun, withScriptLock } from './run-guard';
import {
  byOrderId,
  clearPendingPass,
  lastPassStart,
  pendingPass,
  saveLastPassStart,
  savePendingPass,
  type PendingPass,
} from './refresh-pass';
import { applyKeptNotifications } from './notifications';
import { sendRetrying } from './send-retrying';
import { requireConfig } from './settings';
import { StateStore } from './state-store';
import { t, tn } from './i18n/catalogue';
import { locale } from './i18n/locale';
import { plural, statusText, summaryCells } from './i18n/words';
import { toast } from './ui';
import { UserError } from './user-error';

export interface LinkRow {
  row: number;
  orderId: string;
  usageLimit: number;
}

export interface RefreshReport {
  checked: number;
  changed: number;
  failed: number;
  remaining: number;
  message: string;
}

export type Answer = { kind: 'link'; link: PaymentLink } | { kind: 'gone' } | { kind: 'error'; note: string };

function linkRows(table: InvoiceTable, filter: (index: number) => boolean): LinkRow[] {
  const out: LinkRow[] = [];
  table.rows.forEach((_, index) => {
    const orderId = cellText(cellOf(table, index, 'orderId'));
    if (!orderId || !cellText(cellOf(table, index, 'paymentLink')) || !filter(index)) return;
    out.push({ row: rowNumberOf(index), orderId, usageLimit: usageLimitOf(cellOf(table, index, 'usageLimit')) });
  });
  return out;
}

/** Folds the answers into the store and writes the rows, all under the lock (Refresh, Deactivate, and the reminders' check before a send). */
export function applyAnswers(table: InvoiceTable, chunk: LinkRow[], answers: Answer[], at: number): number {
  const customers = customersOf(table, chunk);
  const done = withScriptLock(() => {
    // First what notifications that found the sheet busy kept (notifications.ts).
    applyKeptNotifications();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const store = StateStore.load(spreadsheet);
    const rows = currentRows(table.sheet, table.header, chunk);
    const updates: RowUpdate[] = [];
    const errors: RowUpdate[] = [];
    chunk.forEach((item, i) => {
      const a = answers[i];
      const row = rows.get(item.orderId);
      if (row === undefined) return;
      if (a.kind === 'error') {
        // The status stays what it was; only the Note says the check failed.
        errors.push({ row, values: { note: a.note } });
        return;
      }
      let crossCheck: NotePart[] = [];
      if (a.kind === 'gone') foldLinkGone(store, item.orderId, item.usageLimit);
      else crossCheck = foldLinkAnswer(store, item.orderId, a.link, at);
      const state = store.link(item.orderId);
      const s = summaryOf(state, { usageLimit: item.usageLimit });
      const values = summaryCells(locale(), { ...s, noteParts: [...s.noteParts, ...crossCheck] });
      // A multi-line invoice shows its status on every one of its rows.
      const lines = (state.lines ?? 1) > 1 ? rowsOfInvoice(table.sheet, table.header, item.orderId, 'linked') : [];
      for (const r of lines.length ? lines : [row]) updates.push({ row: r, values });
    });
    formatAsText(
      table.sheet,
      table.header,
      ['status', 'paidAt', 'note'],
      [...updates, ...errors].map((u) => u.row),
    );
    writeRowUpdates(table.sheet, table.header, updates);
    writeRowUpdates(table.sheet, table.header, errors);
    // Rows, then the payments log, then the store, as doPost does: a cut before the store is written
    // leaves the purchases new to the next pass, which writes them again in place.
    const changed = store.stagedPurchases();
    if (changed.length) {
      const log = PaymentsLog.load(spreadsheet);
      for (const p of changed) log.put(lineOf(p.linkOrderId, p.record, customers.get(p.linkOrderId) ?? NO_CUSTOMER));
      log.commit();
    }
    store.commit(new Date(at).toISOString());
    SpreadsheetApp.flush();
    return updates.length;
  }, 30_000);
  if (!done.ran) throw new UserError(t(locale(), 'refresh.busy'));
  return done.value;
}

/** The customer each link's row names, from the table read at the start of the run (keyed by order id, so a sort cannot mix them up). */
function customersOf(table: InvoiceTable, chunk: LinkRow[]): Map<string, Customer> {
  const wanted = new Set(chunk.map((l) => l.orderId));
  const out = new Map<string, Customer>();
  table.rows.forEach((_, i) => {
    const id = cellText(cellOf(table, i, 'orderId'));
    if (wanted.has(id) && !out.has(id))
      out.set(
        id,
        customerOf((c) => cellOf(table, i, c)),
      );
  });
  return out;
}

function getAnswers(config: MidtransConfig, chunk: LinkRow[]): Answer[] {
  return sendRetrying(chunk.map((l) => getLinkRequest(config, l.orderId))).map((res): Answer => {
    if ('failure' in res)
      return { kind: 'error', note: t(locale(), 'refresh.unreachable', { detail: redactSecret(res.failure, config.serverKey) }) };
    if (res.status === 404) return { kind: 'gone' };
    const parsed = parseGetLink(res);
    if (parsed.ok) return { kind: 'link', link: parsed.value };
    return { kind: 'error', note: t(locale(), 'refresh.failed', { detail: redactSecret(parsed.error.message, config.serverKey) }) };
  });
}

export interface RefreshOptions {
  /** No toasts (a trigger has no one to show them to). */
  quiet?: boolean;
  /** Only go on with a pass that stopped for time; with none waiting, do nothing (the continuation trigger). */
  onlyPending?: boolean;
  /** Called when the pass stops for time; schedules the rest and says how it will continue. */
  onStoppedForTime: () => string;
  /** Called when a pass that had stopped for time is finished; its continuation is no longer needed. */
  onResumedPassFinished: () => void;
  /**
   * Rows the person selected when choosing Refresh statuses from the menu: their links are asked now,
   * first, whatever their status and re-check cadence (someone who heard of a refund wants the answer
   * today). The rest of the pass keeps the cadence.
   */
  askNow?: ReadonlySet<number>;
}

/**
 * The links this pass still has to check, in order-id order (each once, even if two rows share an
 * id), after the order id where a stopped pass left off. Decided from the stored state (core
 * refresh-need.ts): links that can still change every pass, paid ones on the re-check cadence
 * counted from the previous complete pass, refunded, deactivated and expired ones never.
 */
function passRows(
  table: InvoiceTable,
  pending: PendingPass | undefined,
  passWindow: { at: number; since?: number },
  skip: ReadonlySet<string>,
): { rows: LinkRow[]; rechecks: number } {
  const states = StateStore.load(SpreadsheetApp.getActiveSpreadsheet()).byLink();
  const rechecks = new Set<string>();
  const all = linkRows(table, (i) => {
    const orderId = cellText(cellOf(table, i, 'orderId'));
    const state = states.get(orderId) ?? { purchases: [] };
    const summary = summaryOf(state, { usageLimit: usageLimitOf(cellOf(table, i, 'usageLimit')) });
    // Compared with the words this user's language writes: a cell in the other language is rewritten.
    const need = refreshNeed({ ...summary, status: statusText(locale(), summary) }, cellText(cellOf(table, i, 'status')));
    if (need !== 'paid') return need === 'open';
    const due = paidRecheckDue(orderId, lastPaidAt(state.purchases), passWindow.since, passWindow.at);
    if (due) rechecks.add(orderId);
    return due;
  });
  const sorted = all.filter((l) => !pending || l.orderId > pending.after).sort(byOrderId);
  const rows = sorted.filter((l, i) => (i === 0 || sorted[i - 1].orderId !== l.orderId) && !skip.has(l.orderId));
  return { rows, rechecks: rows.filter((l) => rechecks.has(l.orderId)).length };
}

/** The selected rows' links, each order id once, in order-id order. */
function selectedLinkRows(table: InvoiceTable, selected: ReadonlySet<number> | undefined): LinkRow[] {
  if (!selected?.size) return [];
  const sorted = linkRows(table, (i) => selected.has(rowNumberOf(i))).sort(byOrderId);
  return sorted.filter((l, i) => i === 0 || sorted[i - 1].orderId !== l.orderId);
}

export function refresh(options: RefreshOptions): RefreshReport {
  const started = now();
  const config = requireConfig();
  const sheet = invoiceSheet();
  const begin = beginRun('refresh', started);
  if (!begin.ok) throw new UserError(begin.message);
  try {
    const pending = pendingPass();
    const report = { checked: 0, changed: 0, failed: 0, remaining: 0 };
    const loc = locale();
    if (options.onlyPending && !pending) return { ...report, message: t(loc, 'refresh.nothingWaiting') };
    const table = readInvoiceTable(sheet);
    // A continuation keeps its pass's passWindow, so the paid links it re-checks are the ones that pass chose.
    const passWindow = pending?.at !== undefined ? { at: pending.at, since: pending.since } : { at: started, since: lastPassStart() };
    const asked = selectedLinkRows(table, options.askNow);
    const { rows, rechecks } = passRows(table, pending, passWindow, new Set(asked.map((l) => l.orderId)));
    // The selected links first, then the pass; only the pass's own links move where it stopped.
    const work = [...asked, ...rows];
    let lastChecked: string | undefined;
    let complete = false;
    try {
      for (let i = 0; i < work.length; i += CHUNK_SIZE) {
        if (now() - started > TIME_BUDGET_MS) {
          report.remaining = work.length - i;
          break;
        }
        const chunk = work.slice(i, i + CHUNK_SIZE);
        const answers = getAnswers(config, chunk);
        report.changed += applyAnswers(table, chunk, answers, now());
        if (i + chunk.length > asked.length) lastChecked = chunk[chunk.length - 1].orderId;
        report.checked += chunk.length;
        report.failed += answers.filter((a) => a.kind === 'error').length;
        if (!options.quiet && i + CHUNK_SIZE < work.length)
          toast(t(loc, 'refresh.progress', { done: i + chunk.length, total: work.length }));
      }
      complete = report.remaining === 0;
    } finally {
      // Also when a chunk failed half-way: the links already checked are not checked again this pass.
      if (complete) {
        if (pending) clearPendingPass();
        saveLastPassStart(passWindow.at);
      } else if (lastChecked !== undefined) {
        savePendingPass({ after: lastChecked, at: passWindow.at, since: passWindow.since });
      } else if (report.remaining > 0 && !pending) {
        // Stopped for time before the pass's first link: the whole pass is still to do.
        savePendingPass({ after: '', at: passWindow.at, since: passWindow.since });
      }
    }
    if (complete && pending) options.onResumedPassFinished();
    const parts = [
      pending
        ? t(loc, 'refresh.continued', { links: plural(loc, report.checked, 'moreLink') })
        : t(loc, 'refresh.checked', { links: plural(loc, report.checked, 'link') }),
    ];
    if (asked.length) parts.push(tn(loc, 'refresh.askedNow', asked.length));
    if (rechecks) parts.push(t(loc, 'refresh.rechecks', { links: plural(loc, rechecks, 'paidLink') }));
    if (report.failed) parts.push(t(loc, 'refresh.couldNotCheck', { n: report.failed }));
    if (report.remaining) {
      parts.push(
        t(loc, 'refresh.stoppedForTime', { links: plural(loc, report.remaining, 'link'), continuation: options.onStoppedForTime() }),
      );
    }
    if (work.length === 0 && !pending) parts.splice(0, 1, t(loc, 'refresh.nothingToCheck'));
    return { ...report, message: `${parts.join('; ')}.` };
  } finally {
    endRun(begin.run);
  }
}

export interface DeactivateReport {
  deactivated: number;
  failed: number;
  message: string;
}

/** DELETE each selected link; a 404 means it is already gone, which is what was asked. */
export function deactivate(selected: Set<number>): DeactivateReport {
  const config = requireConfig();
  const sheet = invoiceSheet();
  const begin = beginRun('deactivate', now());
  if (!begin.ok) throw new UserError(begin.message);
  try {
    const table = readInvoiceTable(sheet);
    const rows = linkRows(table, (i) => selected.has(rowNumberOf(i)));
    const loc = locale();
    if (rows.length === 0) throw new UserError(t(loc, 'deactivate.none'));
    let deactivated = 0;
    let failed = 0;
    for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
      const chunk = rows.slice(i, i + CHUNK_SIZE);
      const answers = sendRetrying(chunk.map((l) => deleteLinkRequest(config, l.orderId))).map((res): Answer => {
        if ('failure' in res)
          return { kind: 'error', note: t(loc, 'deactivate.unreachable', { detail: redactSecret(res.failure, config.serverKey) }) };
        if (res.status === 404) return { kind: 'gone' };
        const parsed = parseDeleteLink(res);
        return parsed.ok
          ? { kind: 'gone' }
          : { kind: 'error', note: t(loc, 'deactivate.failed', { detail: redactSecret(parsed.error.message, config.serverKey) }) };
      });
      applyAnswers(table, chunk, answers, now());
      deactivated += answers.filter((a) => a.kind === 'gone').length;
      failed += answers.filter((a) => a.kind === 'error').length;
    }
    const links = plural(loc, deactivated, 'link');
    const message = failed ? t(loc, 'deactivate.doneWithFailures', { links, failed }) : t(loc, 'deactivate.done', { links });
    return { deactivated, failed, message };
  } finally {
    endRun(begin.run);
  }
}

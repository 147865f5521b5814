/**
 * Generate payment links: one read of the table, every row checked by the core, order ids written
 * (and flushed) before any create call, creates in `fetchAll` chunks sized to Midtrans' pace
 * (chunk-size.ts), results written per chunk, progress in a toast, a graceful stop before the 6-minute
 * limit with a continuation, and a stop at the daily URL Fetch quota that continues when it resets.
 */
import { SpreadsheetApp } from './services';
import { invoiceGroups, writeGroupRows, type Groups } from './invoice-groups';
import { writeWhatsapp } from './whatsapp-column';
import { buildRowRequest, generateOrderId, readInvoiceRow, type RowProblem } from '@midtrans-pl/core';
import { now, randomBytes, takeFetchWatch } from './adapters';
import { chunkFor, firstPace, nextPace } from './chunk-size';
import { markExhausted, quotaView, recordRequests } from './fetch-quota';
import { progressLine } from './progress';
import { formatAsText, writeRowUpdates, type RowUpdate } from './cell-writes';
import { createChunk, type CreateResult, type CreateWork } from './create-links';
import { OUTPUT_COLUMNS, cellOf, cellText, invoiceSheet, readInvoiceTable, rowNumberOf, type InvoiceTable } from './invoice-sheet';
import { isQueued, summaryOf, usageLimitOf } from './link-status';
import { currentRows } from './row-finder';
import { trapQuestion, trapRowsText, trapSuspects } from './amount-traps';
import { rupiah } from './i18n/format';
import { beginRun, endRun, withScriptLock } from './run-guard';
import { applyKeptNotifications } from './notifications';
import { requireConfig } from './settings';
import { StateStore } from './state-store';
import { t, tn } from './i18n/catalogue';
import { count, wibAt } from './i18n/format';
import { locale, type Locale } from './i18n/locale';
import { headerLabel, plural, rowProblemText, statusWord, summaryCells } from './i18n/words';
import { toast } from './ui';
import { UserError } from './user-error';

/** Requests per `fetchAll` for Refresh (refresh.ts); generation sizes its own chunks (chunk-size.ts). */
export const CHUNK_SIZE = 25;
/** No new chunk starts after this: a chunk with retries fits in the minute and a half left. */
export const TIME_BUDGET_MS = 4.5 * 60_000;
export const ORDER_ID_PREFIX = 'INV';
/** When the real quota refused and the ledger cannot say when it resets: a day from now. */
const QUOTA_RETRY_MS = 24 * 3_600_000;

function quotaNote(resumesAt: number): string {
  return t(locale(), 'generate.quotaNote', { when: wibAt(resumesAt, locale()) });
}

export type Scope = { kind: 'all' } | { kind: 'selected'; rows: Set<number> } | { kind: 'queued' };

export interface GenerationReport {
  created: number;
  recovered: number;
  failed: number;
  invalid: number;
  /** Selected rows left alone because they already have a link (Generate for selected rows). */
  alreadyLinked: number;
  remaining: number;
  stoppedForTime: boolean;
  /** Stopped at the daily URL Fetch quota; continues when it resets (`resumesAt`, epoch ms). */
  stoppedForQuota: boolean;
  resumesAt?: number;
  message: string;
}

interface Prepared {
  work: CreateWork[];
  idUpdates: RowUpdate[];
  outputUpdates: RowUpdate[];
  invalid: number;
  alreadyLinked: number;
  groups: Groups;
}

function problemNote(problems: RowProblem[]): string {
  // The row is the one the note sits in; "Row 7, " would only repeat it.
  return problems.map((p) => rowProblemText(locale(), p)).join('; ');
}

function inScope(table: InvoiceTable, index: number, scope: Scope): boolean {
  if (scope.kind === 'selected') return scope.rows.has(rowNumberOf(index));
  if (scope.kind === 'queued') return isQueued(cellText(cellOf(table, index, 'status')));
  return true;
}

/**
 * The row that owns each typed order id: the first row already holding a link for it, else the top-most
 * row. Another row with the same id would be answered 409 and adopt the owner's link (two invoices, one
 * link), or overwrite the owner's result and stay Queued, so it is an invalid row instead.
 */
function orderIdOwners(table: InvoiceTable): Map<string, number> {
  const owners = new Map<string, number>();
  const linked = new Set<string>();
  table.rows.forEach((_, index) => {
    const id = cellText(cellOf(table, index, 'orderId'));
    if (!id) return;
    const hasLink = cellText(cellOf(table, index, 'paymentLink')) !== '';
    if (!owners.has(id) || (hasLink && !linked.has(id))) owners.set(id, rowNumberOf(index));
    if (hasLink) linked.add(id);
  });
  return owners;
}

function prepare(table: InvoiceTable, scope: Scope): Prepared {
  const groups = invoiceGroups(table);
  const out: Prepared = { work: [], idUpdates: [], outputUpdates: [], invalid: 0, alreadyLinked: 0, groups };
  const owners = orderIdOwners(table);
  table.rows.forEach((cells, index) => {
    const row = rowNumberOf(index);
    // A multi-line invoice is sent once, from its first row, when any of its rows is in scope.
    const group = groups.byId.get(cellText(cellOf(table, index, 'orderId')));
    if (group && (row !== group.rows[0] || !group.rows.some((r) => inScope(table, r - rowNumberOf(0), scope)))) return;
    if (!group && !inScope(table, index, scope)) return;
    const reading = group ? group.reading : readInvoiceRow(cells, table.header, row);
    if (reading.blank) return;
    if (reading.hasLink) {
      // Never sent again (one link per invoice), but a selected row is one the user asked about.
      if (scope.kind === 'selected') out.alreadyLinked++;
      return;
    }
    const owner = reading.orderId ? owners.get(reading.orderId) : undefined;
    if (owner !== undefined && owner !== row) {
      out.invalid++;
      const note = t(locale(), 'problem.duplicateOrderId', {
        column: headerLabel(locale(), 'orderId'),
        orderId: reading.orderId,
        owner,
        why: groups.refusedWhy(reading.orderId),
      });
      out.outputUpdates.push({ row, values: { paymentLink: '', status: statusWord(locale(), 'Error'), paidAt: '', note } });
      return;
    }
    const orderId = reading.orderId || generateOrderId(ORDER_ID_PREFIX, randomBytes);
    const built = buildRowRequest({ ...reading, orderId, input: { ...reading.input, orderId } }, randomBytes);
    if (!built.ok) {
      out.invalid++;
      out.outputUpdates.push({
        row,
        values: { paymentLink: '', status: statusWord(locale(), 'Error'), paidAt: '', note: problemNote(built.problems) },
      });
      return;
    }
    if (!reading.orderId) out.idUpdates.push({ row, values: { orderId } });
    for (const r of group?.rows ?? [row])
      out.outputUpdates.push({ row: r, values: { paymentLink: '', status: statusWord(locale(), 'Queued'), paidAt: '', note: '' } });
    const showBilled = !group && reading.input.amount === undefined && table.header.columns.amount !== undefined;
    const warning = built.warnings.length ? problemNote(built.warnings) : undefined;
    out.work.push({ row, orderId, request: built.request, showBilled, ...(warning ? { warning } : {}) });
  });
  return out;
}

/**
 * A chunk's results, under the lock so a notification for one of these links (the customer may pay
 * within seconds of Midtrans's email) is not overwritten: a link the store already knows shows its
 * summary rather than `Link created`. Rows are re-located by order id in case the sheet was sorted.
 */
function writeChunk(
  table: InvoiceTable,
  chunk: CreateWork[],
  results: Map<string, CreateResult>,
  groups: Groups,
  quotaNote?: string,
): void {
  const { sheet, header } = table;
  const done = withScriptLock(() => {
    // First what notifications that found the sheet busy kept (notifications.ts): the chunk then sees them.
    applyKeptNotifications();
    const store = StateStore.load(SpreadsheetApp.getActiveSpreadsheet());
    const rows = currentRows(sheet, header, chunk);
    const updates: RowUpdate[] = [];
    for (const w of chunk) {
      const row = rows.get(w.orderId);
      const result = results.get(w.orderId);
      if (row === undefined || !result) continue;
      if (!result.ok && quotaNote !== undefined) {
        // Refused by the quota, not by Midtrans: still Queued, for the run that continues tomorrow.
        updates.push({ row, values: { note: quotaNote } });
        continue;
      }
      if (!result.ok) {
        // Midtrans names its own field; the warning sent with the row names the column it came from.
        const note = w.warning ? `${w.warning}. ${result.note}` : result.note;
        updates.push({ row, values: { paymentLink: '', status: statusWord(locale(), 'Error'), paidAt: '', note } });
        continue;
      }
      const life = { usageLimit: usageLimitOf(w.request.usage_limit) };
      const state = store.link(w.orderId);
      if (state.purchases.length || state.life) {
        const s = summaryOf(state, life);
        updates.push({ row, values: { paymentLink: result.url, ...summaryCells(locale(), s) } });
      } else {
        updates.push({
          row,
          values: { paymentLink: result.url, status: statusWord(locale(), 'Link created'), paidAt: '', note: w.warning ?? '' },
        });
      }
      // The merchant sees in the row what the customer is billed (Quantity × Unit Price); the cell was empty.
      const billed = w.request.transaction_details.gross_amount;
      if (w.showBilled && billed !== undefined) updates.push({ row, values: { amount: rupiah(billed) } });
    }
    writeRowUpdates(sheet, header, writeGroupRows(table, store, groups, updates, rows));
    writeWhatsapp(
      table,
      chunk.map((w) => {
        const r = results.get(w.orderId);
        return { row: rows.get(w.orderId), request: w.request, url: r?.ok ? r.url : undefined };
      }),
    );
    SpreadsheetApp.flush();
  }, 30_000);
  if (!done.ran) throw new UserError(t(locale(), 'generate.busy'));
}

function summaryMessage(loc: Locale, r: Omit<GenerationReport, 'message'>, continuation: string): string {
  const alreadyLinked = () => tn(loc, 'generate.alreadyLinked', r.alreadyLinked);
  if (r.created + r.recovered + r.failed + r.invalid === 0 && !r.stoppedForTime && !r.stoppedForQuota) {
    if (r.alreadyLinked) return t(loc, 'generate.nothingAlreadyLinked', { alreadyLinked: alreadyLinked() });
    return t(loc, 'generate.nothingToSend');
  }
  const parts = [t(loc, 'generate.ready', { links: plural(loc, r.created + r.recovered, 'link') })];
  if (r.alreadyLinked) parts.push(alreadyLinked());
  if (r.recovered) parts.push(t(loc, 'generate.recovered', { n: r.recovered }));
  if (r.invalid) parts.push(tn(loc, 'generate.invalid', r.invalid));
  if (r.failed) parts.push(t(loc, 'generate.failed', { n: r.failed }));
  if (r.stoppedForTime) parts.push(t(loc, 'generate.stoppedForTime', { rows: plural(loc, r.remaining, 'row'), continuation }));
  if (r.stoppedForQuota) parts.push(t(loc, 'generate.stoppedForQuota', { rows: plural(loc, r.remaining, 'row'), continuation }));
  return `${parts.join('; ')}.`;
}

/** Said before anything is sent when the run needs more requests than today's quota has left. */
function quotaWarning(needed: number, left: number, limit: number, resumesAt: number): string {
  const loc = locale();
  const when = wibAt(resumesAt, loc);
  if (left === 0) return t(loc, 'generate.quotaUsedUp', { limit: count(limit, loc), rows: plural(loc, needed, 'row'), when });
  return t(loc, 'generate.quotaShort', { needed: count(needed, loc), left: count(left, loc), limit: count(limit, loc), when });
}

export interface GenerateOptions {
  /** Called when the run stops for time; says how it will continue. */
  onStoppedForTime: () => string;
  /** Called when the run stops at the daily quota, with when it resets; says how it will continue. */
  onStoppedForQuota: (resumesAt: number) => string;
  /** Asks the person at the sheet (yes/no); absent where nobody can answer (a continuation). */
  ask?: (question: string) => boolean;
}

export function generate(scope: Scope | ((table: InvoiceTable) => Scope), options: GenerateOptions): GenerationReport {
  const started = now();
  const config = requireConfig();
  const sheet = invoiceSheet();
  const begin = beginRun('generate', started);
  if (!begin.ok) throw new UserError(begin.message);
  try {
    const table = readInvoiceTable(sheet);
    const prepared = prepare(table, typeof scope === 'function' ? scope(table) : scope);
    if (options.ask) {
      const quantity = new Map(prepared.work.map((w) => [w.row, w.request.item_details?.[0]?.quantity ?? 1] as const));
      const suspects = trapSuspects(
        table,
        prepared.work.map((w) => w.row),
        (r) => quantity.get(r) ?? 1,
      );
      if (suspects.length && !options.ask(trapQuestion(suspects, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()))) {
        const none = {
          created: 0,
          recovered: 0,
          failed: 0,
          invalid: 0,
          alreadyLinked: 0,
          remaining: 0,
          stoppedForTime: false,
          stoppedForQuota: false,
        };
        return { ...none, message: t(locale(), 'generate.trapDeclined', { rows: trapRowsText(suspects) }) };
      }
    }
    const touched = prepared.outputUpdates.map((u) => u.row);
    formatAsText(sheet, table.header, ['orderId', ...OUTPUT_COLUMNS], touched);
    writeRowUpdates(sheet, table.header, prepared.idUpdates);
    writeRowUpdates(sheet, table.header, prepared.outputUpdates);
    // The order ids must be saved before Midtrans hears of them: a run cut off after a create then
    // finds the id in the row and recovers the link (409) instead of inventing a second one.
    SpreadsheetApp.flush();

    const report: Omit<GenerationReport, 'message'> = {
      created: 0,
      recovered: 0,
      failed: 0,
      invalid: prepared.invalid,
      alreadyLinked: prepared.alreadyLinked,
      remaining: 0,
      stoppedForTime: false,
      stoppedForQuota: false,
    };
    const total = prepared.work.length;
    const quota = quotaView(now());
    let quotaLeft = quota.left;
    const resumeAt = () => quotaView(now(), quota.limit).resetsAt ?? now() + QUOTA_RETRY_MS;
    if (total > quotaLeft) toast(quotaWarning(total, quotaLeft, quota.limit, quota.resetsAt ?? now() + QUOTA_RETRY_MS), 30);
    const sendingSince = now();
    let pace = firstPace();
    let i = 0;
    while (i < total) {
      const msLeft = TIME_BUDGET_MS - (now() - started);
      if (msLeft <= 0) {
        report.stoppedForTime = true;
        report.remaining = total - i;
        break;
      }
      if (quotaLeft <= 0) {
        report.stoppedForQuota = true;
        report.remaining = total - i;
        report.resumesAt = resumeAt();
        writeRowUpdates(
          sheet,
          table.header,
          prepared.work.slice(i).map((w) => ({ row: w.row, values: { note: quotaNote(report.resumesAt as number) } })),
        );
        break;
      }
      const size = Math.min(chunkFor(pace, msLeft), quotaLeft);
      const chunk = prepared.work.slice(i, i + size);
      takeFetchWatch();
      const t0 = now();
      const results = createChunk(config, chunk);
      const seen = takeFetchWatch();
      recordRequests(seen.requests, now());
      quotaLeft -= seen.requests;
      if (seen.quotaExhausted) {
        markExhausted(now(), quota.limit);
        quotaLeft = 0;
      }
      const refusedByQuota = seen.quotaExhausted ? [...results.values()].filter((r) => !r.ok).length : 0;
      writeChunk(table, chunk, results, prepared.groups, seen.quotaExhausted ? quotaNote(resumeAt()) : undefined);
      for (const r of results.values()) {
        if (!r.ok) {
          if (!seen.quotaExhausted) report.failed++;
        } else if (r.recovered) report.recovered++;
        else report.created++;
      }
      pace = nextPace(pace, {
        sent: chunk.length,
        throttled: seen.throttledPerCall[0] ?? 0,
        timedOut: seen.failedCalls > 0,
        elapsedMs: now() - t0,
      });
      i += chunk.length;
      if (refusedByQuota) {
        // Those rows go again tomorrow: count them as left, and stop here.
        i -= refusedByQuota;
        report.stoppedForQuota = true;
        report.remaining = total - i;
        report.resumesAt = resumeAt();
        break;
      }
      if (i < total) toast(progressLine({ done: i, total, elapsedMs: now() - sendingSince }, locale()), 60);
    }
    // A notification kept while the last chunk was being written lands now, not at the next execution.
    if (total > 0) withScriptLock(applyKeptNotifications);
    if (report.stoppedForQuota && report.remaining === 0) report.stoppedForQuota = false;
    const continuation = report.stoppedForQuota
      ? options.onStoppedForQuota(report.resumesAt as number)
      : report.stoppedForTime
        ? options.onStoppedForTime()
        : '';
    return { ...report, message: summaryMessage(locale(), report, continuation) };
  } finally {
    endRun(begin.run);
  }
}

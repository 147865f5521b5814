/**
 * The `Reminders` sheet: one row per reminder, and the ledger that keeps each one at most once. A
 * reminder is claimed here (status Sending, or To send for WhatsApp) and flushed before it goes out,
 * so a run cut off at any point leaves a row that says so; a claimed, sent or maybe-sent row is never
 * sent again. Rows are found by their order id, due date and offset, never by position (the merchant
 * may sort the sheet). Every cell is written as text.
 */
import { normaliseHeader, type Cell } from '@midtrans-pl/core';
import { runsOf } from './cell-writes';
import { t, type MessageKey } from './i18n/catalogue';
import { LOCALES, type Locale } from './i18n/define';
import { cellText } from './invoice-sheet';

export const REMINDERS_SHEET = 'Reminders';

export const LOG_COLUMNS = {
  time: 'Time',
  orderId: 'Order ID',
  customer: 'Customer',
  channel: 'Channel',
  to: 'To',
  offset: 'Offset',
  dueDate: 'Due Date',
  status: 'Status',
  whatsappLink: 'WhatsApp Link',
} as const;
type LogColumn = keyof typeof LOG_COLUMNS;
const KEYS = Object.keys(LOG_COLUMNS) as LogColumn[];

export type LogStatus = 'sending' | 'sent' | 'maybeSent' | 'toSend' | 'notSent';
const STATUS_KEY: Record<LogStatus, MessageKey> = {
  sending: 'reminders.statusSending',
  sent: 'reminders.statusSent',
  maybeSent: 'reminders.statusMaybeSent',
  toSend: 'reminders.statusToSend',
  notSent: 'reminders.statusNotSent',
};
/** Statuses that hold an offset: it is never sent again. */
export const CLAIMING: ReadonlySet<LogStatus> = new Set(['sending', 'sent', 'maybeSent', 'toSend']);
/** Statuses that count as a reminder the customer got (the row's Reminders count). */
export const DELIVERED: ReadonlySet<LogStatus> = new Set(['sent', 'maybeSent']);

export type Channel = 'email' | 'whatsapp';

export interface LogEntry {
  row: number;
  orderId: string;
  /** `2026-12-10` */
  dueDate: string;
  offset: number;
  channel: Channel;
  status: LogStatus | undefined;
  time: string;
}

export interface NewEntry {
  time: string;
  orderId: string;
  customer: string;
  channel: Channel;
  to: string;
  offset: number;
  dueDate: string;
  status: LogStatus;
  whatsappLink: string;
}

/** The same message in every language: a word the add-on wrote is recognised whichever language wrote it. */
function everyLanguage(key: MessageKey): string[] {
  return LOCALES.map((l) => t(l, key));
}

function statusOf(text: string): LogStatus | undefined {
  for (const [s, key] of Object.entries(STATUS_KEY) as [LogStatus, MessageKey][]) if (everyLanguage(key).includes(text)) return s;
  return undefined;
}

function channelOf(text: string): Channel {
  return everyLanguage('reminders.channelWhatsapp').includes(text) ? 'whatsapp' : 'email';
}

export class RemindersLog {
  private constructor(
    readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    private readonly columns: Record<LogColumn, number>,
    readonly entries: LogEntry[],
    private readonly locale: Locale,
  ) {}

  static load(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, locale: Locale): RemindersLog {
    let sheet = spreadsheet.getSheetByName(REMINDERS_SHEET);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(REMINDERS_SHEET);
      const header = KEYS.map((k) => LOG_COLUMNS[k]);
      sheet.getRange(1, 1, 1, header.length).setValues([header]);
      sheet.setFrozenRows(1);
    }
    const values = sheet.getDataRange().getValues() as Cell[][];
    const head = (values[0] ?? []).map((h) => normaliseHeader(h));
    const columns = {} as Record<LogColumn, number>;
    let width = head.length;
    const missing: string[] = [];
    for (const k of KEYS) {
      const i = head.indexOf(normaliseHeader(LOG_COLUMNS[k]));
      if (i >= 0) columns[k] = i;
      else {
        columns[k] = width++;
        missing.push(LOG_COLUMNS[k]);
      }
    }
    // A column the merchant deleted comes back at the end, so the ledger never loses a field.
    if (missing.length) sheet.getRange(1, width - missing.length + 1, 1, missing.length).setValues([missing]);
    const entries: LogEntry[] = [];
    values.slice(1).forEach((r, i) => {
      const orderId = cellText(r[columns.orderId]);
      if (!orderId) return;
      entries.push({
        row: i + 2,
        orderId,
        dueDate: cellText(r[columns.dueDate]).slice(0, 10),
        offset: Number(cellText(r[columns.offset])),
        channel: channelOf(cellText(r[columns.channel])),
        status: statusOf(cellText(r[columns.status])),
        time: cellText(r[columns.time]),
      });
    });
    return new RemindersLog(sheet, columns, entries, locale);
  }

  statusText(s: LogStatus): string {
    return t(this.locale, STATUS_KEY[s]);
  }

  /** Appends rows after the last one; returns their row numbers. */
  append(lines: NewEntry[]): number[] {
    if (lines.length === 0) return [];
    const first = Math.max(this.sheet.getLastRow(), 1) + 1;
    const width = Math.max(...Object.values(this.columns)) + 1;
    const rows = lines.map((l) => {
      const out: string[] = Array.from({ length: width }, () => '');
      const cells: Record<LogColumn, string> = {
        time: l.time,
        orderId: l.orderId,
        customer: l.customer,
        channel: t(this.locale, l.channel === 'whatsapp' ? 'reminders.channelWhatsapp' : 'reminders.channelEmail'),
        to: l.to,
        offset: l.offset > 0 ? `+${l.offset}` : String(l.offset),
        dueDate: l.dueDate,
        status: this.statusText(l.status),
        whatsappLink: l.whatsappLink,
      };
      for (const k of KEYS) out[this.columns[k]] = cells[k];
      return out;
    });
    if (this.sheet.getMaxRows() < first + rows.length - 1)
      this.sheet.insertRowsAfter(this.sheet.getMaxRows(), first + rows.length - 1 - this.sheet.getMaxRows());
    const range = this.sheet.getRange(first, 1, rows.length, width);
    range.setNumberFormat('@');
    range.setValues(rows);
    const numbers = lines.map((_, i) => first + i);
    lines.forEach((l, i) =>
      this.entries.push({
        row: numbers[i],
        orderId: l.orderId,
        dueDate: l.dueDate,
        offset: l.offset,
        channel: l.channel,
        status: l.status,
        time: l.time,
      }),
    );
    return numbers;
  }

  /** Sets the status of the given rows (one write per run of adjacent rows). */
  setStatus(rows: number[], status: LogStatus): void {
    const col = this.columns.status + 1;
    for (const run of runsOf(rows)) {
      this.sheet.getRange(run.start, col, run.length, 1).setValues(Array.from({ length: run.length }, () => [this.statusText(status)]));
    }
    const set = new Set(rows);
    for (const e of this.entries) if (set.has(e.row)) e.status = status;
  }
}

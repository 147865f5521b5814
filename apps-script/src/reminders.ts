/**
 * Send payment reminders: the core decides which reminder each invoice is due (reminder-schedule.ts)
 * and whether its link can still be paid; this file reads the sheet, checks each invoice with Midtrans
 * just before its reminder, sends the emails with MailApp (or writes WhatsApp click-to-chat links to
 * the Reminders sheet for the merchant to send) and records what went out.
 *
 * At most once per offset, also across a cut: each chunk's reminders are claimed in the Reminders
 * sheet and flushed before any goes out, each send is journalled in Script Properties around the call
 * (reminder-journal.ts), and the next run settles a cut run's claims from the journal before it
 * starts. The script lock is held only for those writes, never across Midtrans calls or sends, so a
 * notification arriving mid-run still lands.
 */
import {
  byOldestDue,
  dueDayFromLink,
  dueReminder,
  emailCapacity,
  fillTemplate,
  getLinkRequest,
  normaliseIndonesianPhone,
  parseGetLink,
  readDueDate,
  reminderBlock,
  reminderEmail,
  reminderKey,
  summariseLink,
  whatsappLink,
  wibDay,
  wibDayText,
  type DueReminder,
  type MidtransConfig,
  type WibDay,
} from '@midtrans-pl/core';
import { now } from './adapters';
import { sendRetrying } from './send-retrying';
import { TIME_BUDGET_MS } from './generation';
import { t } from './i18n/catalogue';
import { rupiah, wibDate } from './i18n/format';
import { locale as uiLocale, type Locale } from './i18n/locale';
import { statusWordsOf } from './i18n/words';
import { cellOf, cellText, invoiceSheet, readInvoiceTable, rowNumberOf, type InvoiceTable } from './invoice-sheet';
import { summaryOf, usageLimitOf } from './link-status';
import { cellName, ensureCounterColumns, optedOut, reminderColumn } from './reminder-columns';
import { clearJournal, readJournal, writeJournal, type Journal } from './reminder-journal';
import { readReminderSettings, reminderTemplate, type ReminderSettings } from './reminder-settings';
import { CLAIMING, DELIVERED, RemindersLog, type Channel, type LogStatus, type NewEntry } from './reminders-log';
import { applyAnswers, type Answer } from './refresh';
import { MailApp, SpreadsheetApp, Utilities } from './services';
import { currentRows } from './row-finder';
import { beginRun, endRun, withScriptLock } from './run-guard';
import { requireConfig } from './settings';
import { StateStore } from './state-store';
import { UserError } from './user-error';

/** Reminders checked and sent per step: one fetchAll, one claim write, the sends, one record write. */
export const REMINDER_CHUNK = 20;
const LOCK_WAIT_MS = 30_000;
const NAMES_SHOWN = 8;
const CLOSED_WORDS = ['Paid', 'Refunded', 'Partially refunded', 'Deactivated', 'Under review'] as const;

/**
 * A Status the add-on recorded that no reminder is for, in either language (`Paid 3/100` included).
 * The add-on writes Status only from what Midtrans signed or its status API confirmed.
 */
function shownClosed(status: string): boolean {
  const text = status.toLowerCase();
  return CLOSED_WORDS.flatMap(statusWordsOf).some((w) => text === w.toLowerCase() || text.startsWith(`${w.toLowerCase()} `));
}

interface Candidate {
  orderId: string;
  row: number;
  dueDay?: WibDay;
  reminder?: DueReminder;
  channel: Channel;
  to: string;
  customerName: string;
  amount: number;
  title: string;
  link: string;
}

/** A candidate whose reminder for today is decided. */
type Ready = Candidate & { dueDay: WibDay; reminder: DueReminder };

export interface ReminderPlan {
  emails: Candidate[];
  whatsapp: Candidate[];
  unknownDue: number;
  emailQuotaLeft: number;
}

export interface ReminderReport {
  sent: number;
  whatsapp: number;
  skipped: number;
  carried: number;
  unchecked: number;
  problems: number;
  remaining: number;
  recovered: number;
  message: string;
}

export interface ReminderOptions {
  /** The menu's confirmation: false stops the run before anything is checked or sent. */
  confirm?: (plan: ReminderPlan, locale: Locale) => boolean;
  /** Called when the run stops for time; schedules the rest and says how it continues. */
  onStoppedForTime: () => string;
}

function fail(ui: Locale, e: unknown): never {
  throw new UserError(t(ui, 'reminders.permission', { detail: e instanceof Error ? e.message : String(e) }));
}

function emailQuotaLeft(ui: Locale): number {
  try {
    return emailCapacity(MailApp.getRemainingDailyQuota());
  } catch (e) {
    return fail(ui, e);
  }
}

function whenText(language: Locale, offset: number): string {
  if (offset < -1) return t(language, 'reminders.whenBefore', { days: -offset });
  if (offset === -1) return t(language, 'reminders.whenTomorrow');
  if (offset === 0) return t(language, 'reminders.whenToday');
  if (offset === 1) return t(language, 'reminders.whenYesterday');
  return t(language, 'reminders.whenAfter', { days: offset });
}

function offsetText(locale: Locale, offset: number): string {
  if (offset < 0) return t(locale, 'reminders.offsetBefore', { days: -offset });
  if (offset === 0) return t(locale, 'reminders.offsetOn');
  return t(locale, 'reminders.offsetAfter', { days: offset });
}

function messageOf(settings: ReminderSettings, c: Ready): { subject: string; body: string } {
  const language = settings.language;
  const values = {
    name: c.customerName || t(language, 'reminders.defaultName'),
    amount: rupiah(c.amount),
    due_date: wibDate(c.dueDay, language),
    link: c.link,
    title: c.title || t(language, 'reminders.defaultTitle', { order_id: c.orderId }),
    order_id: c.orderId,
    when: whenText(language, c.reminder.offset),
  };
  const tpl = reminderTemplate(language);
  return { subject: fillTemplate(tpl.subject, values), body: fillTemplate(tpl.body, values) };
}

function wibTime(ms: number): string {
  return Utilities.formatDate(new Date(ms), 'Asia/Jakarta', 'yyyy-MM-dd HH:mm');
}

/** Adds a reminder's problem to a row's Note, keeping what the Note already says. */
function noteRows(table: InvoiceTable, notes: Map<number, string>): void {
  const col = table.header.columns.note;
  if (col === undefined) {
    for (const text of notes.values()) console.log(text);
    return;
  }
  for (const [row, text] of notes) {
    const before = cellText(table.rows[row - 2]?.[col]);
    if (before.includes(text)) continue;
    const value = before ? `${before}; ${text}` : text;
    const range = table.sheet.getRange(row, col + 1);
    range.setNumberFormat('@');
    range.setValue(value);
    if (table.rows[row - 2]) table.rows[row - 2][col] = value;
  }
}

/** Last Reminder and Reminders of each order's row, recomputed from the log (so writing twice changes nothing). */
function writeCounters(table: InvoiceTable, log: RemindersLog, orders: Map<string, number>, locale: Locale): void {
  if (orders.size === 0) return;
  const cols = ensureCounterColumns(table, locale);
  const rows = currentRows(
    table.sheet,
    table.header,
    [...orders].map(([orderId, row]) => ({ orderId, row })),
  );
  for (const orderId of orders.keys()) {
    const row = rows.get(orderId);
    if (row === undefined) continue;
    const delivered = log.entries
      .filter((e) => e.orderId === orderId && e.status !== undefined && DELIVERED.has(e.status))
      .sort((a, b) => (a.time < b.time ? -1 : 1));
    const last = delivered[delivered.length - 1];
    const lastText = last
      ? t(locale, 'reminders.lastReminder', {
          date: last.time,
          offset: offsetText(locale, last.offset),
          channel: t(locale, last.channel === 'whatsapp' ? 'reminders.channelWhatsapp' : 'reminders.channelEmail'),
        })
      : '';
    const cells: [number, string][] = [
      [cols.last, lastText],
      [cols.count, String(delivered.length)],
    ];
    for (const [col, value] of cells) {
      const range = table.sheet.getRange(row, col + 1);
      range.setNumberFormat('@');
      range.setValue(value);
    }
  }
}

/** Settles the claims a cut-off run left in the log from its journal: sent, maybe sent, or never tried. */
function settleCutRun(table: InvoiceTable, locale: Locale): number {
  const journal = readJournal();
  const done = withScriptLock(() => {
    const log = RemindersLog.load(SpreadsheetApp.getActiveSpreadsheet(), locale);
    const open = log.entries.filter((e) => e.status === 'sending');
    if (open.length === 0 && !journal) return 0;
    const sent = new Set(journal?.sent ?? []);
    const by: Record<LogStatus, number[]> = { sending: [], sent: [], maybeSent: [], toSend: [], notSent: [] };
    const orders = new Map<string, number>();
    // A cut after the log rows were recorded but before the row counters were: the journal still names them.
    for (const key of [...sent, journal?.attempting ?? '']) {
      const orderId = key.split('|').slice(0, -2).join('|');
      if (orderId) orders.set(orderId, rowOfOrder(table, orderId));
    }
    for (const e of open) {
      const key = `${e.orderId}|${e.dueDate}|${e.offset}`;
      const status: LogStatus = sent.has(key) ? 'sent' : journal?.attempting === key ? 'maybeSent' : 'notSent';
      by[status].push(e.row);
      if (status !== 'notSent') orders.set(e.orderId, rowOfOrder(table, e.orderId));
    }
    for (const s of ['sent', 'maybeSent', 'notSent'] as const) log.setStatus(by[s], s);
    writeCounters(table, log, orders, locale);
    SpreadsheetApp.flush();
    clearJournal();
    return by.sent.length + by.maybeSent.length;
  }, LOCK_WAIT_MS);
  if (!done.ran) throw new UserError(t(locale, 'reminders.busy'));
  return done.value;
}

/** Where the run's table had the order; currentRows checks it at write time and searches when it moved. */
function rowOfOrder(table: InvoiceTable, orderId: string): number {
  const i = table.rows.findIndex((_, index) => cellText(cellOf(table, index, 'orderId')) === orderId);
  return rowNumberOf(Math.max(i, 0));
}

interface Reading {
  candidates: Candidate[];
  notes: Map<number, string>;
}

/** Every row that may be due a reminder today, from the sheet and the log alone (no Midtrans call). */
function readCandidates(
  table: InvoiceTable,
  log: RemindersLog,
  store: StateStore,
  settings: ReminderSettings,
  today: WibDay,
  locale: Locale,
): Reading {
  const claimed = claimedOffsets(log);
  const dueCol = reminderColumn(table, 'dueDate');
  const optCol = reminderColumn(table, 'noReminders');
  const notes = new Map<number, string>();
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  table.rows.forEach((r, index) => {
    const row = rowNumberOf(index);
    const orderId = cellText(cellOf(table, index, 'orderId'));
    const link = cellText(cellOf(table, index, 'paymentLink'));
    if (!orderId || !/^https?:\/\//i.test(link) || seen.has(orderId)) return;
    // A multi-line invoice's rows share an order id: one reminder, from its first row.
    seen.add(orderId);
    if (optCol !== undefined && optedOut(r[optCol])) return;
    if (shownClosed(cellText(cellOf(table, index, 'status')))) return;
    if (usageLimitOf(cellOf(table, index, 'usageLimit')) > 1) return;
    // Known paid, refunded, deactivated or expired (notifications, Refresh, an earlier check): never asked again.
    if (reminderBlock(summaryOf(store.link(orderId), { usageLimit: 1 }))) return;
    let dueDay: WibDay | undefined;
    let reminder: DueReminder | undefined;
    if (dueCol !== undefined) {
      const due = readDueDate(r[dueCol]);
      if (due && !due.ok) {
        notes.set(
          row,
          t(locale, 'reminders.noteBadDueDate', {
            column: headerText(table, dueCol),
            cell: cellName(dueCol, row),
            value: String(r[dueCol]).trim().slice(0, 40),
          }),
        );
        return;
      }
      if (due?.ok) {
        dueDay = due.day;
        reminder = dueReminder({
          dueDay,
          today,
          offsets: settings.offsets,
          sentOffsets: claimed.get(`${orderId}|${wibDayText(dueDay)}`) ?? new Set(),
        });
        if (!reminder) return;
      }
    }
    const contact = contactOf(table, index, row, locale, notes);
    if (!contact) return;
    const amount = Number(cellText(cellOf(table, index, 'amount')).replace(/[^\d]/g, '')) || 0;
    candidates.push({
      orderId,
      row,
      dueDay,
      reminder,
      ...contact,
      customerName: cellText(cellOf(table, index, 'customerName')),
      amount,
      title: cellText(cellOf(table, index, 'title')),
      link,
    });
  });
  return { candidates, notes };
}

/** The column's header as the merchant wrote it, so a Note names the column they see. */
function headerText(table: InvoiceTable, column: number): string {
  return cellText(table.headerRow[column]);
}

/** Email when the row has one, else WhatsApp when it has a phone; a value that cannot be used gets a Note. */
function contactOf(
  table: InvoiceTable,
  index: number,
  row: number,
  locale: Locale,
  notes: Map<number, string>,
): { channel: Channel; to: string } | undefined {
  const emailRaw = cellText(cellOf(table, index, 'customerEmail'));
  if (emailRaw) {
    const e = reminderEmail(emailRaw);
    if (e.ok) return { channel: 'email', to: e.address };
    const col = table.header.columns.customerEmail ?? 0;
    const why = t(locale, e.problem === 'several' ? 'reminders.emailSeveral' : 'reminders.emailNotEmail');
    notes.set(
      row,
      t(locale, 'reminders.noteBadEmail', { column: headerText(table, col), cell: cellName(col, row), value: emailRaw.slice(0, 60), why }),
    );
    return undefined;
  }
  const phoneRaw = cellText(cellOf(table, index, 'customerPhone'));
  if (!phoneRaw) return undefined;
  const p = normaliseIndonesianPhone(phoneRaw);
  if (p.ok) return { channel: 'whatsapp', to: phoneRaw };
  const phoneCol = table.header.columns.customerPhone ?? 0;
  notes.set(
    row,
    t(locale, 'reminders.noteBadPhone', {
      column: headerText(table, phoneCol),
      cell: cellName(phoneCol, row),
      why: t(locale, `problem.phone.${p.reason}`, { value: p.typed }),
    }),
  );
  return undefined;
}

/**
 * Asks Midtrans about each link and folds the answers into the state store and the rows exactly as
 * Refresh does (so a payment found here shows in Status at once and is not asked about again).
 */
function checkWithMidtrans(config: MidtransConfig, table: InvoiceTable, items: { orderId: string; row: number }[]): Answer[] {
  const answers = sendRetrying(items.map((c) => getLinkRequest(config, c.orderId))).map((res): Answer => {
    if ('failure' in res) return { kind: 'error', note: '' };
    if (res.status === 404) return { kind: 'gone' };
    const parsed = parseGetLink(res);
    return parsed.ok ? { kind: 'link', link: parsed.value } : { kind: 'error', note: '' };
  });
  const known = items.map((c) => ({ orderId: c.orderId, row: c.row, usageLimit: 1 }));
  const kept = answers.map((a, i) => ({ a, item: known[i] })).filter((x) => x.a.kind !== 'error');
  try {
    applyAnswers(
      table,
      kept.map((x) => x.item),
      kept.map((x) => x.a),
      now(),
    );
  } catch (e) {
    // The sheet stayed busy: the answers still decide this run; the next Refresh writes them.
    console.log(e instanceof Error ? e.message : String(e));
  }
  return answers;
}

/** Blocked by what Midtrans says now, or by what the store already knew (a notification's payment). */
function blocked(check: Answer, store: StateStore, orderId: string, at: number): boolean {
  if (check.kind === 'gone') return true;
  if (check.kind !== 'link') return false;
  return (
    reminderBlock(summariseLink(check.link, at)) !== undefined ||
    reminderBlock(summaryOf(store.link(orderId), { usageLimit: 1 })) !== undefined
  );
}

export function sendReminders(options: ReminderOptions): ReminderReport {
  const started = now();
  const locale = uiLocale();
  const settings = readReminderSettings(locale);
  if (!settings.enabled) throw new UserError(t(locale, 'reminders.off'));
  const config = requireConfig();
  const sheet = invoiceSheet();
  const begin = beginRun('remind', started);
  if (!begin.ok) throw new UserError(begin.message);
  try {
    return run(options, settings, config, readInvoiceTable(sheet), locale, started);
  } finally {
    endRun(begin.run);
  }
}

function run(
  options: ReminderOptions,
  settings: ReminderSettings,
  config: MidtransConfig,
  table: InvoiceTable,
  locale: Locale,
  started: number,
): ReminderReport {
  const report = { sent: 0, whatsapp: 0, skipped: 0, carried: 0, unchecked: 0, problems: 0, remaining: 0, recovered: 0 };
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  report.recovered = settleCutRun(table, locale);
  const today = wibDay(now());
  const log = RemindersLog.load(spreadsheet, locale);
  const { candidates, notes } = readCandidates(table, log, StateStore.load(spreadsheet), settings, today, locale);
  const known = candidates.filter((c) => c.reminder);
  const unknown = candidates.filter((c) => !c.reminder);
  const wantsEmail = candidates.some((c) => c.channel === 'email');
  let quota = wantsEmail ? emailQuotaLeft(locale) : 0;

  if (options.confirm) {
    const plan: ReminderPlan = {
      emails: known.filter((c) => c.channel === 'email'),
      whatsapp: known.filter((c) => c.channel === 'whatsapp'),
      unknownDue: unknown.length,
      emailQuotaLeft: quota,
    };
    if (known.length === 0 && unknown.length === 0) {
      recordNotes(table, notes);
      report.problems = notes.size;
      return {
        ...report,
        message: [
          t(locale, 'reminders.noneDue'),
          ...(notes.size ? [t(locale, 'reminders.reportProblems', { count: notes.size })] : []),
        ].join(' '),
      };
    }
    if (!options.confirm(plan, locale)) return { ...report, message: t(locale, 'reminders.cancelled') };
  }

  // Invoices without a Due Date are due by their link's expiry, which only Midtrans knows.
  const ready = known.filter((c): c is Ready => c.dueDay !== undefined && c.reminder !== undefined);
  const claimed = claimedOffsets(log);
  for (let i = 0; i < unknown.length; i += 25) {
    const chunk = unknown.slice(i, i + 25);
    const checks = checkWithMidtrans(config, table, chunk);
    chunk.forEach((c, k) => {
      const check = checks[k];
      if (check.kind === 'error') return void report.unchecked++;
      if (check.kind === 'gone') return;
      const dueDay = dueDayFromLink(check.link);
      if (dueDay === undefined) return;
      const reminder = dueReminder({
        dueDay,
        today,
        offsets: settings.offsets,
        sentOffsets: claimed.get(`${c.orderId}|${wibDayText(dueDay)}`) ?? new Set(),
      });
      if (!reminder) return;
      // A reminder was due: one Midtrans says needs none is a skip worth reporting.
      if (reminderBlock(summariseLink(check.link, now()))) return void report.skipped++;
      ready.push({ ...c, dueDay, reminder });
    });
  }
  ready.sort(byOldestDue);

  let index = 0;
  while (index < ready.length) {
    if (now() - started > TIME_BUDGET_MS) {
      report.remaining = ready.length - index;
      break;
    }
    const chunk: typeof ready = [];
    while (index < ready.length && chunk.length < REMINDER_CHUNK) {
      const c = ready[index++];
      if (c.channel === 'email' && chunk.filter((x) => x.channel === 'email').length >= quota) {
        // Over today's quota: left unclaimed, so the next run (oldest due first) sends it.
        report.carried++;
        continue;
      }
      chunk.push(c);
    }
    if (chunk.length === 0) continue;
    const step = sendChunk(chunk, config, settings, table, locale, notes);
    report.sent += step.sent;
    report.whatsapp += step.whatsapp;
    report.skipped += step.skipped;
    report.unchecked += step.unchecked;
    quota -= step.emailsUsed;
    if (step.quotaHit) {
      quota = 0;
      report.carried += step.released;
    }
  }
  recordNotes(table, notes);
  report.problems = notes.size;
  const parts: string[] = [];
  if (report.recovered) parts.push(t(locale, 'reminders.reportRecovered', { count: report.recovered }));
  if (report.sent) parts.push(t(locale, 'reminders.reportSent', { count: report.sent }));
  if (report.whatsapp) parts.push(t(locale, 'reminders.reportWhatsapp', { count: report.whatsapp }));
  if (report.skipped) parts.push(t(locale, 'reminders.reportSkipped', { count: report.skipped }));
  if (report.carried) parts.push(t(locale, 'reminders.reportCarried', { count: report.carried }));
  if (report.unchecked) parts.push(t(locale, 'reminders.reportUnchecked', { count: report.unchecked }));
  if (report.problems) parts.push(t(locale, 'reminders.reportProblems', { count: report.problems }));
  if (report.remaining) parts.push(t(locale, 'reminders.reportStopped', { count: report.remaining, how: options.onStoppedForTime() }));
  if (parts.length === 0) parts.push(t(locale, 'reminders.reportNothing'));
  return { ...report, message: parts.join(' ') };
}

function claimedOffsets(log: RemindersLog): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const e of log.entries) {
    if (e.status === undefined || !CLAIMING.has(e.status)) continue;
    const k = `${e.orderId}|${e.dueDate}`;
    if (!out.has(k)) out.set(k, new Set());
    out.get(k)?.add(e.offset);
  }
  return out;
}

function recordNotes(table: InvoiceTable, notes: Map<number, string>): void {
  if (notes.size === 0) return;
  const done = withScriptLock(() => {
    noteRows(table, notes);
    SpreadsheetApp.flush();
  }, LOCK_WAIT_MS);
  if (!done.ran) console.log([...notes.values()].join('\n'));
}

interface Step {
  sent: number;
  whatsapp: number;
  skipped: number;
  unchecked: number;
  emailsUsed: number;
  quotaHit: boolean;
  released: number;
}

/** One chunk: check with Midtrans, claim (flushed), send (journalled), record. */
function sendChunk(
  chunk: Ready[],
  config: MidtransConfig,
  settings: ReminderSettings,
  table: InvoiceTable,
  locale: Locale,
  notes: Map<number, string>,
): Step {
  const step: Step = { sent: 0, whatsapp: 0, skipped: 0, unchecked: 0, emailsUsed: 0, quotaHit: false, released: 0 };
  const checks = checkWithMidtrans(config, table, chunk);
  const at = now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const store = StateStore.load(spreadsheet);
  const go: { c: (typeof chunk)[number]; key: string; entry: NewEntry; message: { subject: string; body: string } }[] = [];
  chunk.forEach((c, k) => {
    const check = checks[k];
    if (check.kind === 'error') return void step.unchecked++;
    if (blocked(check, store, c.orderId, at)) return void step.skipped++;
    const message = messageOf(settings, c);
    let whatsapp = '';
    if (c.channel === 'whatsapp') {
      const chat = whatsappLink({ phone: c.to, amount: c.amount, paymentUrl: c.link }, `${message.body}`);
      if (!chat.ok) return;
      whatsapp = chat.url;
    }
    go.push({
      c,
      key: reminderKey(c.orderId, c.dueDay, c.reminder.offset),
      message,
      entry: {
        time: wibTime(at),
        orderId: c.orderId,
        customer: c.customerName,
        channel: c.channel,
        to: c.to,
        offset: c.reminder.offset,
        dueDate: wibDayText(c.dueDay),
        status: c.channel === 'email' ? 'sending' : 'toSend',
        whatsappLink: whatsapp,
      },
    });
  });
  if (go.length === 0) return step;

  // Claim: durable before anything goes out.
  let rows: number[] = [];
  const claim = withScriptLock(() => {
    const log = RemindersLog.load(spreadsheet, locale);
    rows = log.append(go.map((g) => g.entry));
    SpreadsheetApp.flush();
  }, LOCK_WAIT_MS);
  if (!claim.ran) {
    step.unchecked += go.length;
    return step;
  }
  step.whatsapp = go.filter((g) => g.c.channel === 'whatsapp').length;

  const journal: Journal = { sent: [] };
  writeJournal(journal);
  const outcome = new Map<number, LogStatus>();
  let stopError: unknown;
  for (let i = 0; i < go.length; i++) {
    const g = go[i];
    if (g.c.channel !== 'email') continue;
    if (step.quotaHit || stopError) {
      outcome.set(rows[i], 'notSent');
      step.released++;
      continue;
    }
    journal.attempting = g.key;
    writeJournal(journal);
    try {
      MailApp.sendEmail(g.c.to, g.message.subject, g.message.body);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      journal.attempting = undefined;
      writeJournal(journal);
      outcome.set(rows[i], 'notSent');
      if (/too many times/i.test(text)) {
        step.quotaHit = true;
        step.released++;
      } else if (/Invalid email/i.test(text)) {
        notes.set(
          g.c.row,
          t(locale, 'reminders.noteBadEmail', {
            column: headerText(table, table.header.columns.customerEmail ?? 0),
            cell: cellName(table.header.columns.customerEmail ?? 0, g.c.row),
            value: g.c.to,
            why: t(locale, 'reminders.emailRefused', { detail: text }),
          }),
        );
      } else {
        stopError = e;
        step.released++;
      }
      continue;
    }
    journal.sent.push(g.key);
    journal.attempting = undefined;
    writeJournal(journal);
    outcome.set(rows[i], 'sent');
    step.sent++;
    step.emailsUsed++;
  }

  const record = withScriptLock(() => {
    const log = RemindersLog.load(spreadsheet, locale);
    for (const s of ['sent', 'notSent'] as const)
      log.setStatus(
        [...outcome].filter(([, v]) => v === s).map(([r]) => r),
        s,
      );
    const orders = new Map<string, number>();
    go.forEach((g, i) => {
      if (outcome.get(rows[i]) === 'sent') orders.set(g.c.orderId, g.c.row);
    });
    writeCounters(table, log, orders, locale);
    SpreadsheetApp.flush();
    clearJournal();
  }, LOCK_WAIT_MS);
  // Unrecorded now, settled from the journal by the next run.
  if (!record.ran) console.log('Reminders sent but not yet recorded: the next run records them.');
  if (stopError) fail(locale, stopError);
  return step;
}

/** "Mark selected reminders sent": the WhatsApp reminders the merchant sent by hand. */
export function markSelectedSent(): string {
  const locale = uiLocale();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const active = spreadsheet.getActiveSheet();
  if (active.getName() !== 'Reminders') throw new UserError(t(locale, 'reminders.markWrongSheet'));
  const selected = new Set<number>();
  for (const range of spreadsheet.getActiveRangeList()?.getRanges() ?? []) {
    for (let r = Math.max(range.getRow(), 2); r < range.getRow() + range.getNumRows(); r++) selected.add(r);
  }
  const table = readInvoiceTable(invoiceSheet());
  const done = withScriptLock(() => {
    const log = RemindersLog.load(spreadsheet, locale);
    const waiting = log.entries.filter((e) => selected.has(e.row) && e.status === 'toSend');
    if (waiting.length === 0) return 0;
    log.setStatus(
      waiting.map((e) => e.row),
      'sent',
    );
    const at = wibTime(now());
    for (const e of waiting) e.time = at;
    writeCounters(table, log, new Map(waiting.map((e) => [e.orderId, rowOfOrder(table, e.orderId)])), locale);
    SpreadsheetApp.flush();
    return waiting.length;
  }, LOCK_WAIT_MS);
  if (!done.ran) throw new UserError(t(locale, 'reminders.busy'));
  if (done.value === 0) throw new UserError(t(locale, 'reminders.markNone'));
  return t(locale, 'reminders.markDone', { count: done.value });
}

/** The confirmation's text: how many go out, and to whom. */
export function planText(plan: ReminderPlan, locale: Locale): string {
  const names = (list: Candidate[]) => {
    const shown = list
      .slice(0, NAMES_SHOWN)
      .map((c) => `${c.customerName || c.orderId} (${c.to})`)
      .join(', ');
    return list.length > NAMES_SHOWN ? t(locale, 'reminders.andMore', { names: shown, count: list.length - NAMES_SHOWN }) : shown;
  };
  const lines = [t(locale, 'reminders.confirmIntro')];
  const sendable = plan.emails.slice(0, plan.emailQuotaLeft);
  if (sendable.length) lines.push(t(locale, 'reminders.confirmEmails', { count: sendable.length, names: names(sendable) }));
  if (plan.emails.length > sendable.length)
    lines.push(t(locale, 'reminders.confirmCarry', { left: plan.emailQuotaLeft, count: plan.emails.length - sendable.length }));
  if (plan.whatsapp.length)
    lines.push(t(locale, 'reminders.confirmWhatsapp', { count: plan.whatsapp.length, names: names(plan.whatsapp) }));
  if (plan.unknownDue) lines.push(t(locale, 'reminders.confirmUnknown', { count: plan.unknownDue }));
  lines.push(t(locale, 'reminders.confirmCheck'));
  return lines.join('\n\n');
}

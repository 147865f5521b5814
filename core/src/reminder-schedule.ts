/**
 * Payment reminders as pure decisions: which reminder (if any) an invoice is due today, whether its
 * link can still be paid, and in which order a day's reminders go out when the email quota cannot
 * take them all. Days are calendar days in Western Indonesia Time (WIB, UTC+7, no daylight saving),
 * the zone Midtrans and its merchants work in; a reminder "offset" is a whole number of days from
 * the due date (-3 = three days before, 0 = on the day, 7 = a week after).
 *
 * Language-free: every problem is a code with its data; the front ends word it.
 */
import { EMAIL_PATTERN } from './contract';
import { JAKARTA_OFFSET_MS, linkExpiresAt, type LinkSummary } from './link-summary';
import type { PaymentLink } from './types';

const DAY_MS = 86_400_000;

/** 3 days before, 1 day before, on the day, 3 and 7 days after. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-3, -1, 0, 3, 7];
/** A schedule longer than this would remind more often than weekly for a month: refused as a typo. */
export const MAX_REMINDER_OFFSETS = 10;
/** Offsets beyond a year either way are refused as typos. */
export const MAX_OFFSET_DAYS = 365;

/** A WIB calendar day as a whole number of days since 1970-01-01 (WIB). */
export type WibDay = number;

export function wibDay(epochMs: number): WibDay {
  return Math.floor((epochMs + JAKARTA_OFFSET_MS) / DAY_MS);
}

/** `2026-12-05` for a WIB day. */
export function wibDayText(day: WibDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export type OffsetsReading =
  { ok: true; offsets: number[] } | { ok: false; problem: 'empty' | 'not-a-number' | 'out-of-range' | 'too-many'; item?: string };

/**
 * A schedule typed as `-3, -1, 0, +3, +7` (commas, semicolons or spaces); sorted, each once. An
 * empty text is refused (turning reminders off is the switch's job, not an empty schedule's).
 */
export function parseReminderOffsets(text: string): OffsetsReading {
  const items = text.split(/[\s,;]+/).filter((s) => s !== '');
  if (items.length === 0) return { ok: false, problem: 'empty' };
  const out = new Set<number>();
  for (const item of items) {
    if (!/^[+-]?\d+$/.test(item)) return { ok: false, problem: 'not-a-number', item };
    const n = Number(item);
    if (Math.abs(n) > MAX_OFFSET_DAYS) return { ok: false, problem: 'out-of-range', item };
    out.add(n === 0 ? 0 : n);
  }
  if (out.size > MAX_REMINDER_OFFSETS) return { ok: false, problem: 'too-many' };
  return { ok: true, offsets: [...out].sort((a, b) => a - b) };
}

/** `-3, -1, 0, +3, +7`: the form parseReminderOffsets reads back. */
export function formatReminderOffsets(offsets: readonly number[]): string {
  return offsets.map((n) => (n > 0 ? `+${n}` : String(n))).join(', ');
}

export type DueDateReading = { ok: true; day: WibDay } | { ok: false };

/**
 * A Due Date cell: a date value (Sheets hands a date cell over as the instant its day starts in the
 * spreadsheet's zone, so the WIB day of a WIB sheet's date is the day typed) or text written
 * `2026-12-31`, `31/12/2026` or `31-12-2026` (day first, as Indonesia writes dates). Undefined for
 * an empty cell.
 */
export function readDueDate(cell: unknown): DueDateReading | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    const ms = (cell as Date).getTime();
    return Number.isNaN(ms) ? { ok: false } : { ok: true, day: wibDay(ms) };
  }
  const text = String(cell).trim();
  if (text === '') return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : undefined;
  if (!parts) return { ok: false };
  const [y, mo, d] = parts.map(Number);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return { ok: false };
  return { ok: true, day: Math.floor(ms / DAY_MS) };
}

/** The due day of an invoice without a Due Date: the WIB day its link stops taking payments. */
export function dueDayFromLink(link: PaymentLink): WibDay | undefined {
  const at = linkExpiresAt(link);
  return at === undefined ? undefined : wibDay(at - 1);
}

export interface DueReminder {
  offset: number;
  /** The day this reminder fell due (due day + offset). */
  day: WibDay;
  /** Offsets that also passed unsent since the last reminder; only the latest goes out, these never will. */
  superseded: number[];
}

/**
 * The one reminder an invoice is due today, if any: the latest offset whose day has come. When
 * several passed since the last run (reminders just switched on, a day missed) only the latest is
 * sent, and when that one was already sent (or claimed by a run that was cut off) nothing is: an
 * offset is never sent twice, and an earlier one never after a later one.
 */
export function dueReminder(input: {
  dueDay: WibDay;
  today: WibDay;
  offsets: readonly number[];
  sentOffsets: ReadonlySet<number>;
}): DueReminder | undefined {
  const passed = input.offsets.filter((o) => input.dueDay + o <= input.today).sort((a, b) => a - b);
  if (passed.length === 0) return undefined;
  const latest = passed[passed.length - 1];
  if (input.sentOffsets.has(latest)) return undefined;
  const lastSent = Math.max(Number.NEGATIVE_INFINITY, ...[...input.sentOffsets].filter((o) => o < latest));
  return {
    offset: latest,
    day: input.dueDay + latest,
    superseded: passed.filter((o) => o < latest && o > lastSent && !input.sentOffsets.has(o)),
  };
}

/** Why an invoice gets no reminder, from its link's status as Midtrans reports it. */
export type ReminderBlock = 'paid' | 'refunded' | 'under-review' | 'deactivated' | 'expired' | 'multi-use';

/**
 * Undefined when the customer can still pay and has not: no purchase paid, refunded or held for
 * review, and the link neither deleted nor past its expiry (a reminder to pay a link that cannot be
 * paid only confuses). A pending purchase (a virtual account waiting for the transfer) is still
 * unpaid, so it is reminded. A multi-use link (ticketing) is sold to many buyers, not owed by one
 * customer, and is never reminded.
 */
export function reminderBlock(summary: LinkSummary): ReminderBlock | undefined {
  if (summary.usageLimit > 1) return 'multi-use';
  if (summary.paidCount > 0) return 'paid';
  if (summary.word === 'Refunded' || summary.word === 'Partially refunded') return 'refunded';
  if (summary.word === 'Under review') return 'under-review';
  if (summary.deleted) return 'deactivated';
  if (summary.expired) return 'expired';
  return undefined;
}

export interface ReminderCandidate {
  orderId: string;
  row: number;
  dueDay: WibDay;
  reminder: DueReminder;
}

/** Oldest due first (the reminder's own day, then the due date, then the sheet's order). */
export function byOldestDue(a: ReminderCandidate, b: ReminderCandidate): number {
  return a.reminder.day - b.reminder.day || a.dueDay - b.dueDay || a.row - b.row;
}

/** The ledger key of one reminder: an invoice, its due date, an offset. */
export function reminderKey(orderId: string, dueDay: WibDay, offset: number): string {
  return `${orderId}|${wibDayText(dueDay)}|${offset}`;
}

export type AddressReading = { ok: true; address: string } | { ok: false; problem: 'empty' | 'not-an-email' | 'several' };

/** One address a reminder can go to (the contract's email shape); a list or a typo is refused. */
export function reminderEmail(raw: string): AddressReading {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (/[,;\s]/.test(text)) return { ok: false, problem: 'several' };
  return EMAIL_PATTERN.test(text) ? { ok: true, address: text } : { ok: false, problem: 'not-an-email' };
}

/**
 * How many of a day's email reminders go out now: what the daily quota has left, and never more
 * than that, so a run stops before the quota rather than failing part-way through a send.
 */
export function emailCapacity(remainingQuota: number): number {
  return Number.isFinite(remainingQuota) && remainingQuota > 0 ? Math.floor(remainingQuota) : 0;
}

/** `{name}`-style placeholders filled; an unknown one stays as typed so a typo shows. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key.toLowerCase()] ?? whole);
}

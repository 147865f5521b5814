/**
 * The Invoices columns reminders use, found by header name (English, or the Bahasa Indonesia names;
 * the first of each is English, the second the name the add-on writes for a Bahasa user):
 * `Due Date` and `No Reminders` are the merchant's; `Last Reminder` and `Reminders` are the add-on's,
 * added at the end of the header row the first time a reminder is recorded.
 */
import { columnLetter, normaliseHeader } from '@midtrans-pl/core';
import type { Locale } from './i18n/locale';
import type { InvoiceTable } from './invoice-sheet';

const NAMES = {
  dueDate: ['Due Date', 'Jatuh Tempo', 'Tanggal Jatuh Tempo'],
  noReminders: ['No Reminders', 'Tanpa Pengingat'],
  lastReminder: ['Last Reminder', 'Pengingat Terakhir'],
  reminders: ['Reminders', 'Jumlah Pengingat'],
} as const;
export type ReminderColumn = keyof typeof NAMES;

export function reminderColumn(table: InvoiceTable, which: ReminderColumn): number | undefined {
  const wanted = NAMES[which].map(normaliseHeader);
  const i = table.headerRow.findIndex((h) => wanted.includes(normaliseHeader(h)));
  return i < 0 ? undefined : i;
}

/** A1 name of a cell, for a Note that names it: `K7`. */
export function cellName(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** A No Reminders cell that says yes: a ticked checkbox, `yes`, `ya`, `x`, `1`… anything but blank, no, false, 0. */
export function optedOut(cell: unknown): boolean {
  if (cell === true) return true;
  if (cell === false || cell === null || cell === undefined) return false;
  const text = String(cell).trim().toLowerCase();
  return text !== '' && !['no', 'false', '0', 'tidak', 'n'].includes(text);
}

/** Adds the add-on's two columns after the last header when missing, named in `loc`; call under the lock. */
export function ensureCounterColumns(table: InvoiceTable, loc: Locale): { last: number; count: number } {
  const named = (which: 'lastReminder' | 'reminders') => NAMES[which][loc === 'id' ? 1 : 0];
  let last = reminderColumn(table, 'lastReminder');
  let count = reminderColumn(table, 'reminders');
  if (last !== undefined && count !== undefined) return { last, count };
  let width = table.sheet.getLastColumn();
  const add: string[] = [];
  if (last === undefined) {
    last = width++;
    add.push(named('lastReminder'));
  }
  if (count === undefined) {
    count = width++;
    add.push(named('reminders'));
  }
  if (table.sheet.getMaxColumns() < width) table.sheet.insertColumnsAfter(table.sheet.getMaxColumns(), width - table.sheet.getMaxColumns());
  table.sheet.getRange(1, width - add.length + 1, 1, add.length).setValues([add]);
  table.headerRow[last] = named('lastReminder');
  table.headerRow[count] = named('reminders');
  return { last, count };
}

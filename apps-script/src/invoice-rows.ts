/**
 * Every row of one invoice. A multi-line invoice (core line-item-grouping.ts) spans several rows that
 * share its Order ID; copies of an Order ID that were refused (their Status says Error) share it too,
 * so rows are told apart by what the add-on wrote in them: a link, or the Queued mark of the run that
 * is creating it. Found by one TextFinder search and one read of the rows it found, wherever a sort
 * has moved them.
 */
import type { HeaderMap } from '@midtrans-pl/core';
import { HEADER_ROWS } from './invoice-sheet';
import { isQueued } from './link-status';

export function rowsOfInvoice(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: HeaderMap,
  orderId: string,
  mark: 'linked' | 'queued',
): number[] {
  const col = header.columns.orderId;
  const lastRow = sheet.getLastRow();
  if (col === undefined || lastRow <= HEADER_ROWS || orderId === '') return [];
  const found = sheet
    .getRange(HEADER_ROWS + 1, col + 1, lastRow - HEADER_ROWS, 1)
    .createTextFinder(orderId)
    .matchCase(true)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow())
    .sort((a, b) => a - b);
  if (found.length === 0) return [];
  const markCol = mark === 'linked' ? header.columns.paymentLink : header.columns.status;
  if (markCol === undefined) return found;
  const first = found[0];
  const marks = sheet.getRange(first, markCol + 1, found[found.length - 1] - first + 1, 1).getValues();
  return found.filter((r) => {
    const v = String(marks[r - first]?.[0] ?? '').trim();
    return mark === 'linked' ? v !== '' : isQueued(v);
  });
}

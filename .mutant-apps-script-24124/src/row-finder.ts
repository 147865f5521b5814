/**
 * Rows are found by their order id, never by a remembered row number: the merchant may sort, insert
 * or delete rows between a link's creation and its payment, or even during a run.
 */
import type { HeaderMap } from '@midtrans-pl/core';
import { HEADER_ROWS } from './invoice-sheet';

/** The data row whose Order ID cell is exactly `orderId`, by TextFinder (one call, server-side scan). */
export function findRowByOrderId(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: HeaderMap, orderId: string): number | undefined {
  const col = header.columns.orderId;
  const lastRow = sheet.getLastRow();
  if (col === undefined || lastRow <= HEADER_ROWS || orderId === '') return undefined;
  const found = sheet
    .getRange(HEADER_ROWS + 1, col + 1, lastRow - HEADER_ROWS, 1)
    .createTextFinder(orderId)
    .matchCase(true)
    .matchEntireCell(true)
    .findNext();
  return found ? found.getRow() : undefined;
}

/**
 * Where each expected order id is now. One read of the Order ID cells spanning the rows checks them
 * all; only a row that moved costs a TextFinder search.
 */
export function currentRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: HeaderMap,
  expected: { row: number; orderId: string }[],
): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  const col = header.columns.orderId;
  if (col === undefined || expected.length === 0) return out;
  const first = Math.min(...expected.map((e) => e.row));
  const last = Math.max(...expected.map((e) => e.row));
  const values = sheet.getRange(first, col + 1, last - first + 1, 1).getValues();
  for (const e of expected) {
    const there = String(values[e.row - first]?.[0] ?? '').trim();
    out.set(e.orderId, there === e.orderId ? e.row : findRowByOrderId(sheet, header, e.orderId));
  }
  return out;
}

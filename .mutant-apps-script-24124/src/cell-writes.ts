/**
 * Batched writes of a few columns for many rows: one `setValues` per block of contiguous rows ×
 * adjacent columns, so a chunk of 20 consecutive rows costs one call in the template layout, and
 * nothing outside the given columns is ever written (no clobbering a column the merchant owns or a
 * cell another execution wrote a moment ago).
 */
import type { HeaderMap, SheetColumn } from '@midtrans-pl/core';

/**
 * Google Sheets holds at most 50,000 characters in a cell and refuses the whole setValues beyond that
 * (Sheets' documented limit; not in our reference, modelled by the emulator). A longer text (an error
 * body a gateway filled with a page) would otherwise stop the run with its chunk's rows left Queued, on
 * every rerun; so it is shortened, and says so.
 */
export const CELL_MAX_CHARS = 50_000;

export function fitCell(text: string): string {
  if (text.length <= CELL_MAX_CHARS) return text;
  const tail = ` … (shortened from ${text.length} characters)`;
  return text.slice(0, CELL_MAX_CHARS - tail.length) + tail;
}

export interface RowUpdate {
  row: number;
  values: Partial<Record<SheetColumn, string>>;
}

/** Runs of consecutive integers, ascending. */
export function runsOf(numbers: number[]): { start: number; length: number }[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: { start: number; length: number }[] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === n) last.length++;
    else runs.push({ start: n, length: 1 });
  }
  return runs;
}

/** Writes each update's values; returns the number of `setValues` calls made. */
export function writeRowUpdates(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: HeaderMap, updates: RowUpdate[]): number {
  // Rows that write the same set of columns can share blocks.
  const groups = new Map<string, RowUpdate[]>();
  for (const u of updates) {
    const cols = (Object.keys(u.values) as SheetColumn[]).filter((c) => header.columns[c] !== undefined).sort();
    if (cols.length === 0) continue;
    const key = cols.join(',');
    const list = groups.get(key) ?? [];
    list.push(u);
    groups.set(key, list);
  }
  let calls = 0;
  for (const [key, list] of groups) {
    const columns = key.split(',') as SheetColumn[];
    const byRow = new Map(list.map((u) => [u.row, u] as const));
    const colRuns = runsOf(columns.map((c) => header.columns[c] as number));
    const columnAt = new Map(columns.map((c) => [header.columns[c] as number, c] as const));
    for (const rowRun of runsOf(list.map((u) => u.row))) {
      for (const colRun of colRuns) {
        const block: string[][] = [];
        for (let r = 0; r < rowRun.length; r++) {
          const u = byRow.get(rowRun.start + r) as RowUpdate;
          const line: string[] = [];
          for (let c = 0; c < colRun.length; c++) line.push(fitCell(u.values[columnAt.get(colRun.start + c) as SheetColumn] ?? ''));
          block.push(line);
        }
        sheet.getRange(rowRun.start, colRun.start + 1, rowRun.length, colRun.length).setValues(block);
        calls++;
      }
    }
  }
  return calls;
}

/**
 * Plain-text format (`@`) on the columns we write, for the given rows. Chosen over a leading
 * apostrophe: the stored value stays exactly what Midtrans or the merchant gave (no `'` in getValues,
 * exports or n8n reads), a generated order id like `0012` or a date-like Paid At is never coerced to
 * a number or a locale date, and a value starting with `=` stays text. Every writer (generation,
 * Refresh, Deactivate, doPost) formats the cells it is about to write, since a merchant may paste
 * links into rows the add-on never formatted.
 */
export function formatAsText(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: HeaderMap, columns: SheetColumn[], rows: number[]): number {
  const indexes = columns.map((c) => header.columns[c]).filter((c): c is number => c !== undefined);
  if (indexes.length === 0 || rows.length === 0) return 0;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  let calls = 0;
  for (const colRun of runsOf(indexes)) {
    sheet.getRange(first, colRun.start + 1, last - first + 1, colRun.length).setNumberFormat('@');
    calls++;
  }
  return calls;
}

/**
 * Sorting rows of a rectangle the way Sheets orders values: numbers and dates first, then text
 * (case-insensitive), then booleans; empty cells always last, whatever the direction. Stable.
 * Whole cells move (value, formula, format), only within the rectangle's columns.
 */
import { Cell, isDate, isEmptyCell } from './cell-values';
import type { EmuSheet } from './sheet';

export interface SortSpec {
  /** absolute sheet column, 1-based */
  column: number;
  ascending: boolean;
}

function rank(c: Cell): number {
  const v = c.value;
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareCells(a: Cell | undefined, b: Cell | undefined, ascending: boolean): number {
  const ea = isEmptyCell(a);
  const eb = isEmptyCell(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  const x = a as Cell;
  const y = b as Cell;
  let d = rank(x) - rank(y);
  if (d === 0) {
    const vx = x.value;
    const vy = y.value;
    if (typeof vx === 'string' && typeof vy === 'string') d = vx.localeCompare(vy, 'en', { sensitivity: 'base' });
    else d = Number(vx) - Number(vy);
  }
  return ascending ? d : -d;
}

export function sortRows(sheet: EmuSheet, row: number, column: number, numRows: number, numColumns: number, specs: SortSpec[]): void {
  const block: Array<Array<Cell | undefined>> = [];
  for (let r = 0; r < numRows; r++) {
    const line: Array<Cell | undefined> = [];
    for (let c = 0; c < numColumns; c++) line.push(sheet.peek(row + r, column + c));
    block.push(line);
  }
  const indexed = block.map((line, i) => ({ line, i }));
  indexed.sort((p, q) => {
    for (const s of specs) {
      const d = compareCells(p.line[s.column - column], q.line[s.column - column], s.ascending);
      if (d !== 0) return d;
    }
    return p.i - q.i;
  });
  indexed.forEach(({ line }, r) => {
    const target = (sheet.rows[row + r - 1] ??= []);
    line.forEach((cell, c) => {
      target[column + c - 1] = cell;
    });
  });
}

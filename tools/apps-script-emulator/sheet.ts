/// <reference types="google-apps-script" />
/**
 * Sheet: a grid of cells with Sheets' dimensions (a new sheet is 1000 × 26) and its strictness
 * (1-based coordinates, ranges must lie inside the grid). Every method is a counted service call.
 */
import { parseA1 } from './a1-notation';
import { EmuChartBuilder, EmuEmbeddedChart, SheetCharts } from './charts';
import { Cell, emptyCell, isEmptyCell, writeValue } from './cell-values';
import { asGas, GasRange, GasRangeList, GasSheet, GasSpreadsheet, GasTextFinder, signatureError } from './gas-types';
import { EmuRange, EmuRangeList } from './range';
import { SheetContext } from './sheet-context';
import { sortRows, SortSpec } from './sort-rows';
import { EmuTextFinder } from './text-finder';
import type { EmuSpreadsheet } from './spreadsheet';

export const OUTSIDE_MESSAGE = 'The coordinates of the range are outside the dimensions of the sheet.';

type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertRowBefore'
  | 'insertColumnsAfter'
  | 'appendRow'
  | 'deleteRow'
  | 'deleteRows'
  | 'getFrozenRows'
  | 'setFrozenRows'
  | 'getFrozenColumns'
  | 'setFrozenColumns'
  | 'sort'
  | 'createTextFinder'
  | 'activate'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveRangeList'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'clear'
  | 'clearContents'
  | 'autoResizeColumns'
  | 'autoResizeColumn'
  | 'setColumnWidth'
  | 'getColumnWidth';

function copyCell(c: Cell | undefined): Cell | undefined {
  return c ? { ...c } : undefined;
}

export class EmuSheet implements Pick<GasSheet, SheetMethods> {
  /** rows[r][c] with 0-based indexes; missing = empty cell with the default format */
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  private readonly columnWidths = new Map<number, number>();
  /** Embedded charts (charts.ts). */
  readonly charts: SheetCharts;

  constructor(
    readonly ctx: SheetContext,
    readonly parent: EmuSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {
    this.charts = new SheetCharts(ctx, this);
  }

  // ---- cell store (not service calls) ------------------------------------------------------------
  peek(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  cellForWrite(row: number, column: number): Cell {
    const r = (this.rows[row - 1] ??= []);
    return (r[column - 1] ??= emptyCell());
  }

  contentLastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rows[r - 1]?.some((c) => !isEmptyCell(c))) return r;
    return 0;
  }

  contentLastColumn(): number {
    let last = 0;
    for (const row of this.rows) if (row) for (let c = row.length; c > last; c--) if (!isEmptyCell(row[c - 1])) last = c;
    return last;
  }

  // ---- undo of unflushed writes (unflushed-writes.ts; taken only when the call is accepted) --------
  private remember(undo: () => void): void {
    this.ctx.meter.rememberWrite(undo);
  }

  /** Before a write to a rectangle: its cells as they are, and any row the write will create. */
  rememberCells(row: number, column: number, numRows: number, numColumns: number): void {
    if (!this.ctx.meter.tracking) return;
    const lengthBefore = this.rows.length;
    const saved: Array<{ index: number; width: number; cells: Array<Cell | undefined> } | { index: number; missing: true }> = [];
    for (let r = row; r <= Math.min(row + numRows - 1, lengthBefore); r++) {
      const line = this.rows[r - 1];
      const width = Math.max(0, Math.min(numColumns, (line?.length ?? 0) - (column - 1)));
      if (!line) saved.push({ index: r - 1, missing: true });
      else saved.push({ index: r - 1, width: line.length, cells: Array.from({ length: width }, (_, i) => copyCell(line[column - 1 + i])) });
    }
    this.remember(() => {
      const rows = this.rows;
      if (rows.length > lengthBefore) rows.length = lengthBefore;
      for (const s of saved) {
        if ('missing' in s) {
          rows[s.index] = undefined;
          continue;
        }
        const line = (rows[s.index] ??= []);
        s.cells.forEach((c, i) => {
          line[column - 1 + i] = c;
        });
        if (line.length > s.width) line.length = s.width;
      }
    });
  }

  /** Before a change of name, size, frozen rows or column widths. */
  rememberShape(): void {
    if (!this.ctx.meter.tracking) return;
    const { name, maxRows, maxColumns, frozenRows, frozenColumns } = this;
    const widths = new Map(this.columnWidths);
    this.remember(() => {
      Object.assign(this, { name, maxRows, maxColumns, frozenRows, frozenColumns });
      this.columnWidths.clear();
      for (const [k, v] of widths) this.columnWidths.set(k, v);
    });
  }

  /** Before a change that moves or replaces cells across the sheet (row insertion or deletion, sort, clear). */
  rememberWholeSheet(): void {
    if (!this.ctx.meter.tracking) return;
    this.rememberShape();
    const rows = this.rows.map((line) => line?.map(copyCell));
    this.remember(() => {
      this.rows = rows;
    });
  }

  makeRange(row: number, column: number, numRows: number, numColumns: number): EmuRange {
    if (!Number.isInteger(row) || !Number.isInteger(column)) throw signatureError([row, column], 'SpreadsheetApp.Sheet.getRange');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (column < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    return new EmuRange(this, row, column, numRows, numColumns);
  }

  rangeFromA1(a1: string): EmuRange {
    const p = parseA1(a1);
    if (!p || p.startRow === null || p.startColumn === null) throw new Error('Range not found');
    const endRow = p.endRow ?? this.maxRows;
    const endColumn = p.endColumn ?? this.maxColumns;
    if (endRow > this.maxRows || endColumn > this.maxColumns) throw new Error('Range not found');
    return this.makeRange(p.startRow, p.startColumn, endRow - p.startRow + 1, endColumn - p.startColumn + 1);
  }

  private local(method: string): void {
    this.ctx.meter.record(`Sheet.${method}`, 'sheet-local');
  }

  private read(method: string, cells = 0): void {
    this.ctx.meter.record(`Sheet.${method}`, 'sheet-read', { cells });
  }

  private write(method: string, cells = 0): void {
    this.ctx.meter.record(`Sheet.${method}`, 'sheet-write', { cells });
  }

  // ---- Sheet API -------------------------------------------------------------------------------
  getName(): string {
    this.local('getName');
    return this.name;
  }

  setName(name: string): GasSheet {
    this.write('setName');
    this.rememberShape();
    const clash = this.parent.sheets.find((s) => s !== this && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return asGas(this);
  }

  getSheetId(): number {
    this.local('getSheetId');
    return this.sheetId;
  }

  getIndex(): number {
    this.local('getIndex');
    return this.parent.sheets.indexOf(this) + 1;
  }

  getParent(): GasSpreadsheet {
    this.local('getParent');
    return asGas(this.parent);
  }

  getRange(row: number, column: number): GasRange;
  getRange(row: number, column: number, numRows: number): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    this.local('getRange');
    if (typeof a === 'string') {
      if (column !== undefined) throw signatureError([a, column], 'SpreadsheetApp.Sheet.getRange');
      return asGas(this.rangeFromA1(a));
    }
    if (typeof a !== 'number' || typeof column !== 'number') throw signatureError([a, column], 'SpreadsheetApp.Sheet.getRange');
    return asGas(this.makeRange(a, column, numRows ?? 1, numColumns ?? 1));
  }

  getRangeList(a1Notations: string[]): GasRangeList {
    this.local('getRangeList');
    return asGas(
      new EmuRangeList(
        this.ctx,
        a1Notations.map((a) => this.rangeFromA1(a)),
      ),
    );
  }

  getDataRange(): GasRange {
    this.read('getDataRange');
    return asGas(this.makeRange(1, 1, Math.max(1, this.contentLastRow()), Math.max(1, this.contentLastColumn())));
  }

  getLastRow(): number {
    this.read('getLastRow');
    return this.contentLastRow();
  }

  getLastColumn(): number {
    this.read('getLastColumn');
    return this.contentLastColumn();
  }

  getMaxRows(): number {
    this.local('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.local('getMaxColumns');
    return this.maxColumns;
  }

  /** Inserts `howMany` empty rows before 1-based `row`, moving cells down. */
  private spliceRows(row: number, howMany: number): void {
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('The number of rows to insert must be at least 1.');
    const blanks: Array<undefined> = new Array(howMany).fill(undefined);
    if (this.rows.length >= row - 1) this.rows.splice(row - 1, 0, ...blanks);
    this.maxRows += howMany;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.write('insertRowsAfter');
    this.rememberWholeSheet();
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    this.spliceRows(afterPosition + 1, howMany);
    return asGas(this);
  }

  insertRowAfter(afterPosition: number): GasSheet {
    this.write('insertRowAfter');
    this.rememberWholeSheet();
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    this.spliceRows(afterPosition + 1, 1);
    return asGas(this);
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.write('insertRowsBefore');
    this.rememberWholeSheet();
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    this.spliceRows(beforePosition, howMany);
    return asGas(this);
  }

  insertRowBefore(beforePosition: number): GasSheet {
    this.write('insertRowBefore');
    this.rememberWholeSheet();
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    this.spliceRows(beforePosition, 1);
    return asGas(this);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.write('insertColumnsAfter');
    this.rememberWholeSheet();
    if (afterPosition < 1 || afterPosition > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    for (const r of this.rows) if (r && r.length > afterPosition) r.splice(afterPosition, 0, ...new Array(howMany).fill(undefined));
    this.maxColumns += howMany;
    return asGas(this);
  }

  appendRow(rowContents: unknown[]): GasSheet {
    if (!Array.isArray(rowContents)) {
      this.write('appendRow');
      throw signatureError([rowContents], 'SpreadsheetApp.Sheet.appendRow');
    }
    this.write('appendRow', rowContents.length);
    const row = this.contentLastRow() + 1;
    this.rememberShape();
    this.rememberCells(row, 1, 1, Math.max(1, rowContents.length));
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    rowContents.forEach((v, i) => writeValue(this.cellForWrite(row, i + 1), v, this.ctx.timeZone()));
    return asGas(this);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.write('deleteRow');
    this.rememberWholeSheet();
    this.removeRows(rowPosition, 1);
    return asGas(this);
  }

  deleteRows(rowPosition: number, howMany: number): GasSheet {
    this.write('deleteRows');
    this.rememberWholeSheet();
    this.removeRows(rowPosition, howMany);
    return asGas(this);
  }

  private removeRows(row: number, howMany: number): void {
    if (row < 1 || howMany < 1 || row + howMany - 1 > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.rows.splice(row - 1, howMany);
    this.maxRows -= howMany;
  }

  getFrozenRows(): number {
    this.read('getFrozenRows');
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.write('setFrozenRows');
    this.rememberShape();
    if (rows < 0 || rows > this.maxRows) throw new Error(OUTSIDE_MESSAGE);
    this.frozenRows = rows;
  }

  getFrozenColumns(): number {
    this.read('getFrozenColumns');
    return this.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.write('setFrozenColumns');
    this.rememberShape();
    if (columns < 0 || columns > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    this.frozenColumns = columns;
  }

  /** Sorts every row below the frozen rows by one column (Sheet.sort keeps frozen header rows in place). */
  sort(columnPosition: number, ascending = true): GasSheet {
    const first = this.frozenRows + 1;
    const last = this.contentLastRow();
    const cells = Math.max(0, last - first + 1) * this.contentLastColumn();
    this.write('sort', cells);
    this.rememberWholeSheet();
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    if (last >= first) {
      const width = Math.max(this.contentLastColumn(), columnPosition);
      sortRows(this, first, 1, last - first + 1, width, [{ column: columnPosition, ascending }] as SortSpec[]);
    }
    return asGas(this);
  }

  createTextFinder(findText: string): GasTextFinder {
    this.local('createTextFinder');
    return asGas(
      new EmuTextFinder(this.ctx, () => [{ sheet: this, row: 1, column: 1, numRows: this.maxRows, numColumns: this.maxColumns }], findText),
    );
  }

  activate(): GasSheet {
    this.local('activate');
    this.parent.selectSheet(this);
    return asGas(this);
  }

  setActiveRange(range: GasRange): GasRange {
    this.local('setActiveRange');
    const r = EmuRange.from(range, 'SpreadsheetApp.Sheet.setActiveRange');
    this.parent.select(this, [r]);
    return range;
  }

  setActiveSelection(range: GasRange): GasRange;
  setActiveSelection(a1Notation: string): GasRange;
  setActiveSelection(x: GasRange | string): GasRange {
    this.local('setActiveSelection');
    const r = typeof x === 'string' ? this.rangeFromA1(x) : EmuRange.from(x, 'SpreadsheetApp.Sheet.setActiveSelection');
    this.parent.select(this, [r]);
    return asGas(r);
  }

  setActiveRangeList(rangeList: GasRangeList): GasRangeList {
    this.local('setActiveRangeList');
    const list = EmuRangeList.from(rangeList);
    this.parent.select(this, list.ranges);
    return rangeList;
  }

  getActiveRange(): GasRange | null {
    this.local('getActiveRange');
    return asGas(this.parent.activeSheet === this ? (this.parent.activeRanges[this.parent.activeRanges.length - 1] ?? null) : null);
  }

  getActiveRangeList(): GasRangeList | null {
    this.local('getActiveRangeList');
    if (this.parent.activeSheet !== this || this.parent.activeRanges.length === 0) return null;
    return asGas(new EmuRangeList(this.ctx, this.parent.activeRanges));
  }

  // ---- embedded charts (charts.ts) -----------------------------------------------------------------
  newChart(): EmuChartBuilder {
    return this.charts.newChart();
  }

  insertChart(chart: unknown): void {
    this.charts.insert(chart);
  }

  getCharts(): EmuEmbeddedChart[] {
    return this.charts.get();
  }

  removeChart(chart: unknown): void {
    this.charts.remove(chart);
  }

  updateChart(chart: unknown): void {
    this.charts.update(chart);
  }

  clear(): GasSheet {
    this.write('clear');
    this.rememberWholeSheet();
    this.rows = [];
    return asGas(this);
  }

  clearContents(): GasSheet {
    this.write('clearContents');
    this.rememberWholeSheet();
    for (const r of this.rows)
      if (r)
        for (const c of r)
          if (c) {
            c.value = '';
            c.formula = '';
          }
    return asGas(this);
  }

  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.write('autoResizeColumns');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    return asGas(this);
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    this.write('autoResizeColumn');
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    return asGas(this);
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.write('setColumnWidth');
    this.rememberShape();
    if (columnPosition < 1 || columnPosition > this.maxColumns) throw new Error(OUTSIDE_MESSAGE);
    this.columnWidths.set(columnPosition, width);
    return asGas(this);
  }

  getColumnWidth(columnPosition: number): number {
    this.read('getColumnWidth');
    return this.columnWidths.get(columnPosition) ?? 100;
  }
}

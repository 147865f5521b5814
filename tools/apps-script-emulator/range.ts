/// <reference types="google-apps-script" />
/**
 * Range and RangeList. Values are read from and written to the sheet's cells on each call (no copies are
 * shared with the script); shapes are checked with Sheets' own messages; each call is counted with the
 * number of cells it touches.
 */
import { toA1 } from './a1-notation';
import { Cell, DEFAULT_NUMBER_FORMAT, displayValue, isDate, isEmptyCell, writeFormula, writeValue } from './cell-values';
import { asGas, GasRange, GasRangeList, GasSheet, GasTextFinder, signatureError } from './gas-types';
import { SheetContext } from './sheet-context';
import { sortRows, SortSpec } from './sort-rows';
import { EmuTextFinder } from './text-finder';
import type { EmuSheet } from './sheet';

type RangeMethods =
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getHeight'
  | 'getWidth'
  | 'getSheet'
  | 'getValues'
  | 'getDisplayValues'
  | 'getValue'
  | 'getDisplayValue'
  | 'setValues'
  | 'setValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'getCell'
  | 'offset'
  | 'isBlank'
  | 'sort'
  | 'createTextFinder'
  | 'activate'
  | 'setBackground'
  | 'setFontWeight'
  | 'setFontColor'
  | 'setWrap'
  | 'setNote'
  | 'getNote';

function copyValue(v: Cell['value']): Cell['value'] {
  return isDate(v) ? new Date(v.getTime()) : v;
}

export class EmuRange implements Pick<GasRange, RangeMethods> {
  constructor(
    readonly sheet: EmuSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  /** Accepts only ranges made by this emulator (a foreign object fails like a wrong argument in Apps Script). */
  static from(x: unknown, method: string): EmuRange {
    if (x instanceof EmuRange) return x;
    throw signatureError([x], method);
  }

  private get ctx(): SheetContext {
    return this.sheet.ctx;
  }

  get cells(): number {
    return this.numRows * this.numColumns;
  }

  a1(): string {
    return toA1(this.row, this.column, this.numRows, this.numColumns);
  }

  private local(method: string): void {
    this.ctx.meter.record(`Range.${method}`, 'sheet-local');
  }

  private read(method: string, cells = this.cells): void {
    this.ctx.meter.record(`Range.${method}`, 'sheet-read', { cells });
  }

  private write(method: string, cells = this.cells): void {
    this.ctx.meter.record(`Range.${method}`, 'sheet-write', { cells });
    this.rememberForUndo();
  }

  /** Remembers the cells as they are so a cut can undo this unflushed write. */
  private rememberForUndo(): void {
    this.sheet.rememberCells(this.row, this.column, this.numRows, this.numColumns);
  }

  /** A write whose data is checked first: a refused shape writes nothing. */
  private checkedWrite(method: string, data: unknown): unknown[][] {
    this.ctx.meter.record(`Range.${method}`, 'sheet-write', { cells: this.cells });
    const rows = this.checkShape(data, method);
    this.rememberForUndo();
    return rows;
  }

  private grid<T>(f: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.numColumns; c++) line.push(f(this.sheet.peek(this.row + r, this.column + c)));
      out.push(line);
    }
    return out;
  }

  private forEachCell(f: (cell: Cell, r: number, c: number) => void): void {
    for (let r = 0; r < this.numRows; r++)
      for (let c = 0; c < this.numColumns; c++) f(this.sheet.cellForWrite(this.row + r, this.column + c), r, c);
  }

  /** Sheets' shape check for setValues / setFormulas / setNumberFormats. */
  private checkShape(data: unknown, method: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw signatureError([data], `SpreadsheetApp.Range.${method}`);
    if (data.length !== this.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  getA1Notation(): string {
    this.local('getA1Notation');
    return this.a1();
  }

  getRow(): number {
    this.local('getRow');
    return this.row;
  }

  getColumn(): number {
    this.local('getColumn');
    return this.column;
  }

  getLastRow(): number {
    this.local('getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.local('getLastColumn');
    return this.column + this.numColumns - 1;
  }

  getNumRows(): number {
    this.local('getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.local('getNumColumns');
    return this.numColumns;
  }

  getHeight(): number {
    this.local('getHeight');
    return this.numRows;
  }

  getWidth(): number {
    this.local('getWidth');
    return this.numColumns;
  }

  getSheet(): GasSheet {
    this.local('getSheet');
    return asGas(this.sheet);
  }

  getValues(): any[][] {
    this.read('getValues');
    return this.grid((c) => (c ? copyValue(c.value) : ''));
  }

  getDisplayValues(): string[][] {
    this.read('getDisplayValues');
    const tz = this.ctx.timeZone();
    return this.grid((c) => (c ? displayValue(c, tz) : ''));
  }

  getValue(): any {
    this.read('getValue', 1);
    const c = this.sheet.peek(this.row, this.column);
    return c ? copyValue(c.value) : '';
  }

  getDisplayValue(): string {
    this.read('getDisplayValue', 1);
    const c = this.sheet.peek(this.row, this.column);
    return c ? displayValue(c, this.ctx.timeZone()) : '';
  }

  setValues(values: any[][]): GasRange {
    const data = this.checkedWrite('setValues', values);
    const tz = this.ctx.timeZone();
    // Validate every value before writing any, so a refused write changes nothing.
    const probe = { value: '', formula: '', numberFormat: DEFAULT_NUMBER_FORMAT } as Cell;
    for (const row of data) for (const v of row) writeValue(probe, v, tz);
    this.forEachCell((cell, r, c) => writeValue(cell, data[r][c], tz));
    return asGas(this);
  }

  setValue(value: any): GasRange {
    this.write('setValue');
    const tz = this.ctx.timeZone();
    this.forEachCell((cell) => writeValue(cell, value, tz));
    return asGas(this);
  }

  getFormulas(): string[][] {
    this.read('getFormulas');
    return this.grid((c) => c?.formula ?? '');
  }

  getFormula(): string {
    this.read('getFormula', 1);
    return this.sheet.peek(this.row, this.column)?.formula ?? '';
  }

  setFormula(formula: string): GasRange {
    this.write('setFormula');
    this.forEachCell((cell) => writeFormula(cell, formula));
    return asGas(this);
  }

  setFormulas(formulas: string[][]): GasRange {
    const data = this.checkedWrite('setFormulas', formulas);
    this.forEachCell((cell, r, c) => writeFormula(cell, String(data[r][c] ?? '')));
    return asGas(this);
  }

  getNumberFormat(): string {
    this.read('getNumberFormat', 1);
    return this.sheet.peek(this.row, this.column)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  getNumberFormats(): string[][] {
    this.read('getNumberFormats');
    return this.grid((c) => c?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  setNumberFormat(numberFormat: string): GasRange {
    this.write('setNumberFormat');
    this.forEachCell((cell) => {
      cell.numberFormat = numberFormat;
    });
    return asGas(this);
  }

  setNumberFormats(numberFormats: any[][]): GasRange {
    const data = this.checkedWrite('setNumberFormats', numberFormats);
    this.forEachCell((cell, r, c) => {
      cell.numberFormat = String(data[r][c]);
    });
    return asGas(this);
  }

  clear(): GasRange {
    this.write('clear');
    this.forEachCell((cell) => {
      cell.value = '';
      cell.formula = '';
      cell.numberFormat = DEFAULT_NUMBER_FORMAT;
      cell.note = undefined;
      cell.background = undefined;
    });
    return asGas(this);
  }

  clearContent(): GasRange {
    this.write('clearContent');
    this.forEachCell((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return asGas(this);
  }

  clearFormat(): GasRange {
    this.write('clearFormat');
    this.forEachCell((cell) => {
      cell.numberFormat = DEFAULT_NUMBER_FORMAT;
      cell.background = undefined;
    });
    return asGas(this);
  }

  /** 1-based, relative to this range; must lie inside it. */
  getCell(row: number, column: number): GasRange {
    this.local('getCell');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) throw new Error(`Cell reference out of range`);
    return asGas(this.sheet.makeRange(this.row + row - 1, this.column + column - 1, 1, 1));
  }

  offset(rowOffset: number, columnOffset: number): GasRange;
  offset(rowOffset: number, columnOffset: number, numRows: number): GasRange;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): GasRange;
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    this.local('offset');
    return asGas(
      this.sheet.makeRange(this.row + rowOffset, this.column + columnOffset, numRows ?? this.numRows, numColumns ?? this.numColumns),
    );
  }

  isBlank(): boolean {
    this.read('isBlank');
    return this.grid((c) => isEmptyCell(c)).every((row) => row.every(Boolean));
  }

  /**
   * sort(column) | sort({column, ascending}) | sort([...]) with absolute column numbers, as in Apps Script.
   * A column outside the range is refused.
   */
  sort(sortSpecObj: any): GasRange {
    this.write('sort');
    const list: unknown[] = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const specs: SortSpec[] = list.map((s) => {
      const spec = typeof s === 'number' ? { column: s, ascending: true } : (s as { column?: unknown; ascending?: unknown });
      if (!spec || typeof spec.column !== 'number') throw new Error('Invalid sort spec: column is required.');
      if (spec.column < this.column || spec.column > this.column + this.numColumns - 1) {
        throw new Error(`Sort column ${spec.column} is outside the range ${this.a1()}.`);
      }
      return { column: spec.column, ascending: spec.ascending !== false };
    });
    sortRows(this.sheet, this.row, this.column, this.numRows, this.numColumns, specs);
    return asGas(this);
  }

  createTextFinder(findText: string): GasTextFinder {
    this.local('createTextFinder');
    return asGas(
      new EmuTextFinder(
        this.ctx,
        () => [{ sheet: this.sheet, row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns }],
        findText,
      ),
    );
  }

  activate(): GasRange {
    this.local('activate');
    this.sheet.parent.select(this.sheet, [this]);
    return asGas(this);
  }

  setBackground(color: string | null): GasRange {
    this.write('setBackground');
    this.forEachCell((cell) => {
      cell.background = color ?? undefined;
    });
    return asGas(this);
  }

  setFontWeight(fontWeight: string | null): GasRange {
    this.write('setFontWeight');
    this.forEachCell((cell) => {
      cell.fontWeight = fontWeight ?? undefined;
    });
    return asGas(this);
  }

  setFontColor(_color: string | null): GasRange {
    this.write('setFontColor');
    return asGas(this);
  }

  setWrap(_isWrapEnabled: boolean | null): GasRange {
    this.write('setWrap');
    return asGas(this);
  }

  setNote(note: string | null): GasRange {
    this.write('setNote');
    this.forEachCell((cell) => {
      cell.note = note ?? undefined;
    });
    return asGas(this);
  }

  getNote(): string {
    this.read('getNote', 1);
    return this.sheet.peek(this.row, this.column)?.note ?? '';
  }
}

type RangeListMethods = 'getRanges' | 'setValue' | 'setNumberFormat' | 'clearContent' | 'activate' | 'setBackground' | 'setFontWeight';

export class EmuRangeList implements Pick<GasRangeList, RangeListMethods> {
  constructor(
    private readonly ctx: SheetContext,
    readonly ranges: EmuRange[],
  ) {}

  static from(x: unknown): EmuRangeList {
    if (x instanceof EmuRangeList) return x;
    throw signatureError([x], 'SpreadsheetApp.RangeList');
  }

  private get cells(): number {
    return this.ranges.reduce((n, r) => n + r.cells, 0);
  }

  private write(method: string): void {
    this.ctx.meter.record(`RangeList.${method}`, 'sheet-write', { cells: this.cells });
    for (const r of this.ranges) r.sheet.rememberCells(r.row, r.column, r.numRows, r.numColumns);
  }

  private each(f: (cell: Cell) => void): void {
    for (const r of this.ranges) {
      for (let i = 0; i < r.numRows; i++) for (let j = 0; j < r.numColumns; j++) f(r.sheet.cellForWrite(r.row + i, r.column + j));
    }
  }

  getRanges(): GasRange[] {
    this.ctx.meter.record('RangeList.getRanges', 'sheet-local');
    return this.ranges.map((r) => asGas<GasRange>(r));
  }

  setValue(value: any): GasRangeList {
    this.write('setValue');
    const tz = this.ctx.timeZone();
    this.each((cell) => writeValue(cell, value, tz));
    return asGas(this);
  }

  setNumberFormat(format: string): GasRangeList {
    this.write('setNumberFormat');
    this.each((cell) => {
      cell.numberFormat = format;
    });
    return asGas(this);
  }

  clearContent(): GasRangeList {
    this.write('clearContent');
    this.each((cell) => {
      cell.value = '';
      cell.formula = '';
    });
    return asGas(this);
  }

  setBackground(color: string | null): GasRangeList {
    this.write('setBackground');
    this.each((cell) => {
      cell.background = color ?? undefined;
    });
    return asGas(this);
  }

  setFontWeight(fontWeight: string | null): GasRangeList {
    this.write('setFontWeight');
    this.each((cell) => {
      cell.fontWeight = fontWeight ?? undefined;
    });
    return asGas(this);
  }

  activate(): GasRangeList {
    this.ctx.meter.record('RangeList.activate', 'sheet-local');
    const first = this.ranges[0];
    if (first) first.sheet.parent.select(first.sheet, this.ranges);
    return asGas(this);
  }
}

/// <reference types="google-apps-script" />
/**
 * Spreadsheet (sheets, selection, toast, text search) and the SpreadsheetApp service. A bound script sees
 * the spreadsheet through getActiveSpreadsheet(); a standalone web app gets null there and must openById.
 */
import { parseA1 } from './a1-notation';
import { asGas, GasRange, GasRangeList, GasSelection, GasSheet, GasSpreadsheet, GasTextFinder, GasUi, signatureError } from './gas-types';
import { EmuRange, EmuRangeList } from './range';
import { EmuSheet } from './sheet';
import { SheetContext } from './sheet-context';
import { EmuTextFinder } from './text-finder';
import { EmuUi, UiRecord } from './ui';

type SpreadsheetMethods =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheets'
  | 'getSheetByName'
  | 'getNumSheets'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'setActiveRange'
  | 'setActiveRangeList'
  | 'setActiveSelection'
  | 'getSelection'
  | 'getCurrentCell'
  | 'getRange'
  | 'getRangeList'
  | 'toast'
  | 'createTextFinder'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale';

export class EmuSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethods> {
  readonly sheets: EmuSheet[] = [];
  activeSheet: EmuSheet;
  activeRanges: EmuRange[] = [];
  private nextSheetId = 0;
  /** Whether someone is at the sheet to see a toast (set by createAppsScript from the execution's context). */
  toastAudience: () => boolean = () => true;

  constructor(
    readonly ctx: SheetContext,
    readonly id: string,
    public name: string,
    public timeZone: string,
    private readonly ui: UiRecord,
  ) {
    this.activeSheet = this.addSheet('Sheet1', 0);
    this.activeRanges = [this.activeSheet.makeRange(1, 1, 1, 1)];
  }

  // ---- not service calls ---------------------------------------------------------------------------
  addSheet(name: string, index: number): EmuSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new EmuSheet(this.ctx, this, name, this.nextSheetId === 0 ? 0 : 100000 + this.nextSheetId * 7919);
    this.nextSheetId++;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetNamed(name: string): EmuSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  selectSheet(sheet: EmuSheet): void {
    this.activeSheet = sheet;
    this.activeRanges = [sheet.makeRange(1, 1, 1, 1)];
  }

  select(sheet: EmuSheet, ranges: EmuRange[]): void {
    this.activeSheet = sheet;
    this.activeRanges = ranges.slice();
  }

  private local(method: string): void {
    this.ctx.meter.record(`Spreadsheet.${method}`, 'sheet-local');
  }

  private read(method: string): void {
    this.ctx.meter.record(`Spreadsheet.${method}`, 'sheet-read');
  }

  /** Also remembers the sheet list, name and time zone so a cut can undo this unflushed write (unflushed-writes.ts). */
  private write(method: string): void {
    this.ctx.meter.record(`Spreadsheet.${method}`, 'sheet-write');
    if (!this.ctx.meter.tracking) return;
    const { name, timeZone, activeSheet } = this;
    const sheets = this.sheets.slice();
    const activeRanges = this.activeRanges.slice();
    this.ctx.meter.rememberWrite(() => {
      this.sheets.splice(0, this.sheets.length, ...sheets);
      Object.assign(this, { name, timeZone, activeSheet, activeRanges });
    });
  }

  private rangeFromA1(a1: string): EmuRange {
    const p = parseA1(a1);
    if (!p) throw new Error('Range not found');
    const sheet = p.sheetName === undefined ? this.activeSheet : this.sheetNamed(p.sheetName);
    if (!sheet) throw new Error('Range not found');
    return sheet.rangeFromA1(a1.slice(a1.lastIndexOf('!') + 1));
  }

  // ---- Spreadsheet API ---------------------------------------------------------------------------
  getId(): string {
    this.local('getId');
    return this.id;
  }

  getName(): string {
    this.local('getName');
    return this.name;
  }

  rename(newName: string): void {
    this.write('rename');
    this.name = newName;
  }

  getUrl(): string {
    this.local('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSheets(): GasSheet[] {
    this.read('getSheets');
    return this.sheets.map((s) => asGas<GasSheet>(s));
  }

  getSheetByName(name: string): GasSheet | null {
    this.read('getSheetByName');
    return asGas(this.sheetNamed(name) ?? null);
  }

  getNumSheets(): number {
    this.read('getNumSheets');
    return this.sheets.length;
  }

  insertSheet(): GasSheet;
  insertSheet(sheetIndex: number): GasSheet;
  insertSheet(sheetName: string): GasSheet;
  insertSheet(sheetName: string, sheetIndex: number): GasSheet;
  insertSheet(a?: string | number, b?: number): GasSheet {
    this.write('insertSheet');
    let name: string | undefined;
    let index = this.sheets.indexOf(this.activeSheet) + 1;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined) throw signatureError([a, b], 'SpreadsheetApp.Spreadsheet.insertSheet');
    if (typeof b === 'number') index = b;
    if (index < 0 || index > this.sheets.length) throw new Error(`The sheet index ${index} is out of range.`);
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetNamed(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this.addSheet(name, index);
    // Apps Script activates the inserted sheet.
    this.selectSheet(sheet);
    return asGas(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    this.write('deleteSheet');
    const s = sheet as unknown as EmuSheet;
    const i = this.sheets.indexOf(s);
    if (i < 0) throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.deleteSheet');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.activeSheet === s) this.selectSheet(this.sheets[0]);
  }

  getActiveSheet(): GasSheet {
    this.local('getActiveSheet');
    return asGas(this.activeSheet);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.local('setActiveSheet');
    const s = sheet as unknown as EmuSheet;
    if (this.sheets.indexOf(s) < 0) throw signatureError([sheet], 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this.selectSheet(s);
    return sheet;
  }

  /** The last selected range of the active sheet (Apps Script: "only the last selected range"). */
  getActiveRange(): GasRange | null {
    this.local('getActiveRange');
    return asGas(this.activeRanges[this.activeRanges.length - 1] ?? null);
  }

  getActiveRangeList(): GasRangeList | null {
    this.local('getActiveRangeList');
    return this.activeRanges.length ? asGas(new EmuRangeList(this.ctx, this.activeRanges)) : null;
  }

  setActiveRange(range: GasRange): GasRange {
    this.local('setActiveRange');
    const r = EmuRange.from(range, 'SpreadsheetApp.Spreadsheet.setActiveRange');
    this.select(r.sheet, [r]);
    return range;
  }

  setActiveRangeList(rangeList: GasRangeList): GasRangeList {
    this.local('setActiveRangeList');
    const list = EmuRangeList.from(rangeList);
    if (list.ranges.length === 0) throw new Error('The range list is empty.');
    this.select(list.ranges[0].sheet, list.ranges);
    return rangeList;
  }

  setActiveSelection(range: GasRange): GasRange;
  setActiveSelection(a1Notation: string): GasRange;
  setActiveSelection(x: GasRange | string): GasRange {
    this.local('setActiveSelection');
    const r = typeof x === 'string' ? this.rangeFromA1(x) : EmuRange.from(x, 'SpreadsheetApp.Spreadsheet.setActiveSelection');
    this.select(r.sheet, [r]);
    return asGas(r);
  }

  getSelection(): GasSelection {
    this.local('getSelection');
    const meter = this.ctx.meter;
    const ranges = this.activeRanges.slice();
    const sheet = this.activeSheet;
    const ctx = this.ctx;
    return asGas({
      getActiveRange: () => (meter.record('Selection.getActiveRange', 'sheet-local'), ranges[ranges.length - 1] ?? null),
      getActiveRangeList: () => (
        meter.record('Selection.getActiveRangeList', 'sheet-local'),
        ranges.length ? new EmuRangeList(ctx, ranges) : null
      ),
      getActiveSheet: () => (meter.record('Selection.getActiveSheet', 'sheet-local'), sheet),
      getCurrentCell: () => {
        meter.record('Selection.getCurrentCell', 'sheet-local');
        const last = ranges[ranges.length - 1];
        return last ? sheet.makeRange(last.row, last.column, 1, 1) : null;
      },
    });
  }

  getCurrentCell(): GasRange | null {
    this.local('getCurrentCell');
    const last = this.activeRanges[this.activeRanges.length - 1];
    return asGas(last ? last.sheet.makeRange(last.row, last.column, 1, 1) : null);
  }

  getRange(a1Notation: string): GasRange {
    this.local('getRange');
    return asGas(this.rangeFromA1(a1Notation));
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

  toast(msg: string): void;
  toast(msg: string, title: string): void;
  toast(msg: string, title: string, timeoutSeconds: number | null): void;
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.meter.record('Spreadsheet.toast', 'other');
    this.ui.toasts.push({
      message: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      shown: this.toastAudience(),
      at: this.ctx.meter.now(),
    });
  }

  createTextFinder(findText: string): GasTextFinder {
    this.local('createTextFinder');
    return asGas(
      new EmuTextFinder(
        this.ctx,
        () => this.sheets.map((sheet) => ({ sheet, row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns })),
        findText,
      ),
    );
  }

  getSpreadsheetTimeZone(): string {
    this.local('getSpreadsheetTimeZone');
    return this.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.write('setSpreadsheetTimeZone');
    this.timeZone = timezone;
  }

  /** The spreadsheet's locale (File ▸ Settings); typed values are parsed the en_US way whatever it says (cell-values.ts). */
  locale = 'en_US';

  getSpreadsheetLocale(): string {
    this.local('getSpreadsheetLocale');
    return this.locale;
  }
}

export interface SpreadsheetAppOptions {
  spreadsheet: EmuSpreadsheet;
  bound: boolean;
  /** whether the current execution has a UI (menu, sidebar) — not a web app, trigger or doPost */
  hasUi: () => boolean;
  ui: EmuUi;
}

export const NO_UI_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

type AppMethods =
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getActiveRangeList'
  | 'getSelection'
  | 'flush'
  | 'getUi'
  | 'openById'
  | 'openByUrl';

export function createSpreadsheetApp(
  o: SpreadsheetAppOptions,
): Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> & Record<string, unknown> {
  const ss = o.spreadsheet;
  const meter = ss.ctx.meter;
  const local = (m: string) => meter.record(`SpreadsheetApp.${m}`, 'sheet-local');
  const requireBound = (): EmuSpreadsheet => {
    if (!o.bound) throw new Error('Cannot call this method without an active spreadsheet (the script is not bound to a spreadsheet).');
    return ss;
  };
  const app = {
    getActiveSpreadsheet: () => (local('getActiveSpreadsheet'), asGas<GasSpreadsheet>(o.bound ? ss : null)),
    getActive: () => (local('getActive'), asGas<GasSpreadsheet>(o.bound ? ss : null)),
    getActiveSheet: () => (local('getActiveSheet'), asGas<GasSheet>(requireBound().activeSheet)),
    getActiveRange: () => (local('getActiveRange'), asGas<GasRange>(requireBound().activeRanges[ss.activeRanges.length - 1] ?? null)),
    getActiveRangeList: () => {
      local('getActiveRangeList');
      const s = requireBound();
      return asGas<GasRangeList>(s.activeRanges.length ? new EmuRangeList(s.ctx, s.activeRanges) : null);
    },
    getSelection: () => {
      local('getSelection');
      return meter.untracked(() => requireBound().getSelection());
    },
    flush: () => {
      meter.record('SpreadsheetApp.flush', 'sheet-flush');
    },
    getUi: () => {
      local('getUi');
      if (!o.bound || !o.hasUi()) throw new Error(NO_UI_MESSAGE);
      return asGas<GasUi>(o.ui);
    },
    openById: (id: string) => {
      meter.record('SpreadsheetApp.openById', 'sheet-read');
      if (id !== ss.id) throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
      return asGas<GasSpreadsheet>(ss);
    },
    openByUrl: (url: string) => {
      meter.record('SpreadsheetApp.openByUrl', 'sheet-read');
      if (!url.includes(ss.id))
        throw new Error(`Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`);
      return asGas<GasSpreadsheet>(ss);
    },
  };
  return app as unknown as Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> & Record<string, unknown>;
}

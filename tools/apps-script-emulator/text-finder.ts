/// <reference types="google-apps-script" />
/**
 * TextFinder over display values (or formula text with matchFormulaText), row by row. Defaults as in
 * Apps Script: case-insensitive, substring match. findNext/findPrevious walk from the current match.
 */
import { Cell, displayValue, writeValue } from './cell-values';
import { asGas, GasRange, GasTextFinder } from './gas-types';
import { SheetContext } from './sheet-context';
import type { EmuSheet } from './sheet';

export interface SearchArea {
  sheet: EmuSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

interface Hit {
  sheet: EmuSheet;
  row: number;
  column: number;
  /** position in search order: area, then row, then column */
  order: number;
}

type FinderMethods =
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'ignoreDiacritics'
  | 'useRegularExpression'
  | 'findAll'
  | 'findNext'
  | 'findPrevious'
  | 'getCurrentMatch'
  | 'replaceAllWith'
  | 'replaceWith';

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export class EmuTextFinder implements Pick<GasTextFinder, FinderMethods> {
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private diacritics = false;
  private regex = false;
  private current: Hit | null = null;

  constructor(
    private readonly ctx: SheetContext,
    private readonly areas: () => SearchArea[],
    private readonly findText: string,
  ) {}

  private call(method: string, kind: 'sheet-read' | 'sheet-write' | 'sheet-local', cells = 0): void {
    this.ctx.meter.record(`TextFinder.${method}`, kind, { cells });
  }

  private pattern(): RegExp {
    const flags = this.caseSensitive ? 'g' : 'gi';
    const body = this.regex ? this.findText : this.findText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const text = this.diacritics ? stripDiacritics(body) : body;
    return new RegExp(this.entireCell ? `^(?:${text})$` : text, flags);
  }

  private textOf(cell: Cell | undefined): string {
    if (!cell) return '';
    const t = this.formulaText && cell.formula ? cell.formula : displayValue(cell, this.ctx.timeZone());
    return this.diacritics ? stripDiacritics(t) : t;
  }

  private hits(): Hit[] {
    if (this.findText === '') throw new Error('Find text cannot be empty.');
    const re = this.pattern();
    const out: Hit[] = [];
    this.areas().forEach((a, ai) => {
      const lastRow = Math.min(a.row + a.numRows - 1, a.sheet.rows.length);
      for (let r = a.row; r <= lastRow; r++) {
        for (let c = a.column; c < a.column + a.numColumns; c++) {
          const t = this.textOf(a.sheet.peek(r, c));
          re.lastIndex = 0;
          if (t !== '' && re.test(t)) out.push({ sheet: a.sheet, row: r, column: c, order: ai * 1e13 + r * 1e5 + c });
        }
      }
    });
    return out;
  }

  private toRange(h: Hit): GasRange {
    return asGas(h.sheet.makeRange(h.row, h.column, 1, 1));
  }

  matchCase(matchCase: boolean): GasTextFinder {
    this.call('matchCase', 'sheet-local');
    this.caseSensitive = matchCase;
    return asGas(this);
  }

  matchEntireCell(entireCell: boolean): GasTextFinder {
    this.call('matchEntireCell', 'sheet-local');
    this.entireCell = entireCell;
    return asGas(this);
  }

  matchFormulaText(matchFormulaText: boolean): GasTextFinder {
    this.call('matchFormulaText', 'sheet-local');
    this.formulaText = matchFormulaText;
    return asGas(this);
  }

  ignoreDiacritics(ignoreDiacritics: boolean): GasTextFinder {
    this.call('ignoreDiacritics', 'sheet-local');
    this.diacritics = ignoreDiacritics;
    return asGas(this);
  }

  useRegularExpression(useRegEx: boolean): GasTextFinder {
    this.call('useRegularExpression', 'sheet-local');
    this.regex = useRegEx;
    return asGas(this);
  }

  findAll(): GasRange[] {
    const hits = this.hits();
    this.call('findAll', 'sheet-read', hits.length);
    return hits.map((h) => this.toRange(h));
  }

  findNext(): GasRange | null {
    const hits = this.hits();
    this.call('findNext', 'sheet-read', 1);
    const after = this.current ? this.current.order : -1;
    this.current = hits.find((h) => h.order > after) ?? null;
    return this.current ? this.toRange(this.current) : null;
  }

  findPrevious(): GasRange | null {
    const hits = this.hits();
    this.call('findPrevious', 'sheet-read', 1);
    const before = this.current ? this.current.order : Infinity;
    let found: Hit | null = null;
    for (const h of hits) if (h.order < before) found = h;
    this.current = found;
    return found ? this.toRange(found) : null;
  }

  getCurrentMatch(): GasRange | null {
    this.call('getCurrentMatch', 'sheet-local');
    return this.current ? this.toRange(this.current) : null;
  }

  replaceAllWith(replaceText: string): number {
    const hits = this.hits();
    this.call('replaceAllWith', 'sheet-write', hits.length);
    for (const h of hits) this.replaceIn(h, replaceText);
    return hits.length;
  }

  replaceWith(replaceText: string): number {
    this.call('replaceWith', 'sheet-write', this.current ? 1 : 0);
    if (!this.current) return 0;
    this.replaceIn(this.current, replaceText);
    return 1;
  }

  private replaceIn(h: Hit, replaceText: string): void {
    h.sheet.rememberCells(h.row, h.column, 1, 1);
    const cell = h.sheet.cellForWrite(h.row, h.column);
    writeValue(cell, this.textOf(cell).replace(this.pattern(), replaceText), this.ctx.timeZone());
  }
}

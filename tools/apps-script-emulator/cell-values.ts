/**
 * What a cell stores when a script writes a value, and what the user sees. Modelled on Sheets'
 * "user entered" parsing, because that is where hostile or fragile content goes wrong:
 * - a cell formatted as plain text ('@') stores the written value as a string, never evaluated;
 * - otherwise a string starting with '=' becomes a formula, a numeric string becomes a number (so
 *   '0812…' loses its leading zero, '+62812…' becomes 62812… and '150,000' becomes 150000), TRUE/FALSE become booleans and an
 *   ISO date (yyyy-MM-dd[ HH:mm[:ss]]) becomes a Date; a leading apostrophe forces text.
 * INFERRED details (not checked against a real account): formulas are not evaluated (their value reads
 * as FORMULA_VALUE; assert on getFormulas()); only ISO dates are recognised (Sheets also reads locale
 * dates such as 11/27/2024); non-text values written to a '@' cell are stored as their display string.
 */
import { formatJavaPattern, instantOf } from './date-format';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  formula: string;
  numberFormat: string;
  note?: string;
  background?: string;
  fontWeight?: string;
}

export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';
/** What getValues returns for a formula cell (the emulator does not evaluate formulas). */
export const FORMULA_VALUE = '#FORMULA!';
export const MAX_CELL_CHARS = 50000;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function emptyCell(): Cell {
  return { value: '', formula: '', numberFormat: DEFAULT_NUMBER_FORMAT };
}

export function isEmptyCell(c: Cell | undefined): boolean {
  return !c || (c.value === '' && c.formula === '');
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;
/** en_US thousands separators: '150,000' and '1,250.50' are numbers to Sheets (locale en_US assumed). */
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Java-ish toString of a non-primitive, as Sheets stores an object written with setValue. */
function objectText(v: object): string {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? objectText(x) : String(x))).join(',');
  return (
    '{' +
    Object.entries(v)
      .map(([k, x]) => `${k}=${x !== null && typeof x === 'object' ? objectText(x) : String(x)}`)
      .join(', ') +
    '}'
  );
}

function displayOfPrimitive(v: CellValue, timeZone: string): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return generalNumber(v);
  if (isDate(v)) return generalDate(v, timeZone);
  return v;
}

/** Writes `input` into `cell` the way Sheets parses a value set by a script. */
export function writeValue(cell: Cell, input: unknown, timeZone: string): void {
  if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  cell.formula = '';
  if (input === null || input === undefined || input === '') {
    cell.value = '';
    return;
  }
  let v: CellValue;
  if (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean' || isDate(input)) v = input as CellValue;
  else if (typeof input === 'object') v = objectText(input as object);
  else v = String(input);
  if (cell.numberFormat === TEXT_FORMAT) {
    cell.value = typeof v === 'string' ? v : displayOfPrimitive(v, timeZone);
    return;
  }
  if (typeof v !== 'string') {
    cell.value = v;
    return;
  }
  if (v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    cell.value = FORMULA_VALUE;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  const t = v.trim();
  if (NUMERIC.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (GROUPED.test(t)) {
    cell.value = Number(t.replace(/,/g, ''));
    return;
  }
  if (PERCENT.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  const d = ISO_DATE.exec(t);
  if (d) {
    const [y, mo, da, h, mi, s] = [d[1], d[2], d[3], d[4] ?? '0', d[5] ?? '0', d[6] ?? '0'].map(Number);
    if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31 && h < 24 && mi < 60 && s < 60) {
      cell.value = new Date(instantOf(y, mo, da, h, mi, s, timeZone));
      return;
    }
  }
  cell.value = v;
}

export function writeFormula(cell: Cell, formula: string): void {
  if (formula === '') {
    cell.formula = '';
    cell.value = '';
    return;
  }
  cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
  cell.value = FORMULA_VALUE;
}

/** Sheets' "General" display of a number: up to 10 significant digits, scientific for huge values. */
function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .replace('E+', 'E+')
      .toUpperCase();
  return String(Number(n.toPrecision(10)));
}

/** en_US display of a Date cell without an explicit date format (INFERRED: locale en_US). */
function generalDate(d: Date, timeZone: string): string {
  const hasTime = formatJavaPattern(d.getTime(), timeZone, 'HH:mm:ss') !== '00:00:00';
  return formatJavaPattern(d.getTime(), timeZone, hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy');
}

/** Sheets number-format pattern (small subset: 0, 0.00, #,##0.00, date patterns) → Java pattern. */
function sheetsDatePatternToJava(fmt: string): string {
  // In Sheets formats 'mm' next to h or s means minutes, otherwise months.
  return (
    fmt
      .replace(/(h+)(:)(m+)/gi, (_, h: string, c: string, m: string) => `${h.replace(/h/g, 'H')}${c}${m.replace(/m/g, '\u0001')}`)
      .replace(/(m+)(:)(s+)/gi, (_, m: string, c: string, s: string) => `${m.replace(/m/g, '\u0001')}${c}${s}`)
      .replace(/m/g, 'M')
      // eslint-disable-next-line no-control-regex -- \u0001 is the placeholder for minutes set above
      .replace(/\u0001/g, 'm')
      .replace(/h/g, 'H')
      .replace(/am\/pm/gi, 'a')
  );
}

/** `0`, `#,##0`, `0.00`, with an optional quoted prefix such as `"Rp "#,##0` (en_US marks). */
function formattedNumber(n: number, fmt: string): string | null {
  const m = /^(?:"([^"]*)")?(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (!m) return null;
  const decimals = m[3]?.length ?? 0;
  const fixed = Math.abs(n).toFixed(decimals);
  let [int, frac] = fixed.split('.');
  if (m[2]) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + (m[1] ?? '') + int + (frac ? `.${frac}` : '');
}

/** What getDisplayValues shows for a cell. */
export function displayValue(cell: Cell, timeZone: string): string {
  const v = cell.value;
  if (v === '') return '';
  const fmt = cell.numberFormat;
  if (typeof v === 'number' && fmt !== TEXT_FORMAT && fmt !== DEFAULT_NUMBER_FORMAT) {
    const f = formattedNumber(v, fmt);
    if (f !== null) return f;
  }
  if (isDate(v) && /[ymdhs]/i.test(fmt) && fmt !== DEFAULT_NUMBER_FORMAT) {
    return formatJavaPattern(v.getTime(), timeZone, sheetsDatePatternToJava(fmt));
  }
  return displayOfPrimitive(v, timeZone);
}

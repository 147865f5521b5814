/// <reference types="google-apps-script" />
/**
 * The real Apps Script types, for the emulator only: the root tsconfig does not load
 * @types/google-apps-script globally, so each emulator file that names GoogleAppsScript.* carries the
 * reference above (and the core, type-checked with its own tsconfig, never sees these globals).
 */
export type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GasRange = GoogleAppsScript.Spreadsheet.Range;
export type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
export type GasTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
export type GasSelection = GoogleAppsScript.Spreadsheet.Selection;
export type GasUi = GoogleAppsScript.Base.Ui;
export type GasMenu = GoogleAppsScript.Base.Menu;

/** Emulator objects are handed to scripts as the real interface (they implement a Pick<> of it). */
export function asGas<T>(x: unknown): T {
  return x as T;
}

/** Describes an argument the way Apps Script names types in "The parameters (…) don't match…". */
export function gasTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? 'number[][]' : `${gasTypeName(v[0]).replace('[]', '')}[]`;
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Object';
}

export function signatureError(params: unknown[], method: string): Error {
  return new Error(`The parameters (${params.map(gasTypeName).join(',')}) don't match the method signature for ${method}.`);
}

/// <reference types="google-apps-script" />
/** Protection of a range or a whole sheet. Row insertions and deletions move it like Sheets does. */
import { toA1 } from './a1-notation';
import { asGas, GasProtection, GasRange } from './gas-types';
import { SheetContext } from './sheet-context';
import type { EmuSheet } from './sheet';
import type { EmuRange } from './range';

type ProtectionMethods =
  | 'getDescription' | 'setDescription' | 'isWarningOnly' | 'setWarningOnly' | 'getRange' | 'remove' | 'canEdit'
  | 'addEditor' | 'removeEditor' | 'getProtectionType';

export class EmuProtection implements Pick<GasProtection, ProtectionMethods> {
  description = '';
  warningOnly = false;
  readonly editors = new Set<string>();
  readonly type: 'RANGE' | 'SHEET';
  row: number;
  numRows: number;

  constructor(
    private readonly ctx: SheetContext,
    readonly sheet: EmuSheet,
    private readonly range: EmuRange | null,
  ) {
    this.type = range ? 'RANGE' : 'SHEET';
    this.row = range ? range.row : 1;
    this.numRows = range ? range.numRows : Number.MAX_SAFE_INTEGER;
    this.editors.add(ctx.ownerEmail);
  }

  private call(method: string, kind: 'sheet-read' | 'sheet-write' = 'sheet-write'): void {
    this.ctx.meter.record(`Protection.${method}`, kind);
    if (kind === 'sheet-write') this.sheet.rememberProtections();
  }

  overlaps(row: number, column: number, numRows: number, numColumns: number): boolean {
    if (this.sheet.protections.indexOf(this) < 0) return false;
    const r = this.range;
    const c1 = r ? r.column : 1;
    const c2 = r ? r.column + r.numColumns - 1 : Number.MAX_SAFE_INTEGER;
    return row <= this.row + this.numRows - 1 && row + numRows - 1 >= this.row && column <= c2 && column + numColumns - 1 >= c1;
  }

  /** Rows inserted (delta > 0) or deleted (delta < 0) at `at`. */
  shiftRows(at: number, delta: number): void {
    if (this.type === 'SHEET') return;
    if (at <= this.row) this.row = Math.max(1, this.row + delta);
    else if (at <= this.row + this.numRows - 1) this.numRows = Math.max(1, this.numRows + delta);
  }

  getDescription(): string {
    this.call('getDescription', 'sheet-read');
    return this.description;
  }

  setDescription(description: string): GasProtection {
    this.call('setDescription');
    this.description = description;
    return asGas(this);
  }

  isWarningOnly(): boolean {
    this.call('isWarningOnly', 'sheet-read');
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.call('setWarningOnly');
    this.warningOnly = warningOnly;
    return asGas(this);
  }

  getRange(): GasRange {
    this.call('getRange', 'sheet-read');
    const r = this.range;
    return asGas(r ? this.sheet.makeRange(this.row, r.column, this.numRows, r.numColumns) : this.sheet.makeRange(1, 1, this.sheet.maxRows, this.sheet.maxColumns));
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this.call('getProtectionType', 'sheet-read');
    return asGas(this.type);
  }

  remove(): void {
    this.call('remove');
    const i = this.sheet.protections.indexOf(this);
    if (i >= 0) this.sheet.protections.splice(i, 1);
  }

  canEdit(): boolean {
    this.call('canEdit', 'sheet-read');
    return this.ctx.activeUserIsOwner || this.warningOnly;
  }

  addEditor(emailAddress: string): GasProtection;
  addEditor(user: GoogleAppsScript.Base.User): GasProtection;
  addEditor(who: string | GoogleAppsScript.Base.User): GasProtection {
    this.call('addEditor');
    this.editors.add(typeof who === 'string' ? who : who.getEmail());
    return asGas(this);
  }

  removeEditor(emailAddress: string): GasProtection;
  removeEditor(user: GoogleAppsScript.Base.User): GasProtection;
  removeEditor(who: string | GoogleAppsScript.Base.User): GasProtection {
    this.call('removeEditor');
    this.editors.delete(typeof who === 'string' ? who : who.getEmail());
    return asGas(this);
  }

  /** For messages: where this protection is. */
  describe(): string {
    return this.range ? toA1(this.row, this.range.column, this.numRows, this.range.numColumns) : this.sheet.name;
  }
}

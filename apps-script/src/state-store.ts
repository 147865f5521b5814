/**
 * Per-purchase state behind the Status column, in a hidden sheet `Midtrans state` (one row per
 * purchase, plus one row per link for its life: usage limit, expired, deactivated).
 *
 * Why a hidden sheet and not Script/Document Properties: properties cap a value at 9 KB and a store at
 * 500 KB, and one ticketing link with a usage limit of 500 has 500 purchases; a sheet has no such cap,
 * is read in one call, travels with the spreadsheet when it is copied, and the owner can unhide it to
 * audit what Midtrans reported. Purchases are keyed by the purchase's own order id (the link's plus
 * Midtrans's `-<13 digits>` suffix): it is the one key both a notification and a GET of the link carry,
 * so polling and notifications merge into the same record instead of counting a payment twice.
 * Every read-modify-write happens under the script lock (run-guard.ts), so executions never interleave.
 */
import { mergePurchase, samePurchaseRecord, type LinkLife, type PurchaseRecord } from '@midtrans-pl/core';

export const STATE_SHEET = 'Midtrans state';
const HEADER = ['Link Order ID', 'Purchase', 'Record', 'Updated'];
/** The Purchase cell of a link's own row. */
export const LINK_ROW_KEY = '(link)';
/** The Purchase cell of a multi-line invoice's row: how many sheet rows show its status. */
export const LINES_ROW_KEY = '(lines)';
const GROW_ROWS = 500;

interface Entry {
  row?: number;
  link: string;
  key: string;
  record: string;
}

export interface LinkState {
  life?: LinkLife;
  /** Rows of a multi-line invoice (absent for a one-row invoice). */
  lines?: number;
  purchases: PurchaseRecord[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Hiding is cosmetic: Sheets refuses to hide the last visible sheet, and a refusal here must not cost
 * the notification being recorded.
 */
function hide(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  try {
    sheet.hideSheet();
  } catch (e) {
    console.log(`The "${STATE_SHEET}" sheet stays visible: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export class StateStore {
  private readonly staged = new Map<string, Entry>();

  private constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private sheet: GoogleAppsScript.Spreadsheet.Sheet | null,
    private readonly entries: Map<string, Entry>,
    private lastRow: number,
    private maxRows: number,
  ) {}

  /** Reads the whole store in one call (none when the sheet does not exist yet). */
  static load(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): StateStore {
    const sheet = spreadsheet.getSheetByName(STATE_SHEET);
    const entries = new Map<string, Entry>();
    if (!sheet) return new StateStore(spreadsheet, null, entries, 1, 0);
    const values = sheet.getDataRange().getValues();
    values.forEach((line, i) => {
      if (i === 0) return;
      const link = String(line[0] ?? '');
      const key = String(line[1] ?? '');
      if (!link || !key) return;
      entries.set(StateStore.id(link, key), { row: i + 1, link, key, record: String(line[2] ?? '') });
    });
    return new StateStore(spreadsheet, sheet, entries, Math.max(values.length, 1), sheet.getMaxRows());
  }

  private static id(link: string, key: string): string {
    return `${link}\u0000${key}`;
  }

  private current(link: string, key: string): Entry | undefined {
    const id = StateStore.id(link, key);
    return this.staged.get(id) ?? this.entries.get(id);
  }

  link(linkOrderId: string): LinkState {
    const purchases: PurchaseRecord[] = [];
    let life: LinkLife | undefined;
    let lines: number | undefined;
    const seen = new Set<string>();
    for (const source of [this.staged, this.entries]) {
      for (const [id, e] of source) {
        if (e.link !== linkOrderId || seen.has(id)) continue;
        seen.add(id);
        const value = parseJson(e.record);
        if (!value || typeof value !== 'object') continue;
        if (e.key === LINK_ROW_KEY) life = value as LinkLife;
        else if (e.key === LINES_ROW_KEY) lines = (value as { rows?: number }).rows;
        else purchases.push(value as PurchaseRecord);
      }
    }
    return lines ? { life, lines, purchases } : { life, purchases };
  }

  /** The purchases changed since the last commit (what the payments log must write). */
  stagedPurchases(): { linkOrderId: string; record: PurchaseRecord }[] {
    const out: { linkOrderId: string; record: PurchaseRecord }[] = [];
    for (const e of this.staged.values()) {
      if (e.key === LINK_ROW_KEY || e.key === LINES_ROW_KEY) continue;
      const record = parseJson(e.record);
      if (record && typeof record === 'object') out.push({ linkOrderId: e.link, record: record as PurchaseRecord });
    }
    return out;
  }

  /** Every link's state at once: one walk of the store instead of one per row. */
  byLink(): Map<string, LinkState> {
    const out = new Map<string, LinkState>();
    const seen = new Set<string>();
    for (const source of [this.staged, this.entries]) {
      for (const [id, e] of source) {
        if (seen.has(id)) continue;
        seen.add(id);
        const value = parseJson(e.record);
        if (!value || typeof value !== 'object') continue;
        const state = out.get(e.link) ?? { purchases: [] };
        if (e.key === LINK_ROW_KEY) state.life = value as LinkLife;
        else if (e.key === LINES_ROW_KEY) state.lines = (value as { rows?: number }).rows;
        else state.purchases.push(value as PurchaseRecord);
        out.set(e.link, state);
      }
    }
    return out;
  }

  /** Whether folding `incoming` in would change nothing: a duplicate, or older than what is stored. */
  holds(linkOrderId: string, incoming: PurchaseRecord): boolean {
    const before = this.current(linkOrderId, incoming.orderId);
    const previous = before ? (parseJson(before.record) as PurchaseRecord | undefined) : undefined;
    return previous !== undefined && samePurchaseRecord(previous, mergePurchase(previous, incoming));
  }

  /** Folds a purchase in monotonically; returns false when it changed nothing (a duplicate). */
  mergePurchase(linkOrderId: string, incoming: PurchaseRecord): boolean {
    const key = incoming.orderId;
    const before = this.current(linkOrderId, key);
    const previous = before ? (parseJson(before.record) as PurchaseRecord | undefined) : undefined;
    const after = previous ? mergePurchase(previous, incoming) : incoming;
    if (previous && samePurchaseRecord(previous, after)) return false;
    this.stage(linkOrderId, key, JSON.stringify(after), before?.row);
    return true;
  }

  /** Marks a multi-line invoice, so a notification writes its status on every one of its rows. */
  setLines(linkOrderId: string, rows: number): boolean {
    const before = this.current(linkOrderId, LINES_ROW_KEY);
    const text = JSON.stringify({ rows });
    if (before && before.record === text) return false;
    this.stage(linkOrderId, LINES_ROW_KEY, text, before?.row);
    return true;
  }

  /** Link life only ever moves forward: once expired or deactivated, always so. */
  setLife(linkOrderId: string, life: LinkLife): boolean {
    const before = this.current(linkOrderId, LINK_ROW_KEY);
    const previous = before ? (parseJson(before.record) as LinkLife | undefined) : undefined;
    const merged: LinkLife = {
      usageLimit: life.usageLimit,
      expired: Boolean(life.expired || previous?.expired),
      deleted: Boolean(life.deleted || previous?.deleted),
    };
    const text = JSON.stringify(merged);
    if (before && before.record === text) return false;
    this.stage(linkOrderId, LINK_ROW_KEY, text, before?.row);
    return true;
  }

  private stage(link: string, key: string, record: string, row: number | undefined): void {
    this.staged.set(StateStore.id(link, key), { row, link, key, record });
  }

  /** Writes staged changes: updated rows one call each, new rows in one appended block. */
  commit(stamp: string): void {
    if (this.staged.size === 0) return;
    if (!this.sheet) {
      // insertSheet activates the new sheet; the merchant should stay where they were.
      const previous = this.spreadsheet.getActiveSheet();
      this.sheet = this.spreadsheet.insertSheet(STATE_SHEET);
      this.maxRows = this.sheet.getMaxRows();
      // Text, so an order id such as `0012` is not read back as the number 12.
      this.sheet.getRange(1, 1, this.maxRows, HEADER.length).setNumberFormat('@');
      this.sheet.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
      hide(this.sheet);
      if (previous) this.spreadsheet.setActiveSheet(previous);
      this.lastRow = 1;
    }
    const appended: Entry[] = [];
    for (const e of this.staged.values()) {
      if (e.row === undefined) {
        appended.push(e);
        continue;
      }
      this.sheet.getRange(e.row, 3, 1, 2).setValues([[e.record, stamp]]);
      this.entries.set(StateStore.id(e.link, e.key), e);
    }
    if (appended.length) {
      const start = this.lastRow + 1;
      const needed = start + appended.length - 1 - this.maxRows;
      if (needed > 0) {
        // Writing past the last row throws in Sheets; grow in large steps so growth is rare.
        const grow = Math.max(needed, GROW_ROWS);
        this.sheet.insertRowsAfter(this.maxRows, grow);
        this.sheet.getRange(this.maxRows + 1, 1, grow, HEADER.length).setNumberFormat('@');
        this.maxRows += grow;
      }
      this.sheet.getRange(start, 1, appended.length, HEADER.length).setValues(appended.map((e) => [e.link, e.key, e.record, stamp]));
      appended.forEach((e, i) => this.entries.set(StateStore.id(e.link, e.key), { ...e, row: start + i }));
      this.lastRow += appended.length;
    }
    this.staged.clear();
  }
}

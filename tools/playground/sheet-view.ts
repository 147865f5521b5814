/**
 * The playground's spreadsheet in the browser: every sheet of the emulated spreadsheet (whatever the add-on
 * creates, hidden ones marked), cells a person can edit, rows a person can add, and the add-on's own menu
 * as buttons. The menu is read from what the script's onOpen registered, so a new menu item appears here
 * without a change to this file; a click runs that function as a menu execution, with the selected rows as
 * the spreadsheet's selection, and the page shows the toasts, alerts and dialogs it produced.
 *
 * Typing is untracked (a person, not the script), and follows Sheets: a number typed into a cell that is
 * not formatted as text becomes a number. Confirmations are answered Yes unless the page says No.
 *
 * The JSON API only accepts `application/json` POSTs, which a page on another origin cannot send without a
 * CORS preflight this server never answers, and it listens on loopback only.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { SheetsAddon } from '../../test/e2e/harness/sheets-addon';
import type { MenuEntry, RecordedMenu } from '../apps-script-emulator';
import { PAGE } from './sheet-view-page';

export interface MenuButton {
  caption: string;
  functionName: string;
  /** The menu it sits in (a submenu's title after a ›). */
  menu: string;
}

export interface SheetState {
  name: string;
  hidden: boolean;
  rows: unknown[][];
  /** Charts the add-on embedded in the sheet: type, title and the values of each of its ranges. */
  charts: ChartState[];
}

export interface ChartState {
  type: string;
  title: string;
  series: unknown[][];
}

interface EmbeddedChartLike {
  getRanges(): Array<{ getValues(): unknown[][] }>;
  getOptions(): { get(key: string): unknown };
  spec?: { type?: unknown };
}

function chartsOf(sheet: { getCharts?(): EmbeddedChartLike[] }): ChartState[] {
  if (typeof sheet.getCharts !== 'function') return [];
  return sheet.getCharts().map((c) => ({
    type: String(c.spec?.type ?? 'chart'),
    title: String(c.getOptions().get('title') ?? ''),
    series: c.getRanges().map((r) => r.getValues().map((row) => row[0])),
  }));
}

export interface RunResult {
  functionName: string;
  error: string | null;
  toasts: string[];
  alerts: string[];
  dialogs: string[];
  /** Sidebars the run opened, with their HTML: the page shows them and routes their google.script.run here. */
  sidebars: { title: string; html: string }[];
}

/** The functions a sidebar may call through google.script.run (the add-on's sidebar callbacks). */
const SIDEBAR_CALLS = new Set([
  'getSettings',
  'saveSettings',
  'testConnection',
  'setTimedRefresh',
  'continueGeneration',
  'getWhatsappTemplate',
  'saveWhatsappTemplate',
  'getReminderSettings',
  'saveReminderSettings',
  'setDailyReminderRun',
]);

/** The user's Google language the playground emulates: what Session.getActiveUserLocale answers. */
export type PlaygroundLanguage = 'en' | 'id';

interface Gas {
  getSheets(): Array<{
    getName(): string;
    isSheetHidden?(): boolean;
    getLastRow(): number;
    getLastColumn(): number;
    getMaxRows(): number;
    insertRowsAfter(after: number, n: number): void;
    getRange(...a: unknown[]): GasRange;
    getRangeList(a1: string[]): unknown;
  }>;
  getSheetByName(name: string): ReturnType<Gas['getSheets']>[number] | null;
  setActiveSheet(sheet: unknown): void;
  setActiveRangeList(list: unknown): void;
}
interface GasRange {
  getValue(): unknown;
  getValues(): unknown[][];
  setValue(v: unknown): void;
  setValues(v: unknown[][]): void;
  getNumberFormat(): string;
}

/** An email the add-on sent through the emulated MailApp. */
export interface SentEmailView {
  at: string;
  to: string;
  subject: string;
  body: string;
}

export class SheetViewError extends Error {}

/** The actions behind the page, usable without HTTP. */
export function sheetView(addon: SheetsAddon) {
  const ss = () => addon.env.spreadsheet as unknown as Gas;
  const sheetNamed = (name: string) => {
    const sheet = ss().getSheetByName(name);
    if (!sheet) throw new SheetViewError(`no sheet named "${name}"`);
    return sheet;
  };
  const typed = (format: string, text: string): unknown => (format !== '@' && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text);

  let menus: RecordedMenu[] = [];
  let language: PlaygroundLanguage = 'en';
  function menu(): MenuButton[] {
    if (menus.length === 0) {
      const before = addon.env.ui.menus.length;
      addon.run('onOpen', 'ui', { authMode: 'FULL' });
      menus = addon.env.ui.menus.slice(before);
    }
    const walk = (entries: MenuEntry[], where: string): MenuButton[] =>
      entries.flatMap((e) =>
        'functionName' in e
          ? [{ caption: e.caption, functionName: e.functionName, menu: where }]
          : 'subMenu' in e
            ? walk(e.subMenu.items, `${where} › ${e.subMenu.title}`)
            : [],
      );
    return menus.flatMap((m) => walk(m.items, m.title));
  }

  return {
    menu,
    /** The emulated clock (the simulator's follows it), as an ISO time. */
    clock(): string {
      return new Date(addon.env.now()).toISOString();
    },
    /** Every email the emulated MailApp sent, newest first. */
    emails(): SentEmailView[] {
      return addon.env.outbox
        .map((m) => ({ at: new Date(m.at).toISOString(), to: m.to.join(', '), subject: m.subject, body: m.body }))
        .reverse();
    },
    /**
     * The clock moves a day forward: the day's quotas reset and the time triggers due by then run (the
     * daily reminder run among them), so a person can watch reminders come due.
     */
    nextDay(): { clock: string; triggers: string[] } {
      addon.env.advanceClock(24 * 3_600_000);
      addon.env.newDay();
      const ran = addon.env.runDueTriggers(addon.fns);
      return {
        clock: new Date(addon.env.now()).toISOString(),
        triggers: ran.map((r) => (r.error ? `${r.handler} failed: ${r.error}` : `${r.handler} ran`)),
      };
    },
    language: () => language,
    /** Switches the emulated user's Google language; the menu is built again, as reopening the Sheet does. */
    setLanguage(tag: string): void {
      if (tag !== 'en' && tag !== 'id') throw new SheetViewError(`no language "${tag}" (en or id)`);
      language = tag;
      addon.env.setUserLocale(tag);
      menus = [];
    },
    /** A sidebar's google.script.run call, run as the add-on would run it (a UI execution). */
    call(name: string, arg: unknown): unknown {
      if (!SIDEBAR_CALLS.has(name)) throw new SheetViewError(`"${name}" is not a sidebar callback`);
      return arg === undefined ? addon.run(name, 'ui') : addon.run(name, 'ui', arg);
    },
    sheets(): SheetState[] {
      return addon.env.untracked(() =>
        ss()
          .getSheets()
          .map((s) => ({
            name: s.getName(),
            hidden: typeof s.isSheetHidden === 'function' ? s.isSheetHidden() : false,
            rows: addon.env.sheetValues(s.getName()),
            charts: chartsOf(s as { getCharts?(): EmbeddedChartLike[] }),
          })),
      );
    },
    /** A person types `text` into a cell (1-based row and column). */
    setCell(sheetName: string, row: number, column: number, text: string): void {
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1)
        throw new SheetViewError(`no cell at row ${row}, column ${column}`);
      addon.env.untracked(() => {
        const sheet = sheetNamed(sheetName);
        if (sheet.getMaxRows() < row) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
        const range = sheet.getRange(row, column);
        range.setValue(typed(range.getNumberFormat(), text));
      });
    },
    /** A person types a new row under the last one; `values` by header. Returns its row number. */
    addRow(sheetName: string, values: Record<string, string>): number {
      return addon.env.untracked(() => {
        const sheet = sheetNamed(sheetName);
        const width = sheet.getLastColumn();
        if (width === 0) throw new SheetViewError(`sheet "${sheetName}" has no header row`);
        const header = sheet.getRange(1, 1, 1, width).getValues()[0].map(String);
        const unknown = Object.keys(values).filter((k) => !header.includes(k));
        if (unknown.length) throw new SheetViewError(`sheet "${sheetName}" has no column ${unknown.map((k) => `"${k}"`).join(', ')}`);
        const row = sheet.getLastRow() + 1;
        if (sheet.getMaxRows() < row) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
        header.forEach((h, i) => {
          const text = values[h];
          if (text === undefined || text === '') return;
          const range = sheet.getRange(row, i + 1);
          range.setValue(typed(range.getNumberFormat(), text));
        });
        return row;
      });
    },
    /** Runs a menu function as a menu click would, with `rows` of `sheetName` selected. */
    run(functionName: string, selection: { sheet?: string; rows?: number[] } = {}, answer: 'YES' | 'NO' = 'YES'): RunResult {
      if (!menu().some((m) => m.functionName === functionName)) throw new SheetViewError(`"${functionName}" is not in the add-on's menu`);
      const ui = addon.env.ui;
      const mark = {
        toasts: ui.toasts.length,
        alerts: ui.alerts.length,
        prompts: ui.prompts.length,
        sidebars: ui.sidebars.length,
        dialogs: ui.dialogs.length,
      };
      addon.env.untracked(() => {
        if (!selection.sheet) return;
        const sheet = sheetNamed(selection.sheet);
        ss().setActiveSheet(sheet);
        const rows = (selection.rows ?? []).filter((r) => Number.isInteger(r) && r >= 1);
        if (rows.length)
          ss().setActiveRangeList(sheet.getRangeList(rows.map((r) => `A${r}:${columnLetter(Math.max(1, sheet.getLastColumn()))}${r}`)));
      });
      // Unanswered, the emulator says Yes (or OK). For No: enough answers for any run, the leftovers removed
      // afterwards so they don't answer a later one.
      if (answer === 'NO') ui.responses.push(...Array.from({ length: 20 }, () => ({ button: 'NO' as const })));
      let error: string | null = null;
      try {
        addon.run(functionName, 'ui');
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      } finally {
        ui.responses.splice(0, ui.responses.length);
      }
      return {
        functionName,
        error,
        toasts: ui.toasts.slice(mark.toasts).map((t) => (t.title ? `${t.title}: ${t.message}` : t.message)),
        alerts: [
          ...ui.alerts
            .slice(mark.alerts)
            .map((a) => [a.title, a.prompt].filter(Boolean).join(': ') + (a.buttons === 'OK' ? '' : ` (answered ${a.answer})`)),
          ...ui.prompts.slice(mark.prompts).map((p) => `${p.title}: ${p.prompt} (answered ${p.answer})`),
        ],
        dialogs: ui.dialogs.slice(mark.dialogs).map((d) => `${d.title || '(untitled)'} opened (a dialog; open it in a real Sheet)`),
        sidebars: ui.sidebars.slice(mark.sidebars).map((d) => ({ title: d.title, html: d.content })),
      };
    },
  };
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function serveSheetView(addon: SheetsAddon, port = 0, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const view = sheetView(addon);
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PAGE);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/state') {
      try {
        send(200, { sheets: view.sheets(), menu: view.menu(), language: view.language(), clock: view.clock(), emails: view.emails() });
      } catch (e) {
        send(500, { error: (e as Error).message });
      }
      return;
    }
    if (req.method !== 'POST' || !url.pathname.startsWith('/api/')) {
      send(404, { error: 'not found' });
      return;
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(415, { error: 'send JSON' });
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        if (url.pathname === '/api/cell') {
          view.setCell(String(body.sheet), Number(body.row), Number(body.column), String(body.value ?? ''));
          send(200, { ok: true });
        } else if (url.pathname === '/api/row') {
          const values = Object.fromEntries(
            Object.entries((body.values ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v ?? '')]),
          );
          send(200, { row: view.addRow(String(body.sheet), values) });
        } else if (url.pathname === '/api/next-day') {
          send(200, view.nextDay());
        } else if (url.pathname === '/api/language') {
          view.setLanguage(String(body.language));
          send(200, { language: view.language() });
        } else if (url.pathname === '/api/call') {
          send(200, { value: view.call(String(body.name), body.arg) ?? null });
        } else if (url.pathname === '/api/run') {
          const rows = Array.isArray(body.rows) ? body.rows.map(Number) : [];
          send(
            200,
            view.run(
              String(body.functionName),
              { sheet: body.sheet ? String(body.sheet) : undefined, rows },
              body.answer === 'NO' ? 'NO' : 'YES',
            ),
          );
        } else {
          send(404, { error: 'not found' });
        }
      } catch (e) {
        send(e instanceof SheetViewError || e instanceof SyntaxError ? 400 : 500, { error: (e as Error).message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

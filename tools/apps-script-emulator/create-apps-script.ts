/// <reference types="google-apps-script" />
/**
 * createAppsScript(): one emulated Apps Script project with its bound spreadsheet. State that outlives an
 * execution (sheets, properties, caches, triggers, the clock) lives here; `newExecution()` starts a fresh
 * execution (call counters, the 6-minute budget, held locks, the execution's context).
 */
import { CacheStore, createCacheService } from './cache';
import { createCharts } from './charts';
import type vm from 'vm';
import { Cell } from './cell-values';
import { createContentService, ContentMimeType } from './content-service';
import { FETCHALL_MODELS, type FetchAllModelName } from './cost-model';
import { DAILY_QUOTA, DailyQuota } from './daily-quota';
import { CallCounts, ExecutionMeter, ExecutionSummary } from './execution-meter';
import { asGas, GasSpreadsheet } from './gas-types';
import { createHtmlService } from './html-service';
import { createLockService, LockContention, LockState } from './lock';
import { createMailApp, SentEmail } from './mail-app';
import { createPropertiesService, PropertyStore } from './properties';
import { createScriptApp, TriggerRecord } from './script-app';
import { createLogging, createSession, LogEntry } from './session-and-logs';
import { SheetContext } from './sheet-context';
import { createSpreadsheetApp, EmuSpreadsheet } from './spreadsheet';
import { EmuUi, emptyUiRecord, UiRecord } from './ui';
import { createUrlFetchApp, FetchFn, FetchRequest } from './url-fetch';
import { createUtilities } from './utilities';
import { requireScope } from './scopes';
import { requireAuthMode, revealsAddress, type AuthMode } from './auth-mode';

/** Where an execution was started from: a menu or sidebar (has a UI), the web app, or a trigger. */
export type ExecutionContext = 'ui' | 'webapp' | 'trigger';

export interface EmulatorOptions {
  /** Every UrlFetchApp request goes here, synchronously (simulatorFetch(sim) adapts the simulator). */
  fetch: FetchFn;
  scriptProperties?: Record<string, string>;
  userProperties?: Record<string, string>;
  documentProperties?: Record<string, string>;
  /** End the execution at its n-th service call (that call has no effect), like the 6-minute kill; unflushed Spreadsheet writes are lost (unflushed-writes.ts). One-shot. */
  stopAtCall?: number;
  /** Simulated contention: true = always held by another execution; or per attempt (1-based). */
  lockContention?: LockContention;
  /** Container-bound script (default true). false = standalone web app: no active spreadsheet, no getUi. */
  bound?: boolean;
  /** Distributed as an add-on: time triggers more frequent than hourly are refused. Default false. */
  addOn?: boolean;
  /** The user's Google language, as Session.getActiveUserLocale answers it. Default `en`. */
  userLocale?: string;
  /** The spreadsheet's locale (getSpreadsheetLocale). Default `en_US`. */
  spreadsheetLocale?: string;
  /** Script and spreadsheet time zone. Default Asia/Jakarta. */
  timeZone?: string;
  /** Emulated clock at start (ms since epoch). Default: the real time when the environment is created. */
  startTime?: number;
  /** Called whenever the emulated clock moves (e.g. ms => simulator.advance(ms)). */
  onClockAdvance?: (ms: number) => void;
  /** Makes Utilities.getUuid deterministic. */
  seed?: number;
  /** Directory with the project's .html files (HtmlService.createHtmlOutputFromFile). */
  htmlDir?: string;
  /** ScriptApp.getService().getUrl(). */
  webAppUrl?: string;
  spreadsheetId?: string;
  spreadsheetName?: string;
  ownerEmail?: string;
  installationSource?: 'NONE' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | 'WEB_STORE_ADD_ON';
  /** Context of the first execution (default 'ui'). */
  context?: ExecutionContext;
  /** Daily quotas (default: consumer tier, urlfetch 20,000, properties 50,000, email recipients 100). */
  dailyQuota?: Partial<Record<'urlfetch' | 'properties' | 'email', number>>;
  /** Which fetchAll constants price the run (cost-model.ts FETCHALL_MODELS; default 'central'). */
  fetchAllModel?: FetchAllModelName;
  /**
   * The manifest's `oauthScopes`: a call needing a scope not listed throws Apps Script's permission error
   * (scopes.ts). Absent = no explicit list, so Apps Script grants what it detects in the code.
   */
  oauthScopes?: readonly string[];
}

export interface NewExecutionOptions {
  context?: ExecutionContext;
  /**
   * What the execution may call (auth-mode.ts). Default FULL: menu items, sidebars, installable triggers
   * and the web app. A simple `onOpen` runs LIMITED (bound script) or NONE (an add-on not yet used here).
   */
  authMode?: AuthMode;
  /** arm a cut at the n-th call of this execution */
  stopAtCall?: number;
}

export interface AppsScriptEnvironment {
  /** SpreadsheetApp, UrlFetchApp, PropertiesService, CacheService, LockService, Utilities, ContentService, HtmlService, ScriptApp, Session, MailApp, Logger, console, MimeType */
  globals: Record<string, unknown>;
  /** The bound spreadsheet (always available to tests, even when the script is standalone). */
  spreadsheet: GasSpreadsheet;
  /** Counters of the current execution (a live view). */
  readonly calls: CallCounts;
  /** Modelled duration of the current execution (cost-model.ts), including the final flush. */
  modelledMs(): number;
  ui: UiRecord;
  logs: string[];
  logEntries: LogEntry[];
  newExecution(options?: NewExecutionOptions): void;

  // ---- beyond the agreed interface (additive) ----
  /** Summaries of finished executions, oldest first. */
  readonly history: ExecutionSummary[];
  /** Emulated clock (ms since epoch); the bundle's Date follows it. Pass it to createSimulator({ now }). */
  now(): number;
  advanceClock(ms: number): void;
  /** Runs test set-up or inspection without counting, pricing or cutting. */
  untracked<T>(fn: () => T): T;
  /** The message the current execution was ended with, or null. */
  readonly killed: string | null;
  readonly context: ExecutionContext;
  /** Every request UrlFetchApp sent (lower-case header names). */
  fetches: FetchRequest[];
  triggers: TriggerRecord[];
  properties: { script: Map<string, string>; user: Map<string, string>; document: Map<string, string> };
  /** CacheService is best-effort: drops every cached item (script, user and document caches). */
  evictCaches(): void;
  setLockContention(contention: LockContention): void;
  /** Every email MailApp sent, oldest first. */
  outbox: SentEmail[];
  /** Changes the user's Google language (Session.getActiveUserLocale) from the next call on. */
  setUserLocale(tag: string): void;
  /** Units of the daily quotas used so far; `newDay()` resets them. */
  quotaUsage(): Record<string, number>;
  newDay(): void;
  setStopAtCall(n: number | undefined): void;
  /** Raw cell (value, formula, format) for assertions; undefined when never written. */
  inspectCell(sheetName: string, row: number, column: number): Cell | undefined;
  /** getValues of the whole data range of a sheet, untracked. */
  sheetValues(sheetName: string): unknown[][];
  /**
   * Fires the clock triggers that are due on the emulated clock, each in a new execution with context
   * 'trigger', calling `functions[handler]` with a time-driven event. A fired one-shot (after) trigger stays
   * listed until the script deletes it (INFERRED from user reports: one-off triggers count toward the 20 until
   * deleted) but does not fire again; a recurring one is rescheduled.
   */
  runDueTriggers(functions: Record<string, (...args: unknown[]) => unknown>): Array<{ handler: string; error: string | null }>;
  /**
   * Runs `fn` as an execution overlapping the current one (its own counters, budget, context and locks;
   * a lock the current execution holds is contended for it), then resumes the current execution.
   */
  concurrently<T>(fn: () => T, options?: { context?: ExecutionContext }): T;
  /** Runs `fn` as top-level code: in AuthMode.NONE, the strictest execution it also runs in (auth-mode.ts). */
  atModuleScope<T>(fn: () => T): T;
  readonly authMode: AuthMode;
  /** The vm context of the loaded bundle (set by loadBundle). */
  scriptContext: vm.Context | null;
  readonly emulatedSpreadsheet: EmuSpreadsheet;
}

export function createAppsScript(options: EmulatorOptions): AppsScriptEnvironment {
  const bound = options.bound ?? true;
  const timeZone = options.timeZone ?? 'Asia/Jakarta';
  const meter = new ExecutionMeter(
    options.startTime ?? Date.now(),
    options.stopAtCall,
    options.onClockAdvance,
    FETCHALL_MODELS[options.fetchAllModel ?? 'central'],
  );
  let context: ExecutionContext = options.context ?? 'ui';
  const ui = emptyUiRecord();
  const logs: string[] = [];
  const logEntries: LogEntry[] = [];
  const fetches: FetchRequest[] = [];
  const triggers: TriggerRecord[] = [];
  const outbox: SentEmail[] = [];
  const ownerEmail = options.ownerEmail ?? 'owner@example.com';
  const lockState = new LockState(options.lockContention ?? false);
  const quota = new DailyQuota({ ...DAILY_QUOTA, ...options.dailyQuota });
  const granted = options.oauthScopes ? new Set(options.oauthScopes) : undefined;
  let authMode: AuthMode = 'FULL';
  meter.setGate((method) => {
    requireScope(method, granted);
    requireAuthMode(method, authMode);
  });
  meter.onExecutionEnd((ended) => {
    for (const [scope, holder] of lockState.held) if (holder === ended) lockState.held.delete(scope);
  });

  let spreadsheet: EmuSpreadsheet;
  const sheetCtx: SheetContext = {
    meter,
    timeZone: () => spreadsheet.timeZone,
  };
  spreadsheet = new EmuSpreadsheet(
    sheetCtx,
    options.spreadsheetId ?? '1EmulatedSpreadsheetId0000000000000000000000',
    options.spreadsheetName ?? 'Invoices',
    timeZone,
    ui,
  );
  spreadsheet.toastAudience = () => context === 'ui';
  if (options.spreadsheetLocale) spreadsheet.locale = options.spreadsheetLocale;
  let userLocale = options.userLocale ?? 'en';

  const propertyStores = {
    script: new PropertyStore(options.scriptProperties),
    user: new PropertyStore(options.userProperties),
    document: new PropertyStore(options.documentProperties),
  };
  const cacheStores = { script: new CacheStore(), user: new CacheStore(), document: new CacheStore() };
  const { Logger, console } = createLogging(meter, logs, logEntries);
  let scriptContext: vm.Context | null = null;

  const globals: Record<string, unknown> = {
    SpreadsheetApp: createSpreadsheetApp({ spreadsheet, bound, hasUi: () => context === 'ui', ui: new EmuUi(meter, ui) }),
    UrlFetchApp: createUrlFetchApp({ meter, fetch: options.fetch, sent: fetches, quota }),
    PropertiesService: createPropertiesService(meter, propertyStores, bound, quota),
    CacheService: createCacheService(meter, cacheStores, bound),
    LockService: createLockService(meter, lockState, bound),
    Utilities: createUtilities(meter, options.seed),
    ContentService: createContentService(meter),
    HtmlService: createHtmlService({ meter, htmlDir: options.htmlDir, scriptContext: () => scriptContext }),
    ScriptApp: createScriptApp({
      meter,
      triggers,
      webAppUrl: options.webAppUrl ?? 'https://script.google.com/macros/s/AKfycbEmulatedDeployment/exec',
      scriptId: '1EmulatedScriptId',
      addOn: options.addOn ?? false,
      installationSource: options.installationSource ?? 'NONE',
    }),
    Session: createSession({
      meter,
      timeZone: () => timeZone,
      effectiveUserEmail: () => (revealsAddress(authMode) ? ownerEmail : ''),
      // Anonymous web app callers (Midtrans) have no identity.
      activeUserEmail: () => (context === 'webapp' || !revealsAddress(authMode) ? '' : ownerEmail),
      userLocale: () => userLocale,
    }),
    MailApp: createMailApp({ meter, quota, outbox }),
    Logger,
    console,
    Charts: createCharts(),
    MimeType: { JSON: 'application/json', PLAIN_TEXT: 'text/plain', HTML: 'text/html', CSV: 'text/csv' },
  };
  void ContentMimeType;

  return {
    globals,
    spreadsheet: asGas<GasSpreadsheet>(spreadsheet),
    get calls() {
      return meter.calls;
    },
    modelledMs: () => meter.modelledMs(),
    ui,
    logs,
    logEntries,
    newExecution(o: NewExecutionOptions = {}) {
      meter.newExecution();
      context = o.context ?? 'ui';
      authMode = o.authMode ?? 'FULL';
      if (o.stopAtCall !== undefined) meter.setStopAtCall(o.stopAtCall);
    },
    get history() {
      return meter.history;
    },
    now: () => meter.now(),
    advanceClock: (ms: number) => meter.advanceClock(ms),
    untracked: <T>(fn: () => T) => meter.untracked(fn),
    get killed() {
      return meter.killed;
    },
    get context() {
      return context;
    },
    fetches,
    outbox,
    triggers,
    properties: { script: propertyStores.script.data, user: propertyStores.user.data, document: propertyStores.document.data },
    evictCaches() {
      for (const store of Object.values(cacheStores)) store.evict();
    },
    setUserLocale(tag: string) {
      userLocale = tag;
    },
    setLockContention(c: LockContention) {
      lockState.contention = c;
    },
    quotaUsage: () => quota.usage(),
    newDay: () => quota.reset(),
    setStopAtCall(n: number | undefined) {
      meter.setStopAtCall(n);
    },
    inspectCell(sheetName: string, row: number, column: number) {
      const s = spreadsheet.sheetNamed(sheetName);
      if (!s) throw new Error(`No sheet named ${sheetName}`);
      const c = s.peek(row, column);
      return c ? { ...c } : undefined;
    },
    sheetValues(sheetName: string) {
      return meter.untracked(() => {
        const s = spreadsheet.sheetNamed(sheetName);
        if (!s) throw new Error(`No sheet named ${sheetName}`);
        return s.getDataRange().getValues();
      });
    },
    runDueTriggers(functions: Record<string, (...args: unknown[]) => unknown>) {
      const due = triggers
        .filter((t) => t.eventType === 'CLOCK' && t.dueAt !== undefined && t.dueAt <= meter.now())
        .sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
      const ran: Array<{ handler: string; error: string | null }> = [];
      for (const t of due) {
        t.dueAt = t.everyMs !== undefined ? (t.dueAt as number) + t.everyMs : undefined;
        meter.newExecution();
        context = 'trigger';
        // Installable triggers run with the authorization of the user who made them.
        authMode = 'FULL';
        const fn = functions[t.handlerFunction];
        let error: string | null = null;
        try {
          if (typeof fn !== 'function') throw new Error(`Script function not found: ${t.handlerFunction}`);
          fn({ triggerUid: t.id, authMode: 'FULL' });
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        ran.push({ handler: t.handlerFunction, error });
      }
      return ran;
    },
    concurrently<T>(fn: () => T, o: { context?: ExecutionContext } = {}): T {
      const outer = { context, authMode };
      context = o.context ?? 'webapp';
      authMode = 'FULL';
      try {
        return meter.concurrently(fn);
      } finally {
        ({ context, authMode } = outer);
      }
    },
    atModuleScope<T>(fn: () => T): T {
      const outer = authMode;
      authMode = 'NONE';
      try {
        return fn();
      } finally {
        authMode = outer;
      }
    },
    get authMode() {
      return authMode;
    },
    get scriptContext() {
      return scriptContext;
    },
    set scriptContext(c: vm.Context | null) {
      scriptContext = c;
    },
    emulatedSpreadsheet: spreadsheet,
  };
}

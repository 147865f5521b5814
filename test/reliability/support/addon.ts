/**
 * The built Sheets add-on (apps-script/src, built into a temporary folder once per test file) running
 * in the Apps Script emulator against the Midtrans simulator, sharing the emulator's clock. One
 * environment per seed; nothing is shared between seeds except the bundle text.
 */
import path from 'path';
import {
  simulatorFetch,
  postEvent,
  type AppsScriptEnvironment,
  type EmulatorOptions,
  type FetchFn,
  type FetchRequest,
  type FetchResult,
} from '../../../tools/apps-script-emulator';
import { createSimulator, type FaultOptions, type Simulator } from '../../../tools/simulator';
import {
  ADDON_BUILD_SCRIPT,
  buildAddon,
  col,
  configuredProperties,
  startAddon,
  typeInvoiceSheet,
  TEMPLATE,
  type AddonBundle,
  type Column,
} from '../../support/sheets-addon';
import { formatRupiah, parseRupiah } from '../../../core/src';
import { PLANTED_KEY } from './secrets';
import { testTempDir } from '../../support/temp-dir';

export { col, TEMPLATE, type Column };

/**
 * RELIABILITY_ADDON_BUILD names another copy's build.js (a deliberately broken copy of apps-script/,
 * to check that these suites catch the defect); by default the add-on's own sources are built.
 */
const buildScript = process.env.RELIABILITY_ADDON_BUILD ? path.resolve(process.env.RELIABILITY_ADDON_BUILD) : ADDON_BUILD_SCRIPT;

/** The columns the add-on owns; every other cell must come out exactly as it went in. */
export const OUTPUT: readonly Column[] = ['Payment Link', 'Status', 'Paid At', 'Note'];
/** Script Properties key of the run marker (apps-script/src/settings.ts PROPERTY.run). */
export const RUN_MARKER = 'MIDTRANS_RUN';
/**
 * run-guard.ts takes a marker whose startedAt is more than the 6-minute limit plus 30 s old for a dead
 * run's (there is no heartbeat); 7 minutes is safely past that.
 */
export const MARKER_STALE_MS = 7 * 60_000;

let bundle: AddonBundle | undefined;
export function addonBundle(): AddonBundle {
  if (!bundle) bundle = buildAddon(testTempDir('midtrans-reliability-'), buildScript);
  return bundle;
}

export type Row = string[];

export interface AddonOptions {
  seed?: number;
  faults?: FaultOptions;
  serverKey?: string;
  emulator?: Partial<EmulatorOptions>;
  /**
   * Called after the simulator answered each UrlFetchApp request and before the script sees the answer:
   * the place to start a second execution "while" this one waits on the network (executions are
   * sequential in the emulator, so interleaving happens here).
   */
  afterFetch?: (request: FetchRequest, answer: FetchResult) => void;
  /** Stands something between the script and the simulator (support/hostile.ts). */
  wrapFetch?: (toSimulator: FetchFn) => FetchFn;
  /** The key the simulator accepts, when it should differ from the one in Script Properties (a 401). */
  simulatorKey?: string;
}

export interface RunOutcome {
  /** Whatever escaped the entry point (a killed execution throws out of it, as in Apps Script). */
  thrown?: unknown;
  killed: string | null;
  alerts: string[];
  toasts: string[];
}

export interface Addon {
  env: AppsScriptEnvironment;
  sim: Simulator;
  fns: Record<string, (...args: unknown[]) => unknown>;
  /** An entry point as a fresh execution, or (`concurrent`) as one overlapping the current execution. */
  run(
    name: string,
    options?: { context?: 'ui' | 'webapp' | 'trigger'; stopAtCall?: number; args?: unknown[]; concurrent?: boolean },
  ): RunOutcome;
  /** A raw doPost body as Apps Script hands it over; returns the text answer. */
  post(text: string, options?: { concurrent?: boolean }): string;
  setSheet(rows: Row[]): void;
  /** The Invoices sheet's data rows (header dropped), as strings, padded with blank rows to `atLeast`. */
  rows(atLeast?: number): string[][];
}

function textOf(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v ?? '');
}

export function createAddon(options: AddonOptions = {}): Addon {
  const serverKey = options.serverKey ?? PLANTED_KEY;
  let env!: AppsScriptEnvironment;
  const sim = createSimulator({
    serverKey: options.simulatorKey ?? serverKey,
    publicBaseUrl: 'https://app.sandbox.midtrans.com',
    now: () => env.now(),
    seed: options.seed ?? 1,
    faults: options.faults,
  });
  const toSimulator = options.wrapFetch ? options.wrapFetch(simulatorFetch(sim)) : simulatorFetch(sim);
  let fns!: Record<string, (...args: unknown[]) => unknown>;
  ({ env, fns } = startAddon(addonBundle(), {
    fetch: (request) => {
      const answer = toSimulator(request);
      options.afterFetch?.(request, answer);
      return answer;
    },
    startTime: Date.UTC(2026, 10, 27, 3, 0, 0),
    seed: options.seed ?? 1,
    scriptProperties: configuredProperties(serverKey),
    ...options.emulator,
  }));
  const uiSeen = { alerts: 0, toasts: 0 };
  const addon: Addon = {
    env,
    sim,
    fns,
    run(name, o = {}) {
      const fn = fns[name];
      if (!fn) throw new Error(`the bundle has no entry point ${name}`);
      let thrown: unknown;
      let killed: string | null = null;
      const call = () => {
        try {
          fn(...(o.args ?? []));
        } catch (e) {
          thrown = e;
        }
        killed = env.killed;
      };
      if (o.concurrent) {
        env.concurrently(call, { context: o.context ?? 'ui' });
      } else {
        env.newExecution({ context: o.context ?? 'ui', stopAtCall: o.stopAtCall });
        call();
      }
      const alerts = env.ui.alerts.slice(uiSeen.alerts).map((a) => JSON.stringify(a));
      const toasts = env.ui.toasts.slice(uiSeen.toasts).map((t) => JSON.stringify(t));
      uiSeen.alerts = env.ui.alerts.length;
      uiSeen.toasts = env.ui.toasts.length;
      return { thrown, killed, alerts, toasts };
    },
    post(text, o = {}) {
      const call = () => (fns.doPost(postEvent(text)) as { getContent(): string }).getContent();
      if (o.concurrent) return env.concurrently(call, { context: 'webapp' });
      env.newExecution({ context: 'webapp' });
      return call();
    },
    setSheet(rows) {
      // Text format first, as a merchant's typed-in text stays text: the test compares strings.
      typeInvoiceSheet(env, TEMPLATE, rows, { asText: true });
    },
    rows(atLeast = 0) {
      const out = env
        .sheetValues('Invoices')
        .slice(1)
        .map((r) => r.map(textOf));
      while (out.length < atLeast) out.push(TEMPLATE.map(() => ''));
      return out;
    },
  };
  return addon;
}

/** A row in template order from named cells. */
export function row(cells: Partial<Record<Column, string>>): Row {
  return TEMPLATE.map((name) => cells[name] ?? '');
}

/**
 * The one merchant cell the add-on may write: an empty Amount of a row billed as Quantity × Unit Price
 * gets the billed total (`Rp 225.000`) once its link exists, so the sheet shows what the customer pays.
 * True when `after` holds exactly that for `before`.
 */
export function isBilledAmountFill(before: readonly string[], after: readonly string[]): boolean {
  if (before[col('Amount')] !== '' || after[col('Payment Link')] === '') return false;
  const price = parseRupiah(before[col('Unit Price')]).value;
  const quantity = before[col('Quantity')] === '' ? 1 : Number(before[col('Quantity')]);
  return price !== undefined && Number.isInteger(quantity) && after[col('Amount')] === formatRupiah(price * quantity);
}

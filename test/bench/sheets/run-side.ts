/**
 * One side of the Sheets benchmark: a script (our built add-on, or the baseline) in its own Apps Script
 * emulator against its own Midtrans simulator (synchronous handler through simulatorFetch), run in as
 * many executions as it takes to finish, with every execution's counters and modelled time kept.
 */
import fs from 'fs';
import {
  createAppsScript,
  loadBundleSource,
  simulatorFetch,
  type AppsScriptEnvironment,
  type CallCounts,
} from '../../../tools/apps-script-emulator';
import type { FetchAllModelName } from '../../../tools/apps-script-emulator';
import { createSimulator, type FaultOptions, type Simulator } from '../../../tools/simulator';
import type { Workload } from './invoice-rows';

export const SERVER_KEY = 'SB-Mid-server-SheetsBench0123456789';
const START = Date.UTC(2026, 10, 27, 3, 0, 0);
/** A run that needs more executions than this is reported as not finishing. */
export const MAX_EXECUTIONS = 200;

export interface ExecutionRecord {
  modelledMs: number;
  calls: CallCounts;
  killed: string | null;
  /** Rows with a link when the execution ended. */
  linkedRows: number;
}

export interface SideRun {
  env: AppsScriptEnvironment;
  sim: Simulator;
  executions: ExecutionRecord[];
  finished: boolean;
}

export interface Side {
  name: 'ours' | 'baseline' | 'competentBaseline';
  /** Code.js text (Apps Script source). */
  source: string;
  /** Starts the first execution: a menu click. */
  first: (fns: Record<string, (...a: unknown[]) => unknown>, env: AppsScriptEnvironment) => void;
  /** The next execution, or null when the run is done. */
  next: (env: AppsScriptEnvironment, last: ExecutionRecord) => ((fns: Record<string, (...a: unknown[]) => unknown>) => void) | null;
}

function linkedRows(env: AppsScriptEnvironment): number {
  const values = env.sheetValues('Invoices');
  const col = values[0].indexOf('Payment Link');
  return values.slice(1).filter((r) => String(r[col] ?? '') !== '').length;
}

/** What a table of the benchmark varies: the fetchAll constants that price it, and how Midtrans behaves. */
export interface BenchVariant {
  fetchAllModel: FetchAllModelName;
  faults?: FaultOptions;
}

export const CENTRAL: BenchVariant = { fetchAllModel: 'central' };

export function setUpSide(workload: Workload, variant: BenchVariant = CENTRAL, seed = 7): { env: AppsScriptEnvironment; sim: Simulator } {
  let env!: AppsScriptEnvironment;
  const sim = createSimulator({
    serverKey: SERVER_KEY,
    publicBaseUrl: 'https://app.sandbox.midtrans.com',
    now: () => env.now(),
    seed,
    faults: variant.faults,
  });
  env = createAppsScript({
    fetch: simulatorFetch(sim),
    fetchAllModel: variant.fetchAllModel,
    startTime: START,
    seed,
    scriptProperties: {
      MIDTRANS_SERVER_KEY: SERVER_KEY,
      MIDTRANS_ENVIRONMENT: 'sandbox',
      MIDTRANS_API_BASE_URL: 'https://api.sandbox.midtrans.com',
    },
  });
  env.untracked(() => {
    const ss = env.spreadsheet;
    const sheet = ss.getSheetByName('Invoices') ?? ss.insertSheet('Invoices');
    const data = [workload.header, ...workload.rows];
    const width = workload.header.length;
    if (sheet.getMaxRows() < data.length) sheet.insertRowsAfter(sheet.getMaxRows(), data.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, data.length, width).setValues(data);
  });
  return { env, sim };
}

export function runSide(side: Side, workload: Workload, variant: BenchVariant = CENTRAL): SideRun {
  const { env, sim } = setUpSide(workload, variant);
  const fns = loadBundleSource(side.source, env, side.name === 'ours' ? 'Code.js' : `${side.name}.js`);
  const executions: ExecutionRecord[] = [];
  const record = () => {
    const r: ExecutionRecord = {
      modelledMs: env.modelledMs(),
      calls: structuredClone(env.calls),
      killed: env.killed,
      linkedRows: linkedRows(env),
    };
    executions.push(r);
    return r;
  };
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      // The 6-minute kill throws out of the script; anything else is a real failure of the side.
      if (!env.killed) throw e;
    }
  };
  env.newExecution({ context: 'ui' });
  attempt(() => side.first(fns, env));
  let last = record();
  let step = side.next(env, last);
  while (step && executions.length < MAX_EXECUTIONS) {
    const run = step;
    attempt(() => run(fns));
    last = record();
    step = side.next(env, last);
  }
  return { env, sim, executions, finished: step === null };
}

export function readSource(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

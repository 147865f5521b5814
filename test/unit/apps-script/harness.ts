/**
 * The built add-on (dist/Code.js, built into a temporary folder) running in the Apps Script emulator
 * against the Midtrans simulator. Both share one clock: the emulator's, which every priced service
 * call moves, so link expiry and the 6-minute limit follow the modelled time.
 */
import { postEvent, simulatorFetch, type AppsScriptEnvironment, type EmulatorOptions } from '../../../tools/apps-script-emulator';
import { createSimulator, type FaultOptions, type NotificationBody, type Simulator } from '../../../tools/simulator';
import {
  buildAddon,
  configuredProperties,
  startAddon,
  typeInvoiceSheet,
  TEMPLATE as TEMPLATE_COLUMNS,
  type AddonBundle,
} from '../../support/sheets-addon';
import { testTempDir } from '../../support/temp-dir';

export const SERVER_KEY = 'SB-Mid-server-HarnessKey0123456789';
export const TEMPLATE: string[] = [...TEMPLATE_COLUMNS];

let built: AddonBundle | undefined;
/** Builds once per test file (jest runs files in separate processes, each gets its own folder). */
function bundle(): AddonBundle {
  if (!built) built = buildAddon(testTempDir('midtrans-addon-'));
  return built;
}
export function bundleDir(): string {
  return bundle().dir;
}

export type Entry = (...args: unknown[]) => unknown;

export interface Harness {
  env: AppsScriptEnvironment;
  sim: Simulator;
  fns: Record<string, Entry>;
  /** Runs an entry point as a fresh execution from the given context. */
  run(name: string, context?: 'ui' | 'webapp' | 'trigger', ...args: unknown[]): unknown;
  /** Delivers a notification body to doPost (a fresh web-app execution) and returns its JSON answer. */
  post(body: unknown): { ok: boolean; result: string };
  postRaw(text: string): { ok: boolean; result: string };
  /** The Invoices sheet as values (untracked). */
  rows(): unknown[][];
  /** The value under a header in a sheet row (1-based). */
  cell(row: number, header: string): unknown;
  rowOf(orderId: string): number;
  setSheet(rows: unknown[][], header?: string[]): void;
}

export interface HarnessOptions {
  faults?: FaultOptions;
  seed?: number;
  emulator?: Partial<EmulatorOptions>;
  withKey?: boolean;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  let env!: AppsScriptEnvironment;
  let fns!: Record<string, Entry>;
  const sim = createSimulator({
    serverKey: SERVER_KEY,
    publicBaseUrl: 'https://app.sandbox.midtrans.com',
    now: () => env.now(),
    seed: options.seed ?? 7,
    faults: options.faults,
  });
  ({ env, fns } = startAddon(bundle(), {
    fetch: simulatorFetch(sim),
    startTime: Date.UTC(2026, 10, 27, 3, 0, 0),
    seed: options.seed ?? 7,
    scriptProperties: options.withKey === false ? {} : configuredProperties(SERVER_KEY),
    ...options.emulator,
  }));
  let header = TEMPLATE;

  const h: Harness = {
    env,
    sim,
    fns,
    run(name, context = 'ui', ...args) {
      // onOpen is always a simple trigger: LIMITED in a bound script, NONE in an add-on not yet used in
      // the document; the stricter one.
      env.newExecution({ context, authMode: name === 'onOpen' ? 'NONE' : 'FULL' });
      const fn = fns[name];
      if (!fn) throw new Error(`no entry point ${name}`);
      return fn(...args);
    },
    post(body) {
      return h.postRaw(JSON.stringify(body));
    },
    postRaw(text) {
      env.newExecution({ context: 'webapp' });
      const out = fns.doPost(postEvent(text)) as { getContent(): string };
      return JSON.parse(out.getContent());
    },
    rows() {
      return env.sheetValues('Invoices');
    },
    cell(row, name) {
      const col = header.indexOf(name);
      if (col < 0) throw new Error(`no header ${name}`);
      return h.rows()[row - 1]?.[col];
    },
    rowOf(orderId) {
      const col = header.indexOf('Order ID');
      const i = h.rows().findIndex((r) => String(r[col]) === orderId);
      if (i < 0) throw new Error(`no row for ${orderId}`);
      return i + 1;
    },
    setSheet(rows, head = TEMPLATE) {
      header = head;
      typeInvoiceSheet(env, head, rows);
    },
  };
  return h;
}

/** A row in template order from named fields. */
export function row(fields: Partial<Record<string, unknown>>, head = TEMPLATE): unknown[] {
  return head.map((name) => (fields[name] === undefined ? '' : fields[name]));
}

/** Pays (or moves) a purchase in the simulator and returns the signed notification body it emitted. */
export function pay(sim: Simulator, orderId: string, status: string, extra: Record<string, unknown> = {}): NotificationBody {
  return sim.pay(orderId, { status, payment_type: 'bank_transfer', ...extra });
}

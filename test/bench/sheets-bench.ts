/**
 * `npm run bench -- sheets`: our built add-on against two baselines, the typical tutorial script
 * (baseline/tutorial-create-links.js) and a competent batched one (baseline/competent-create-links.js), each in the Apps Script emulator against the Midtrans simulator,
 * priced by the emulator's cost model, run to completion over as many executions as the 6-minute limit
 * makes necessary: ours continues through its own continuation trigger, the baseline is simply run
 * again (it skips rows that already have a link). All three must produce the same, correct links.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describeCostModel, FETCHALL_MODELS } from '../../tools/apps-script-emulator';
import { round } from './measure';
import { repoRoot } from './repo-root';
import { costModel } from './sheets/cost-model-lines';
import { invoiceRows } from './sheets/invoice-rows';
import {
  CENTRAL,
  readSource,
  runSide,
  SERVER_KEY,
  type BenchVariant,
  type ExecutionRecord,
  type Side,
  type SideRun,
} from './sheets/run-side';
import { verifyLinks } from './sheets/verify-links';

export const ROW_COUNTS = [100, 1000, 10000];
const CONTINUE_HANDLER = 'continueGeneration';

export function buildAddOn(): string {
  const { build } = require(path.join(repoRoot(), 'apps-script', 'scripts', 'build.js')) as {
    build: (o: { outDir: string }) => { outDir: string };
  };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-addon-'));
  try {
    build({ outDir });
    return readSource(path.join(outDir, 'Code.js'));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export function baselineSource(): string {
  return readSource(path.join(repoRoot(), 'test', 'bench', 'baseline', 'tutorial-create-links.js'));
}

export function competentSource(): string {
  return readSource(path.join(repoRoot(), 'test', 'bench', 'baseline', 'competent-create-links.js'));
}

/** Ours: the menu's Generate, then each continuation trigger it leaves, fired when it is due. */
export function oursSide(source: string): Side {
  const fired = new Set<string>();
  return {
    name: 'ours',
    source,
    first: (fns) => void fns.generatePaymentLinks(),
    next: (env) => {
      const t = env.triggers.find((x) => x.handlerFunction === CONTINUE_HANDLER && !fired.has(x.id));
      if (!t) return null;
      fired.add(t.id);
      return (fns) => {
        // Waiting for the trigger is not execution time: the clock moves between executions.
        env.advanceClock(Math.max(0, (t.dueAt ?? env.now()) - env.now()));
        env.newExecution({ context: 'trigger' });
        fns[CONTINUE_HANDLER]({ authMode: 'FULL', triggerUid: t.id });
      };
    },
  };
}

/** The baseline: run again from the editor while the last run was killed by the time limit. */
export function baselineSide(source: string): Side {
  return {
    name: 'baseline',
    source,
    first: (fns) => void fns.createPaymentLinks(),
    next: (env, last: ExecutionRecord) =>
      last.killed
        ? (fns) => {
            env.newExecution({ context: 'ui' });
            fns.createPaymentLinks();
          }
        : null,
  };
}

/**
 * The competent baseline: run again from the editor while the last run was killed, or stopped itself
 * with rows left (it records how many in a script property, as a person would read its log).
 */
export function competentSide(source: string): Side {
  return {
    name: 'competentBaseline',
    source,
    first: (fns) => void fns.createPaymentLinks(),
    next: (env, last: ExecutionRecord) =>
      last.killed || Number(env.properties.script.get('COMPETENT_ROWS_LEFT') ?? '0') > 0
        ? (fns) => {
            env.newExecution({ context: 'ui' });
            fns.createPaymentLinks();
          }
        : null,
  };
}

export interface SideFigures {
  modelledSeconds: number;
  spreadsheetCalls: number;
  cellsTouched: number;
  fetchRoundTrips: number;
  executions: number;
  fetchRequests: number;
  links: number;
  finished: boolean;
  secondsPerExecution: number[];
  problems: string[];
  /** Only in the rate-limited table: creates Midtrans answered 429. */
  rateLimited?: number;
}

function figures(run: SideRun, check: { links: number; problems: string[] }): SideFigures {
  const sum = (f: (e: ExecutionRecord) => number) => run.executions.reduce((a, e) => a + f(e), 0);
  return {
    modelledSeconds: round(sum((e) => e.modelledMs) / 1000, 1),
    spreadsheetCalls: sum((e) => e.calls.spreadsheetCalls),
    cellsTouched: sum((e) => e.calls.cellsTouched),
    fetchRoundTrips: sum((e) => e.calls.fetchRoundTrips),
    executions: run.executions.length,
    fetchRequests: sum((e) => e.calls.fetchRequests),
    links: check.links,
    finished: run.finished,
    secondsPerExecution: run.executions.map((e) => round(e.modelledMs / 1000, 1)),
    problems: check.problems.slice(0, 5),
  };
}

export interface SheetsSources {
  ours: string;
  baseline: string;
  competentBaseline: string;
}

export function measureSheets(rows: number, sources: SheetsSources, variant: BenchVariant = CENTRAL) {
  const workload = invoiceRows(rows);
  const out: Record<string, SideFigures> = {};
  for (const side of [oursSide(sources.ours), baselineSide(sources.baseline), competentSide(sources.competentBaseline)]) {
    const run = runSide(side, workload, variant);
    out[side.name] = figures(run, verifyLinks(run.env, run.sim, SERVER_KEY, workload));
    if (variant.faults?.rateLimit) out[side.name].rateLimited = run.sim.stats().rateLimited;
  }
  return {
    rows,
    validRows: workload.validOrderIds.length,
    ours: out.ours,
    baseline: out.baseline,
    competentBaseline: out.competentBaseline,
  };
}

/** The three tables the benchmark reports (docs/performance.md "Sheets: bulk generation"): which constants price each, and how Midtrans behaves in it. */
export const TABLES: { key: 'sheets' | 'sheetsPessimistic' | 'sheetsRateLimited'; variant: BenchVariant; says: string }[] = [
  { key: 'sheets', variant: CENTRAL, says: 'central fetchAll constants, Midtrans without limits' },
  {
    key: 'sheetsPessimistic',
    variant: { fetchAllModel: 'pessimistic' },
    says: 'pessimistic fetchAll constants (c = 100 ms), Midtrans without limits',
  },
  {
    key: 'sheetsRateLimited',
    // [inferred] Midtrans publishes no limit; 20 concurrent creates sits below the 30 at which [poehnelt] saw APIs answer 429.
    variant: {
      fetchAllModel: 'central',
      faults: { rateLimit: { maxConcurrent: 20, retryAfterSeconds: { min: 1, max: 3 }, retryAfterRate: 0.5 } },
    },
    says: 'central fetchAll constants, Midtrans answering 429 past 20 concurrent creates (Retry-After 1–3 s on half of them)',
  },
];

function runTable(key: string, variant: BenchVariant, says: string, rowCounts: number[], sources: SheetsSources) {
  console.log(`\n== ${key}: ${says} ==`);
  for (const line of describeCostModel(FETCHALL_MODELS[variant.fetchAllModel])) console.log(`  ${line}`);
  return rowCounts.map((rows) => {
    const m = measureSheets(rows, sources, variant);
    const sides = { ours: m.ours, baseline: m.baseline, competentBaseline: m.competentBaseline };
    const bad = Object.entries(sides).flatMap(([name, f]) => f.problems.map((p) => `${name}: ${p}`));
    // Every valid row linked exactly once, on every side, or the table has no figures worth printing.
    if (bad.length || Object.values(sides).some((f) => f.links !== m.validRows || !f.finished)) {
      throw new Error(
        `${key} ${rows} rows: the sides do not all produce every link (ours ${m.ours.links}, baseline ${m.baseline.links}, competent ${m.competentBaseline.links}, of ${m.validRows}): ${bad.join('; ')}`,
      );
    }
    const ratio = round(m.baseline.modelledSeconds / m.ours.modelledSeconds, 1);
    const competentRatio = round(m.competentBaseline.modelledSeconds / m.ours.modelledSeconds, 2);
    console.log(
      `${key} ${rows} rows (${m.validRows} valid): ours ${m.ours.modelledSeconds} s in ${m.ours.executions} execution(s), ${m.ours.spreadsheetCalls} Spreadsheet calls, ${m.ours.cellsTouched} cells, ${m.ours.fetchRoundTrips} round trips, ${m.ours.fetchRequests} requests; ` +
        `baseline ${m.baseline.modelledSeconds} s in ${m.baseline.executions} execution(s), ${m.baseline.spreadsheetCalls} Spreadsheet calls, ${m.baseline.cellsTouched} cells, ${m.baseline.fetchRoundTrips} round trips; ${ratio}× fewer modelled seconds; ` +
        `competent ${m.competentBaseline.modelledSeconds} s in ${m.competentBaseline.executions} execution(s), ${m.competentBaseline.spreadsheetCalls} Spreadsheet calls, ${m.competentBaseline.fetchRoundTrips} round trips; ${competentRatio}× fewer modelled seconds` +
        (m.ours.rateLimited !== undefined
          ? `; 429s: ours ${m.ours.rateLimited}, baseline ${m.baseline.rateLimited}, competent ${m.competentBaseline.rateLimited}`
          : ''),
    );
    return { ...m, modelledSecondsRatio: ratio, competentModelledSecondsRatio: competentRatio };
  });
}

export function runSheetsBench(rowCounts = ROW_COUNTS) {
  const model = costModel();
  console.log('cost model (tools/apps-script-emulator/cost-model.ts), shared by every table:');
  for (const line of describeCostModel().filter((l) => !/^\s*(fetchAll|c =|σ =)/.test(l))) console.log(`  ${line}`);
  for (const c of model.constants) console.log(`  ${c.name} = ${round(c.value, 3)}: ${c.source}`);
  console.log('sources:');
  for (const s of model.sources) console.log(`  ${s}`);

  const sources = { ours: buildAddOn(), baseline: baselineSource(), competentBaseline: competentSource() };
  const tables = Object.fromEntries(TABLES.map((t) => [t.key, runTable(t.key, t.variant, t.says, rowCounts, sources)])) as Record<
    (typeof TABLES)[number]['key'],
    ReturnType<typeof runTable>
  >;
  const sheets = tables.sheets;

  const at = (n: number) => sheets.find((s) => s.rows === n);
  const r1k = at(1000);
  const r10k = at(10000);
  const r100 = at(100);
  const targets = {
    thousandRows30xFewerSeconds: r1k ? r1k.modelledSecondsRatio >= 30 : null,
    thousandRowsOneExecution: r1k ? r1k.ours.executions === 1 : null,
    tenThousandRowsAtMostTwoExecutions: r10k ? r10k.ours.executions <= 2 : null,
    thousandRows1_5xFewerSecondsThanCompetent: r1k ? r1k.competentModelledSecondsRatio >= 1.5 : null,
  };
  // Every valid row linked exactly once on every side is not a target here: runTable throws otherwise.
  const executionsAt10000 = r10k
    ? { ours: r10k.ours.executions, baseline: r10k.baseline.executions, competentBaseline: r10k.competentBaseline.executions }
    : null;
  const growth =
    r100 && r10k
      ? {
          oursModelledSeconds: round(r10k.ours.modelledSeconds / r100.ours.modelledSeconds, 1),
          baselineModelledSeconds: round(r10k.baseline.modelledSeconds / r100.baseline.modelledSeconds, 1),
          oursSpreadsheetCalls: round(r10k.ours.spreadsheetCalls / r100.ours.spreadsheetCalls, 1),
          baselineSpreadsheetCalls: round(r10k.baseline.spreadsheetCalls / r100.baseline.spreadsheetCalls, 1),
        }
      : null;
  console.log(
    `\ntargets: ${JSON.stringify(targets)}; executions at 10,000 rows (central): ${JSON.stringify(executionsAt10000)}; growth 100 → 10,000 rows (central): ${JSON.stringify(growth)}`,
  );
  return {
    ...tables,
    sheetsTables: Object.fromEntries(TABLES.map((t) => [t.key, t.says])),
    sheetsTargets: targets,
    sheetsExecutionsAt10000: executionsAt10000,
    sheetsGrowth100To10000: growth,
    costModel: Object.fromEntries(model.constants.map((c) => [c.name, round(c.value, 3)])),
    fetchAllModels: Object.fromEntries(
      Object.values(FETCHALL_MODELS).map((m) => [m.name, { perExtraRequestMs: m.perExtraRequestMs, answerJitterMs: m.answerJitterMs }]),
    ),
  };
}

/**
 * `npm run bench -- sheets-sensitivity`: how the Sheets figures move with the two numbers that decide
 * them, neither of which was measured here: the cost model's FETCHALL_PER_REQUEST_MS (113 ms, a linear
 * fit to one published fetchAll of 3 requests, tools/apps-script-emulator/cost-model.ts) and the
 * add-on's CHUNK_SIZE (25 creates per fetchAll, apps-script/src/generation.ts). Each variant re-runs
 * both sides with the constant overridden for that run only (and the chunk size patched into a copy
 * of the built bundle); the default `sheets` suite always uses the model and the add-on as they are.
 */
import { COST } from '../../tools/apps-script-emulator';
import { round } from './measure';
import { baselineSource, buildAddOn, measureSheets } from './sheets-bench';

const VARIANTS: { perRequestMs: number | 'model'; chunk: number }[] = [
  { perRequestMs: 'model', chunk: 25 },
  { perRequestMs: 'model', chunk: 100 },
  { perRequestMs: 20, chunk: 25 },
  { perRequestMs: 20, chunk: 100 },
  { perRequestMs: 0, chunk: 25 },
  { perRequestMs: 0, chunk: 100 },
];

export function runSheetsSensitivity(rowCounts = [1000, 10000]) {
  const built = buildAddOn();
  const baseline = baselineSource();
  const mutable = COST as unknown as Record<string, number>;
  const modelValue = mutable.FETCHALL_PER_REQUEST_MS;
  const out = [];
  try {
    for (const v of VARIANTS) {
      mutable.FETCHALL_PER_REQUEST_MS = v.perRequestMs === 'model' ? modelValue : v.perRequestMs;
      const ours = built.replace(/\bCHUNK_SIZE = \d+/, `CHUNK_SIZE = ${v.chunk}`);
      if (!/\bCHUNK_SIZE = \d+/.test(built)) throw new Error('CHUNK_SIZE not found in the built add-on');
      for (const rows of rowCounts) {
        const m = measureSheets(rows, { ours, baseline });
        if (m.ours.links !== m.validRows || m.baseline.links !== m.validRows) throw new Error(`variant ${JSON.stringify(v)} at ${rows} rows made wrong links`);
        const row = {
          fetchAllPerRequestMs: round(mutable.FETCHALL_PER_REQUEST_MS, 1),
          chunkSize: v.chunk,
          rows,
          oursModelledSeconds: m.ours.modelledSeconds,
          oursExecutions: m.ours.executions,
          baselineModelledSeconds: m.baseline.modelledSeconds,
          baselineExecutions: m.baseline.executions,
          ratio: round(m.baseline.modelledSeconds / m.ours.modelledSeconds, 1),
        };
        console.log(JSON.stringify(row));
        out.push(row);
      }
    }
  } finally {
    mutable.FETCHALL_PER_REQUEST_MS = modelValue;
  }
  return { sheetsSensitivity: out };
}

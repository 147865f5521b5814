/**
 * `npm run bench -- sheets-sensitivity`: how the Sheets figures move with the fetchAll constants, the
 * number that decides them and that nobody measured against Midtrans: each of the cost model's three sets
 * (tools/apps-script-emulator/cost-model.ts FETCHALL_MODELS) prices the same three sides in turn.
 */
import { FETCHALL_MODELS, type FetchAllModelName } from '../../tools/apps-script-emulator';
import { round } from './measure';
import { baselineSource, buildAddOn, competentSource, measureSheets } from './sheets-bench';

export function runSheetsSensitivity(rowCounts = [1000, 10000]) {
  const sources = { ours: buildAddOn(), baseline: baselineSource(), competentBaseline: competentSource() };
  const out = [];
  for (const name of Object.keys(FETCHALL_MODELS) as FetchAllModelName[]) {
    for (const rows of rowCounts) {
      const m = measureSheets(rows, sources, { fetchAllModel: name });
      if ([m.ours, m.baseline, m.competentBaseline].some((f) => f.links !== m.validRows))
        throw new Error(`model ${name} at ${rows} rows made wrong links`);
      const row = {
        fetchAllModel: name,
        perExtraRequestMs: FETCHALL_MODELS[name].perExtraRequestMs.value,
        rows,
        oursModelledSeconds: m.ours.modelledSeconds,
        oursExecutions: m.ours.executions,
        baselineModelledSeconds: m.baseline.modelledSeconds,
        baselineExecutions: m.baseline.executions,
        ratio: round(m.baseline.modelledSeconds / m.ours.modelledSeconds, 1),
        competentBaselineModelledSeconds: m.competentBaseline.modelledSeconds,
        competentBaselineExecutions: m.competentBaseline.executions,
        competentRatio: round(m.competentBaseline.modelledSeconds / m.ours.modelledSeconds, 2),
      };
      console.log(JSON.stringify(row));
      out.push(row);
    }
  }
  return { sheetsSensitivity: out };
}

/// <reference types="google-apps-script" />
/** Every call is counted and priced by cost-model.ts; executions end at 6 modelled minutes or at stopAtCall. */
import { COST, EXCEEDED_MESSAGE, FETCHALL_MODELS, fetchAllMs, fetchRoundTripMs, flushMs } from '../../../tools/apps-script-emulator';
import { gas, newEnv, scriptedFetch } from './helpers';

const ok = scriptedFetch({ 'GET /ok': { status: 200, body: 'ok' } });

test('calls are counted by method, with spreadsheet calls and cells touched', () => {
  const env = newEnv();
  const { SpreadsheetApp } = gas(env);
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(1, 1, 10, 5).setValues(Array.from({ length: 10 }, () => [1, 2, 3, 4, 5]));
  sheet.getRange(1, 1, 10, 5).getValues();
  sheet.getRange(3, 2).getValue();
  gas(env).PropertiesService.getScriptProperties().getProperty('X');
  expect(env.calls.byMethod).toEqual({
    'SpreadsheetApp.getActiveSpreadsheet': 1,
    'Spreadsheet.getSheets': 1,
    'Sheet.getRange': 3,
    'Range.setValues': 1,
    'Range.getValues': 1,
    'Range.getValue': 1,
    'PropertiesService.getScriptProperties': 1,
    'Properties.getProperty': 1,
  });
  expect(env.calls.spreadsheetCalls).toBe(8);
  expect(env.calls.cellsTouched).toBe(50 + 50 + 1);
  expect(env.calls.total).toBe(10);
});

test('pricing: a read after writes pays the flush of the pending cells; an explicit flush empties the cache', () => {
  const env = newEnv();
  const { SpreadsheetApp } = gas(env);
  env.untracked(() => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue('seed'));
  const sheet = env.untracked(() => SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]);
  const range = env.untracked(() => sheet.getRange(1, 1, 4, 5));
  range.setValues(Array.from({ length: 4 }, () => ['a', 'b', 'c', 'd', 'e'])); // write, 20 cells pending
  const afterWrite = COST.SHEETS_WRITE_CALL_MS + 20 * COST.SHEETS_PER_CELL_MS;
  expect(env.modelledMs()).toBeCloseTo(afterWrite + flushMs(20), 9); // the end-of-execution flush is included
  range.getValues(); // read: pays the flush of 20 cells
  const afterRead =
    afterWrite + COST.SHEETS_READ_CALL_MS + 20 * COST.SHEETS_PER_CELL_MS + COST.SHEETS_FLUSH_FIXED_MS + 20 * COST.SHEETS_FLUSH_PER_CELL_MS;
  expect(env.modelledMs()).toBeCloseTo(afterRead, 9);
  range.getValues(); // nothing pending now
  expect(env.modelledMs()).toBeCloseTo(afterRead + COST.SHEETS_READ_CALL_MS + 20 * COST.SHEETS_PER_CELL_MS, 9);
  range.setValue('z');
  SpreadsheetApp.flush();
  const expected =
    afterRead +
    COST.SHEETS_READ_CALL_MS +
    20 * COST.SHEETS_PER_CELL_MS +
    COST.SHEETS_WRITE_CALL_MS +
    20 * COST.SHEETS_PER_CELL_MS +
    flushMs(20);
  expect(env.modelledMs()).toBeCloseTo(expected, 9);
});

test('the cost model reproduces its sources: 400 per-row flushes ≈ 12 s, one 4,000-cell flush ≈ 560 ms', () => {
  expect(400 * flushMs(10)).toBeCloseTo(12000, 0);
  expect(flushMs(4000)).toBeCloseTo(560, 0);
  expect(4000 * COST.SHEETS_PER_CELL_MS).toBeCloseTo(50, 9);
});

test("the fetchAll model stays inside its sources: each set's c is the published figure, the central set fits both measurements", () => {
  // [tanaike-fetchall] ~25 ms (≤ 100 ms) per extra request; [runall] ~0 → optimistic 5 ms.
  expect(FETCHALL_MODELS.central.perExtraRequestMs.value).toBe(25);
  expect(FETCHALL_MODELS.pessimistic.perExtraRequestMs.value).toBe(100);
  expect(FETCHALL_MODELS.optimistic.perExtraRequestMs.value).toBeLessThan(FETCHALL_MODELS.central.perExtraRequestMs.value);
  // [tanaike-fetchall]: 5 concurrent requests cost 0.5 s over one answer; [poehnelt]: 10 cost ~0.2 s over one.
  const over = (k: number) => fetchAllMs(k) - fetchRoundTripMs();
  expect(over(5)).toBeLessThan(500);
  expect(over(10)).toBeGreaterThan(100);
  expect(over(10)).toBeLessThan(500);
  for (const m of Object.values(FETCHALL_MODELS)) {
    expect(m.perExtraRequestMs.source).not.toBe('');
    expect(m.answerJitterMs.source).not.toBe('');
  }
});

test('cell-by-cell writing costs far more than one setValues of the same cells', () => {
  const batch = newEnv();
  const s1 = batch.untracked(() => gas(batch).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]);
  s1.getRange(1, 1, 100, 10).setValues(Array.from({ length: 100 }, () => Array(10).fill('x')));
  const perCell = newEnv();
  const s2 = perCell.untracked(() => gas(perCell).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]);
  for (let r = 1; r <= 100; r++) for (let c = 1; c <= 10; c++) s2.getRange(r, c).setValue('x');
  expect(perCell.modelledMs() / batch.modelledMs()).toBeGreaterThan(10);
});

test('an execution crossing 6 modelled minutes ends with "Exceeded maximum execution time" and stays ended', () => {
  const env = newEnv();
  const { Utilities, PropertiesService } = gas(env);
  Utilities.sleep(300000);
  Utilities.sleep(59000);
  expect(() => Utilities.sleep(2000)).toThrow(EXCEEDED_MESSAGE);
  expect(env.killed).toBe(EXCEEDED_MESSAGE);
  expect(env.modelledMs()).toBe(COST.MAX_EXECUTION_MS);
  // A catch in the script cannot keep working: every further call throws the same.
  expect(() => PropertiesService.getScriptProperties()).toThrow(EXCEEDED_MESSAGE);
  env.newExecution();
  expect(env.killed).toBeNull();
  expect(env.modelledMs()).toBe(0);
  expect(() => PropertiesService.getScriptProperties()).not.toThrow();
  expect(env.history[0]).toMatchObject({ killed: EXCEEDED_MESSAGE, modelledMs: COST.MAX_EXECUTION_MS });
});

test('a fetch whose wait crosses the limit reaches the server, but the script never sees the answer', () => {
  const env = newEnv({ fetch: ok });
  const { Utilities, UrlFetchApp } = gas(env);
  Utilities.sleep(300000);
  Utilities.sleep(COST.MAX_EXECUTION_MS - 300000 - fetchRoundTripMs() / 2);
  expect(() => UrlFetchApp.fetch('https://x.example/ok')).toThrow(EXCEEDED_MESSAGE);
  expect(env.fetches).toHaveLength(1);
  expect(env.calls.fetchRoundTrips).toBe(1);
});

test('stopAtCall cuts at the n-th call: that call has no effect, later calls throw, and it fires once', () => {
  const env = newEnv({ stopAtCall: 3 });
  const { SpreadsheetApp } = gas(env);
  const ss = SpreadsheetApp.getActiveSpreadsheet(); // 1
  const sheet = ss.getSheets()[0]; // 2
  expect(() => sheet.getRange('A1')).toThrow(EXCEEDED_MESSAGE); // 3
  expect(() => ss.getSheets()).toThrow(EXCEEDED_MESSAGE);
  expect(env.calls.total).toBe(3);
  env.newExecution();
  sheet.getRange('A1').setValue('after');
  sheet.getRange('A2').setValue('more');
  expect(env.killed).toBeNull();
  expect(env.sheetValues('Sheet1')).toEqual([['after'], ['more']]);
});

test('stopAtCall on a write leaves the cell untouched', () => {
  const env = newEnv();
  const sheet = env.untracked(() => gas(env).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]);
  const range = env.untracked(() => sheet.getRange('B2'));
  env.newExecution({ stopAtCall: 1 });
  expect(() => range.setValue('never')).toThrow(EXCEEDED_MESSAGE);
  expect(env.inspectCell('Sheet1', 2, 2)).toBeUndefined();
});

test('untracked set-up is neither counted nor priced', () => {
  const env = newEnv();
  env.untracked(() => {
    const sheet = gas(env).SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 300, 10).setValues(Array.from({ length: 300 }, () => Array(10).fill(1)));
  });
  expect(env.calls.total).toBe(0);
  expect(env.modelledMs()).toBe(0);
});

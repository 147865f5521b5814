/// <reference types="google-apps-script" />
/**
 * A cut execution loses the Spreadsheet writes made since the last flush point. INFERRED (the strict
 * reading, see tools/apps-script-emulator/unflushed-writes.ts): Google documents flush() as applying pending
 * changes but not what a killed execution does with them, so a script must not rely on them landing.
 */
import { COST, EXCEEDED_MESSAGE, flushMs } from '../../../tools/apps-script-emulator';
import { gas, newEnv, scriptedFetch } from './helpers';

function setUp(options: Parameters<typeof newEnv>[0] = {}) {
  const env = newEnv(options);
  const { SpreadsheetApp } = gas(env);
  const sheet = env.untracked(() => {
    const s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    s.getRange('A1:B2').setValues([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
    return s;
  });
  env.newExecution();
  return { env, sheet, SpreadsheetApp };
}

/** Everything the emulator stores for a cell, the sheet's size and its sheets, as plain data. */
function snapshot(env: ReturnType<typeof newEnv>) {
  const ss = env.emulatedSpreadsheet;
  return {
    sheets: ss.sheets.map((s) => ({ name: s.name, maxRows: s.maxRows, frozen: s.frozenRows, rows: JSON.stringify(s.rows) })),
    active: ss.activeSheet.name,
  };
}

/** Forces a cut at the next service call, the way stopAtCall does in the reliability suites. */
function cutNow(env: ReturnType<typeof newEnv>, call: () => unknown) {
  env.setStopAtCall(env.calls.total + 1);
  expect(call).toThrow(EXCEEDED_MESSAGE);
  expect(env.killed).toBe(EXCEEDED_MESSAGE);
}

test('writes then a cut: every unflushed write is undone (values, formulas, formats, notes, rows, sheets)', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  const before = snapshot(env);
  sheet.getRange('A1').setValue('changed');
  sheet.getRange('C1:C2').setFormulas([['=A1'], ['=A2']]);
  sheet.getRange('B1:B2').setNumberFormat('@');
  sheet.getRange('A2').setNote('a note');
  sheet.getRange('D5').setBackground('#ff0000');
  sheet.insertRowsAfter(1, 2);
  sheet.getRange('A2').setValue('in the new row');
  sheet.setFrozenRows(1);
  sheet.appendRow(['appended']);
  SpreadsheetApp.getActiveSpreadsheet().insertSheet('Extra').getRange('A1').setValue('x');
  expect(snapshot(env)).not.toEqual(before);
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(snapshot(env)).toEqual(before);
  expect(env.sheetValues('Sheet1')).toEqual([
    ['a1', 'b1'],
    ['a2', 'b2'],
  ]);
});

test('writes, flush, cut: the flushed writes are kept and only the later ones are lost', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  sheet.getRange('A1').setValue('flushed');
  sheet.getRange('B1').setNumberFormat('@');
  SpreadsheetApp.flush();
  sheet.getRange('A2').setValue('not flushed');
  cutNow(env, () => SpreadsheetApp.flush());
  expect(env.sheetValues('Sheet1')).toEqual([
    ['flushed', 'b1'],
    ['a2', 'b2'],
  ]);
  expect(env.inspectCell('Sheet1', 1, 2)?.numberFormat).toBe('@');
});

test('writes, a read (a flush point in the cost model), cut: the writes are kept', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  sheet.getRange('A1').setValue('read back');
  sheet.insertRowsAfter(2, 1);
  sheet.getLastRow(); // a 'sheet-read': priced with the pending cells, so it applies them
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(env.sheetValues('Sheet1')).toEqual([
    ['read back', 'b1'],
    ['a2', 'b2'],
  ]);
  expect(env.emulatedSpreadsheet.sheets[0].maxRows).toBe(1001);
});

test('a normal end of execution keeps the writes: a cut in the next execution cannot undo them', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  sheet.getRange('A1').setValue('ended normally');
  SpreadsheetApp.getActiveSpreadsheet().insertSheet('Kept');
  env.newExecution();
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(env.sheetValues('Sheet1')[0][0]).toBe('ended normally');
  expect(env.emulatedSpreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Kept']);
});

test('the 6-minute limit is a cut too: writes since the last flush point are undone', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  sheet.getRange('A1').setValue('kept');
  SpreadsheetApp.flush();
  sheet.getRange('A2').setValue('lost');
  gas(env).Utilities.sleep(COST.MAX_EXECUTION_MS / 2);
  expect(() => gas(env).Utilities.sleep(COST.MAX_EXECUTION_MS / 2)).toThrow(EXCEEDED_MESSAGE);
  expect(env.sheetValues('Sheet1')).toEqual([
    ['kept', 'b1'],
    ['a2', 'b2'],
  ]);
});

test('a read that would cross the 6-minute limit flushes nothing: the pending writes are lost', () => {
  const { env, sheet } = setUp();
  sheet.getRange('A1').setValue('lost');
  gas(env).Utilities.sleep(COST.MAX_EXECUTION_MS / 2);
  gas(env).Utilities.sleep(COST.MAX_EXECUTION_MS - (env.modelledMs() - flushMs(1)) - 1); // 1 ms left: not enough for the read
  expect(() => sheet.getRange('A1').getValue()).toThrow(EXCEEDED_MESSAGE);
  expect(env.sheetValues('Sheet1')[0][0]).toBe('a1');
  expect(env.modelledMs()).toBe(COST.MAX_EXECUTION_MS);
});

test('a cut undoes only the Spreadsheet: properties and fetches that reached the server stay', () => {
  const fetch = scriptedFetch({ 'POST /create': { status: 201, body: '{}' } });
  const { env, sheet, SpreadsheetApp } = setUp({ fetch });
  const { PropertiesService, UrlFetchApp } = gas(env);
  sheet.getRange('A1').setValue('lost');
  PropertiesService.getScriptProperties().setProperty('MARKER', 'set');
  UrlFetchApp.fetch('https://x.example/create', { method: 'post', payload: '{}' });
  cutNow(env, () => SpreadsheetApp.flush());
  expect(env.sheetValues('Sheet1')[0][0]).toBe('a1');
  expect(env.properties.script.get('MARKER')).toBe('set');
  expect(env.fetches).toHaveLength(1);
});

test('undo runs newest first: writes into rows that a later insertion moved come back where they were', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  const before = snapshot(env);
  sheet.getRange('A2').setValue('moved down');
  sheet.insertRowsBefore(1, 3);
  sheet.getRange('A5').setValue('overwritten after the move');
  sheet.sort(1, false);
  sheet.deleteRow(1);
  sheet.getRange(1, 1, 1, 2).clear();
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(snapshot(env)).toEqual(before);
});

test('a deleted sheet comes back with its cells; a renamed one gets its name back', () => {
  const { env, SpreadsheetApp } = setUp();
  env.untracked(() => SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other').getRange('A1').setValue('other'));
  env.newExecution();
  const before = snapshot(env);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const [first, other] = ss.getSheets(); // a read: before the writes, so it flushes nothing of theirs
  first.setName('Renamed');
  ss.deleteSheet(other);
  cutNow(env, () => ss.getSheets());
  expect(snapshot(env)).toEqual(before);
  expect(env.sheetValues('Other')).toEqual([['other']]);
});

test('untracked set-up writes are applied for good (a cut does not undo them)', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  env.untracked(() => sheet.getRange('A1').setValue('set-up'));
  expect(env.untracked(() => 0)).toBe(0);
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(env.sheetValues('Sheet1')[0][0]).toBe('set-up');
});

test('an overlapping execution has its own flush points: its normal end keeps its writes, the running one can still lose its own', () => {
  const { env, sheet, SpreadsheetApp } = setUp();
  sheet.getRange('A1').setValue('outer, unflushed');
  env.concurrently(() => {
    sheet.getRange('B2').setValue('inner, ended normally');
  });
  cutNow(env, () => SpreadsheetApp.getActiveSpreadsheet());
  expect(env.sheetValues('Sheet1')).toEqual([
    ['a1', 'b1'],
    ['a2', 'inner, ended normally'],
  ]);
});

test('an overlapping execution that is cut loses its own writes, not those of the execution it overlaps', () => {
  const { env, sheet } = setUp();
  sheet.getRange('A1').setValue('outer');
  env.concurrently(() => {
    sheet.getRange('B2').setValue('inner, cut');
    env.setStopAtCall(env.calls.total + 1);
    expect(() => sheet.getRange('B1')).toThrow(EXCEEDED_MESSAGE);
  });
  env.newExecution();
  expect(env.sheetValues('Sheet1')).toEqual([
    ['outer', 'b1'],
    ['a2', 'b2'],
  ]);
});

/// <reference types="google-apps-script" />
/** The Spreadsheet emulation is as strict as Sheets: 1-based, shapes checked, user-entered parsing. */
import { FORMULA_VALUE, NO_UI_MESSAGE, OUTSIDE_MESSAGE } from '../../../tools/apps-script-emulator';
import { gas, newEnv } from './helpers';

function setup() {
  const env = newEnv();
  const { SpreadsheetApp } = gas(env);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { env, SpreadsheetApp, ss, sheet };
}

describe('coordinates and getRange overloads', () => {
  test('indexes are 1-based: row 0 or column 0 is refused with Sheets messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  test('a range past the grid (1000 × 26 for a new sheet) is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1000, 26).getA1Notation()).not.toThrow();
    expect(() => sheet.getRange(1001, 1)).toThrow(OUTSIDE_MESSAGE);
    expect(() => sheet.getRange(1, 27)).toThrow(OUTSIDE_MESSAGE);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(OUTSIDE_MESSAGE);
  });

  test('the four overloads and A1 notation address the same cells', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
    const r = sheet.getRange('B2:D4');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 3, 3]);
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('A2:C').getA1Notation()).toBe('A2:C1000');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
  });

  test('Spreadsheet.getRange reads a sheet-qualified A1, including quoted names', () => {
    const { ss } = setup();
    ss.insertSheet('My Invoices');
    ss.getRange("'My Invoices'!B3").setValue('x');
    expect(ss.getSheetByName('My Invoices')!.getRange('B3').getValue()).toBe('x');
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('values', () => {
  test('setValues with the wrong number of rows throws the real message', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
  });

  test('setValues with a ragged row throws the columns message and writes nothing', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('setValues with a 1-D array is a signature error, not a silent write', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as unknown as unknown[][])).toThrow(
      /don't match the method signature for SpreadsheetApp.Range.setValues/,
    );
  });

  test('getValues returns typed values and empty strings; getDisplayValues returns what the user sees', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 4).setValues([[1500.5, true, 'text', new Date(Date.UTC(2026, 0, 5, 3, 4, 5))]]);
    const [v] = sheet.getRange(1, 1, 1, 5).getValues();
    expect(v.slice(0, 3)).toEqual([1500.5, true, 'text']);
    expect(Object.prototype.toString.call(v[3])).toBe('[object Date]');
    expect(v[4]).toBe('');
    // Asia/Jakarta is UTC+7
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['1500.5', 'TRUE', 'text', '1/5/2026 10:04:05', '']]);
    sheet.getRange(1, 1).setNumberFormat('#,##0.00');
    expect(sheet.getRange(1, 1).getDisplayValue()).toBe('1,500.50');
  });

  test('getValues hands out copies: mutating the result does not change the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('kept');
    const values = sheet.getRange('A1').getValues();
    values[0][0] = 'changed';
    expect(sheet.getRange('A1').getValue()).toBe('kept');
  });

  test('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  test('getLastRow/getLastColumn/getDataRange follow content, not formats', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('A9:F9').setNumberFormat('@');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });
});

describe('user-entered parsing: text format versus formulas', () => {
  test('a string starting with = becomes a formula in a normal cell', () => {
    const { env, sheet } = setup();
    sheet.getRange('A1').setValue('=IMPORTXML("https://evil.example","//a")');
    expect(sheet.getRange('A1').getFormula()).toBe('=IMPORTXML("https://evil.example","//a")');
    expect(sheet.getRange('A1').getValue()).toBe(FORMULA_VALUE);
    expect(env.inspectCell('Sheet1', 1, 1)?.formula).toMatch(/^=IMPORTXML/);
  });

  test("the same string in a '@' (plain text) cell is stored verbatim and never evaluated", () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setNumberFormat('@');
    r.setValue('=HYPERLINK("https://evil.example","pay here")');
    expect(r.getFormula()).toBe('');
    expect(r.getValue()).toBe('=HYPERLINK("https://evil.example","pay here")');
  });

  test('numeric-looking strings lose leading zeros unless the cell is text (phone numbers)', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['081234567890', '+62812345']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[81234567890, 62812345]]);
    sheet
      .getRange('A2:B2')
      .setNumberFormat('@')
      .setValues([['081234567890', '+62812345']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['081234567890', '+62812345']]);
  });

  test('amounts with en_US thousands separators become numbers; other separators stay text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['150,000', '1,250.50', '150.000,00']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[150000, 1250.5, '150.000,00']]);
  });

  test('TRUE/FALSE, percentages and ISO dates are parsed; a leading apostrophe forces text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:E1').setValues([['true', '15%', '2026-01-31', "'2026-01-31", 'INV-001']]);
    const [v] = sheet.getRange('A1:E1').getValues();
    expect(v[0]).toBe(true);
    expect(v[1]).toBeCloseTo(0.15);
    expect((v[2] as Date).toISOString()).toBe('2026-01-30T17:00:00.000Z'); // midnight in Jakarta
    expect(v.slice(3)).toEqual(['2026-01-31', 'INV-001']);
  });

  test('a number written to a text cell is stored as its text', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue(42);
    expect(sheet.getRange('A1').getValue()).toBe('42');
  });

  test('more than 50,000 characters in one cell is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(/more than the maximum of 50000 characters/);
  });
});

describe('sheets, sorting, search, selection', () => {
  test('insertSheet refuses a duplicate name with the Sheets message', () => {
    const { ss } = setup();
    ss.insertSheet('Invoices');
    expect(() => ss.insertSheet('Invoices')).toThrow('A sheet with the name "Invoices" already exists. Please enter another name.');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Invoices']);
  });

  test('Sheet.sort keeps frozen header rows and puts empty cells last', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 5, 2).setValues([
      ['Order ID', 'Amount'],
      ['B', 2],
      ['', 9],
      ['a', 3],
      ['C', 1],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1);
    expect(sheet.getRange(1, 1, 5, 2).getValues()).toEqual([
      ['Order ID', 'Amount'],
      ['a', 3],
      ['B', 2],
      ['C', 1],
      ['', 9],
    ]);
    sheet.sort(2, false);
    expect(
      sheet
        .getRange(2, 2, 4, 1)
        .getValues()
        .map((r) => r[0]),
    ).toEqual([9, 3, 2, 1]);
  });

  test('Range.sort takes absolute column numbers and refuses one outside the range', () => {
    const { sheet } = setup();
    sheet.getRange('B2:C4').setValues([
      [3, 'x'],
      [1, 'y'],
      [2, 'z'],
    ]);
    sheet.getRange('B2:C4').sort({ column: 2, ascending: true });
    expect(sheet.getRange('B2:C4').getValues()).toEqual([
      [1, 'y'],
      [2, 'z'],
      [3, 'x'],
    ]);
    expect(() => sheet.getRange('B2:C4').sort(1)).toThrow(/outside the range/);
  });

  test('TextFinder: substring and case-insensitive by default; matchEntireCell and matchCase narrow it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A4').setValues([['INV-1'], ['inv-1'], ['INV-10'], ['x']]);
    expect(
      sheet
        .createTextFinder('INV-1')
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'A2', 'A3']);
    expect(
      sheet
        .createTextFinder('INV-1')
        .matchEntireCell(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'A2']);
    expect(
      sheet
        .createTextFinder('INV-1')
        .matchEntireCell(true)
        .matchCase(true)
        .findAll()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1']);
    const f = sheet.getRange('A2:A4').createTextFinder('inv');
    expect(f.findNext()!.getA1Notation()).toBe('A2');
    expect(f.findNext()!.getA1Notation()).toBe('A3');
    expect(f.findNext()).toBeNull();
    expect(sheet.createTextFinder('.*').useRegularExpression(true).matchEntireCell(true).findAll()).toHaveLength(4);
  });

  test('selection: getActiveRange is the last selected range, getActiveRangeList has all of them', () => {
    const { SpreadsheetApp, ss, sheet } = setup();
    expect(ss.getActiveRange()!.getA1Notation()).toBe('A1');
    sheet.setActiveRangeList(sheet.getRangeList(['A2:A3', 'A7']));
    expect(SpreadsheetApp.getActiveRange()!.getA1Notation()).toBe('A7');
    expect(
      SpreadsheetApp.getActiveRangeList()!
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:A3', 'A7']);
    const other = ss.insertSheet('Other');
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(other.getActiveRange()!.getA1Notation()).toBe('A1');
  });

  test('getUi works from a menu execution, not from the web app, and not in a standalone script', () => {
    const { env, SpreadsheetApp } = setup();
    const menu = SpreadsheetApp.getUi().createMenu('Midtrans');
    menu.addItem('Generate', 'generatePaymentLinks').addSeparator().addToUi();
    expect(env.ui.menus).toEqual([
      { title: 'Midtrans', addon: false, items: [{ caption: 'Generate', functionName: 'generatePaymentLinks' }, { separator: true }] },
    ]);
    env.newExecution({ context: 'webapp' });
    expect(() => SpreadsheetApp.getUi()).toThrow(NO_UI_MESSAGE);
    const standalone = newEnv({ bound: false });
    expect(gas(standalone).SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(() => gas(standalone).SpreadsheetApp.getUi()).toThrow(NO_UI_MESSAGE);
  });

  test('alerts and prompts answer from the response queue and are recorded; toasts are recorded', () => {
    const { env, SpreadsheetApp, ss } = setup();
    const ui = SpreadsheetApp.getUi();
    env.ui.responses.push({ button: 'NO' }, { button: 'OK', text: 'SB-Mid-server-x' });
    expect(ui.alert('Continue?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const p = ui.prompt('Server key', 'Paste it', ui.ButtonSet.OK_CANCEL);
    expect([p.getSelectedButton(), p.getResponseText()]).toEqual(['OK', 'SB-Mid-server-x']);
    expect(ui.alert('Done')).toBe('OK');
    ss.toast('3 of 10 rows', 'Midtrans', 3);
    expect(env.ui.alerts.map((a) => [a.prompt, a.answer])).toEqual([
      ['Continue?', 'NO'],
      ['Done', 'OK'],
    ]);
    expect(env.ui.toasts).toEqual([{ message: '3 of 10 rows', title: 'Midtrans', timeoutSeconds: 3, shown: true, at: expect.any(Number) }]);
  });
});

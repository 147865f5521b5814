/// <reference types="google-apps-script" />
/** Embedded charts in the emulator: the builder is strict, every call is counted, a cut undoes an unflushed insert. */
import { EXCEEDED_MESSAGE } from '../../../tools/apps-script-emulator';
import { gas, newEnv } from './helpers';

function setUp() {
  const env = newEnv();
  const { SpreadsheetApp } = gas(env);
  const Charts = (env.globals as { Charts: { ChartType: Record<string, string> } }).Charts;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.getRange(1, 1, 3, 2).setValues([
    ['Day', 'Amount'],
    ['2026-01-05', 1000],
    ['2026-01-06', 2500],
  ]);
  return { env, ss, sheet, Charts, SpreadsheetApp };
}

test('a column chart built, inserted, listed, replaced and removed; each call counted', () => {
  const { env, sheet, Charts } = setUp();
  const before = env.calls.total;
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN as unknown as GoogleAppsScript.Charts.ChartType)
    .addRange(sheet.getRange('A1:A3'))
    .addRange(sheet.getRange('B1:B3'))
    .setPosition(2, 4, 0, 0)
    .setOption('title', 'Per day')
    .build();
  sheet.insertChart(chart);
  const [listed] = sheet.getCharts();
  expect(listed.getChartId()).toEqual(expect.any(Number));
  expect(listed.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A3', 'B1:B3']);
  expect(listed.getOptions().get('title')).toBe('Per day');
  expect(env.calls.byMethod['Sheet.newChart']).toBe(1);
  expect(env.calls.byMethod['EmbeddedChartBuilder.addRange']).toBe(2);
  expect(env.calls.byMethod['Sheet.insertChart']).toBe(1);
  expect(env.calls.total - before).toBeGreaterThanOrEqual(9);
  sheet.updateChart(listed.modify().setOption('title', 'Again').build());
  expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Again');
  sheet.removeChart(sheet.getCharts()[0]);
  expect(sheet.getCharts()).toHaveLength(0);
});

test('strict: unknown type, no type, no data, a position off the sheet, a second insert, a chart from another sheet', () => {
  const { ss, sheet, Charts } = setUp();
  expect(() => sheet.newChart().setChartType('DONUT' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(
    /don't match the method signature/,
  );
  expect(() => sheet.newChart().addRange(sheet.getRange('A1:B3')).build()).toThrow(/no chart type/);
  expect(() =>
    sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType)
      .build(),
  ).toThrow(/no data/);
  expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow(/outside the sheet/);
  expect(() => sheet.newChart().setPosition(1.5, 1, 0, 0)).toThrow(/don't match/);
  expect(() => sheet.newChart().addRange('A1:B3' as unknown as GoogleAppsScript.Spreadsheet.Range)).toThrow(/don't match/);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN as unknown as GoogleAppsScript.Charts.ChartType)
    .addRange(sheet.getRange('A1:B3'))
    .build();
  sheet.insertChart(chart);
  expect(() => sheet.insertChart(chart)).toThrow(/already in the sheet/);
  const other = ss.insertSheet('Other');
  expect(() =>
    other.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.PIE as unknown as GoogleAppsScript.Charts.ChartType)
        .addRange(sheet.getRange('A1:B3'))
        .build(),
    ),
  ).toThrow(/another sheet/);
  expect(() => other.removeChart(chart)).toThrow(/not in this sheet/);
});

test('a cut before the flush loses an inserted chart and brings back a removed one', () => {
  const { env, sheet, Charts, SpreadsheetApp } = setUp();
  const kept = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN as unknown as GoogleAppsScript.Charts.ChartType)
    .addRange(sheet.getRange('A1:B3'))
    .build();
  sheet.insertChart(kept);
  SpreadsheetApp.flush();
  sheet.removeChart(sheet.getCharts()[0]);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sheet.getRange('A1:B3'))
      .build(),
  );
  env.setStopAtCall(env.calls.total + 1);
  expect(() => sheet.getCharts()).toThrow(EXCEEDED_MESSAGE);
  env.newExecution({});
  const charts = sheet.getCharts();
  expect(charts).toHaveLength(1);
  expect(charts[0].getChartId()).toBe(kept.getChartId());
});

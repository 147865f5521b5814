/**
 * Embedded charts: `Sheet.newChart()` → `EmbeddedChartBuilder` → `build()` → `Sheet.insertChart()`,
 * plus `getCharts`, `removeChart`, `updateChart` and `EmbeddedChart.modify()`, and the `Charts.ChartType`
 * enum (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder).
 * Every call is counted; inserting and removing are writes a cut execution loses when unflushed.
 *
 * Strict where the reference is, stricter where it is silent (marked INFERRED): an unknown chart type
 * is refused; a range must be an emulator range on the same spreadsheet [INFERRED]; `build()` needs a
 * chart type and at least one range [INFERRED: a chart without data has nothing to draw]; the anchor
 * row and column must lie inside the sheet [INFERRED]; a chart is inserted once, and only into the
 * sheet that made its builder [INFERRED].
 */
import { signatureError } from './gas-types';
import { EmuRange } from './range';
import type { SheetContext } from './sheet-context';
import type { EmuSheet } from './sheet';

/** The documented `Charts.ChartType` names (https://developers.google.com/apps-script/reference/charts/chart-type). */
export const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export function createCharts(): { ChartType: Record<ChartType, ChartType> } {
  return { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) as Record<ChartType, ChartType> };
}

let nextChartId = 1;

export interface ChartSpec {
  type: ChartType;
  ranges: EmuRange[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
}

export class EmuEmbeddedChart {
  constructor(
    private readonly ctx: SheetContext,
    readonly sheet: EmuSheet,
    readonly spec: ChartSpec,
    public chartId: number | null = null,
  ) {}

  private local(method: string): void {
    this.ctx.meter.record(`EmbeddedChart.${method}`, 'sheet-local');
  }

  getChartId(): number | null {
    this.local('getChartId');
    return this.chartId;
  }

  getRanges(): EmuRange[] {
    this.local('getRanges');
    return [...this.spec.ranges];
  }

  getOptions(): { get(key: string): unknown } {
    this.local('getOptions');
    const options = { ...this.spec.options };
    return { get: (key: string) => options[key] ?? null };
  }

  modify(): EmuChartBuilder {
    this.local('modify');
    return new EmuChartBuilder(
      this.ctx,
      this.sheet,
      { ...this.spec, ranges: [...this.spec.ranges], options: { ...this.spec.options } },
      this.chartId,
    );
  }
}

export class EmuChartBuilder {
  private readonly spec: Partial<ChartSpec> & { ranges: EmuRange[]; options: Record<string, unknown> };

  constructor(
    private readonly ctx: SheetContext,
    private readonly sheet: EmuSheet,
    from?: ChartSpec,
    private readonly chartId: number | null = null,
  ) {
    this.spec = from ? { ...from } : { ranges: [], options: {}, anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
  }

  private local(method: string): void {
    this.ctx.meter.record(`EmbeddedChartBuilder.${method}`, 'sheet-local');
  }

  setChartType(type: unknown): EmuChartBuilder {
    this.local('setChartType');
    if (typeof type !== 'string' || !(CHART_TYPES as readonly string[]).includes(type))
      throw signatureError([type], 'EmbeddedChartBuilder.setChartType');
    this.spec.type = type as ChartType;
    return this;
  }

  /** Column, bar, line and area builders share these in Apps Script; the emulator needs only the type. */
  asColumnChart(): EmuChartBuilder {
    this.local('asColumnChart');
    this.spec.type = 'COLUMN';
    return this;
  }

  addRange(range: unknown): EmuChartBuilder {
    this.local('addRange');
    const r = EmuRange.from(range, 'EmbeddedChartBuilder.addRange');
    if (r.sheet.parent !== this.sheet.parent) throw new Error('The range is in a different spreadsheet than the chart.');
    this.spec.ranges.push(r);
    return this;
  }

  clearRanges(): EmuChartBuilder {
    this.local('clearRanges');
    this.spec.ranges = [];
    return this;
  }

  setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown): EmuChartBuilder {
    this.local('setPosition');
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((a) => typeof a === 'number' && Number.isInteger(a))) throw signatureError(args, 'EmbeddedChartBuilder.setPosition');
    const [row, column, x, y] = args as number[];
    if (row < 1 || column < 1 || row > this.sheet.maxRows || column > this.sheet.maxColumns || x < 0 || y < 0) {
      throw new Error('The chart position is outside the sheet.');
    }
    Object.assign(this.spec, { anchorRow: row, anchorColumn: column, offsetX: x, offsetY: y });
    return this;
  }

  setOption(option: unknown, value: unknown): EmuChartBuilder {
    this.local('setOption');
    if (typeof option !== 'string' || option === '') throw signatureError([option, value], 'EmbeddedChartBuilder.setOption');
    this.spec.options[option] = value;
    return this;
  }

  build(): EmuEmbeddedChart {
    this.local('build');
    if (!this.spec.type) throw new Error('The chart has no chart type: call setChartType first.');
    if (this.spec.ranges.length === 0) throw new Error('The chart has no data: call addRange first.');
    return new EmuEmbeddedChart(this.ctx, this.sheet, this.spec as ChartSpec, this.chartId);
  }
}

/** The sheet side: its charts, and the writes that add, replace and remove them. */
export class SheetCharts {
  readonly list: EmuEmbeddedChart[] = [];

  constructor(
    private readonly ctx: SheetContext,
    private readonly sheet: EmuSheet,
  ) {}

  /** Counted whether or not it is accepted, as every Apps Script call is. */
  private call(method: string): void {
    this.ctx.meter.record(`Sheet.${method}`, 'sheet-write', { cells: 1 });
  }

  newChart(): EmuChartBuilder {
    this.ctx.meter.record('Sheet.newChart', 'sheet-local');
    return new EmuChartBuilder(this.ctx, this.sheet);
  }

  insert(chart: unknown): void {
    this.call('insertChart');
    if (!(chart instanceof EmuEmbeddedChart)) throw signatureError([chart], 'Sheet.insertChart');
    if (chart.sheet !== this.sheet) throw new Error('The chart was built for another sheet.');
    if (chart.chartId !== null) throw new Error('The chart is already in the sheet; use updateChart.');
    chart.chartId = nextChartId++;
    this.list.push(chart);
    this.ctx.meter.rememberWrite(() => {
      const i = this.list.indexOf(chart);
      if (i >= 0) this.list.splice(i, 1);
      chart.chartId = null;
    });
  }

  get(): EmuEmbeddedChart[] {
    this.ctx.meter.record('Sheet.getCharts', 'sheet-read');
    return [...this.list];
  }

  remove(chart: unknown): void {
    this.call('removeChart');
    if (!(chart instanceof EmuEmbeddedChart)) throw signatureError([chart], 'Sheet.removeChart');
    const i = this.list.findIndex((c) => c.chartId !== null && c.chartId === chart.chartId);
    if (i < 0) throw new Error('The chart is not in this sheet.');
    const [removed] = this.list.splice(i, 1);
    this.ctx.meter.rememberWrite(() => this.list.splice(Math.min(i, this.list.length), 0, removed));
  }

  update(chart: unknown): void {
    this.call('updateChart');
    if (!(chart instanceof EmuEmbeddedChart)) throw signatureError([chart], 'Sheet.updateChart');
    const i = this.list.findIndex((c) => c.chartId !== null && c.chartId === chart.chartId);
    if (i < 0) throw new Error('The chart is not in this sheet; use insertChart.');
    const before = this.list[i];
    this.list[i] = chart;
    this.ctx.meter.rememberWrite(() => {
      this.list[i] = before;
    });
  }
}

import { describe, expect, it } from 'vitest';
import { axisTooltip, barLineByMonthOption, chartGrid, chartLegend, dataIndexOf, DEFAULT_PALETTE, tooltipByIndex, tooltipDot, type MonthlyMeasure } from './chart-options';

type Point = { month: string; done: number; spend: number | null };
type Formatter = (params: unknown) => string;
type Axis = { minInterval?: number; position?: string; axisLabel: { formatter: (value: number) => string }; splitLine: { show?: boolean } };
type Series = { name: string; type: string; yAxisIndex: number; barMaxWidth?: number; connectNulls?: boolean; data: (number | null)[] };

const points: Point[] = [
  { month: '2026-07', done: 3, spend: 120 },
  { month: '2026-08', done: 0, spend: null },
];
const done: MonthlyMeasure<Point> = { name: 'Done', value: (p) => p.done, text: (p) => `${p.done} done`, axisLabel: (v) => `${v} items`, minInterval: 1 };
const spend: MonthlyMeasure<Point> = { name: 'Spend', value: (p) => p.spend, text: (p) => (p.spend === null ? 'none' : `£${p.spend}`), axisLabel: (v) => `£${v}` };
const option = barLineByMonthOption(points, { top: 36, bar: { ...done, maxWidth: 30 }, line: spend, note: (p) => `Note for ${p.month}` });
const series = option.series as Series[];
const yAxes = option.yAxis as Axis[];
const tooltip = (option.tooltip as { formatter: Formatter }).formatter;

describe('barLineByMonthOption', () => {
  it('labels one category per month like "Jul 26"', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['Jul 26', 'Aug 26']);
  });

  it('draws the bar measure on the left axis and the line measure on the right', () => {
    expect(series.map((s) => [s.name, s.type, s.yAxisIndex])).toEqual([
      ['Done', 'bar', 0],
      ['Spend', 'line', 1],
    ]);
    expect(series[0]?.barMaxWidth).toBe(30);
    expect(series[0]?.data).toEqual([3, 0]);
    expect(option.legend).toMatchObject({ data: ['Done', 'Spend'] });
    expect(option.grid).toMatchObject({ top: 36 });
  });

  it('breaks the line at a missing value instead of drawing zero', () => {
    expect(series[1]?.data).toEqual([120, null]);
    expect(series[1]?.connectNulls).toBe(false);
  });

  it('gives each axis its measure’s labels and tick step, with grid lines from the left axis only', () => {
    expect(yAxes[0]?.axisLabel.formatter(4)).toBe('4 items');
    expect(yAxes[1]?.axisLabel.formatter(4)).toBe('£4');
    expect(yAxes[0]?.minInterval).toBe(1);
    expect(yAxes[1]).not.toHaveProperty('minInterval');
    expect(yAxes[1]?.position).toBe('right');
    expect(yAxes[1]?.splitLine.show).toBe(false);
  });

  it('puts the full month, both values and the note in the tooltip', () => {
    const july = tooltip([{ dataIndex: 0 }]);
    expect(july).toBe(
      [
        '<strong>July 2026</strong>',
        `${tooltipDot(DEFAULT_PALETTE.bar)}Done: <strong>3 done</strong>`,
        `${tooltipDot(DEFAULT_PALETTE.line)}Spend: <strong>£120</strong>`,
        `<span style="color:${DEFAULT_PALETTE.muted}">Note for 2026-07</span>`,
      ].join('<br/>'),
    );
    expect(tooltip([{ dataIndex: 1 }])).toContain('Spend: <strong>none</strong>');
    expect(tooltip([{ dataIndex: 5 }])).toBe('');
  });

  it('leaves the note out when there is none, and builds an empty chart without months', () => {
    const plain = barLineByMonthOption(points, { top: 40, bar: { ...spend, maxWidth: 36 }, line: done });
    expect((plain.tooltip as { formatter: Formatter }).formatter([{ dataIndex: 0 }]).split('<br/>')).toHaveLength(3);
    const empty = barLineByMonthOption([], { top: 40, bar: { ...spend, maxWidth: 36 }, line: done });
    expect((empty.xAxis as { data: string[] }).data).toEqual([]);
  });
});

describe('chart pieces', () => {
  it('finds the hovered index in axis (array) and item (object) tooltip params', () => {
    expect(dataIndexOf([{ dataIndex: 2 }])).toBe(2);
    expect(dataIndexOf({ dataIndex: 0 })).toBe(0);
    expect(dataIndexOf([])).toBeNull();
    expect(dataIndexOf(null)).toBeNull();
    expect(dataIndexOf({ dataIndex: '1' })).toBeNull();
  });

  it('formats the hovered item, and nothing for an index past the data', () => {
    const format = tooltipByIndex(['a', 'b'], (item) => item.toUpperCase());
    expect(format([{ dataIndex: 1 }])).toBe('B');
    expect(format([{ dataIndex: 2 }])).toBe('');
    expect(format(undefined)).toBe('');
  });

  it('shades the category only when asked, and keeps labels inside the grid', () => {
    expect(axisTooltip(DEFAULT_PALETTE, { shadow: true })).toMatchObject({ trigger: 'axis', axisPointer: { type: 'shadow' } });
    expect(axisTooltip(DEFAULT_PALETTE, { shadow: false })).not.toHaveProperty('axisPointer');
    expect(chartGrid({ left: 1, right: 2, top: 3, bottom: 4 })).toEqual({ left: 1, right: 2, top: 3, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' });
    expect(chartLegend(DEFAULT_PALETTE, ['x'], 14)).toMatchObject({ itemWidth: 14, data: ['x'] });
  });
});

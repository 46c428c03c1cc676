import { describe, expect, it } from 'vitest';
import { ACCEPTED_SERIES, COST_PER_ACCEPTED_SERIES } from '../../lib/month-figures';
import { costPerAcceptedChartOption } from './cost-per-accepted-chart-option';
import { sampleOverview } from './overview-fixture';

type Formatter = (params: unknown) => string;

const overview = sampleOverview();
const option = costPerAcceptedChartOption(overview.monthly, overview.currency);
const series = option.series as { name: string; type: string; yAxisIndex: number; data: (number | null)[] }[];
const xAxis = option.xAxis as { data: string[] };
const yAxes = option.yAxis as { axisLabel: { formatter: (value: number) => string } }[];

describe('costPerAcceptedChartOption', () => {
  it('labels one category per month like "Sep 26"', () => {
    expect(xAxis.data).toEqual(['Jul 26', 'Aug 26', 'Sep 26']);
  });

  it('plots cost per accepted as bars on the money axis and the accepted count as a line on the second axis', () => {
    const [bars, line] = series;
    expect(bars).toMatchObject({ name: COST_PER_ACCEPTED_SERIES, type: 'bar', yAxisIndex: 0 });
    expect(line).toMatchObject({ name: ACCEPTED_SERIES, type: 'line', yAxisIndex: 1 });
    expect(bars?.data).toEqual([43_333_333.33, null, 33_454_666.67]);
    expect(line?.data).toEqual([12, 0, 30]);
  });

  it('leaves a month with nothing accepted without a bar rather than drawing zero', () => {
    expect(series[0]?.data[1]).toBeNull();
  });

  it('formats the money axis from micros in the workspace currency', () => {
    expect(yAxes[0]?.axisLabel.formatter(40_000_000)).toBe('£40');
    expect(yAxes[1]?.axisLabel.formatter(1200)).toBe('1,200');
  });

  it('formats tooltips with formatMoney and the full month name', () => {
    const formatter = (option.tooltip as { formatter: Formatter }).formatter;
    const september = formatter([{ dataIndex: 2 }]);
    expect(september).toContain('September 2026');
    expect(september).toContain('£33.45');
    expect(september).toContain('30');
    expect(september).toContain('AI-path cost £1,003.64');
    expect(formatter([{ dataIndex: 1 }])).toContain('nothing accepted');
    expect(formatter([{ dataIndex: 9 }])).toBe('');
  });

  it('uses another currency when the workspace has one', () => {
    const euro = costPerAcceptedChartOption(overview.monthly, 'EUR');
    const formatter = (euro.tooltip as { formatter: Formatter }).formatter;
    expect(formatter([{ dataIndex: 0 }])).toContain('€43.33');
  });

  it('builds an empty chart for a workspace without months', () => {
    const empty = costPerAcceptedChartOption([], 'GBP');
    expect((empty.xAxis as { data: string[] }).data).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { tornado } from '../../../../shared/domain/scenario';
import { exampleScenario, withRanges } from '../../../../shared/domain/scenario/example';
import { HIGH_SERIES, LOW_SERIES, tornadoBars, tornadoChartOption } from './tornado-chart-option';

const s = withRanges(exampleScenario());

describe('tornado', () => {
  it('ranks the bars by swing and draws them as changes from the base', () => {
    const t = tornado(s);
    const bars = tornadoBars(s, t, 5);
    expect(bars).toHaveLength(5);
    expect(bars.map((b) => b.swing)).toEqual([...bars.map((b) => b.swing)].sort((a, b) => b - a));
    const first = t.bars[0]!;
    expect(bars[0]!.lowDelta).toBeCloseTo(first.atLow.netSavingMicros - t.base.netSavingMicros, 3);
    expect(bars[0]!.highDelta).toBeCloseTo(first.atHigh.netSavingMicros - t.base.netSavingMicros, 3);
    const option = tornadoChartOption(bars, t.metric, 'GBP');
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((x) => x.name)).toEqual([LOW_SERIES, HIGH_SERIES]);
    expect(series[0]!.data).toEqual(bars.map((b) => b.lowDelta));
    expect((option.yAxis as { data: string[]; inverse: boolean }).data[0]).toBe(bars[0]!.label);
  });
});

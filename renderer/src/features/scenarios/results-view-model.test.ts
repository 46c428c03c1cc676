import { describe, expect, it } from 'vitest';
import { runDeterministic, runMonteCarlo } from '../../../../shared/domain/scenario';
import { exampleScenario, withRanges } from '../../../../shared/domain/scenario/example';
import { AI_PATH_SERIES, COST_LINES, HUMAN_SERIES, WITH_AI_SERIES, costChartOption } from './cost-chart-option';
import { calibrationLine, costPoints, headlineFigures, humanOnly, monthRows, wholeMoney } from './results-view-model';

const s = withRanges(exampleScenario({}, { horizonMonths: 6 }));
const result = runDeterministic(s);
const bands = runMonteCarlo(s, { draws: 500, seed: 3 });

describe('headlineFigures', () => {
  it('reads the engine’s totals, and P10–P90 from Monte Carlo', () => {
    const figures = Object.fromEntries(headlineFigures(s, result, bands).map((f) => [f.id, f]));
    expect(figures['net_saving']!.value).toBe(result.totals.netSavingMicros);
    expect(figures['net_saving']!.text).toBe(wholeMoney(result.totals.netSavingMicros, 'GBP'));
    expect(figures['net_saving']!.band).toMatchObject({ p10: bands.totals.netSavingMicros.p10, p90: bands.totals.netSavingMicros.p90 });
    expect(figures['cost_per_accepted']!.value).toBe(result.totals.costPerAcceptedMicros);
    expect(figures['cost_per_accepted']!.text).toMatch(/^£[\d,]+\.\d\d$/);
    expect(figures['break_even_acceptance']!.value).toBe(result.totals.breakEven.acceptanceRate);
    expect(figures['break_even_acceptance']!.sub).toBe('Now 80.0%');
    expect(figures['break_even_price']!.value).toBe(result.totals.breakEven.pricePerCredit);
    expect(figures['hours_freed']!.value).toBe(result.totals.hoursFreed);
    expect(headlineFigures(s, result, null).every((f) => f.band === null)).toBe(true);
  });

  it('keeps totals short enough for a tile, with the exact amount in the title', () => {
    expect(wholeMoney(498_520_150_000, 'GBP')).toBe('£498,520');
    expect(wholeMoney(3_484_234_000_000, 'GBP')).toBe('£3.48m');
    expect(wholeMoney(null, 'GBP')).toBe('—');
    const f = headlineFigures(s, result, null).find((x) => x.id === 'net_saving')!;
    expect(f.title).toMatch(/^£[\d,]+\.\d\d$/);
  });

  it('says when break-even is out of reach (no volume), and shows no band without spread', () => {
    const none = exampleScenario({ monthly_volume: 0 });
    const figures = Object.fromEntries(headlineFigures(none, runDeterministic(none), runMonteCarlo(none, { draws: 10 })).map((f) => [f.id, f]));
    expect(figures['break_even_acceptance']).toMatchObject({ value: null, text: '—', sub: 'Out of reach; now 80.0%', tone: 'bad' });
    expect(figures['cost_per_accepted']).toMatchObject({ value: null, text: '—', band: null });
  });

  it('marks a net loss', () => {
    const costly = exampleScenario({ price_per_credit: 5000, free_credits: 0 });
    const f = headlineFigures(costly, runDeterministic(costly), null).find((x) => x.id === 'net_saving')!;
    expect(f.value).toBeLessThan(0);
    expect(f.tone).toBe('bad');
  });
});

describe('the human-only baseline', () => {
  it('routes nothing: its cost is the human path, with nothing saved', () => {
    const t = runDeterministic(humanOnly(s)).totals;
    expect(t.routed).toBe(0);
    expect(t.scenarioCostMicros).toBeCloseTo(result.totals.humanPathCostMicros, 3);
    expect(t.netSavingMicros).toBeCloseTo(0, 6);
  });
});

describe('the monthly chart', () => {
  it('draws each line with its P10–P90 band as two stacked series under the line’s name', () => {
    const points = costPoints(result, bands);
    expect(points).toHaveLength(6);
    expect(points[0]!.withAi).toEqual({ value: result.periods[0]!.scenarioCostMicros, p10: bands.periods[0]!.bands.scenarioCostMicros.p10, p90: bands.periods[0]!.bands.scenarioCostMicros.p90 });
    const option = costChartOption(points, 'GBP');
    const series = option.series as { name: string; stack?: string; data: (number | null)[]; areaStyle?: unknown }[];
    expect(series).toHaveLength(9);
    for (const line of COST_LINES) {
      const [lower, upper, main] = series.filter((x) => x.name === line.name);
      expect(lower!.data).toEqual(points.map((p) => line.pick(p).p10));
      expect(upper!.areaStyle).toBeDefined();
      expect(upper!.data[2]).toBeCloseTo(line.pick(points[2]!).p90! - line.pick(points[2]!).p10!, 6);
      expect(main!.stack).toBeUndefined();
      expect(main!.data).toEqual(points.map((p) => line.pick(p).value));
    }
    expect((option.legend as { data: { name: string }[] }).data.map((d) => d.name)).toEqual([HUMAN_SERIES, WITH_AI_SERIES, AI_PATH_SERIES]);
  });

  it('draws lines alone before the bands are in, or when they are for another horizon', () => {
    expect((costChartOption(costPoints(result, null), 'GBP').series as unknown[]).length).toBe(3);
    const longer = runDeterministic(s, 8);
    expect(costPoints(longer, bands).every((p) => p.withAi.p10 === null)).toBe(true);
  });
});

describe('lines and rows', () => {
  it('says what a scenario was calibrated on', () => {
    expect(calibrationLine(s)).toBe('Not calibrated: every assumption was set by hand.');
    const c = { ...s, calibration: { at: '2026-10-01T00:00:00Z', pilot: null, fromMonth: '2026-04', toMonth: '2026-09', records: 461 } };
    expect(calibrationLine(c)).toBe('Calibrated on 461 records of the workspace, April 2026 – September 2026.');
    expect(calibrationLine({ ...c, calibration: { ...c.calibration, pilot: 'Payments', records: 0 } })).toMatch(/pilot Payments, which had no records/);
  });

  it('formats a row per month', () => {
    const rows = monthRows(s, result);
    expect(rows.map((r) => r.label)).toEqual(['October 2026', 'November 2026', 'December 2026', 'January 2027', 'February 2027', 'March 2027']);
    expect(rows[0]!.costPerAccepted).toMatch(/^£/);
  });
});

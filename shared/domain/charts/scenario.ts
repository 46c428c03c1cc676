import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import { formatMoney } from '../money';
import type { Band, DeterministicResult, MonteCarloResult, Scenario, TornadoResult } from '../scenario/schema';
import { formatMonthShort } from './format';
import { axisText, EXPORT_PALETTE, exportBase, frameGrid, frameLegend, frameTitles, type ChartFrame, type ExportPalette } from './frame';

export type ScenarioCostOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;
export type ScenarioBarsOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

export const HUMAN_ONLY_NAME = 'Human-only baseline';

/** The scenario with nothing routed to the AI path: every eligible item done by people (the human-only baseline). */
export function humanOnly(s: Scenario): Scenario {
  const share = s.assumptions.ai_share;
  return { ...s, name: HUMAN_ONLY_NAME, assumptions: { ...s.assumptions, ai_share: { value: 0, evidence: share.evidence, source: 'override' } } };
}

export type BandPoint = { value: number; p10: number | null; p90: number | null };
export type CostPoint = { month: string; humanPath: BandPoint; withAi: BandPoint; aiPath: BandPoint; costPerAcceptedMicros: number | null };

/**
 * The cost chart's points: human-path cost, the cost with the AI path and the AI-path cost alone,
 * each with its P10–P90 from Monte Carlo when there are bands for this horizon.
 */
export function costPoints(result: DeterministicResult, bands: MonteCarloResult | null): CostPoint[] {
  const usable = bands !== null && bands.periods.length === result.periods.length ? bands : null;
  return result.periods.map((p, i) => {
    const b = usable?.periods[i]?.bands;
    const point = (value: number, band: Band | undefined): BandPoint => ({ value, p10: band?.p10 ?? null, p90: band?.p90 ?? null });
    return {
      month: p.month,
      humanPath: point(p.humanPathCostMicros, b?.humanPathCostMicros),
      withAi: point(p.scenarioCostMicros, b?.scenarioCostMicros),
      aiPath: point(p.aiPathCostMicros, b?.aiPathCostMicros),
      costPerAcceptedMicros: p.costPerAcceptedMicros,
    };
  });
}

export const HUMAN_SERIES = 'Human-path cost';
export const WITH_AI_SERIES = 'Cost with the AI path';
export const AI_PATH_SERIES = 'AI-path cost';
export const BAND_LEGEND = 'P10–P90';

/** One line of the cost chart: its name, colour, style, and which of a point's three bands it draws. */
export type CostLine = { name: string; color: string; dashed: boolean; pick: (p: CostPoint) => BandPoint };

/** The cost chart's three lines in legend order, in the given colours (screen and export palettes differ). */
export const costLines = (colors: { human: string; withAi: string; aiPath: string }): CostLine[] => [
  { name: HUMAN_SERIES, color: colors.human, dashed: false, pick: (p) => p.humanPath },
  { name: WITH_AI_SERIES, color: colors.withAi, dashed: false, pick: (p) => p.withAi },
  { name: AI_PATH_SERIES, color: colors.aiPath, dashed: true, pick: (p) => p.aiPath },
];

const hasBand = (points: readonly CostPoint[], line: CostLine) => points.length > 0 && points.every((p) => line.pick(p).p10 !== null && line.pick(p).p90 !== null);

/**
 * Each line with its P10–P90 shaded where every point has a band. A band is two stacked series (P10,
 * then P90 − P10) sharing the line's name, so the legend shows and hides a line and its band together.
 */
export function bandedLineSeries(points: readonly CostPoint[], lines: readonly CostLine[], bandOpacity: number): LineSeriesOption[] {
  const series: LineSeriesOption[] = [];
  for (const line of lines) {
    if (hasBand(points, line)) {
      const stack = `band-${line.name}`;
      series.push(
        { name: line.name, type: 'line', stack, silent: true, symbol: 'none', lineStyle: { opacity: 0 }, data: points.map((p) => line.pick(p).p10) },
        {
          name: line.name,
          type: 'line',
          stack,
          silent: true,
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: line.color, opacity: bandOpacity },
          data: points.map((p) => {
            const b = line.pick(p);
            return b.p10 === null || b.p90 === null ? null : b.p90 - b.p10;
          }),
        },
      );
    }
    series.push({
      name: line.name,
      type: 'line',
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { color: line.color, width: 2, type: line.dashed ? 'dashed' : 'solid' },
      itemStyle: { color: line.color },
      data: points.map((p) => line.pick(p).value),
    });
  }
  return series;
}

/**
 * "AI vs human cost by month": the human path (every eligible item done by people), the month's
 * cost with the AI path and the AI-path cost alone, each a line with its P10–P90 shaded when Monte
 * Carlo bands are given. A band is two stacked series (P10, then P90 − P10) sharing the line's name.
 */
export function scenarioCostOption(points: readonly CostPoint[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): ScenarioCostOption {
  const text = axisText(palette);
  const lines = costLines({ human: palette.series[1], withAi: palette.series[0], aiPath: palette.series[2] });
  const series = bandedLineSeries(points, lines, 0.16);
  return {
    ...exportBase(palette),
    title: frameTitles(frame, palette),
    legend: frameLegend(frame, lines.map((l) => ({ name: l.name, itemStyle: { color: l.color } })), palette),
    grid: frameGrid(frame, { legend: true, right: 24 }),
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => formatMonthShort(p.month)), axisLine: { lineStyle: { color: palette.axisLine } }, axisLabel: text },
    yAxis: {
      type: 'value',
      min: 0,
      // Ticks at whole currency units at least: an all-zero scenario would otherwise label fractions of a micro.
      minInterval: 1_000_000,
      axisLabel: { ...text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    series,
  };
}

export type TornadoBar = { assumption: string; label: string; lowDelta: number | null; highDelta: number | null };

export const TORNADO_METRIC_LABEL: Record<TornadoResult['metric'], string> = {
  netSavingMicros: 'Net saving over the horizon',
  costPerAcceptedMicros: 'Cost per accepted PR/MR',
};

/** The ranked bars, largest swing first, at most `limit` (the rest move the result least); deltas from the base result. */
export function tornadoBars(t: TornadoResult, limit = 10): TornadoBar[] {
  const base = t.base[t.metric];
  return t.bars.slice(0, limit).map((bar) => {
    const lo = bar.atLow[t.metric];
    const hi = bar.atHigh[t.metric];
    return { assumption: bar.assumption, label: bar.label, lowDelta: lo === null || base === null ? null : lo - base, highDelta: hi === null || base === null ? null : hi - base };
  });
}

export const LOW_SERIES = 'Assumption at its low';
export const HIGH_SERIES = 'Assumption at its high';

/**
 * Tornado: one row per ranged assumption, largest swing on top; bars run from the base result to
 * the result with the assumption at its low and at its high, every other assumption at its value.
 * The axis is the change from the base, so bars left of zero lower the metric.
 */
export function tornadoOption(bars: readonly TornadoBar[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): ScenarioBarsOption {
  const text = axisText(palette);
  const signed = (v: number) => (v === 0 ? '0' : `${v > 0 ? '+' : ''}${formatMoney(v, currency, { compact: true })}`);
  return {
    ...exportBase(palette),
    title: frameTitles(frame, palette),
    legend: frameLegend(frame, [LOW_SERIES, HIGH_SERIES], palette),
    grid: frameGrid(frame, { legend: true, right: 28 }),
    xAxis: { type: 'value', axisLabel: { ...text, formatter: signed }, splitLine: { lineStyle: { color: palette.gridLine } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.muted } },
      axisLabel: { ...text, color: palette.text, width: Math.round(frame.width * 0.36), overflow: 'truncate' },
    },
    series: [
      { name: LOW_SERIES, type: 'bar', barGap: '-100%', barMaxWidth: 18, itemStyle: { color: palette.series[3] }, data: bars.map((b) => b.lowDelta) },
      { name: HIGH_SERIES, type: 'bar', barGap: '-100%', barMaxWidth: 18, itemStyle: { color: palette.series[1] }, data: bars.map((b) => b.highDelta) },
    ],
  };
}

export type CompareColumn = { name: string; kind: 'baseline' | 'scenario'; scenario: Scenario; result: DeterministicResult };

export const AI_PART = 'AI-path cost';
export const PEOPLE_PART = 'Done by people';

/**
 * "Scenarios compared": cost over the horizon per column as one bar split into the AI path's own
 * cost and the work left to people (for the baseline, all of it), so the bars' lengths compare.
 */
export function comparisonOption(columns: readonly CompareColumn[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): ScenarioBarsOption {
  const text = axisText(palette);
  return {
    ...exportBase(palette),
    title: frameTitles(frame, palette),
    legend: frameLegend(frame, [AI_PART, PEOPLE_PART], palette),
    grid: frameGrid(frame, { legend: true, right: 72 }),
    xAxis: { type: 'value', min: 0, minInterval: 1_000_000, axisLabel: { ...text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: columns.map((c) => c.name),
      axisTick: { show: false },
      axisLabel: { ...text, color: palette.text, fontSize: 12, width: Math.round(frame.width * 0.3), overflow: 'truncate' },
    },
    series: [
      { name: AI_PART, type: 'bar', stack: 'cost', barMaxWidth: 24, itemStyle: { color: palette.series[0] }, data: columns.map((c) => c.result.totals.aiPathCostMicros) },
      {
        name: PEOPLE_PART,
        type: 'bar',
        stack: 'cost',
        barMaxWidth: 24,
        itemStyle: { color: palette.series[1] },
        // The bar's whole length, the cost with the AI path, written at its end.
        label: { show: true, position: 'right', fontFamily: palette.fontFamily, color: palette.text, fontSize: 11, formatter: (p: { dataIndex: number }) => formatMoney(columns[p.dataIndex]?.result.totals.scenarioCostMicros ?? 0, currency, { compact: true }) },
        data: columns.map((c) => c.result.totals.fallbackCostMicros),
      },
    ],
  };
}

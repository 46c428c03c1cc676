import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { formatMoney } from '../../../../shared/domain/money';
import { ASSUMPTIONS, type AssumptionId, type Scenario, type TornadoResult } from '../../../../shared/domain/scenario';
import { axisText, axisTooltip, chartBase, chartGrid, chartLegend, DEFAULT_PALETTE, tooltipByIndex, type ChartPalette } from '../../lib/chart-options';
import { NO_VALUE } from '../../lib/format';
import { formatRange } from './assumption-model';

export type TornadoChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const LOW_SERIES = 'Assumption at its low';
export const HIGH_SERIES = 'Assumption at its high';
const LOW_COLOR = '#6f93c6';
const HIGH_COLOR = '#c2700f';

export type TornadoBar = {
  assumption: string;
  label: string;
  rangeText: string;
  /** Change of the metric from its base when the assumption is at its low, and at its high (micros). */
  lowDelta: number | null;
  highDelta: number | null;
  atLowText: string;
  atHighText: string;
  swing: number;
};

export const TORNADO_METRIC_LABEL: Record<TornadoResult['metric'], string> = {
  netSavingMicros: 'Net saving over the horizon',
  costPerAcceptedMicros: 'Cost per accepted PR/MR',
};

/** The ranked bars, largest swing first, at most `limit` of them (the rest move the result least). */
export function tornadoBars(s: Scenario, t: TornadoResult, limit = 12): TornadoBar[] {
  const base = t.base[t.metric];
  const m = (v: number | null) => (v === null ? NO_VALUE : formatMoney(v, s.currency));
  return t.bars.slice(0, limit).map((bar) => {
    const unit = ASSUMPTIONS[bar.assumption as AssumptionId]?.unit ?? 'items';
    const lo = bar.atLow[t.metric];
    const hi = bar.atHigh[t.metric];
    return {
      assumption: bar.assumption,
      label: bar.label,
      rangeText: formatRange(unit, bar.low, bar.high, s.currency),
      lowDelta: lo === null || base === null ? null : lo - base,
      highDelta: hi === null || base === null ? null : hi - base,
      atLowText: m(lo),
      atHighText: m(hi),
      swing: bar.swing,
    };
  });
}

/**
 * Tornado: one row per ranged assumption, largest swing on top; bars run from the base result to the
 * result with the assumption at its low (blue) and at its high (orange), every other assumption at
 * its likely value. The axis is the change from the base, so bars left of zero lower the metric.
 */
export function tornadoChartOption(bars: readonly TornadoBar[], metric: TornadoResult['metric'], currency: string, palette: ChartPalette = DEFAULT_PALETTE): TornadoChartOption {
  const text = axisText(palette);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${formatMoney(v, currency, { compact: true })}`;
  return {
    ...chartBase(palette),
    grid: chartGrid({ left: 8, right: 24, top: 32, bottom: 8 }),
    legend: chartLegend(palette, [LOW_SERIES, HIGH_SERIES]),
    tooltip: {
      ...axisTooltip(palette, { shadow: true }),
      formatter: tooltipByIndex(bars, (bar) =>
        [
          `<strong>${bar.label}</strong>`,
          `Range ${bar.rangeText}`,
          `${TORNADO_METRIC_LABEL[metric]} at the low: <strong>${bar.atLowText}</strong>`,
          `${TORNADO_METRIC_LABEL[metric]} at the high: <strong>${bar.atHighText}</strong>`,
        ].join('<br/>'),
      ),
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...text, formatter: (value: number) => (value === 0 ? '0' : signed(value)) },
      splitLine: { lineStyle: { color: palette.gridLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.muted } },
      axisLabel: { ...text, color: palette.text, width: 220, overflow: 'truncate' },
    },
    series: [
      { name: LOW_SERIES, type: 'bar', barGap: '-100%', barMaxWidth: 18, itemStyle: { color: LOW_COLOR }, data: bars.map((b) => b.lowDelta) },
      { name: HIGH_SERIES, type: 'bar', barGap: '-100%', barMaxWidth: 18, itemStyle: { color: HIGH_COLOR }, data: bars.map((b) => b.highDelta) },
    ],
  };
}

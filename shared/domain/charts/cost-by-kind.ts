import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TitleComponentOption } from 'echarts/components';
import { formatMoney } from '../money';
import { NO_VALUE, formatPercent } from './format';
import { axisText, EXPORT_PALETTE, exportBase, frameGrid, frameTitles, type ChartFrame, type ExportPalette } from './frame';

export type CostByKindOption = ComposeOption<BarSeriesOption | GridComponentOption | TitleComponentOption>;

/** Cost kinds in the order a finance reader expects: vendor charges first, people last (as the Overview lists them). */
export const COST_KINDS: readonly { kind: string; label: string }[] = [
  { kind: 'run_credits', label: 'Run credits' },
  { kind: 'ai_credits', label: 'Cloud AI credits' },
  { kind: 'provider', label: 'Model provider' },
  { kind: 'ci', label: 'CI minutes' },
  { kind: 'human', label: 'People' },
];

export type CostKindRow = { kind: string; label: string; micros: number; share: number; display: string; shareDisplay: string };

/**
 * AI-path cost split by kind, with each kind's share of the total; keys as the overview gives them
 * (`run_credits`, …). Kinds added later are kept under their raw name rather than dropped.
 */
export function costKindRows(byKind: Readonly<Record<string, number>>, currency: string): CostKindRow[] {
  const known = COST_KINDS.map((k) => ({ ...k, micros: byKind[k.kind] ?? 0 }));
  const extra = Object.keys(byKind)
    .filter((kind) => !COST_KINDS.some((k) => k.kind === kind))
    .sort()
    .map((kind) => ({ kind, label: kind.replace(/_/g, ' '), micros: byKind[kind] ?? 0 }));
  const all = [...known, ...extra];
  const total = all.reduce((sum, row) => sum + row.micros, 0);
  return all.map((row) => {
    const share = total > 0 ? Math.max(0, row.micros) / total : 0;
    return { ...row, share, display: formatMoney(row.micros, currency), shareDisplay: total > 0 ? formatPercent(share, 0) : NO_VALUE };
  });
}

/** Sums' cost measures (`cost_run_credits`, …) as the overview's kinds (`run_credits`, …). */
export const costByKindFromSums = (sums: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(sums).filter(([k]) => k.startsWith('cost_')).map(([k, v]) => [k.slice('cost_'.length), v]));

/**
 * "AI-path cost by kind": one horizontal bar per kind, largest spend readable at a glance, each
 * labelled with its amount and share so the image needs no tooltip.
 */
export function costByKindOption(rows: readonly CostKindRow[], currency: string, frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): CostByKindOption {
  const text = axisText(palette);
  return {
    ...exportBase(palette),
    title: frameTitles(frame, palette),
    // Room on the right for the longest value label.
    grid: frameGrid(frame, { legend: false, right: 150 }),
    // Ticks at whole currency units at least, so an all-zero chart does not label fractions of a micro "£0".
    xAxis: { type: 'value', min: 0, minInterval: 1_000_000, axisLabel: { ...text, formatter: (v: number) => formatMoney(v, currency, { compact: true }) }, splitLine: { lineStyle: { color: palette.gridLine } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axisLine } },
      axisLabel: { ...text, color: palette.text, fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        itemStyle: { color: palette.series[0], borderRadius: [0, 2, 2, 0] },
        label: { show: true, position: 'right', fontFamily: palette.fontFamily, color: palette.text, fontSize: 11, formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]?.display ?? ''} · ${rows[p.dataIndex]?.shareDisplay ?? ''}` },
        data: rows.map((r) => r.micros),
      },
    ],
  };
}

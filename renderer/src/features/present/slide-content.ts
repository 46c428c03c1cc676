import type { EChartsCoreOption } from 'echarts/core';
import { DEFAULT_PALETTE, type ChartPalette } from '../../lib/chart-options';
import { formatMonthLong } from '../../lib/format';
import { costPerAcceptedChartOption } from '../overview/cost-per-accepted-chart-option';
import { kpiCards, missingRatesWarning, overviewContent, periodLabel } from '../overview/overview-view-model';
import { pilotChartOption } from '../pilots/pilot-chart-option';
import { scopeSummary } from '../pilots/pilot-form-model';
import { headlineFigures as pilotFigures, monthPoints, recordsLine } from '../pilots/scorecard-view-model';
import { costChartOption } from '../scenarios/cost-chart-option';
import { calibrationLine, costPoints, headlineFigures as scenarioFigures, horizonLine } from '../scenarios/results-view-model';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { pivotSlideContent } from './pivot-slide';
import type { PivotSlideTable } from './pivot-slide-table';
import type { SlideData } from './slide-data';

/*
 * A slide as it reads: title, what it covers, one or two headline figures, then the chart (built by
 * the same option builder as its page, in the projector palette) or a grid of figures. The figures
 * are formatted by the pages' own view models, so a slide and its page can never disagree.
 */

/** Darker lines and text than the app's palette: projectors wash out greys and light colours. */
export const PROJECTOR_PALETTE: ChartPalette = {
  ...DEFAULT_PALETTE,
  bar: '#1f4e89',
  line: '#b35900',
  text: '#000000',
  muted: '#1f2933',
  gridLine: '#b8c2cc',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#52606d',
};

export type SlideFigure = {
  /** Stable per figure, for tests and keys ("cost-per-accepted", "net_saving"). */
  id: string;
  label: string;
  /** The raw figure as the API sent it; null when it cannot be computed. */
  value: number | null;
  display: string;
  /** A short line under the figure ("1.2 FTE freed", "Human path £849"). */
  sub: string | null;
  /** What the figure rests on, in a sentence (the Overview's captions), or its P10–P90 band. */
  caption: string | null;
  tone: 'good' | 'bad' | 'neutral';
};

export type SlideBody =
  | { kind: 'chart'; option: EChartsCoreOption; label: string; legend: string; headlines: SlideFigure[] }
  | { kind: 'figures'; figures: SlideFigure[] }
  /** An Explore pivot pinned as a table. */
  | { kind: 'table'; table: PivotSlideTable }
  | { kind: 'message'; text: string };

export type SlideContent = {
  subtitle: string | null;
  /** What the reader must know before trusting the figures (costs left out for a missing exchange rate). */
  warning: string | null;
  body: SlideBody;
  /** The period and origin of the figures, for the slide's footnote and an exported image's. */
  period: string | null;
};

/** "October 2025 – September 2026" for the months a chart draws; null for none. */
export const monthsLabel = (months: readonly string[]): string | null => {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return null;
  return first === last ? formatMonthLong(first) : `${formatMonthLong(first)} – ${formatMonthLong(last)}`;
};

export function slideContent(view: SlideView, data: SlideData, palette: ChartPalette = PROJECTOR_PALETTE): SlideContent {
  if (data.source === 'pivot' || view.view === 'pivot') {
    if (data.source === 'pivot' && view.view === 'pivot') return pivotSlideContent(view, data, palette);
    return { subtitle: null, warning: null, body: { kind: 'message', text: 'These figures are not the slide’s.' }, period: null };
  }
  if (data.source === 'overview') {
    const overview = data.overview;
    const content = overviewContent(overview);
    const period = periodLabel(overview.period);
    const warning = missingRatesWarning(overview);
    if (content.kind === 'empty-workspace') return { subtitle: period, warning, body: { kind: 'message', text: 'This workspace has no accepted-work records yet.' }, period };
    const cards = kpiCards(overview);
    const figure = (id: string): SlideFigure[] =>
      cards
        .filter((c) => c.testId === `kpi-${id}`)
        .map((c) => ({ id, label: c.label, value: c.value, display: c.display, sub: c.subline?.text ?? null, caption: null, tone: 'neutral' }));
    const note = content.kind === 'empty-period' ? content.note : null;
    if (view.view === 'overview-figures') {
      const figures = cards.map((c) => ({ id: c.testId.slice(4), label: c.label, value: c.value, display: c.display, sub: c.subline?.text ?? null, caption: c.caption, tone: 'neutral' as const }));
      return { subtitle: period, warning: warning ?? note, body: { kind: 'figures', figures }, period };
    }
    const months = monthsLabel(overview.monthly.map((m) => m.month));
    return {
      subtitle: period === null ? months : `${period}${months === null ? '' : ` · by month, ${months}`}`,
      warning: warning ?? note,
      body: {
        kind: 'chart',
        option: costPerAcceptedChartOption(overview.monthly, overview.currency, palette),
        label: `Chart of cost per accepted PR/MR and accepted count over ${overview.monthly.length} months.`,
        legend: 'Bars: cost per accepted PR/MR (left axis). Line: accepted PR/MRs (right axis).',
        headlines: [...figure('cost-per-accepted'), ...figure('accepted')],
      },
      period,
    };
  }

  if (data.source === 'pilot') {
    const card = data.card;
    const subtitle = `${scopeSummary(card.pilot.scope)} · ${recordsLine(card)}`;
    const period = monthsLabel(card.monthly.map((m) => m.month));
    const figures: SlideFigure[] = pilotFigures(card).map((f) => ({ id: f.id, label: f.label, value: f.value, display: f.display, sub: f.note, caption: null, tone: 'neutral' }));
    if (view.view === 'pilot-figures') return { subtitle, warning: null, body: { kind: 'figures', figures }, period };
    if (card.monthly.length === 0) return { subtitle, warning: null, body: { kind: 'message', text: 'No months of data fall in this pilot’s scope yet.' }, period };
    return {
      subtitle,
      warning: null,
      body: {
        kind: 'chart',
        option: pilotChartOption(monthPoints(card), card.currency, palette),
        label: `Chart of accepted PR/MRs and cost per accepted over ${card.monthly.length} months.`,
        legend: 'Bars: accepted PR/MRs (left axis). Line: cost per accepted PR/MR (right axis).',
        headlines: figures.filter((f) => f.id === 'accepted' || f.id === 'cost_per_accepted'),
      },
      period,
    };
  }

  const run = data.run;
  const scenario = run.scenario;
  const subtitle = `${calibrationLine(scenario)} · ${horizonLine(scenario, run)}`;
  const period = `${monthsLabel(run.periods.map((p) => p.month)) ?? ''} (projection)`;
  const figures: SlideFigure[] = scenarioFigures(scenario, run, run.bands).map((f) => ({
    id: f.id,
    label: f.label,
    value: f.value,
    display: f.text,
    sub: f.sub,
    caption: f.band === null ? null : `P10–P90 ${f.band.text}`,
    tone: f.tone,
  }));
  if (view.view === 'scenario-figures') return { subtitle, warning: null, body: { kind: 'figures', figures }, period };
  const points = costPoints(run, run.bands);
  return {
    subtitle,
    warning: null,
    body: {
      kind: 'chart',
      option: costChartOption(points, run.currency, palette),
      label: `Cost per month over ${points.length} months: human-path cost, cost with the AI path and AI-path cost${run.bands === null ? '' : ', with P10 to P90 bands'}.`,
      legend: 'Human path: every eligible item done by people. With the AI path: its cost plus what it does not deliver, done by people. Shaded: P10–P90.',
      headlines: figures.filter((f) => f.id === 'net_saving' || f.id === 'cost_per_accepted'),
    },
    period,
  };
}

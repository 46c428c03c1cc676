import type { Overview } from '../../../../shared/ipc/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { NO_VALUE, formatCount, formatDate, formatDateRange, formatDecimal, formatHours, formatPercent } from '../../lib/format';
import { monthFiguresRows, type MonthFiguresRow } from '../../lib/month-figures';

/**
 * Turns the overview answer into what the page shows: formatted figures, the plain-language caption
 * each figure rests on, and why a figure is missing. Components only lay these out.
 */

export type KpiTestId = 'kpi-accepted' | 'kpi-cost-per-accepted' | 'kpi-acceptance-rate' | 'kpi-hours-freed';

export type KpiCardModel = {
  testId: KpiTestId;
  label: string;
  /** The raw figure from the API (micros, 0..1 fraction, hours); null when it cannot be computed. */
  value: number | null;
  display: string;
  /** Why the figure shows "—"; null when there is a figure. */
  missingReason: string | null;
  subline: { text: string; title: string } | null;
  caption: string;
};

/** "Q3 2026 · 1 Jul – 30 Sep 2026"; null when the workspace has no period to show. */
export function periodLabel(period: Overview['period']): string | null {
  return period === null ? null : `${period.label} · ${formatDateRange(period.from, period.to)}`;
}

/** The data attribute form of a raw figure: the number as the API sent it, empty when null. */
export const dataValue = (value: number | null): string => (value === null ? '' : String(value));

export function kpiCards(overview: Overview): KpiCardModel[] {
  const { figures, evidence, currency } = overview;
  const money = (micros: number): string => formatMoney(micros, currency);

  const accepted: KpiCardModel = {
    testId: 'kpi-accepted',
    label: 'Accepted PR/MRs',
    value: figures.accepted,
    display: formatCount(figures.accepted),
    missingReason: null,
    subline: null,
    caption: `Merged and not rolled back within the rollback window, from ${formatCount(evidence.records)} work items that entered the AI-assisted workflow.`,
  };

  const costPerAccepted: KpiCardModel = {
    testId: 'kpi-cost-per-accepted',
    label: 'Cost per accepted PR/MR',
    value: figures.costPerAcceptedMicros,
    display: figures.costPerAcceptedMicros === null ? NO_VALUE : money(figures.costPerAcceptedMicros),
    missingReason:
      figures.costPerAcceptedMicros === null
        ? `No PR/MR was accepted in this period, so the ${money(evidence.aiPathCostMicros)} of AI-path cost has nothing to be divided by.`
        : null,
    subline: null,
    caption: `${money(evidence.aiPathCostMicros)} of AI-path cost ÷ ${formatCount(figures.accepted)} accepted. Includes failed, rejected and rolled-back work, review and repair hours.`,
  };

  const acceptanceRate: KpiCardModel = {
    testId: 'kpi-acceptance-rate',
    label: 'Acceptance rate',
    value: figures.acceptanceRate,
    display: figures.acceptanceRate === null ? NO_VALUE : formatPercent(figures.acceptanceRate),
    missingReason: figures.acceptanceRate === null ? 'No MR reached review in this period, so there is no rate to show.' : null,
    subline: null,
    caption: `${formatCount(figures.accepted)} accepted of ${formatCount(evidence.mrsReachedReview)} MRs that reached review.`,
  };

  const fteTitle = 'Hours freed ÷ productive hours per full-time engineer over the period (a workspace setting).';
  const hoursFreed: KpiCardModel = {
    testId: 'kpi-hours-freed',
    label: 'Hours freed',
    value: figures.hoursFreed,
    display: formatHours(figures.hoursFreed),
    missingReason: null,
    subline:
      figures.fteFreed === null
        ? { text: `${NO_VALUE} FTE freed`, title: 'Productive hours per FTE are not set for this workspace, so hours cannot be turned into people.' }
        : { text: `${formatDecimal(figures.fteFreed, 1)} FTE freed`, title: fteTitle },
    caption:
      `Baseline ${formatHours(evidence.baselineHours)} for comparable human work, minus ${formatHours(evidence.humanHours)} people spent on the AI path (intake, review, repair, rework).` +
      (figures.hoursFreed < 0 ? ' Negative: the AI path took more people-time than the baseline.' : ''),
  };

  return [accepted, costPerAccepted, acceptanceRate, hoursFreed];
}

/** Cost kinds in the order a finance reader expects: vendor charges first, people last. */
const COST_KINDS: readonly { kind: string; label: string; hint: string }[] = [
  { kind: 'run_credits', label: 'Run credits', hint: 'Per-PR/MR charges of the AI coding tool, including retries and continuations.' },
  { kind: 'ai_credits', label: 'Cloud AI credits', hint: 'Managed model usage settled from measured tokens.' },
  { kind: 'provider', label: 'Model provider', hint: 'Spend billed directly by the model provider (self-hosted workspaces).' },
  { kind: 'ci', label: 'CI minutes', hint: 'Pipeline minutes priced per runner type.' },
  { kind: 'human', label: 'People', hint: 'Intake, review, repair and rework hours at the loaded hourly rate.' },
];

export type CostKindRow = { kind: string; label: string; hint: string; micros: number; display: string; share: number; shareDisplay: string };

export type CostBreakdown = { rows: CostKindRow[]; totalMicros: number; totalDisplay: string };

/**
 * AI-path cost split by kind, with each kind's share of the total. Kinds the API adds later are
 * kept (under their raw name) rather than silently dropped.
 */
export function costBreakdown(overview: Overview): CostBreakdown {
  const byKind = overview.evidence.costByKindMicros;
  const known = COST_KINDS.map((k) => ({ ...k, micros: byKind[k.kind] ?? 0 }));
  const extra = Object.keys(byKind)
    .filter((kind) => !COST_KINDS.some((k) => k.kind === kind))
    .sort()
    .map((kind) => ({ kind, label: kind.replace(/_/g, ' '), hint: '', micros: byKind[kind] ?? 0 }));
  const all = [...known, ...extra];
  const totalMicros = all.reduce((sum, row) => sum + row.micros, 0);
  const rows = all.map((row) => {
    const share = totalMicros > 0 ? Math.max(0, row.micros) / totalMicros : 0;
    return { ...row, display: formatMoney(row.micros, overview.currency), share, shareDisplay: totalMicros > 0 ? formatPercent(share, 0) : NO_VALUE };
  });
  return { rows, totalMicros, totalDisplay: formatMoney(totalMicros, overview.currency) };
}

/** The warning shown when some cost lines could not be converted into the workspace currency. */
export function missingRatesWarning(overview: Overview): string | null {
  const missing = overview.evidence.missingRates;
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `Costs in ${list} are left out of these figures until an exchange rate into ${overview.currency} is entered.`;
}

export type OverviewContent =
  | { kind: 'empty-workspace' }
  /** The workspace has data, just none in the chosen period. */
  | { kind: 'empty-period'; note: string }
  | { kind: 'figures' };

export function overviewContent(overview: Overview): OverviewContent {
  if (overview.dataRange === null || overview.period === null) {
    return overview.evidence.records === 0 ? { kind: 'empty-workspace' } : { kind: 'figures' };
  }
  if (overview.evidence.records === 0) {
    const range = `${formatDate(overview.dataRange.from)} – ${formatDate(overview.dataRange.to)}`;
    return { kind: 'empty-period', note: `No accepted-work records fall in ${overview.period.label}. The workspace holds data from ${range}.` };
  }
  return { kind: 'figures' };
}

/** The chart's figures as a table, for reading exact values and for screen readers. */
export function monthlyRows(overview: Overview): MonthFiguresRow[] {
  return monthFiguresRows(overview.monthly, overview.currency);
}

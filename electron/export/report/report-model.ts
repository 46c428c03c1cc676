import { costByKindFromSums, costKindRows } from '../../../shared/domain/charts/cost-by-kind';
import { sourceLine } from '../../../shared/domain/charts/footnote';
import {
  NO_VALUE,
  formatCount,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDecimal,
  formatHours,
  formatMetric,
  formatMonthLong,
  formatMoneyValue,
  formatMonthSpan,
  formatPercent,
  money,
  wholeMoney,
} from '../../../shared/domain/charts/format';
import type { ChartId } from '../../../shared/domain/charts/ids';
import type { MonthFigures } from '../../../shared/domain/charts/monthly';
import type { CompareColumn } from '../../../shared/domain/charts/scenario';
import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { HEADLINE_METRICS, PILOT_DECISION_LABELS, type Pilot, type PilotDecisions } from '../../../shared/domain/pilots';
import type { Scenario } from '../../../shared/domain/scenario/schema';
import type { ImportView } from '../../../shared/ipc/contract';
import { listImports, listRates } from '../../db/repositories/imports';
import { presetById } from '../../imports/presets';
import { listPilots } from '../../db/repositories/pilots';
import { sourcesWithLastSync } from '../../db/repositories/status';
import { syncHistory } from '../../db/repositories/sync-runs';
import type { HandlerContext } from '../../main/ipc/handler-types';
import { metricsHandlers } from '../../main/ipc/handlers/metrics';
import { pilotMonthFigures, type ExportSources, type ScenarioSet, type Scorecard } from '../charts/chart-data';
import type { Paper } from './pdf-printer';

export type Table = { head: string[]; rows: string[][]; /** Columns aligned right (figures). */ numeric: number[]; /** Columns kept on one line (dates). */ nowrap?: number[] };
export type Term = { term: string; value: string };
export type Headline = { label: string; value: string; note: string | null };
export type PilotDecisionsView = { name: string; owner: string; scope: Term[]; decisions: Term[] };

/** Everything the report shows, as text: the template only lays it out. */
export type ReportModel = {
  kind: 'pilot' | 'workspace';
  heading: string;
  title: string;
  workspaceName: string;
  generatedAt: string;
  paper: Paper;
  facts: Term[];
  headline: Headline[];
  headlineCaption: string;
  warnings: string[];
  /** The key charts in the order the report shows them. */
  charts: ChartId[];
  months: Table;
  costKinds: Table;
  signals: Table | null;
  scenario: { lead: string[]; comparison: Table };
  pilots: PilotDecisionsView[];
  sources: { sources: Table; syncRuns: Table; imports: Table; rates: Table; note: string };
};


const MISSING_NOTES: Partial<Record<MetricId, string>> = {
  cost_per_accepted: 'Nothing accepted yet, so the cost has nothing to be divided by.',
  acceptance_rate: 'No MR reached review.',
  first_pass_validation_rate: 'No run reached validation.',
  repair_attempts_per_accepted: 'Nothing accepted yet.',
  rollback_rate: 'Nothing merged yet.',
  fte_freed: 'Productive hours per FTE are not set, or the pilot has no months of data.',
};

export function pilotHeadline(card: Scorecard): Headline[] {
  return HEADLINE_METRICS.map((id) => {
    const value = card.metrics[id] ?? null;
    return { label: METRICS[id].label, value: formatMetric(METRICS[id].format, value, card.currency), note: value === null ? (MISSING_NOTES[id] ?? null) : null };
  });
}

function monthTable(points: readonly MonthFigures[], currency: string): Table {
  return {
    head: ['Month', 'Accepted PR/MRs', 'AI-path cost', 'Cost per accepted PR/MR'],
    rows: points.map((m) => [formatMonthLong(m.month), formatCount(m.accepted), money(m.aiPathCostMicros, currency), money(m.costPerAcceptedMicros, currency)]),
    numeric: [1, 2, 3],
  };
}

function costKindTable(byKind: Record<string, number>, currency: string): Table {
  const rows = costKindRows(byKind, currency);
  const total = rows.reduce((sum, r) => sum + r.micros, 0);
  return {
    head: ['Kind', 'Cost', 'Share'],
    rows: [...rows.map((r) => [r.label, r.display, r.shareDisplay]), ['AI-path cost', money(total, currency), total > 0 ? '100%' : NO_VALUE]],
    numeric: [1, 2],
  };
}

function signalTable(card: Scorecard): Table {
  const outside = {
    label: 'Changes outside the pilot’s repositories',
    count: card.outsideRepositories.length,
    description: card.pilot.scope.repositories.length === 0 ? 'The pilot names no repositories, so no change can fall outside them.' : 'Records of the pilot’s projects, teams and dates whose change landed outside its repositories.',
  };
  const rows = [outside, ...card.signals].sort((a, b) => Number(b.count > 0) - Number(a.count > 0) || b.count - a.count || a.label.localeCompare(b.label));
  return { head: ['Risk signal', 'Records', 'What it means'], rows: rows.map((s) => [s.label, formatCount(s.count), s.description]), numeric: [1] };
}

const pct = (v: number | null) => (v === null ? NO_VALUE : formatPercent(v));
const count1 = (v: number | null) => (v === null ? NO_VALUE : formatDecimal(v, 1));

type Row = { label: string; get: (c: CompareColumn) => number | null; format: (v: number | null, currency: string) => string; aiOnly?: true };

/** The rows of the Scenarios page's comparison table, formatted the same way. */
const COMPARE_ROWS: readonly Row[] = [
  { label: 'Acceptance rate', get: (c) => c.scenario.assumptions.acceptance_rate.value, format: pct, aiOnly: true },
  { label: 'Price per PR/MR', get: (c) => c.scenario.assumptions.price_per_credit.value, format: (v, cur) => (v === null ? NO_VALUE : formatMoneyValue(v, cur)), aiOnly: true },
  { label: 'Eligible items', get: (c) => c.result.totals.eligible, format: count1 },
  { label: 'Routed to the AI path', get: (c) => c.result.totals.routed, format: count1 },
  { label: 'Accepted PR/MRs', get: (c) => c.result.totals.accepted, format: count1 },
  { label: 'AI-path cost', get: (c) => c.result.totals.aiPathCostMicros, format: money },
  { label: 'Items left to people', get: (c) => c.result.totals.fallbackCostMicros, format: money },
  { label: 'Cost with the AI path', get: (c) => c.result.totals.scenarioCostMicros, format: money },
  { label: 'Net saving', get: (c) => c.result.totals.netSavingMicros, format: money },
  { label: 'Cost per accepted PR/MR', get: (c) => c.result.totals.costPerAcceptedMicros, format: money },
  { label: 'Hours freed', get: (c) => c.result.totals.hoursFreed, format: (v) => (v === null ? NO_VALUE : formatHours(v)) },
  { label: 'FTE freed a month', get: (c) => c.result.totals.fteFreed, format: (v) => (v === null ? NO_VALUE : formatDecimal(v, 2)) },
  { label: 'Break-even acceptance rate', get: (c) => c.result.totals.breakEven.acceptanceRate, format: pct, aiOnly: true },
  { label: 'Break-even price per PR/MR', get: (c) => c.result.totals.breakEven.pricePerCredit, format: (v, cur) => (v === null ? NO_VALUE : formatMoneyValue(v, cur)), aiOnly: true },
];

function comparisonTable(columns: readonly CompareColumn[]): Table {
  return {
    head: ['', ...columns.map((c) => c.name)],
    rows: COMPARE_ROWS.map((row) => [row.label, ...columns.map((c) => (c.kind === 'baseline' && row.aiOnly ? NO_VALUE : row.format(row.get(c), c.scenario.currency)))]),
    numeric: columns.map((_c, i) => i + 1),
  };
}

/** "calibrated on 461 records of pilot Payments maintenance, April 2026 – September 2026". */
function calibrationLine(s: Scenario): string {
  const c = s.calibration;
  if (c === null) return 'not calibrated: every assumption was set by hand';
  const scope = c.pilot === null ? 'the workspace' : `pilot ${c.pilot}`;
  if (c.records === 0) return `calibrated on ${scope}, which had no records: the assumptions are placeholders to set`;
  const period = c.fromMonth === null || c.toMonth === null ? '' : c.fromMonth === c.toMonth ? `, ${formatMonthLong(c.fromMonth)}` : `, ${formatMonthLong(c.fromMonth)} – ${formatMonthLong(c.toMonth)}`;
  return `calibrated on ${formatCount(c.records)} records of ${scope}${period}`;
}

function scenarioLead(set: ScenarioSet): string[] {
  const s = set.selected;
  const t = set.result.totals;
  const c = s.currency;
  const months = set.result.periods.map((p) => p.month);
  const band = set.bands.totals.netSavingMicros;
  const n = months.length;
  const horizon = n ? `${formatMonthLong(months[0]!)} – ${formatMonthLong(months[n - 1]!)} (${n} ${n === 1 ? 'month' : 'months'})` : '';
  const be = t.breakEven;
  return [
    `${set.calibratedNow ? 'Scenario' : 'Saved scenario'} “${s.name}”, ${calibrationLine(s)}${set.calibratedNow ? ' for this report' : ''}. Horizon ${horizon}.`,
    `Net saving ${wholeMoney(t.netSavingMicros, c)} over the horizon (P10 ${wholeMoney(band.p10, c)} – P90 ${wholeMoney(band.p90, c)}; ${formatPercent(set.bands.probabilityOfSaving, 0)} of ${formatCount(set.bands.draws)} Monte Carlo draws save money). Cost per accepted PR/MR ${money(t.costPerAcceptedMicros, c)} against ${money(t.humanCostPerItemMicros, c)} per item on the human path.`,
    `Break-even acceptance rate ${pct(be.acceptanceRate)} (now ${formatPercent(s.assumptions.acceptance_rate.value)}); break-even price per PR/MR ${be.pricePerCredit === null ? NO_VALUE : formatMoneyValue(be.pricePerCredit, c)} (now ${formatMoneyValue(s.assumptions.price_per_credit.value, c)}).`,
  ];
}

function decisionsView(p: Pilot): PilotDecisionsView {
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'Any');
  const dates = p.scope.from || p.scope.to ? (p.scope.from && p.scope.to ? formatDateRange(p.scope.from, p.scope.to) : p.scope.from ? `From ${formatDate(p.scope.from)}` : `Until ${formatDate(p.scope.to!)}`) : 'Any';
  const keys = Object.keys(PILOT_DECISION_LABELS) as (keyof PilotDecisions)[];
  return {
    name: p.name,
    owner: p.owner.trim() || 'No owner named',
    scope: [
      { term: 'Projects', value: list(p.scope.projects) },
      { term: 'Repositories', value: list(p.scope.repositories) },
      { term: 'Teams', value: list(p.scope.teams) },
      { term: 'Labels', value: list(p.scope.labels) },
      { term: 'Dates', value: dates },
    ],
    decisions: keys.map((key) => {
      const raw = p.decisions[key];
      const value = key === 'repairBudget' ? (raw === null ? 'Not decided yet' : `${String(raw)} runs`) : typeof raw === 'string' && raw.trim() !== '' ? raw : 'Not decided yet';
      return { term: PILOT_DECISION_LABELS[key], value };
    }),
  };
}

const statsText = (stats: Record<string, number>) =>
  Object.entries(stats)
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${formatCount(v)}`)
    .join(', ') || NO_VALUE;

/**
 * Imported files by format: how many files are in force, their rows, the latest file and when it
 * came in. One row per file would run to pages (a year of weekly usage reports); `yardstick imports
 * list` gives them all, with hashes.
 */
function importTable(imports: readonly ImportView[]): Table {
  const byFormat = new Map<string, ImportView[]>();
  for (const i of imports) byFormat.set(i.format, [...(byFormat.get(i.format) ?? []), i]);
  const rows = [...byFormat].map(([format, list]) => {
    const applied = list.filter((i) => i.status === 'succeeded');
    const other = list.length - applied.length;
    const latest = [...applied].sort((a, b) => (a.finishedAt ?? a.startedAt).localeCompare(b.finishedAt ?? b.startedAt)).pop();
    const sum = (f: (i: ImportView) => number) => formatCount(applied.reduce((n, i) => n + f(i), 0));
    return [
      presetById(format)?.label ?? format,
      `${formatCount(applied.length)}${other ? ` (+${formatCount(other)} undone or failed)` : ''}`,
      sum((i) => i.rowsImported),
      sum((i) => i.rowsSkipped),
      sum((i) => i.rowsRejected),
      latest ? latest.fileName : NO_VALUE,
      latest ? formatDateTime(latest.finishedAt ?? latest.startedAt) : NO_VALUE,
    ];
  });
  return { head: ['Format', 'Files', 'Rows imported', 'Skipped', 'Rejected', 'Latest file', 'Imported'], rows, numeric: [1, 2, 3, 4], nowrap: [6] };
}

function sourcesView(ctx: HandlerContext, missingRates: readonly string[], currency: string): ReportModel['sources'] {
  const { db } = ctx.workspace;
  const when = (t: string | null) => (t ? formatDateTime(t) : NO_VALUE);
  const runs = syncHistory(db, { limit: 12 });
  const imports = listImports(db);
  const rates = listRates(db);
  return {
    sources: { head: ['Source', 'Kind', 'Address', 'Last sync', 'Status'], rows: sourcesWithLastSync(db).map((s) => [s.name, s.kind, s.baseUrl ?? NO_VALUE, when(s.lastSyncAt), s.lastSyncStatus ?? 'never synced']), numeric: [], nowrap: [3] },
    syncRuns: {
      head: ['Source', 'Started', 'Finished', 'Status', 'Fetched'],
      rows: runs.map((r) => {
        let stats: Record<string, number> = {};
        try {
          stats = JSON.parse(r.stats_json || '{}') as Record<string, number>;
        } catch {
          // stats are a convenience: an unreadable row shows none
        }
        return [r.source, when(r.started_at), when(r.finished_at), `${r.status}${r.full_sync ? ' (full)' : ''}`, statsText(stats)];
      }),
      numeric: [],
      nowrap: [1, 2, 3],
    },
    imports: importTable(imports),
    rates: { head: ['From', 'To', 'Valid from', 'Rate'], rows: rates.map((r) => [r.from, r.to, formatDate(r.validFrom), String(r.rate)]), numeric: [3] },
    note:
      `Every cost line is converted into ${currency} at the rate valid on its date.` +
      (missingRates.length ? ` Costs in ${missingRates.join(', ')} have no rate into ${currency} and are left out of the figures.` : ''),
  };
}

const missingRatesWarning = (missing: readonly string[], currency: string): string[] =>
  missing.length ? [`Costs in ${missing.join(', ')} are left out of these figures until an exchange rate into ${currency} is entered.`] : [];

/** Gathers and formats everything the report shows. */
export async function reportModel(ctx: HandlerContext, src: ExportSources, opts: { paper: Paper; now: string }): Promise<ReportModel> {
  const { currency } = src.source;
  const set = src.scenarios();
  const scenario = { lead: scenarioLead(set), comparison: comparisonTable(set.columns) };
  const common = { workspaceName: src.source.workspaceName, generatedAt: formatDateTime(opts.now), paper: opts.paper, scenario };
  const card = await src.scorecard();
  if (card !== null && src.pilot !== null) {
    const points = pilotMonthFigures(card);
    const months = points.map((p) => p.month);
    const period = months.length ? formatMonthSpan(months[0]!, months[months.length - 1]!) : 'no months with data yet';
    const { missingRates } = await metricsHandlers['metrics:get']({ pilot: src.pilot.name }, ctx);
    return {
      ...common,
      kind: 'pilot',
      heading: 'Pilot report',
      title: src.pilot.name,
      facts: [
        { term: 'Owner', value: src.pilot.owner.trim() || 'No owner named' },
        { term: 'Data', value: period },
        { term: 'Records in scope', value: formatCount(card.records) },
        { term: 'Money in', value: currency },
        { term: 'Source', value: sourceLine(src.source) },
      ],
      headline: pilotHeadline(card),
      headlineCaption: `Over the pilot’s records, ${period}. Cost per accepted PR/MR is all AI-path cost (denied, failed, rejected and rolled-back work and their review and repair hours included) ÷ accepted PR/MRs.`,
      warnings: missingRatesWarning(missingRates, currency),
      charts: ['pilot-monthly', 'cost-by-kind', 'scenario-cost', 'scenario-comparison', 'tornado'],
      months: monthTable(points, currency),
      costKinds: costKindTable(costByKindFromSums(card.sums), currency),
      signals: signalTable(card),
      pilots: [decisionsView(src.pilot)],
      sources: sourcesView(ctx, missingRates, currency),
    };
  }
  const o = await src.overview();
  const f = o.figures;
  const missingRates = o.evidence.missingRates;
  return {
    ...common,
    kind: 'workspace',
    heading: 'Workspace report',
    title: src.source.workspaceName,
    facts: [
      { term: 'Period', value: o.period ? `${o.period.label} · ${formatDateRange(o.period.from, o.period.to)}` : 'No data yet' },
      { term: 'Data range', value: o.dataRange ? formatDateRange(o.dataRange.from, o.dataRange.to) : NO_VALUE },
      { term: 'Records in the period', value: formatCount(o.evidence.records) },
      { term: 'Money in', value: currency },
      { term: 'Source', value: sourceLine(src.source) },
    ],
    headline: [
      { label: 'Accepted PR/MRs', value: formatCount(f.accepted), note: null },
      { label: 'Cost per accepted PR/MR', value: money(f.costPerAcceptedMicros, currency), note: f.costPerAcceptedMicros === null ? 'No PR/MR was accepted in this period.' : null },
      { label: 'Acceptance rate', value: pct(f.acceptanceRate), note: f.acceptanceRate === null ? 'No MR reached review in this period.' : null },
      { label: 'Hours freed', value: formatHours(f.hoursFreed), note: null },
      { label: 'Capacity freed (FTE)', value: f.fteFreed === null ? NO_VALUE : formatDecimal(f.fteFreed, 1), note: null },
      { label: 'AI-path cost', value: money(o.evidence.aiPathCostMicros, currency), note: null },
    ],
    headlineCaption: `${o.period?.label ?? 'The period'}: ${money(o.evidence.aiPathCostMicros, currency)} of AI-path cost ÷ ${formatCount(f.accepted)} accepted, of ${formatCount(o.evidence.mrsReachedReview)} MRs that reached review. Hours freed: baseline ${formatHours(o.evidence.baselineHours)} minus ${formatHours(o.evidence.humanHours)} people spent on the AI path.`,
    warnings: missingRatesWarning(missingRates, currency),
    charts: ['cost-per-accepted', 'cost-by-kind', 'scenario-cost', 'scenario-comparison', 'tornado'],
    months: monthTable(o.monthly, currency),
    costKinds: costKindTable(o.evidence.costByKindMicros, currency),
    signals: null,
    pilots: listPilots(ctx.workspace.db).map(decisionsView),
    sources: sourcesView(ctx, missingRates, currency),
  };
}

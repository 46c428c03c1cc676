import type { z } from 'zod';
import type { EChartsCoreOption } from 'echarts/core';
import { costByKindFromSums, costByKindOption, costKindRows } from '../../../shared/domain/charts/cost-by-kind';
import { dataFootnote, scenarioFootnote, type DataSource } from '../../../shared/domain/charts/footnote';
import type { ChartFrame } from '../../../shared/domain/charts/frame';
import { CHART_META, type ChartId } from '../../../shared/domain/charts/ids';
import { costPerAcceptedByMonthOption, pilotMonthlyOption, type MonthFigures } from '../../../shared/domain/charts/monthly';
import { comparisonOption, costPoints, humanOnly, scenarioCostOption, TORNADO_METRIC_LABEL, tornadoBars, tornadoOption, type CompareColumn } from '../../../shared/domain/charts/scenario';
import { monthsBetween } from '../../../shared/domain/time';
import type { Pilot } from '../../../shared/domain/pilots';
import { runDeterministic } from '../../../shared/domain/scenario/engine';
import { runMonteCarlo } from '../../../shared/domain/scenario/monte-carlo';
import { MonteCarloOptionsSchema, type DeterministicResult, type MonteCarloResult, type Scenario, type TornadoResult } from '../../../shared/domain/scenario/schema';
import { tornado } from '../../../shared/domain/scenario/sensitivity';
import type { Overview } from '../../../shared/ipc/contract';
import type { PilotScorecardSchema } from '../../../shared/ipc/contract-records';
import { AppError } from '../../../shared/ipc/result';
import { requirePilot } from '../../db/repositories/pilots';
import { listScenarios, requireScenario } from '../../db/repositories/scenarios';
import { lastImport, lastSuccessfulSyncAt } from '../../db/repositories/status';
import { metricsHandlers } from '../../main/ipc/handlers/metrics';
import { pilotsHandlers } from '../../main/ipc/handlers/pilots';
import { calibrate } from '../../main/ipc/handlers/scenarios';
import type { HandlerContext } from '../../main/ipc/handler-types';

export type Scorecard = z.infer<typeof PilotScorecardSchema>;

/** The most saved scenarios compared beside the chosen one (the Scenarios page's limit). */
export const MAX_COMPARED = 4;

/** A scenario run as the Scenarios page runs it: deterministic, Monte Carlo bands with the app's defaults, the tornado. */
export type ScenarioSet = {
  selected: Scenario;
  /** True when the selected scenario was calibrated for this export rather than saved. */
  calibratedNow: boolean;
  result: DeterministicResult;
  bands: MonteCarloResult;
  tornado: TornadoResult;
  /** The human-only baseline, the selected scenario, then saved scenarios of the same pilot. */
  columns: CompareColumn[];
};

/**
 * Everything the key charts and the report draw on, for one pilot or the workspace, each computed
 * once and only when asked for. Figures come from the same handlers the app calls
 * (pilots:scorecard, metrics:get-overview, scenarios:calibrate) so the exports and the screens agree.
 */
export type ExportSources = {
  pilot: Pilot | null;
  source: DataSource;
  scorecard: () => Promise<Scorecard | null>;
  overview: () => Promise<Overview>;
  scenarios: () => ScenarioSet;
};

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/** The workspace, and when its data last arrived (latest successful sync, latest import). */
export function dataSource(ctx: HandlerContext): DataSource {
  const settings = ctx.workspace.settings();
  return { workspaceName: settings.name, currency: settings.currency, lastSyncAt: lastSuccessfulSyncAt(ctx.workspace.db), lastImportAt: lastImport(ctx.workspace.db)?.at ?? null };
}

const calibratedName = (pilot: Pilot | null): string => (pilot ? `Calibrated on ${pilot.name}` : 'Calibrated on the workspace').slice(0, 80);

export function exportSources(ctx: HandlerContext, opts: { pilot?: string | undefined; scenario?: string | undefined }): ExportSources {
  const { db } = ctx.workspace;
  const pilot = opts.pilot !== undefined ? requirePilot(db, { name: opts.pilot }) : null;
  // Checked now, so a misspelt name fails before any work.
  const saved = opts.scenario !== undefined ? requireScenario(db, opts.scenario).scenario : null;
  return {
    pilot,
    source: dataSource(ctx),
    scorecard: once(async () => (pilot ? await pilotsHandlers['pilots:scorecard']({ id: pilot.id }, ctx) : null)),
    overview: once(async () => await metricsHandlers['metrics:get-overview']({}, ctx)),
    scenarios: once(() => {
      const selected = saved ?? calibrate(ctx, { name: calibratedName(pilot), pilot: pilot?.name, windowMonths: 6, horizonMonths: 12 });
      const horizon = selected.horizonMonths;
      const pilotName = selected.pilot ?? pilot?.name ?? null;
      const others = listScenarios(db)
        .map((s) => s.scenario)
        .filter((s) => s.pilot === pilotName && s.name.toLowerCase() !== selected.name.toLowerCase())
        .slice(0, MAX_COMPARED);
      const baseline = humanOnly(selected);
      const result = runDeterministic(selected, horizon);
      return {
        selected,
        calibratedNow: saved === null,
        result,
        bands: runMonteCarlo(selected, MonteCarloOptionsSchema.parse({})),
        tornado: tornado(selected, { metric: 'netSavingMicros' }),
        columns: [
          { name: baseline.name, kind: 'baseline', scenario: baseline, result: runDeterministic(baseline, horizon) },
          { name: selected.name, kind: 'scenario', scenario: selected, result },
          ...others.map((s): CompareColumn => ({ name: s.name, kind: 'scenario', scenario: s, result: runDeterministic(s, horizon) })),
        ],
      };
    }),
  };
}

/** A pilot's months as the scorecard charts them. */
export function pilotMonthFigures(card: Scorecard): MonthFigures[] {
  return card.monthly.map((m) => ({
    month: m.month,
    accepted: m.metrics.accepted ?? m.sums.accepted,
    costPerAcceptedMicros: m.metrics.cost_per_accepted ?? null,
    aiPathCostMicros: m.metrics.ai_path_cost ?? 0,
  }));
}

const noCost = (rows: readonly { micros: number }[]): string | undefined => (rows.every((r) => r.micros === 0) ? 'No AI-path cost recorded yet' : undefined);

const periodMonths = (o: Overview): string[] => (o.period ? monthsBetween(o.period.from, o.period.to) : []);

export type ChartSpec = { option: EChartsCoreOption; frame: ChartFrame };

/**
 * The echarts option of one key chart with its frame (title, subtitle, footnote and size). Data
 * charts show the pilot's months, or for the workspace what the Overview shows (the last twelve
 * months to the latest full quarter; cost by kind over that quarter).
 */
export async function chartSpec(id: ChartId, src: ExportSources, size?: { width?: number | undefined; height?: number | undefined }): Promise<ChartSpec> {
  const meta = CHART_META[id];
  const width = size?.width ?? meta.width;
  const height = size?.height ?? meta.height;
  const { currency } = src.source;
  const subtitle = src.pilot ? `Pilot: ${src.pilot.name}` : `Workspace: ${src.source.workspaceName}`;
  const frame = (footnote: string, extra?: string, empty?: string): ChartFrame => ({ title: meta.title, subtitle: extra ?? subtitle, footnote, width, height, ...(empty ? { emptyNote: empty } : {}) });
  const noMonths = (n: number) => (n === 0 ? 'No months with data yet' : undefined);

  switch (id) {
    case 'pilot-monthly':
    case 'cost-per-accepted': {
      const card = await src.scorecard();
      if (id === 'pilot-monthly' && card === null) throw new AppError('INVALID_INPUT', 'The pilot-monthly chart is about one pilot: name it (--pilot NAME).');
      if (card !== null) {
        const points = pilotMonthFigures(card);
        const f = frame(dataFootnote(points.map((p) => p.month), src.source), undefined, noMonths(points.length));
        return { option: id === 'pilot-monthly' ? pilotMonthlyOption(points, currency, f) : costPerAcceptedByMonthOption(points, currency, f), frame: f };
      }
      const overview = await src.overview();
      const f = frame(dataFootnote(overview.monthly.map((m) => m.month), src.source), undefined, noMonths(overview.monthly.length));
      return { option: costPerAcceptedByMonthOption(overview.monthly, currency, f), frame: f };
    }
    case 'cost-by-kind': {
      const card = await src.scorecard();
      if (card !== null) {
        const rows = costKindRows(costByKindFromSums(card.sums), currency);
        const f = frame(dataFootnote(card.monthly.map((m) => m.month), src.source), undefined, noCost(rows));
        return { option: costByKindOption(rows, currency, f), frame: f };
      }
      const overview = await src.overview();
      const rows = costKindRows(overview.evidence.costByKindMicros, currency);
      const f = frame(dataFootnote(periodMonths(overview), src.source), overview.period ? `${subtitle} · ${overview.period.label}` : subtitle, noCost(rows));
      return { option: costByKindOption(rows, currency, f), frame: f };
    }
    case 'scenario-cost':
    case 'tornado':
    case 'scenario-comparison': {
      const set = src.scenarios();
      const s = set.selected;
      const horizon = set.result.periods.map((p) => p.month);
      const basis = { name: s.name, horizon, calibration: s.calibration };
      const scenarioSubtitle = `Scenario: ${s.name}${s.pilot ? ` · pilot ${s.pilot}` : ''}`;
      if (id === 'scenario-cost') {
        const f = frame(scenarioFootnote(basis, src.source, `P10–P90 from ${set.bands.draws.toLocaleString('en-GB')} Monte Carlo draws`), scenarioSubtitle);
        return { option: scenarioCostOption(costPoints(set.result, set.bands), s.currency, f), frame: f };
      }
      if (id === 'tornado') {
        const bars = tornadoBars(set.tornado);
        const f = frame(
          scenarioFootnote(basis, src.source, `${TORNADO_METRIC_LABEL[set.tornado.metric]}, each assumption from its low to its high`),
          scenarioSubtitle,
          bars.length === 0 ? 'No assumption has a range to swing' : undefined,
        );
        return { option: tornadoOption(bars, s.currency, f), frame: f };
      }
      const f = frame(scenarioFootnote(basis, src.source, `Totals over ${horizon.length} months`), scenarioSubtitle);
      return { option: comparisonOption(set.columns, s.currency, f), frame: f };
    }
  }
}

import { addSums, aiPathCost, COST_MEASURES, emptySums, metricValue } from '../../../../shared/domain/metrics';
import { lastFullQuarter, monthsBetween } from '../../../../shared/domain/time';
import type { Overview } from '../../../../shared/ipc/contract';
import { monthlySums, sumsBy } from '../../../db/repositories/measure-sums';
import { allMetrics } from './pilots';
import { pilotIdOf } from './records';
import { latestActivity } from '../../../db/repositories/records';
import type { HandlerMap } from '../handler-types';

const CHART_MONTHS = 12;

export const metricsHandlers: Pick<HandlerMap, 'metrics:get-overview' | 'metrics:get'> = {
  'metrics:get': (input, ctx) => {
    const { db } = ctx.workspace;
    const settings = ctx.workspace.settings();
    const pilotId = pilotIdOf(ctx, input.pilot);
    const filter = { fromMonth: input.fromMonth, toMonth: input.toMonth, pilotId };
    const span = latestActivity(db);
    const months = monthsBetween(input.fromMonth ? `${input.fromMonth}-01` : (span?.from ?? '1970-01-01'), input.toMonth ? `${input.toMonth}-01` : (span?.to ?? '1970-01-01')).length;
    const params = { productiveHoursPerFtePerMonth: settings.productiveHoursPerFtePerMonth, months: span || input.fromMonth ? months : 0 };
    const total = sumsBy(db, null, filter);
    const sums = total.groups.get(null) ?? emptySums();
    const rows = input.by ? [...sumsBy(db, input.by, filter).groups].map(([key, s]) => ({ key, sums: s, metrics: allMetrics(s, params) })) : [];
    return { currency: settings.currency, by: input.by ?? null, rows, total: { sums, metrics: allMetrics(sums, params) }, months: params.months, missingRates: total.missingRates };
  },
  'metrics:get-overview': (input, ctx) => {
    const { db } = ctx.workspace;
    const settings = ctx.workspace.settings();
    const dataRange = latestActivity(db);
    const empty: Overview = {
      period: null,
      currency: settings.currency,
      figures: { accepted: 0, costPerAcceptedMicros: null, acceptanceRate: null, hoursFreed: 0, fteFreed: null },
      evidence: { records: 0, mrsReachedReview: 0, aiPathCostMicros: 0, costByKindMicros: {}, baselineHours: 0, humanHours: 0, missingRates: [] },
      monthly: [],
      dataRange,
    };
    if (!dataRange) return empty;
    const period = input.period ? { ...input.period, label: `${input.period.from} – ${input.period.to}` } : lastFullQuarter(dataRange.to);
    const periodMonths = monthsBetween(period.from, period.to);
    const chartMonths = monthsBetween(dataRange.from, period.to).slice(-CHART_MONTHS);
    const fromMonth = [chartMonths[0] ?? periodMonths[0]!, periodMonths[0]!].sort()[0]!;
    const { byMonth, missingRates } = monthlySums(db, { fromMonth, toMonth: periodMonths[periodMonths.length - 1]! });

    const sums = periodMonths.reduce((acc, m) => addSums(acc, byMonth.get(m) ?? emptySums()), emptySums());
    const params = { productiveHoursPerFtePerMonth: settings.productiveHoursPerFtePerMonth, months: periodMonths.length };
    return {
      period,
      currency: settings.currency,
      figures: {
        accepted: sums.accepted,
        costPerAcceptedMicros: metricValue('cost_per_accepted', sums, params),
        acceptanceRate: metricValue('acceptance_rate', sums, params),
        hoursFreed: metricValue('hours_freed', sums, params) ?? 0,
        fteFreed: metricValue('fte_freed', sums, params),
      },
      evidence: {
        records: sums.records,
        mrsReachedReview: sums.mrs_reached_review,
        aiPathCostMicros: aiPathCost(sums),
        costByKindMicros: Object.fromEntries(COST_MEASURES.map((m) => [m.replace(/^cost_/, ''), sums[m]])),
        baselineHours: sums.baseline_hours,
        humanHours: sums.human_hours,
        missingRates,
      },
      monthly: chartMonths.map((month) => {
        const s = byMonth.get(month) ?? emptySums();
        return { month, accepted: s.accepted, aiPathCostMicros: aiPathCost(s), costPerAcceptedMicros: metricValue('cost_per_accepted', s, params) };
      }),
      dataRange,
    };
  },
};

import { emptySums, METRICS, metricValue, type MeasureSums, type MetricId } from '../../../../shared/domain/metrics';
import { monthsBetween } from '../../../../shared/domain/time';
import { monthlySums, sumsBy } from '../../../db/repositories/measure-sums';
import { deletePilot, listPilots, pilotRecordSpan, recordsOutsidePilotRepositories, requirePilot, savePilot } from '../../../db/repositories/pilots';
import type { HandlerMap } from '../handler-types';
import { riskSignals } from './records';

/** Every metric of PRODUCT.md over one slice's sums. */
export const allMetrics = (sums: MeasureSums, params: { productiveHoursPerFtePerMonth: number; months: number }): Record<MetricId, number | null> =>
  Object.fromEntries((Object.keys(METRICS) as MetricId[]).map((id) => [id, metricValue(id, sums, params)])) as Record<MetricId, number | null>;

export const pilotsHandlers: Pick<HandlerMap, 'pilots:list' | 'pilots:save' | 'pilots:delete' | 'pilots:scorecard'> = {
  'pilots:list': (_input, ctx) => listPilots(ctx.workspace.db),
  'pilots:save': (input, ctx) => {
    const pilot = savePilot(ctx.workspace.db, input, new Date().toISOString());
    ctx.emit('workspace:data-changed', { tables: ['pilots'] });
    return pilot;
  },
  'pilots:delete': (input, ctx) => {
    const deleted = deletePilot(ctx.workspace.db, input.id);
    if (deleted) ctx.emit('workspace:data-changed', { tables: ['pilots'] });
    return { deleted };
  },
  'pilots:scorecard': (input, ctx) => {
    const { db } = ctx.workspace;
    const settings = ctx.workspace.settings();
    const pilot = requirePilot(db, { id: input.id });
    const total = sumsBy(db, null, { pilotId: pilot.id }).groups.get(null) ?? emptySums();
    const span = pilotRecordSpan(db, pilot.id);
    const months = span ? monthsBetween(`${span.from}-01`, `${span.to}-01`) : [];
    const byMonth = months.length ? monthlySums(db, { fromMonth: months[0]!, toMonth: months[months.length - 1]!, pilotId: pilot.id }).byMonth : new Map<string, MeasureSums>();
    const per = (m: number) => ({ productiveHoursPerFtePerMonth: settings.productiveHoursPerFtePerMonth, months: m });
    return {
      pilot,
      currency: settings.currency,
      records: total.records,
      sums: total,
      metrics: allMetrics(total, per(Math.max(months.length, 1))),
      monthly: months.map((month) => {
        const s = byMonth.get(month) ?? emptySums();
        return { month, sums: s, metrics: allMetrics(s, per(1)) };
      }),
      signals: riskSignals(db, pilot.id, pilot.decisions.repairBudget),
      outsideRepositories: recordsOutsidePilotRepositories(db, pilot),
    };
  },
};

import { SIGNAL_DESCRIPTIONS, risingCostTrend } from '../../../../shared/domain/risk';
import { RECORD_SIGNALS, type RecordSignalCode } from '../../../../shared/domain/records/types';
import { monthsBetween } from '../../../../shared/domain/time';
import { monthlySums } from '../../../db/repositories/measure-sums';
import { requirePilot } from '../../../db/repositories/pilots';
import {
  listRecords,
  reconciliationRows,
  recordIdsInMonths,
  recordIdsOverRepairBudget,
  recordIdsWithSignal,
  unlinkedCounts,
  unlinkedItems,
  workflowBilling,
} from '../../../db/repositories/record-queries';
import type { Db } from '../../../db/connection';
import type { HandlerContext, HandlerMap } from '../handler-types';
import { latestActivity } from '../../../db/repositories/records';

export const pilotIdOf = (ctx: HandlerContext, name: string | undefined): number | undefined =>
  name === undefined ? undefined : requirePilot(ctx.workspace.db, { name }).id;

/** Every risk signal with the records (or unlinked items) behind it, for the workspace or one pilot. */
export function riskSignals(db: Db, pilotId: number | undefined, pilotRepairBudget: number | null = null) {
  const signals = (Object.keys(RECORD_SIGNALS) as RecordSignalCode[]).map((code) => {
    // A pilot's own repair budget (its rollout decision) overrides the workspace's for its scorecard.
    const ids = code === 'repair_over_budget' && pilotId !== undefined && pilotRepairBudget !== null ? recordIdsOverRepairBudget(db, pilotId, pilotRepairBudget) : recordIdsWithSignal(db, code, pilotId);
    return { code, ...SIGNAL_DESCRIPTIONS[code], count: ids.length, recordIds: ids, unlinkedKind: null };
  });
  const unlinked = unlinkedCounts(db);
  const workspaceLevel =
    pilotId === undefined
      ? (['run_without_ticket', 'ai_mr_without_ticket'] as const).map((kind) => ({ code: kind, ...SIGNAL_DESCRIPTIONS[kind], count: unlinked[kind], recordIds: [], unlinkedKind: kind }))
      : [];
  const range = latestActivity(db);
  const months = range ? monthsBetween(range.from.slice(0, 10), range.to.slice(0, 10)) : [];
  const trend = months.length ? risingCostTrend(monthlySums(db, { fromMonth: months[0]!, toMonth: months[months.length - 1]!, pilotId }).byMonth, months) : null;
  const rising = trend ? recordIdsInMonths(db, trend.recent, pilotId) : [];
  return [
    ...signals,
    ...workspaceLevel,
    {
      code: 'rising_cost',
      ...SIGNAL_DESCRIPTIONS.rising_cost,
      description: trend
        ? `${SIGNAL_DESCRIPTIONS.rising_cost.description} Runs ${fmtPct(trend.runsChange)}, cost per accepted ${fmtPct(trend.costPerAcceptedChange)} (${trend.recent[0]} – ${trend.recent[2]} against ${trend.before[0]} – ${trend.before[2]}).`
        : SIGNAL_DESCRIPTIONS.rising_cost.description,
      count: trend ? 1 : 0,
      recordIds: rising,
      unlinkedKind: null,
    },
  ];
}

const fmtPct = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`;

export const recordsHandlers: Pick<HandlerMap, 'records:list' | 'records:unlinked' | 'records:reconciliation' | 'records:signals'> = {
  'records:list': (input, ctx) => {
    const { pilot, ...filter } = input;
    const settings = ctx.workspace.settings();
    const result = listRecords(ctx.workspace.db, { ...filter, pilotId: pilotIdOf(ctx, pilot) }, { people: settings.peopleViewsEnabled });
    return { ...result, currency: settings.currency };
  },
  'records:unlinked': (input, ctx) => ({
    counts: unlinkedCounts(ctx.workspace.db),
    items: unlinkedItems(ctx.workspace.db, input.limit),
    workflowBilling: workflowBilling(ctx.workspace.db),
  }),
  'records:reconciliation': (_input, ctx) => ({ rows: reconciliationRows(ctx.workspace.db) }),
  'records:signals': (input, ctx) => ({ signals: riskSignals(ctx.workspace.db, pilotIdOf(ctx, input.pilot)) }),
};

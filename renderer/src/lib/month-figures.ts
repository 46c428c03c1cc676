import { formatMoney } from '../../../shared/domain/money';
import type { MonthlyMeasure } from './chart-options';
import { NO_VALUE, formatCount, formatMonthLong } from './format';

/** A month of accepted work as the Overview and a pilot's scorecard chart it; money in micros of the workspace currency. */
export type MonthFigures = { month: string; accepted: number; costPerAcceptedMicros: number | null; aiPathCostMicros: number };

export type MonthFiguresRow = { month: string; label: string; accepted: string; aiPathCost: string; costPerAccepted: string };

export const ACCEPTED_SERIES = 'Accepted PR/MRs';
export const COST_PER_ACCEPTED_SERIES = 'Cost per accepted PR/MR';

/** The chart's figures as a table, for reading exact values and for screen readers. */
export function monthFiguresRows(months: readonly MonthFigures[], currency: string): MonthFiguresRow[] {
  return months.map((m) => ({
    month: m.month,
    label: formatMonthLong(m.month),
    accepted: formatCount(m.accepted),
    aiPathCost: formatMoney(m.aiPathCostMicros, currency),
    costPerAccepted: m.costPerAcceptedMicros === null ? NO_VALUE : formatMoney(m.costPerAcceptedMicros, currency),
  }));
}

/** Accepted PR/MRs as a chart measure; ticks stay whole. */
export const acceptedMeasure: MonthlyMeasure<MonthFigures> = {
  name: ACCEPTED_SERIES,
  value: (m) => m.accepted,
  text: (m) => formatCount(m.accepted),
  axisLabel: (value) => formatCount(value),
  minInterval: 1,
};

/** Cost per accepted as a chart measure: a month with nothing accepted has no value, and its tooltip says why. */
export const costPerAcceptedMeasure = (currency: string): MonthlyMeasure<MonthFigures> => ({
  name: COST_PER_ACCEPTED_SERIES,
  value: (m) => m.costPerAcceptedMicros,
  text: (m) => (m.costPerAcceptedMicros === null ? `${NO_VALUE} (nothing accepted)` : formatMoney(m.costPerAcceptedMicros, currency)),
  axisLabel: (value) => formatMoney(value, currency, { compact: true }),
});

/** The tooltip's note under both measures: the month's AI-path cost, which cost per accepted divides. */
export const aiPathCostNote = (currency: string) => (m: MonthFigures): string => `AI-path cost ${formatMoney(m.aiPathCostMicros, currency)}`;

import type { Overview } from '../../../../shared/ipc/contract';
import { barLineByMonthOption, DEFAULT_PALETTE, type BarLineByMonthOption, type ChartPalette } from '../../lib/chart-options';
import { acceptedMeasure, aiPathCostNote, costPerAcceptedMeasure } from '../../lib/month-figures';

/**
 * "Cost per accepted PR/MR by month": bars for cost per accepted (left axis, money) and a line for
 * the accepted count (right axis), so a rising cost can be read against the volume behind it.
 * Months with nothing accepted have no bar rather than a zero one: zero would read as free.
 */
export function costPerAcceptedChartOption(monthly: Overview['monthly'], currency: string, palette: ChartPalette = DEFAULT_PALETTE): BarLineByMonthOption {
  return barLineByMonthOption(
    monthly,
    { top: 40, bar: { ...costPerAcceptedMeasure(currency), maxWidth: 36 }, line: acceptedMeasure, note: aiPathCostNote(currency) },
    palette,
  );
}

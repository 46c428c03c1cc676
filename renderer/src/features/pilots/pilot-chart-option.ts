import { barLineByMonthOption, DEFAULT_PALETTE, type BarLineByMonthOption, type ChartPalette } from '../../lib/chart-options';
import { acceptedMeasure, aiPathCostNote, costPerAcceptedMeasure, type MonthFigures } from '../../lib/month-figures';

/**
 * A pilot's months: accepted PR/MRs as bars (left axis) and cost per accepted as a line (right
 * axis, money). A month with nothing accepted breaks the line instead of drawing a zero cost.
 */
export function pilotChartOption(points: readonly MonthFigures[], currency: string, palette: ChartPalette = DEFAULT_PALETTE): BarLineByMonthOption {
  return barLineByMonthOption(points, { top: 36, bar: { ...acceptedMeasure, maxWidth: 32 }, line: costPerAcceptedMeasure(currency), note: aiPathCostNote(currency) }, palette);
}

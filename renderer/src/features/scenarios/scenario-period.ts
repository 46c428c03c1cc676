import { horizonMonths, type Scenario } from '../../../../shared/domain/scenario';
import { periodOf, type ChartPeriod } from '../present/chart-image';

/** The months a scenario projects, for a chart image's footnote and file name. */
export const projectionPeriod = (scenario: Pick<Scenario, 'startMonth' | 'horizonMonths'>): ChartPeriod | null =>
  periodOf(horizonMonths(scenario.startMonth, scenario.horizonMonths), true);

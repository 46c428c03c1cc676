import { useMemo } from 'react';
import type { DeterministicResult, MonteCarloResult, Scenario } from '../../../../shared/domain/scenario';
import { EChart } from '../../components/EChart';
import { ChartActions } from '../present/ChartActions';
import { formatCount, formatPercent } from '../../lib/format';
import { costChartOption } from './cost-chart-option';
import { costPoints } from './results-view-model';

type CostChartCardProps = { scenario: Scenario; result: DeterministicResult; bands: MonteCarloResult | null; computing: boolean; ms: number | null; error: string | null };

/** Cost per month, human path against the AI path, with P10–P90 bands from the worker. */
export function CostChartCard({ scenario, result, bands, computing, ms, error }: CostChartCardProps) {
  const points = useMemo(() => costPoints(result, bands), [result, bands]);
  const option = useMemo(() => costChartOption(points, scenario.currency), [points, scenario.currency]);
  const banded = points.length > 0 && points.every((p) => p.withAi.p10 !== null);
  const state = error !== null ? 'error' : computing ? 'computing' : banded ? 'ready' : 'none';
  return (
    <section className="card chart-card scenario-chart-card" aria-labelledby="cost-chart-title">
      <ChartActions view={{ view: 'scenario-cost', scenario: scenario.name }} option={option} months={points} />
      <header className="card-header-with-actions">
        <div>
          <h2 className="card-title" id="cost-chart-title">
            Cost per month
          </h2>
          <p className="card-subtitle">
            Human path: every eligible item done by people. With the AI path: its own cost plus the items it does not deliver, done by people. Shaded: P10–P90.
          </p>
        </div>
        <span className={`scenario-mc-state scenario-mc-${state}`} data-testid="mc-state" data-state={state} role="status">
          {state === 'computing'
            ? 'Computing bands…'
            : state === 'error'
              ? `Bands failed: ${error}`
              : state === 'ready' && bands !== null
                ? `${formatCount(bands.draws)} draws${ms !== null ? ` in ${formatCount(ms)} ms` : ''} · ${bands.sampled.length === 0 ? 'no assumption has a range' : `saving in ${formatPercent(bands.probabilityOfSaving, 0)} of them`}`
                : ''}
        </span>
      </header>
      <EChart
        option={option}
        className="scenario-cost-chart"
        label={`Cost per month over ${points.length} months: human-path cost, cost with the AI path and AI-path cost${banded ? ', with P10 to P90 bands' : ''}. The figures are on the Monthly figures tab.`}
        testId="cost-chart"
        data-bands={banded ? 'ready' : 'none'}
        data-months={points.length}
      />
    </section>
  );
}

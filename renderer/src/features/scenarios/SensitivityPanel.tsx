import { useMemo, useState } from 'react';
import { tornado, type Scenario, type TornadoMetric } from '../../../../shared/domain/scenario';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { EChart } from '../../components/EChart';
import { ChartImageMenu } from '../present/ChartImageMenu';
import { projectionPeriod } from './scenario-period';
import { TORNADO_METRIC_LABEL, tornadoBars, tornadoChartOption } from './tornado-chart-option';

const METRICS: { value: TornadoMetric; label: string }[] = [
  { value: 'netSavingMicros', label: 'Net saving' },
  { value: 'costPerAcceptedMicros', label: 'Cost per accepted PR/MR' },
];

/** Which assumptions move the result most: each ranged assumption swung from its low to its high. */
export function SensitivityPanel({ scenario }: { scenario: Scenario }) {
  const [metric, setMetric] = useState<TornadoMetric>('netSavingMicros');
  const result = useMemo(() => tornado(scenario, { metric }), [scenario, metric]);
  const bars = useMemo(() => tornadoBars(scenario, result), [scenario, result]);
  const option = useMemo(() => tornadoChartOption(bars, metric, scenario.currency), [bars, metric, scenario.currency]);
  const height = Math.max(160, 48 + bars.length * 30);
  return (
    <section className="card chart-card" aria-labelledby="tornado-title" data-testid="tornado">
      {bars.length > 0 && <ChartImageMenu option={option} title={`What moves the result most (${TORNADO_METRIC_LABEL[metric]}): ${scenario.name}`} period={projectionPeriod(scenario)} />}
      <header className="card-header-with-actions">
        <div>
          <h2 className="card-title" id="tornado-title">
            What moves the result most
          </h2>
          <p className="card-subtitle">
            {TORNADO_METRIC_LABEL[metric]} when one assumption goes from its low to its high, every other at its likely value; largest swing on top, as a change from the base.
          </p>
        </div>
        <ChoiceGroup legend="Rank by" name="tornado-metric" value={metric} choices={METRICS} onChange={setMetric} />
      </header>
      {bars.length === 0 ? (
        <p className="muted" data-testid="tornado-empty">
          No assumption has a range. Give one a low and a high to see how far it moves the result.
        </p>
      ) : (
        <>
          <EChart option={option} className="scenario-tornado-chart" label={`Tornado chart of ${bars.length} assumptions. The ranking is in the table below.`} testId="tornado-chart" data-bars={bars.length} height={height} />
          <details className="chart-data">
            <summary>The ranking as a table</summary>
            <div className="scenario-table-wrap">
              <table className="table table-compact" data-testid="tornado-table">
                <thead>
                  <tr>
                    <th scope="col">Assumption</th>
                    <th scope="col">Range</th>
                    <th scope="col" className="num">
                      At the low
                    </th>
                    <th scope="col" className="num">
                      At the high
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {bars.map((b) => (
                    <tr key={b.assumption} data-assumption={b.assumption}>
                      <th scope="row">{b.label}</th>
                      <td>{b.rangeText}</td>
                      <td className="num">{b.atLowText}</td>
                      <td className="num">{b.atHighText}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      {result.unranged.length > 0 && bars.length > 0 && <p className="muted small">{result.unranged.length} assumptions have no range and are not ranked.</p>}
    </section>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import type { Overview } from '../../../../shared/ipc/contract';
import { echarts } from '../../lib/echarts';
import { costPerAcceptedChartOption } from './cost-per-accepted-chart-option';
import { monthlyRows } from './overview-view-model';

type CostPerAcceptedChartProps = { overview: Overview };

export function CostPerAcceptedChart({ overview }: CostPerAcceptedChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const option = useMemo(() => costPerAcceptedChartOption(overview.monthly, overview.currency), [overview.monthly, overview.currency]);
  const rows = useMemo(() => monthlyRows(overview), [overview]);

  // One chart instance per mount; disposed on unmount so SVG nodes and listeners do not leak.
  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  const months = overview.monthly.length;
  return (
    <section className="card chart-card" aria-labelledby="chart-cost-title">
      <h2 className="card-title" id="chart-cost-title">
        Cost per accepted PR/MR by month
      </h2>
      <p className="card-subtitle">Bars: cost per accepted change (left axis). Line: accepted PR/MRs (right axis).</p>
      <div
        ref={containerRef}
        className="chart"
        data-testid="chart-cost-per-accepted"
        data-months={months}
        role="img"
        aria-label={`Chart of cost per accepted PR/MR and accepted count over ${months} months. The figures are in the table below it.`}
      />
      <details className="chart-data">
        <summary>Monthly figures</summary>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                AI-path cost
              </th>
              <th scope="col" className="num">
                Cost per accepted
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.label}</th>
                <td className="num">{row.accepted}</td>
                <td className="num">{row.aiPathCost}</td>
                <td className="num">{row.costPerAccepted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

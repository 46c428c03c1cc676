import { useEffect, useMemo, useRef } from 'react';
import { echarts } from '../../lib/echarts';
import { pilotChartOption } from './pilot-chart-option';
import { monthPoints, monthRows, type Scorecard } from './scorecard-view-model';

/** Accepted PR/MRs and cost per accepted by month, with the figures in a table beneath. */
export function PilotChart({ card }: { card: Scorecard }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const option = useMemo(() => pilotChartOption(monthPoints(card), card.currency), [card]);
  const rows = useMemo(() => monthRows(card), [card]);

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

  const months = card.monthly.length;
  return (
    <section className="card chart-card" aria-labelledby="pilot-chart-title">
      <h3 className="card-title" id="pilot-chart-title">
        By month
      </h3>
      <p className="card-subtitle">Bars: accepted PR/MRs (left axis). Line: cost per accepted PR/MR (right axis).</p>
      <div
        ref={containerRef}
        className="chart pilot-chart"
        data-testid="pilot-chart"
        data-months={months}
        role="img"
        aria-label={`Chart of accepted PR/MRs and cost per accepted over ${months} months. The figures are in the table below it.`}
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

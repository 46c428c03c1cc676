import { useMemo } from 'react';
import { EChart } from '../../components/EChart';
import { ChartActions } from '../present/ChartActions';
import { MonthFiguresTable } from '../../components/MonthFiguresTable';
import { pilotChartOption } from './pilot-chart-option';
import { monthPoints, monthRows, type Scorecard } from './scorecard-view-model';

/** Accepted PR/MRs and cost per accepted by month, with the figures in a table beneath. */
export function PilotChart({ card }: { card: Scorecard }) {
  const option = useMemo(() => pilotChartOption(monthPoints(card), card.currency), [card]);
  const rows = useMemo(() => monthRows(card), [card]);
  const months = card.monthly.length;
  return (
    <section className="card chart-card" aria-labelledby="pilot-chart-title">
      <ChartActions view={{ view: 'pilot-monthly', pilot: { id: card.pilot.id, name: card.pilot.name } }} option={option} months={card.monthly} />
      <h3 className="card-title" id="pilot-chart-title">
        By month
      </h3>
      <p className="card-subtitle">Bars: accepted PR/MRs (left axis). Line: cost per accepted PR/MR (right axis).</p>
      <EChart
        option={option}
        className="pilot-chart"
        label={`Chart of accepted PR/MRs and cost per accepted over ${months} months. The figures are in the table below it.`}
        testId="pilot-chart"
        data-months={months}
      />
      <MonthFiguresTable rows={rows} />
    </section>
  );
}

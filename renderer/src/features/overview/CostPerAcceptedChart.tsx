import { useMemo } from 'react';
import type { Overview } from '../../../../shared/ipc/contract';
import { EChart } from '../../components/EChart';
import { ChartActions } from '../present/ChartActions';
import { MonthFiguresTable } from '../../components/MonthFiguresTable';
import { costPerAcceptedChartOption } from './cost-per-accepted-chart-option';
import { monthlyRows } from './overview-view-model';

type CostPerAcceptedChartProps = { overview: Overview };

export function CostPerAcceptedChart({ overview }: CostPerAcceptedChartProps) {
  const option = useMemo(() => costPerAcceptedChartOption(overview.monthly, overview.currency), [overview.monthly, overview.currency]);
  const rows = useMemo(() => monthlyRows(overview), [overview]);
  const months = overview.monthly.length;
  return (
    <section className="card chart-card" aria-labelledby="chart-cost-title">
      <ChartActions view={{ view: 'overview-cost', period: null }} option={option} months={overview.monthly} />
      <h2 className="card-title" id="chart-cost-title">
        Cost per accepted PR/MR by month
      </h2>
      <p className="card-subtitle">Bars: cost per accepted change (left axis). Line: accepted PR/MRs (right axis).</p>
      <EChart
        option={option}
        label={`Chart of cost per accepted PR/MR and accepted count over ${months} months. The figures are in the table below it.`}
        testId="chart-cost-per-accepted"
        data-months={months}
      />
      <MonthFiguresTable rows={rows} />
    </section>
  );
}

import { useMemo } from 'react';
import { EChart } from '../../components/EChart';
import { ChartImageMenu } from '../present/ChartImageMenu';
import type { ChartPeriod } from '../present/chart-image';
import { comparisonChartOption } from './comparison-chart-option';
import { downloadCsv } from '../../lib/download';
import { comparisonCsv, comparisonRows, MAX_COMPARED, type CompareColumn } from './comparison-view-model';

type ComparisonPanelProps = { columns: readonly CompareColumn[]; currency: string; horizon: number; period: ChartPeriod | null; loading: boolean; error: string | null };

/** The selected scenario beside the compared ones and the human-only baseline, over the same months. */
export function ComparisonPanel({ columns, currency, horizon, period, loading, error }: ComparisonPanelProps) {
  const rows = useMemo(() => comparisonRows(columns), [columns]);
  const option = useMemo(() => comparisonChartOption(columns, currency), [columns, currency]);
  const compared = columns.filter((c) => c.kind === 'compared').length;
  return (
    <section className="card chart-card scenario-compare" aria-labelledby="compare-title" data-testid="comparison" aria-busy={loading}>
      <ChartImageMenu option={option} title="Cost over the horizon: scenarios and the human-only baseline" period={period} />
      <h2 className="card-title" id="compare-title">
        Side by side
      </h2>
      <p className="card-subtitle">
        Over the selected scenario’s {horizon} months. {compared === 0 ? `Pick up to ${MAX_COMPARED} other scenarios under “Compare with” to add them.` : ''}
        {columns.some((c) => c.unsaved) ? ' Scenarios marked “unsaved” are shown with their edits.' : ''}
      </p>
      {error !== null && <p className="field-error">Could not read a compared scenario: {error}</p>}
      <EChart option={option} className="scenario-compare-chart" label="Cost over the horizon per scenario, split into the AI-path cost and the work done by people. The figures are in the table below." testId="compare-chart" />
      <div className="scenario-table-wrap">
        <table className="table table-compact scenario-compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Over {horizon} months</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className="num" data-testid="compare-column" data-name={c.name}>
                  {c.name}
                  {c.kind === 'selected' && <span className="compare-tag">selected</span>}
                  {c.unsaved && <span className="compare-tag compare-tag-unsaved">unsaved</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="compare-row" data-row={row.id}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={columns[i]!.id} className={`num${row.best === i ? ' compare-best' : ''}`} data-value={cell.value ?? ''}>
                    {cell.text}
                    {row.best === i && <span className="visually-hidden"> (best)</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-actions">
        <button
          type="button"
          className="button button-small"
          data-testid="compare-export-csv"
          onClick={() =>
            downloadCsv('yardstick-scenario-comparison', columns.find((c) => c.kind === 'selected')?.name ?? 'scenario', comparisonCsv(columns, currency))
          }
        >
          Export CSV
        </button>
      </div>
    </section>
  );
}

import { useMemo } from 'react';
import type { DimensionId, MeasureId } from '../../../../shared/domain/pivot/fields';
import type { PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import { EChart } from '../../components/EChart';
import { ChartImageMenu } from '../present/ChartImageMenu';
import { PinActions } from '../present/PinActions';
import { pivotSlideView } from '../present/pivot-slide';
import { chartData, CHART_KINDS, CHART_LABELS, pivotChartOption, stackable, type ChartKind } from './chart-option';
import './explore-echarts';
import { pivotTitle, type MemberLabeler } from './pivot-labels';

type PivotChartProps = {
  result: PivotResult;
  rows: readonly PivotRow[];
  total: PivotRow | null;
  label: MemberLabeler;
  dimLabel: (dim: DimensionId) => string;
  timeDims: ReadonlySet<string>;
  kind: ChartKind;
  measure: MeasureId | null;
  onKind: (kind: ChartKind) => void;
  onMeasure: (measure: MeasureId) => void;
};

/** The pivot as a chart of one measure: what the grid shows, without its subtotals and totals. */
export function PivotChart({ result, rows, total, label, dimLabel, timeDims, kind, measure, onKind, onMeasure }: PivotChartProps) {
  const measureIndex = Math.max(0, result.measures.findIndex((m) => m.id === measure));
  const field = result.measures[measureIndex]!;
  const canStack = stackable(field);
  const shownKind: ChartKind = kind === 'stacked' && !canStack ? 'bar' : kind;
  const data = useMemo(() => chartData({ result, rows, total, measureIndex, label, timeDims }), [result, rows, total, measureIndex, label, timeDims]);
  const option = useMemo(() => pivotChartOption(data, shownKind, field, result.currency), [data, shownKind, field, result.currency]);
  const height = shownKind === 'heatmap' ? Math.max(280, Math.min(900, 80 + data.series.length * 30)) : 420;
  const title = pivotTitle([field.label], [...result.spec.rows, ...result.spec.cols].map(dimLabel));
  // The pivot as answered (not a layout still running), drawn as shown: a stack the measure refuses is pinned as the bars it shows.
  const pin = useMemo(() => pivotSlideView({ spec: result.spec, chart: shownKind, measure: field.id, title }), [result.spec, shownKind, field.id, title]);
  // The months of the data the pivot sums, for the exported image's footnote.
  const period = result.span === null ? null : { ...result.span, projection: false };
  const cut = data.categoryCount > data.categories.length || data.seriesCount > data.series.length;

  return (
    <section className="card chart-card explore-chart" aria-label="Chart of the pivot" data-testid="explore-chart-panel">
      <div className="explore-chart-controls">
        <div className="segmented" role="radiogroup" aria-label="Chart type">
          {CHART_KINDS.map((k) => (
            <label key={k} className="segmented-option" title={k === 'stacked' && !canStack ? `${field.label} does not add up across columns: a stack would read as its sum.` : undefined}>
              <input type="radio" name="explore-chart-kind" value={k} checked={shownKind === k} disabled={k === 'stacked' && !canStack} onChange={() => onKind(k)} data-testid={`chart-kind-${k}`} />
              <span>{CHART_LABELS[k]}</span>
            </label>
          ))}
        </div>
        {result.measures.length > 1 && (
          <label className="explore-chart-measure">
            <span className="field-label">Measure</span>
            <select className="input select" value={field.id} onChange={(e) => onMeasure(e.target.value as MeasureId)} data-testid="chart-measure">
              {result.measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <PinActions view={pin.view} unavailable={pin.problem ?? undefined} what="chart">
          {(say) => data.categories.length > 0 && <ChartImageMenu option={option} title={title} period={period} onMessage={say} />}
        </PinActions>
      </div>
      {cut && (
        <p className="muted small" data-testid="chart-cut">
          Showing {data.categories.length} of {data.categoryCount} {data.rowsOnX ? 'row groups' : 'columns'} and {data.series.length} of {data.seriesCount} series; collapse groups or filter to see the rest.
        </p>
      )}
      {data.categories.length === 0 ? (
        <p className="muted">Nothing to chart: the pivot has no rows.</p>
      ) : (
        <EChart option={option} label={`${CHART_LABELS[shownKind]} chart of ${field.label}`} testId="explore-chart" height={height} data-kind={shownKind} />
      )}
    </section>
  );
}

import { csvLine } from '../../../../shared/domain/csv';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import type { PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import { formatMeasure, type MemberLabeler } from './pivot-labels';
import { cellValue, columnTree, valueColumns } from './pivot-view-model';

/**
 * The pivot exactly as the grid shows it: the rows left visible by collapsed groups in their shown
 * order, then the grand total; one column per row dimension (a group row fills its own depth), one
 * per shown column × measure named as its headers read, and every figure formatted as in the grid.
 */
export function pivotCsv(opts: {
  result: Pick<PivotResult, 'spec' | 'columns' | 'measures' | 'currency'>;
  /** The body rows shown (visibleRows), without the grand total. */
  rows: readonly PivotRow[];
  total: PivotRow | null;
  label: MemberLabeler;
  dimLabel: (d: DimensionId) => string;
}): string {
  const { result, rows, total, label, dimLabel } = opts;
  const rowDims = result.spec.rows;
  const columns = valueColumns(columnTree(result, label));
  const M = result.measures.length;
  const labelHeaders = rowDims.length === 0 ? [''] : rowDims.map(dimLabel);
  const lines = [csvLine([...labelHeaders, ...columns.map((c) => c.title)])];
  const figures = (row: PivotRow) => columns.map((c) => formatMeasure(result.measures[c.measureIndex]!, cellValue(row, c, M), result.currency));
  for (const row of rows) {
    const dims = labelHeaders.map((_, i) => (i < row.path.length ? label(rowDims[i]!, row.path[i]!) : ''));
    lines.push(csvLine([...dims, ...figures(row)]));
  }
  if (total !== null) lines.push(csvLine([...labelHeaders.map((_, i) => (i === 0 ? 'Total' : '')), ...figures(total)]));
  return `${lines.join('\n')}\n`;
}

/** A file name from what the pivot shows: "yardstick-pivot-team-by-quarter.csv". */
export function exportFileName(spec: Pick<PivotResult['spec'], 'rows' | 'cols'>, viewName: string | null, extension: string): string {
  const base = viewName ?? [spec.rows.join('-') || 'total', ...(spec.cols.length > 0 ? ['by', spec.cols.join('-')] : [])].join('-');
  const safe = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `yardstick-pivot-${safe || 'view'}.${extension}`;
}

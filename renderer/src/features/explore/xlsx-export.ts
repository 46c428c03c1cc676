import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import type { PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import type { ShownTable } from '../../../../shared/ipc/contract-table-export';
import type { MemberLabeler } from './pivot-labels';
import { cellValue, columnTree, valueColumns } from './pivot-view-model';

/**
 * The pivot exactly as the grid shows it (the same rows and columns as the CSV), with raw figures
 * and each column's format, for the XLSX writer in main: a spreadsheet gets numbers, not text.
 */
export function pivotTable(opts: {
  result: Pick<PivotResult, 'spec' | 'columns' | 'measures' | 'currency'>;
  rows: readonly PivotRow[];
  total: PivotRow | null;
  label: MemberLabeler;
  dimLabel: (d: DimensionId) => string;
  title: string;
  fileName: string;
}): ShownTable {
  const { result, rows, total, label, dimLabel } = opts;
  const rowDims = result.spec.rows;
  const columns = valueColumns(columnTree(result, label));
  const M = result.measures.length;
  const labelHeaders = rowDims.length === 0 ? [''] : rowDims.map(dimLabel);
  const figures = (row: PivotRow) => columns.map((c) => cellValue(row, c, M));
  const kindOf = (row: PivotRow): 'leaf' | 'subtotal' => (row.path.length < rowDims.length ? 'subtotal' : 'leaf');
  return {
    title: opts.title,
    fileName: opts.fileName,
    currency: result.currency,
    columns: [
      ...labelHeaders.map((header) => ({ header, format: 'text' as const })),
      ...columns.map((c) => ({ header: c.title, format: result.measures[c.measureIndex]!.format })),
    ],
    rows: [
      ...rows.map((row) => ({
        depth: Math.max(0, row.path.length - 1),
        kind: kindOf(row),
        cells: [...labelHeaders.map((_, i) => (i < row.path.length ? label(rowDims[i]!, row.path[i]!) : null)), ...figures(row)],
      })),
      ...(total === null ? [] : [{ depth: 0, kind: 'total' as const, cells: [...labelHeaders.map((_, i) => (i === 0 ? 'Total' : null)), ...figures(total)] }]),
    ],
  };
}

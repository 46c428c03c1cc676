import {
  AllCommunityModule,
  ModuleRegistry,
  type CellClassParams,
  type CellDoubleClickedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type ColGroupDef,
  type FullWidthCellKeyDownEvent,
  type GridApi,
  type SortChangedEvent,
} from 'ag-grid-community';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import type { PivotResult, PivotRow } from '../../../../shared/domain/pivot/result';
import type { Member, PivotSort } from '../../../../shared/domain/pivot/spec';
import { gridTheme } from '../../components/grid-theme';
import { formatMeasure, type MemberLabeler } from './pivot-labels';
import {
  cellTone,
  cellValue,
  columnTree,
  gridKey,
  leafRanges,
  LABEL_COL_ID,
  rowLabel,
  SCALE_STEPS,
  sortedColumn,
  sortFromColumn,
  valueColumns,
  type ColumnNode,
  type Highlight,
  type ValueColumn,
} from './pivot-view-model';

ModuleRegistry.registerModules([AllCommunityModule]);

/** A body row as the grid holds it: a new object when its group opens or closes, so its cell re-renders. */
export type GridRow = PivotRow & { collapsed?: boolean };

type GridContext = { rowDims: readonly DimensionId[]; label: MemberLabeler; onToggle: (key: string) => void };

export type DrillCell = { rowPath: Member[]; colPath: Member[]; measureLabel: string };

type PivotGridProps = {
  result: PivotResult;
  rows: readonly GridRow[];
  total: PivotRow | null;
  highlight: Highlight;
  label: MemberLabeler;
  dimLabel: (d: DimensionId) => string;
  onToggle: (key: string) => void;
  onSort: (sort: PivotSort | null) => void;
  onDrill: (cell: DrillCell) => void;
};

/** Beyond this many value columns ag-grid renders only those in view; below, every column stays in the page (find-in-page, screen readers). */
const FULL_RENDER_COLUMNS = 150;

function RowLabelCell({ data, context }: CustomCellRendererProps<GridRow, unknown, GridContext>) {
  if (data === undefined) return null;
  const name = rowLabel(data, context.rowDims, context.label);
  const indent = { paddingLeft: `${Math.max(0, data.depth - 1) * 18}px` };
  if (data.kind === 'subtotal') {
    const collapsed = data.collapsed === true;
    return (
      <span className="pivot-label" style={indent}>
        <button
          type="button"
          className="pivot-toggle"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${name}`}
          data-testid="pivot-toggle"
          tabIndex={-1}
          onClick={() => context.onToggle(data.key)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <span className="pivot-label-text">{name}</span>
      </span>
    );
  }
  return (
    <span className={`pivot-label${data.kind === 'leaf' && context.rowDims.length > 1 ? ' pivot-label-leaf' : ''}`} style={indent}>
      <span className="pivot-label-text">{name}</span>
    </span>
  );
}

const TONE_CLASSES = ['above', 'below', ...Array.from({ length: SCALE_STEPS }, (_, i) => `scale-${i + 1}`)];

/**
 * The pivot as ag-grid renders it: a tree column of row groups (expand and collapse are ours, the
 * community grid has no row grouping), column groups from the column keys, one column per column
 * key × measure, the grand total pinned at the bottom. Sorting is the engine's: a header click asks
 * for a new pivot and the grid keeps the rows in the order they came.
 */
export const PivotGrid = memo(function PivotGrid({ result, rows, total, highlight, label, dimLabel, onToggle, onSort, onDrill }: PivotGridProps) {
  const api = useRef<GridApi<GridRow> | null>(null);
  const { spec, measures, currency } = result;
  const M = measures.length;
  const tree = useMemo(() => columnTree(result, label), [result, label]);
  const values = useMemo(() => valueColumns(tree), [tree]);
  const byColId = useMemo(() => new Map(values.map((v) => [v.colId, v])), [values]);
  const ranges = useMemo(() => leafRanges(result), [result]);

  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    const sorted = sortedColumn(spec.sort);
    const sortOf = (colId: string) => (sorted !== null && sorted.colId === colId ? sorted.direction : null);
    const toneOf = (v: ValueColumn) => (p: CellClassParams<GridRow>) => {
      if (p.data === undefined) return null;
      return cellTone({
        mode: highlight,
        measure: measures[v.measureIndex]!,
        value: cellValue(p.data, v, M),
        rowKind: p.data.kind,
        columnKind: v.kind,
        range: ranges[v.measureIndex] ?? null,
        total: total === null ? null : cellValue(total, v, M),
        hasRows: spec.rows.length > 0,
        hasCols: spec.cols.length > 0,
      });
    };
    const valueDef = (v: ValueColumn): ColDef<GridRow> => {
      const measure = measures[v.measureIndex]!;
      const tone = toneOf(v);
      return {
        colId: v.colId,
        headerName: v.header,
        headerTooltip: v.title,
        width: measure.format === 'money' ? 124 : 116,
        wrapHeaderText: true,
        autoHeaderHeight: true,
        type: 'rightAligned',
        cellClass: ['ag-right-aligned-cell', 'pivot-num', `pivot-col-${v.kind}`],
        headerClass: `pivot-col-${v.kind}`,
        cellClassRules: Object.fromEntries(TONE_CLASSES.map((c) => [`pivot-tone-${c}`, (p: CellClassParams<GridRow>) => tone(p) === c])),
        valueGetter: (p) => (p.data === undefined ? null : cellValue(p.data, v, M)),
        valueFormatter: (p) => formatMeasure(measure, typeof p.value === 'number' ? p.value : null, currency),
        sort: sortOf(v.colId),
        sortingOrder: ['desc', 'asc', null],
      };
    };
    const toDef = (node: ColumnNode): ColDef<GridRow> | ColGroupDef<GridRow> =>
      node.type === 'value'
        ? valueDef(node)
        : { groupId: node.groupId, headerName: node.header, headerClass: `pivot-group pivot-col-${node.kind}`, marryChildren: true, children: node.children.map(toDef) };
    const labelDef: ColDef<GridRow> = {
      colId: LABEL_COL_ID,
      headerName: spec.rows.length === 0 ? '' : spec.rows.map(dimLabel).join(' › '),
      headerTooltip: spec.rows.length === 0 ? undefined : 'Sort the groups by name',
      pinned: 'left',
      width: Math.min(440, 200 + 48 * Math.max(0, spec.rows.length - 1)),
      cellRenderer: RowLabelCell,
      valueGetter: (p) => (p.data === undefined ? '' : rowLabel(p.data, spec.rows, label)),
      sortable: spec.rows.length > 0,
      sort: sortOf(LABEL_COL_ID),
      sortingOrder: ['asc', 'desc', null],
    };
    return [labelDef, ...tree.map(toDef)];
  }, [tree, spec, measures, M, currency, highlight, ranges, total, label, dimLabel]);

  const context = useMemo<GridContext>(() => ({ rowDims: spec.rows, label, onToggle }), [spec.rows, label, onToggle]);

  // The highlight lives in the column definitions' class rules; cells already drawn are asked again.
  useEffect(() => {
    api.current?.refreshCells({ force: true });
  }, [highlight]);

  // A group row's data is replaced when it opens or closes, but its label cell's value stays the
  // same, so ag-grid would keep the old arrow: the tree column is redrawn.
  useEffect(() => {
    api.current?.refreshCells({ columns: [LABEL_COL_ID], force: true });
  }, [rows]);

  const drillAt = useCallback(
    (row: GridRow | undefined, colId: string) => {
      const column = byColId.get(colId);
      if (row === undefined || column === undefined) return false;
      onDrill({ rowPath: [...row.path], colPath: [...result.columns[column.columnIndex]!.path], measureLabel: measures[column.measureIndex]!.label });
      return true;
    },
    [byColId, onDrill, result.columns, measures],
  );

  const onCellDoubleClicked = useCallback(
    (event: CellDoubleClickedEvent<GridRow>) => {
      const colId = event.column.getColId();
      if (colId === LABEL_COL_ID) {
        if (event.data?.kind === 'subtotal') onToggle(event.data.key);
        return;
      }
      drillAt(event.data, colId);
    },
    [drillAt, onToggle],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<GridRow> | FullWidthCellKeyDownEvent<GridRow>) => {
      if (!(event.event instanceof KeyboardEvent) || !('column' in event)) return;
      const key = event.event.key;
      const colId = event.column.getColId();
      if (colId === LABEL_COL_ID && event.data?.kind === 'subtotal' && (key === 'Enter' || key === ' ')) {
        event.event.preventDefault();
        onToggle(event.data.key);
      } else if (key === 'Enter' && colId !== LABEL_COL_ID) {
        drillAt(event.data, colId);
      }
    },
    [drillAt, onToggle],
  );

  const onSortChanged = useCallback(
    (event: SortChangedEvent<GridRow>) => {
      // Only a header click asks for a new order; sorts the grid applies from the definitions are echoes.
      if (event.source !== 'uiColumnSorted') return;
      const sortedState = event.api.getColumnState().find((c) => c.sort === 'asc' || c.sort === 'desc');
      onSort(sortedState === undefined ? null : sortFromColumn(sortedState.colId, sortedState.sort === 'asc' ? 'asc' : 'desc', result));
    },
    [onSort, result],
  );

  const pinned = useMemo(() => (total === null ? [] : [total]), [total]);

  return (
    <div className="pivot-grid" data-testid="pivot-grid" data-rows={rows.length} data-columns={values.length}>
      <AgGridReact<GridRow>
        theme={gridTheme}
        rowData={rows as GridRow[]}
        pinnedBottomRowData={pinned}
        columnDefs={columnDefs}
        context={context}
        defaultColDef={{ resizable: true, suppressHeaderMenuButton: true, sortable: true }}
        getRowId={(p) => (p.data.kind === 'total' ? 'total' : gridKey(p.data.key))}
        getRowClass={(p) => (p.data === undefined ? undefined : `pivot-row-${p.data.kind} pivot-depth-${p.data.depth}`)}
        // The engine sorted the rows (subtotals stay above their groups); the grid only shows the arrow.
        postSortRows={(p) => {
          p.nodes.sort((a, b) => a.sourceRowIndex - b.sourceRowIndex);
        }}
        suppressMultiSort
        onSortChanged={onSortChanged}
        onCellDoubleClicked={onCellDoubleClicked}
        onCellKeyDown={onCellKeyDown}
        onGridReady={(event) => {
          api.current = event.api;
        }}
        suppressColumnVirtualisation={values.length <= FULL_RENDER_COLUMNS}
        suppressNoRowsOverlay={spec.rows.length === 0}
        animateRows={false}
        tooltipShowDelay={400}
        enableBrowserTooltips
      />
    </div>
  );
});

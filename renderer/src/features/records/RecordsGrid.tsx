import { AllCommunityModule, ModuleRegistry, type CellKeyDownEvent, type ColDef, type FullWidthCellKeyDownEvent, type GridApi, type GridReadyEvent } from 'ag-grid-community';
import { gridTheme } from '../../components/grid-theme';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { RecordRow } from '../../../../shared/ipc/contract-records';
import { RECORD_SIGNALS } from '../../../../shared/domain/records/types';
import { recordColumns, ticketLabel, type RecordColumn } from './record-columns';
import { OUTCOME_LABELS, OUTCOME_TONES, SIGNAL_SHORT_LABELS, SIGNAL_TONES } from './records-labels';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The app's palette (styles.css :root) in ag-grid's Theming API. */

export type RecordsGridHandle = {
  /** Puts keyboard focus back on the open record's row (after the drawer closes). */
  focusRow(id: number): void;
  /**
   * The rows and column ids as the grid shows them now, with its sort and column order (the user
   * can sort and drag columns; the rows themselves are main's filtered answer); null before the grid is ready.
   */
  shown(): { rows: RecordRow[]; columnIds: string[] } | null;
};

type RecordsGridProps = {
  rows: RecordRow[];
  currency: string;
  showPerson: boolean;
  selectedId: number | null;
  onOpen: (id: number) => void;
  ref?: Ref<RecordsGridHandle>;
};

function TicketCell({ data }: CustomCellRendererProps<RecordRow>) {
  if (data === undefined) return null;
  return (
    <span className="record-ticket-cell" title={data.title ?? undefined}>
      <span className="record-ticket-key" data-testid="record-ticket">
        {ticketLabel(data)}
      </span>
      {data.title !== null && <span className="record-ticket-title">{data.title}</span>}
    </span>
  );
}

function OutcomeCell({ data }: CustomCellRendererProps<RecordRow>) {
  if (data === undefined) return null;
  return <span className={`tone-badge tone-${OUTCOME_TONES[data.outcome]}`}>{OUTCOME_LABELS[data.outcome]}</span>;
}

function SignalsCell({ data }: CustomCellRendererProps<RecordRow>) {
  if (data === undefined || data.signals.length === 0) return null;
  return (
    <span className="signal-badges">
      {data.signals.map((code) => (
        <span key={code} className={`tone-badge tone-badge-small tone-${SIGNAL_TONES[code]}`} title={RECORD_SIGNALS[code]}>
          {SIGNAL_SHORT_LABELS[code]}
        </span>
      ))}
    </span>
  );
}

const RENDERERS = { ticket: TicketCell, outcome: OutcomeCell, signals: SignalsCell } as const;

function columnDef(col: RecordColumn): ColDef<RecordRow> {
  const numeric = col.renderer === 'number';
  const def: ColDef<RecordRow> = {
    colId: col.id,
    headerName: col.header,
    headerTooltip: col.description,
    width: col.width,
    valueGetter: (p) => (p.data === undefined ? null : col.value(p.data)),
    valueFormatter: (p) => (p.data === undefined ? '' : col.display(p.data)),
  };
  if (col.pinned !== undefined) def.pinned = col.pinned;
  if (numeric) {
    // Both classes: a cellClass of our own would replace the one the rightAligned type sets.
    def.type = 'rightAligned';
    def.cellClass = ['ag-right-aligned-cell', 'records-num'];
  }
  if (col.compare !== undefined) {
    const compare = col.compare;
    def.comparator = (_a, _b, nodeA, nodeB) => (nodeA.data === undefined || nodeB.data === undefined ? 0 : compare(nodeA.data, nodeB.data));
  }
  if (col.renderer === 'ticket' || col.renderer === 'outcome' || col.renderer === 'signals') {
    def.cellRenderer = RENDERERS[col.renderer];
  }
  return def;
}

/**
 * The records list: ag-grid community, client-side sorting, virtualised rows. A click or Enter on a
 * row opens it; the selection follows the open record.
 */
export function RecordsGrid({ rows, currency, showPerson, selectedId, onOpen, ref }: RecordsGridProps) {
  const api = useRef<GridApi<RecordRow> | null>(null);
  const columnDefs = useMemo(() => recordColumns(currency, { person: showPerson }).map(columnDef), [currency, showPerson]);
  const defaultColDef = useMemo<ColDef<RecordRow>>(() => ({ sortable: true, resizable: true, suppressHeaderMenuButton: true }), []);

  const syncSelection = useCallback((id: number | null) => {
    const grid = api.current;
    if (grid === null) return;
    if (id === null) {
      grid.deselectAll();
      return;
    }
    const node = grid.getRowNode(String(id));
    if (node === undefined) grid.deselectAll();
    else if (!node.isSelected()) node.setSelected(true, true);
  }, []);

  useEffect(() => syncSelection(selectedId), [selectedId, rows, syncSelection]);

  useImperativeHandle(
    ref,
    () => ({
      focusRow: (id) => {
        const grid = api.current;
        const node = grid?.getRowNode(String(id));
        if (grid === null || grid === undefined || node === undefined || node.rowIndex === null) return;
        grid.ensureIndexVisible(node.rowIndex);
        grid.setFocusedCell(node.rowIndex, 'ticket');
      },
      shown: () => {
        const grid = api.current;
        if (grid === null || grid.isDestroyed()) return null;
        const shownRows: RecordRow[] = [];
        grid.forEachNodeAfterFilterAndSort((node) => {
          if (node.data !== undefined) shownRows.push(node.data);
        });
        return { rows: shownRows, columnIds: grid.getAllDisplayedColumns().map((c) => c.getColId()) };
      },
    }),
    [],
  );

  // The grid may become ready after the first selection was set; it picks that up from here.
  const latestSelected = useRef(selectedId);
  useEffect(() => {
    latestSelected.current = selectedId;
  }, [selectedId]);
  const onGridReady = useCallback(
    (event: GridReadyEvent<RecordRow>) => {
      api.current = event.api;
      syncSelection(latestSelected.current);
    },
    [syncSelection],
  );

  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<RecordRow> | FullWidthCellKeyDownEvent<RecordRow>) => {
      const key = event.event instanceof KeyboardEvent ? event.event.key : null;
      if (key === 'Enter' && event.data !== undefined) onOpen(event.data.id);
    },
    [onOpen],
  );

  return (
    <div className="records-grid" data-testid="records-grid">
      <AgGridReact<RecordRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(event) => {
          if (event.data !== undefined) onOpen(event.data.id);
        }}
        onCellKeyDown={onCellKeyDown}
        onGridReady={onGridReady}
        animateRows={false}
        // Seventeen columns are cheap to render whole; rows stay complete for screen readers and find-in-page.
        suppressColumnVirtualisation
        tooltipShowDelay={400}
        enableBrowserTooltips
      />
    </div>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import { pseudonym } from '../../../../shared/domain/people';
import { useRouteStore } from '../../app/route-store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { formatCount, formatMonthSpan } from '../../lib/format';
import { on } from '../../lib/ipc';
import { useRecordsUi } from '../records/records-store';
import { fetchAppInfo } from '../workspace/workspace-api';
import { exportFileName, pivotCsv } from './csv-export';
import { downloadBase64, downloadText } from '../../lib/download';
import { exportTableXlsx } from './explore-api';
import { pivotTable } from './xlsx-export';
import { DrillPanel } from './DrillPanel';
import { DropZones } from './DropZones';
import { ExploreToolbar } from './ExploreToolbar';
import { fieldsResource, useExplore, viewsResource } from './explore-store';
import { FieldList } from './FieldList';
import { FilterEditor } from './FilterEditor';
import type { FieldRef, Zone } from './layout-model';
import { PinActions } from '../present/PinActions';
import { pivotSlideView } from '../present/pivot-slide';
import { dimensionLabel, memberLabeler, pivotTitle } from './pivot-labels';
import { PivotChart } from './PivotChart';
import { PivotGrid, type DrillCell, type GridRow } from './PivotGrid';
import { cellDescription, groupKeys, totalRow, visibleRows } from './pivot-view-model';
import { ViewsBar } from './ViewsBar';

/*
 * Test ids (tests/e2e/pages/explore-page.ts):
 *   explore-fields, field-search, field-{id} (data-kind), field-menu, field-add-{zone}
 *   zone-{rows|cols|values|filters}, chip-{id}, chip-menu, chip-up, chip-down, chip-to-{zone}, chip-remove, chip-edit
 *   filter-editor, filter-member (data-value), filter-all, filter-none, filter-apply
 *   pivot-status (data-running, data-rows, data-cols, data-values: the spec of the answer shown)
 *   pivot-grid (ag-grid: rows carry row-id = the row key, cells col-id = measure|column key), pivot-toggle
 *   show-grid, show-chart, expand-all, collapse-all, highlight, export-csv
 *   chart-actions > pin-to-deck (data-pinned), chart-actions-status: the grid's (a table, in pivot-status-row) or the chart's (as drawn)
 *   explore-chart-panel, explore-chart (data-kind), chart-kind-{kind}, chart-measure
 *   explore-views, views-select, view-save, view-save-as, view-delete, view-modified,
 *   view-save-dialog, view-name, view-name-submit, view-delete-confirm
 *   drill-panel (data-status, data-total), drill-label, drill-count, drill-record (data-record-id),
 *   drill-record-open, drill-open-all, drill-close
 *   explore-empty, explore-no-values, explore-error
 */

export function ExplorePage() {
  useEffect(() => fieldsResource.watch(), []);
  useEffect(() => viewsResource.watch(), []);
  const fields = fieldsResource.useStore();
  const s = useExplore();
  const [editingFilter, setEditingFilter] = useState<DimensionId | null>(null);

  useEffect(() => {
    if (fields.data !== null) useExplore.getState().init(fields.data);
  }, [fields.data]);

  // Coming back to the page, or data changing under it (a sync, an import, a settings change), asks again.
  useEffect(() => {
    if (useExplore.getState().ready) void useExplore.getState().run();
    return on('workspace:data-changed', (payload) => {
      if (payload.tables.some((t) => t !== 'saved_views') && useExplore.getState().ready) void useExplore.getState().run();
    });
  }, []);

  const dims = useMemo(() => fields.data?.dimensions ?? [], [fields.data]);
  const label = useMemo(() => memberLabeler(dims), [dims]);
  const dimLabel = useCallback((d: DimensionId) => dimensionLabel(dims, d), [dims]);
  const timeDims = useMemo(() => new Set<string>(dims.filter((d) => d.time !== null).map((d) => d.id)), [dims]);

  const result = s.pivot.result;
  const rows = useMemo<GridRow[]>(
    () => (result === null ? [] : visibleRows(result.rows, s.collapsed).map((r) => (r.kind === 'subtotal' ? { ...r, collapsed: s.collapsed.has(r.key) } : r))),
    [result, s.collapsed],
  );
  const total = useMemo(() => (result === null ? null : totalRow(result.rows)), [result]);
  // The grid pinned to a deck: every measure as a table, titled as the chart's image is.
  const tablePin = useMemo(
    () =>
      result === null
        ? null
        : pivotSlideView({ spec: result.spec, chart: 'table', measure: null, title: pivotTitle(result.measures.map((m) => m.label), [...result.spec.rows, ...result.spec.cols].map(dimLabel)) }),
    [result, dimLabel],
  );

  const onAdd = useCallback(
    (field: FieldRef, zone: Zone) => {
      s.edit({ type: 'add', field, zone });
      if (zone === 'filters' && field.kind === 'dimension') setEditingFilter(field.id);
    },
    [s],
  );

  const onDrill = useCallback(
    (cell: DrillCell) => {
      if (result === null) return;
      const where = cellDescription({ rows: result.spec.rows, cols: result.spec.cols, rowPath: cell.rowPath, colPath: cell.colPath }, dimLabel, label);
      const filters = result.spec.filters.map((f) => `${dimLabel(f.dim)} ${f.values.map((v) => label(f.dim, v)).join(', ')}`);
      void useExplore.getState().openDrill({ rowPath: cell.rowPath, colPath: cell.colPath }, filters.length === 0 ? where : `${where} (filtered: ${filters.join('; ')})`);
    },
    [result, dimLabel, label],
  );

  const openInRecords = useCallback((ids: number[], what: string, selectId: number | null) => {
    const records = useRecordsUi.getState();
    records.showRecords(ids, what);
    if (selectId !== null) records.select(selectId);
    useExplore.getState().closeDrill();
    useRouteStore.getState().navigate('records');
  }, []);

  const exportCsv = useCallback(async () => {
    if (result === null) return;
    // People are pseudonymised in every export, as the CLI and Settings say.
    const people = [...result.spec.rows, ...result.spec.cols].includes('person');
    const salt = people ? (await fetchAppInfo()).workspaceName : '';
    const exportLabel = people ? memberLabeler(dims, (name) => pseudonym(name, salt)) : label;
    const text = pivotCsv({ result, rows, total, label: exportLabel, dimLabel });
    const view = viewsResource.useStore.getState().data?.find((v) => v.id === s.viewId) ?? null;
    downloadText(exportFileName(result.spec, view?.name ?? null, 'csv'), text);
  }, [result, rows, total, dims, label, dimLabel, s.viewId]);

  const exportXlsx = useCallback(async () => {
    if (result === null) return;
    const people = [...result.spec.rows, ...result.spec.cols].includes('person');
    const salt = people ? (await fetchAppInfo()).workspaceName : '';
    const exportLabel = people ? memberLabeler(dims, (name) => pseudonym(name, salt)) : label;
    const view = viewsResource.useStore.getState().data?.find((v) => v.id === s.viewId) ?? null;
    const fileName = exportFileName(result.spec, view?.name ?? null, 'xlsx');
    const file = await exportTableXlsx(pivotTable({ result, rows, total, label: exportLabel, dimLabel, title: view?.name ?? 'Pivot', fileName }));
    downloadBase64(file.fileName, file.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }, [result, rows, total, dims, label, dimLabel, s.viewId]);

  const header = (
    <header className="page-header explore-header">
      <h1 id="page-title">Explore</h1>
      <p className="page-subtitle">Pivot the accepted-work records by any dimension.</p>
      {fields.data !== null && fields.data.recordCount > 0 && <ViewsBar canSave={s.layout.values.length > 0} />}
    </header>
  );

  if (fields.status === 'error') {
    return (
      <section className="page explore-page" aria-labelledby="page-title">
        {header}
        <ErrorState title="Could not load the fields" message={fields.error ?? ''} onRetry={() => void fields.load()} />
      </section>
    );
  }
  if (fields.data === null || !s.ready) {
    return (
      <section className="page explore-page" aria-labelledby="page-title" aria-busy="true">
        {header}
        <div className="explore-loading">
          <Skeleton height="2rem" />
          <Skeleton height="12rem" />
        </div>
      </section>
    );
  }
  if (fields.data.recordCount === 0) {
    return (
      <section className="page explore-page" aria-labelledby="page-title">
        {header}
        <EmptyState title="No records to explore yet">
          <p data-testid="explore-empty">
            The pivot counts accepted-work records. They appear once work items, AI runs and merge requests are linked: sync a Jira site and a GitLab instance,
            and import the AI tool&apos;s billing export, on the <a href="#/sources">Sources</a> page.
          </p>
        </EmptyState>
      </section>
    );
  }

  const editing = editingFilter === null ? undefined : s.layout.filters.find((f) => f.dim === editingFilter);
  return (
    <section className="page explore-page" aria-labelledby="page-title">
      {header}
      <div className="explore-layout">
        <FieldList fields={fields.data} layout={s.layout} onAdd={onAdd} />
        <div className="explore-main">
          <DropZones fields={fields.data} layout={s.layout} label={label} onEdit={s.edit} onEditFilter={setEditingFilter} />
          {s.message !== null && (
            <Notice tone="warning" onDismiss={s.dismissMessage} testId="explore-message">
              {s.message}
            </Notice>
          )}
          <ExploreToolbar
            display={s.display}
            onDisplay={s.setDisplay}
            highlight={s.highlight}
            onHighlight={s.setHighlight}
            hasGroups={result !== null && result.spec.rows.length > 1}
            onExpandAll={() => s.setCollapsed([])}
            onCollapseAll={() => s.setCollapsed(result === null ? [] : groupKeys(result.rows))}
            canExport={result !== null}
            onExportCsv={() => void exportCsv()}
            onExportXlsx={() => void exportXlsx()}
          />
          <div className="explore-status-row" data-testid="pivot-status-row">
            <PivotStatus />
            {s.display === 'grid' && <PinActions view={tablePin?.view ?? null} unavailable={tablePin?.problem ?? 'The pivot has no answer yet'} what="pivot, as a table," />}
          </div>
          {result !== null && result.missingRates.length > 0 && (
            <Notice tone="warning" testId="explore-missing-rates">
              Money totals leave out cost lines in {result.missingRates.join(', ')}: there is no exchange rate to {result.currency} for them. Add one in Settings.
            </Notice>
          )}
          <div className="explore-result">
            {s.layout.values.length === 0 ? (
              <EmptyState title="Add a measure to Values">
                <p data-testid="explore-no-values">Drag a measure (accepted PR/MRs, cost per accepted…) to Values, or use its + menu, to compute the pivot.</p>
              </EmptyState>
            ) : s.pivot.status === 'error' ? (
              <div data-testid="explore-error">
                <ErrorState title="Could not compute the pivot" message={s.pivot.error ?? ''} onRetry={() => void s.run()} />
              </div>
            ) : result === null ? (
              <div className="explore-loading" aria-busy="true">
                <Skeleton height="2.25rem" />
                <Skeleton height="1.5rem" />
                <Skeleton height="1.5rem" />
              </div>
            ) : s.display === 'chart' ? (
              <PivotChart
                result={result}
                rows={rows}
                total={total}
                label={label}
                dimLabel={dimLabel}
                timeDims={timeDims}
                kind={s.chartKind}
                measure={s.chartMeasure}
                onKind={s.setChartKind}
                onMeasure={s.setChartMeasure}
              />
            ) : (
              <PivotGrid
                result={result}
                rows={rows}
                total={total}
                highlight={s.highlight}
                label={label}
                dimLabel={dimLabel}
                onToggle={s.toggleCollapsed}
                onSort={s.setSort}
                onDrill={onDrill}
              />
            )}
          </div>
        </div>
      </div>
      {s.drill !== null && <DrillPanel drill={s.drill} onClose={s.closeDrill} onOpen={openInRecords} />}
      {editingFilter !== null && editing !== undefined && (
        <FilterEditor
          dim={editingFilter}
          dimLabel={dimLabel(editingFilter)}
          values={editing.values}
          label={label}
          onApply={(values) => s.edit({ type: 'set-filter', dim: editingFilter, values })}
          onClose={() => setEditingFilter(null)}
        />
      )}
    </section>
  );
}

/** What the grid shows and whether a newer answer is on its way. */
function PivotStatus() {
  const pivot = useExplore((st) => st.pivot);
  const result = pivot.result;
  const body = result === null ? 0 : result.rows.length - 1;
  return (
    <div
      className="explore-status"
      data-testid="pivot-status"
      data-running={pivot.running}
      data-rows={result?.spec.rows.join(',') ?? ''}
      data-cols={result?.spec.cols.join(',') ?? ''}
      data-values={result?.spec.values.join(',') ?? ''}
      data-filters={result === null ? '' : JSON.stringify(result.spec.filters)}
      data-sort={result?.spec.sort === undefined ? '' : JSON.stringify(result.spec.sort)}
      role="status"
    >
      {result !== null && (
        <span className="muted small">
          {formatCount(body)} {body === 1 ? 'row' : 'rows'} × {formatCount(result.columns.length)} {result.columns.length === 1 ? 'column' : 'columns'} in {Math.max(1, Math.round(result.ms))} ms
          {result.span !== null ? ` · data ${formatMonthSpan(result.span.from, result.span.to)}` : ''}
        </span>
      )}
      {pivot.running && (
        <span className="explore-running" data-testid="explore-running">
          <span className="progress progress-indeterminate explore-running-bar" aria-hidden="true">
            <span className="progress-fill" />
          </span>
          <span className="small muted">Updating…</span>
        </span>
      )}
    </div>
  );
}

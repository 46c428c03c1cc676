import type { Ref } from 'react';
import { RECORD_SIGNALS } from '../../../../shared/domain/records/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import type { RecordsList } from './records-api';
import { RecordsFilterBar } from './RecordsFilterBar';
import { RecordsGrid, type RecordsGridHandle } from './RecordsGrid';
import { facetsResource, pilotsResource, recordsResource, useRecordsUi } from './records-store';
import { countLine, hasPeople, listContent, missingRatesNote } from './records-view-model';

type RecordsTabProps = { gridRef: Ref<RecordsGridHandle> };

export function RecordsTab({ gridRef }: RecordsTabProps) {
  const list = recordsResource.useStore();
  const facets = facetsResource.useStore((s) => s.data);
  const pilots = pilotsResource.useStore((s) => s.data);
  const filter = useRecordsUi((s) => s.filter);
  // Filters over an empty workspace would only be noise next to the explanation.
  const emptyWorkspace = list.data !== null && listContent(list.data.total, filter).kind === 'empty-workspace';

  return (
    <div className="records-tab">
      {!emptyWorkspace && <RecordsFilterBar facets={facets} pilots={pilots} />}
      <ActiveScope />
      {list.status === 'error' ? (
        <ErrorState title="Could not load the records" message={list.error ?? ''} onRetry={() => void list.load()} />
      ) : list.data === null ? (
        <div className="records-grid records-grid-loading" data-testid="records-loading" aria-busy="true">
          <Skeleton height="2.25rem" />
          <Skeleton height="1.5rem" />
          <Skeleton height="1.5rem" />
          <Skeleton height="1.5rem" />
          <Skeleton height="1.5rem" />
        </div>
      ) : (
        <RecordsList list={list.data} refreshing={list.refreshing} gridRef={gridRef} />
      )}
    </div>
  );
}

/** The drill-through or signal the list is narrowed to, named, with a way out. */
function ActiveScope() {
  const drill = useRecordsUi((s) => s.filter.drill);
  const clearDrill = useRecordsUi((s) => s.clearDrill);
  if (drill === null) return null;
  return (
    <div className="records-drill" data-testid="records-drill">
      <span>
        Showing the {drill.ids.length === 1 ? 'record' : `${drill.ids.length.toLocaleString('en-GB')} records`} behind: <strong>{drill.label}</strong>
      </span>
      <button type="button" className="button button-small" onClick={clearDrill}>
        Show all records
      </button>
    </div>
  );
}

function RecordsList({ list, refreshing, gridRef }: { list: RecordsList; refreshing: boolean; gridRef: Ref<RecordsGridHandle> }) {
  const ui = useRecordsUi();
  const content = listContent(list.total, ui.filter);
  if (content.kind === 'empty-workspace') {
    return (
      <EmptyState title="No records yet">
        <p data-testid="records-empty">
          Records appear once work items, AI runs and merge requests are linked: sync a Jira site and a GitLab instance, and import the AI tool&apos;s billing
          export, on the <a href="#/sources">Sources</a> page.
        </p>
      </EmptyState>
    );
  }
  if (content.kind === 'no-match') {
    return (
      <EmptyState title="No records match">
        <p data-testid="records-no-match">
          Nothing in {ui.filter.pilot === null ? 'this workspace' : `the pilot “${ui.filter.pilot}”`} matches these filters
          {ui.filter.signal !== null ? ` (risk signal: ${RECORD_SIGNALS[ui.filter.signal]})` : ''}.
        </p>
        <button type="button" className="button" onClick={ui.clearFilters}>
          Clear filters
        </button>
      </EmptyState>
    );
  }
  const count = countLine(list.rows.length, list.total);
  const missing = missingRatesNote(list.rows, list.currency);
  return (
    <>
      {missing !== null && (
        <Notice tone="warning" testId="records-missing-rates">
          {missing}
        </Notice>
      )}
      <p className="records-count" data-testid="records-count" data-shown={count.shown} data-total={count.total} aria-live="polite">
        {count.text}
        {refreshing && <span className="muted"> · updating…</span>}
        <span className="muted records-hint"> · Click a row or press Enter to open its evidence.</span>
      </p>
      <RecordsGrid ref={gridRef} rows={list.rows} currency={list.currency} showPerson={hasPeople(list.rows)} selectedId={ui.selectedId} onOpen={(id) => ui.select(id)} />
    </>
  );
}

import { useCallback, useEffect, useRef } from 'react';
import { Notice } from '../../components/Notice';
import { TabBar, tabId, tabPanelId, type TabItem } from '../../components/TabBar';
import { formatCount } from '../../lib/format';
import { RecordDrawer } from './RecordDrawer';
import { ReconciliationTab } from './ReconciliationTab';
import { RecordsTab } from './RecordsTab';
import type { RecordsGridHandle } from './RecordsGrid';
import { facetsResource, pilotsResource, recordsResource, unlinkedResource, useRecordsUi, type RecordsTab as TabId } from './records-store';
import { SignalsTab } from './SignalsTab';
import { UnlinkedTab } from './UnlinkedTab';
import { unlinkedTotal } from './unlinked-view-model';
import { useRecordsCsv } from './use-records-csv';

/*
 * Test ids (tests/e2e/pages/records-page.ts):
 *   records-tab-{records|signals|unlinked|reconciliation}  the tabs
 *   records-search, records-team, records-project, records-repository, records-pilot, records-signal,
 *   records-outcome-{outcome}, records-clear-filters        the filter bar
 *   records-count (data-shown, data-total)                   rows shown and rows matching
 *   records-grid                                             the ag-grid list (rows carry row-id = record id)
 *   record-ticket                                            the ticket key in a row
 *   records-empty, records-no-match, records-loading, records-drill, records-missing-rates
 *   record-drawer (data-record-id), record-drawer-ticket, record-drawer-outcome, record-drawer-close,
 *   record-mr-link, record-jira-link
 *   record-cost-lines, record-cost-group (data-kind, data-micros), record-cost-line (data-micros,
 *   data-currency), record-cost-subtotal, record-cost-total (data-micros)
 *   record-signals, record-no-signals
 *   record-timeline, timeline-step (data-kind, data-tone), timeline-source-link, timeline-source-text
 *   signal-list, signal-{code} (data-count), signal-count, signal-open
 *   unlinked-{kind} (data-count), unlinked-count, unlinked-items, workflow-billing
 *   reconciliation-table, reconciliation-row (data-status), reconciliation-open, reconciliation-summary
 *   records-export-csv, records-export-error                 the grid as shown, as CSV
 */

const TAB_PREFIX = 'records';

export function RecordsPage() {
  useEffect(() => recordsResource.watch(), []);
  useEffect(() => facetsResource.watch(), []);
  useEffect(() => pilotsResource.watch(), []);
  // Loaded with the page so the tab can say how much is unlinked before anyone opens it.
  useEffect(() => unlinkedResource.watch(), []);

  const tab = useRecordsUi((s) => s.tab);
  const setTab = useRecordsUi((s) => s.setTab);
  const selectedId = useRecordsUi((s) => s.selectedId);
  const select = useRecordsUi((s) => s.select);
  const list = recordsResource.useStore((s) => s.data);
  const scopeTotal = facetsResource.useStore((s) => s.data?.total ?? null);
  const unlinked = unlinkedResource.useStore((s) => s.data);
  const grid = useRef<RecordsGridHandle>(null);
  const drawerOpen = selectedId !== null && tab === 'records';
  const pilot = useRecordsUi((s) => s.filter.pilot);
  const csv = useRecordsCsv(list, pilot, grid);
  const canExport = tab === 'records' && list !== null && list.rows.length > 0;

  const closeDrawer = useCallback(() => {
    const id = useRecordsUi.getState().selectedId;
    const focused = document.activeElement;
    const focusInDrawer = focused instanceof Element && focused.closest('.record-drawer') !== null;
    select(null);
    // Focus would be lost with the drawer: it goes back to the record's row.
    if (id !== null && (focusInDrawer || document.activeElement === document.body)) grid.current?.focusRow(id);
  }, [select]);

  const unlinkedCount = unlinked === null ? null : unlinkedTotal(unlinked);
  const tabs: TabItem<TabId>[] = [
    { id: 'records', label: 'Records', badge: scopeTotal === null ? undefined : formatCount(scopeTotal), testId: 'records-tab-records' },
    { id: 'signals', label: 'Risk signals', testId: 'records-tab-signals' },
    { id: 'unlinked', label: 'Unlinked', badge: unlinkedCount === null ? undefined : formatCount(unlinkedCount), testId: 'records-tab-unlinked' },
    { id: 'reconciliation', label: 'Reconciliation', testId: 'records-tab-reconciliation' },
  ];
  const listRow = selectedId === null ? null : (list?.rows.find((r) => r.id === selectedId) ?? null);

  return (
    <section className={`page records-page${tab === 'records' ? ' records-page-fill' : ''}`} aria-labelledby="page-title">
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Records</h1>
          <p className="page-subtitle">One row per piece of AI-assisted work, with every attempt, review and cost line behind it.</p>
        </div>
        {canExport && (
          <div className="page-actions">
            <button
              type="button"
              className="button"
              data-testid="records-export-csv"
              disabled={csv.busy}
              title="The rows and columns as the list shows them, figures as plain numbers; people are pseudonymised, as in every export"
              onClick={() => void csv.exportCsv()}
            >
              Export CSV
            </button>
          </div>
        )}
      </header>
      {csv.error !== null && (
        <Notice tone="error" testId="records-export-error" onDismiss={csv.dismissError}>
          Could not export the records: {csv.error}
        </Notice>
      )}
      <TabBar label="Records views" idPrefix={TAB_PREFIX} tabs={tabs} value={tab} onChange={setTab} />
      <div className="records-panel" role="tabpanel" id={tabPanelId(TAB_PREFIX, tab)} aria-labelledby={tabId(TAB_PREFIX, tab)}>
        {tab === 'records' && <RecordsTab gridRef={grid} />}
        {tab === 'signals' && <SignalsTab />}
        {tab === 'unlinked' && <UnlinkedTab />}
        {tab === 'reconciliation' && <ReconciliationTab />}
      </div>
      {drawerOpen && list !== null && <RecordDrawer selectedId={selectedId} listRow={listRow} currency={list.currency} onClose={closeDrawer} />}
    </section>
  );
}

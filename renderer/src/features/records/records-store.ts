import { create } from 'zustand';
import type { Outcome, RecordSignalCode } from '../../../../shared/domain/records/types';
import { createResource } from '../../lib/resource-store';
import { fetchPilots, fetchReconciliation, fetchRecord, fetchRecordFacets, fetchRecords, fetchSignals, fetchUnlinked } from './records-api';
import { EMPTY_FILTER, clearedFilter, recordQuery, toggleOutcome, type RecordsFilterState } from './records-view-model';
import type { SignalAction } from './signals-view-model';
import type { UnlinkedKind } from './unlinked-view-model';

export const RECORDS_TABS = ['records', 'signals', 'unlinked', 'reconciliation'] as const;
export type RecordsTab = (typeof RECORDS_TABS)[number];

/** How long typing pauses before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

type Dimension = 'team' | 'project' | 'repository';

type RecordsUiState = {
  tab: RecordsTab;
  /** What the search box shows; `filter.search` follows it after the debounce. */
  searchText: string;
  filter: RecordsFilterState;
  /** The record open in the drawer. */
  selectedId: number | null;
  /** The Unlinked tab's kind filter. */
  unlinkedKind: UnlinkedKind | null;
  setTab(tab: RecordsTab): void;
  typeSearch(text: string): void;
  /** Sends the search now (Enter in the box). */
  flushSearch(): void;
  toggleOutcome(outcome: Outcome): void;
  clearOutcomes(): void;
  setDimension(dimension: Dimension, value: string | null): void;
  setPilot(pilot: string | null): void;
  setSignal(signal: RecordSignalCode | null): void;
  /** Shows exactly these records on the Records tab (a drill-through), with what they are. */
  showRecords(ids: number[], label: string): void;
  clearDrill(): void;
  clearFilters(): void;
  /** What clicking a risk signal does. */
  followSignal(action: SignalAction): void;
  showUnlinked(kind: UnlinkedKind | null): void;
  select(id: number | null): void;
};

let searchTimer: ReturnType<typeof setTimeout> | null = null;
const cancelSearchTimer = (): void => {
  if (searchTimer !== null) clearTimeout(searchTimer);
  searchTimer = null;
};

/** UI and session state of the Records page: tab, filters and the open record; never the rows themselves. */
export const useRecordsUi = create<RecordsUiState>()((set, get) => {
  const setFilter = (patch: Partial<RecordsFilterState>): void => set({ filter: { ...get().filter, ...patch } });
  return {
    tab: 'records',
    searchText: '',
    filter: EMPTY_FILTER,
    selectedId: null,
    unlinkedKind: null,
    setTab: (tab) => set({ tab }),
    typeSearch: (text) => {
      set({ searchText: text });
      cancelSearchTimer();
      searchTimer = setTimeout(() => {
        searchTimer = null;
        if (get().filter.search !== get().searchText) setFilter({ search: get().searchText });
      }, SEARCH_DEBOUNCE_MS);
    },
    flushSearch: () => {
      cancelSearchTimer();
      if (get().filter.search !== get().searchText) setFilter({ search: get().searchText });
    },
    toggleOutcome: (outcome) => setFilter({ outcomes: toggleOutcome(get().filter.outcomes, outcome) }),
    clearOutcomes: () => setFilter({ outcomes: [] }),
    setDimension: (dimension, value) => setFilter({ [dimension]: value }),
    setPilot: (pilot) => setFilter({ pilot }),
    setSignal: (signal) => setFilter({ signal }),
    showRecords: (ids, label) => {
      cancelSearchTimer();
      // A drill-through shows exactly the records named; other filters would silently hide some.
      set({ tab: 'records', searchText: '', filter: { ...EMPTY_FILTER, drill: { ids, label } } });
    },
    clearDrill: () => setFilter({ drill: null }),
    clearFilters: () => {
      cancelSearchTimer();
      set({ searchText: '', filter: clearedFilter(get().filter) });
    },
    followSignal: (action) => {
      cancelSearchTimer();
      if (action.kind === 'unlinked') {
        set({ tab: 'unlinked', unlinkedKind: action.unlinkedKind });
        return;
      }
      // Signals were counted within the chosen pilot, so the pilot stays and the rest is cleared.
      const pilot = get().filter.pilot;
      const filter: RecordsFilterState =
        action.kind === 'signal' ? { ...EMPTY_FILTER, pilot, signal: action.code } : { ...EMPTY_FILTER, pilot, drill: { ids: action.ids, label: action.label } };
      set({ tab: 'records', searchText: '', filter });
    },
    showUnlinked: (kind) => set({ tab: 'unlinked', unlinkedKind: kind }),
    select: (id) => set({ selectedId: id }),
  };
});

const pilotOf = (): string | undefined => useRecordsUi.getState().filter.pilot ?? undefined;

/** The filtered list; reloaded when the filter changes and when the workspace's data changes. */
export const recordsResource = createResource(() => fetchRecords(recordQuery(useRecordsUi.getState().filter)));

/** The values the dimension selects offer, within the chosen pilot. */
export const facetsResource = createResource(() => fetchRecordFacets(pilotOf()));

/** The open record's cost lines, signals and evidence chain. */
export const recordDetailResource = createResource(() => {
  const id = useRecordsUi.getState().selectedId;
  return id === null ? Promise.reject(new Error('No record is open.')) : fetchRecord(id);
});

export const signalsResource = createResource(() => fetchSignals(pilotOf()));
export const unlinkedResource = createResource(fetchUnlinked);
export const reconciliationResource = createResource(fetchReconciliation);
export const pilotsResource = createResource(fetchPilots);

// Filter changes reload the answers that depend on them. Only the page changes the filter, and it
// watches these resources while it is open, so nothing loads for a page nobody looks at.
useRecordsUi.subscribe((state, previous) => {
  if (state.filter !== previous.filter) void recordsResource.useStore.getState().load();
  if (state.filter.pilot !== previous.filter.pilot) {
    void facetsResource.useStore.getState().load();
    if (signalsResource.useStore.getState().status !== 'idle') void signalsResource.useStore.getState().load();
  }
  // Opening the drawer loads through its watch(); switching records while it is open loads here.
  if (state.selectedId !== null && previous.selectedId !== null && state.selectedId !== previous.selectedId) void recordDetailResource.useStore.getState().load();
});

// A pilot that was deleted (or renamed) elsewhere would make every list call fail: drop it.
pilotsResource.useStore.subscribe((state) => {
  const chosen = useRecordsUi.getState().filter.pilot;
  if (state.status === 'ready' && state.data !== null && chosen !== null && !state.data.some((p) => p.name === chosen)) useRecordsUi.getState().setPilot(null);
});

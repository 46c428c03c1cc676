import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, useRecordsUi } from './records-store';
import { EMPTY_FILTER } from './records-view-model';

// The store's actions only; the resources they reload have no host here and end in their error state.
const initial = useRecordsUi.getState();
beforeEach(() => {
  vi.useFakeTimers();
  useRecordsUi.setState({ ...initial, filter: EMPTY_FILTER, searchText: '', tab: 'records', selectedId: null, unlinkedKind: null });
});
afterEach(() => vi.useRealTimers());

const ui = () => useRecordsUi.getState();

describe('search', () => {
  it('sends the text once typing pauses, not per keystroke', () => {
    ui().typeSearch('P');
    ui().typeSearch('PA');
    ui().typeSearch('PAY-12');
    expect(ui().searchText).toBe('PAY-12');
    expect(ui().filter.search).toBe('');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(ui().filter.search).toBe('PAY-12');
  });

  it('sends at once on Enter, and clearing the filters drops a pending search', () => {
    ui().typeSearch('DATA');
    ui().flushSearch();
    expect(ui().filter.search).toBe('DATA');
    ui().typeSearch('DATA-3');
    ui().clearFilters();
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(ui().filter.search).toBe('');
    expect(ui().searchText).toBe('');
  });
});

describe('drill-through', () => {
  it('a record-level signal filters by the signal within the pilot, clearing the rest', () => {
    useRecordsUi.setState({ tab: 'signals', filter: { ...EMPTY_FILTER, pilot: 'P', team: 'Data', search: 'x' }, searchText: 'x' });
    ui().followSignal({ kind: 'signal', code: 'repair_over_budget', label: 'Repair loop' });
    expect(ui().tab).toBe('records');
    expect(ui().filter).toEqual({ ...EMPTY_FILTER, pilot: 'P', signal: 'repair_over_budget' });
    expect(ui().searchText).toBe('');
  });

  it('a signal about unlinked items opens the Unlinked tab on that kind', () => {
    ui().followSignal({ kind: 'unlinked', unlinkedKind: 'run_without_ticket' });
    expect(ui()).toMatchObject({ tab: 'unlinked', unlinkedKind: 'run_without_ticket' });
  });

  it('a reconciliation row shows exactly its records, whatever else was set', () => {
    useRecordsUi.setState({ tab: 'reconciliation', filter: { ...EMPTY_FILTER, pilot: 'P', outcomes: ['accepted'] } });
    ui().showRecords([4, 5], 'Billing differences');
    expect(ui().tab).toBe('records');
    expect(ui().filter).toEqual({ ...EMPTY_FILTER, drill: { ids: [4, 5], label: 'Billing differences' } });
    ui().clearDrill();
    expect(ui().filter.drill).toBeNull();
  });
});

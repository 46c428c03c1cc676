import type { Outcome, RecordSignalCode } from '../../../../shared/domain/records/types';
import type { RecordFilter, RecordRow } from '../../../../shared/ipc/contract-records';
import { formatCount } from '../../lib/format';
import { OUTCOME_LABELS, OUTCOME_ORDER } from './records-labels';

/**
 * The Records tab's filter as the user set it, and what it asks main for. Filtering happens in main
 * (one definition of search, pilot membership and signals); sorting happens in the grid.
 */
export type RecordsFilterState = {
  /** The applied search text (the box's text after the debounce). */
  search: string;
  outcomes: Outcome[];
  team: string | null;
  project: string | null;
  repository: string | null;
  pilot: string | null;
  signal: RecordSignalCode | null;
  /** Exactly these records: a drill-through from a risk signal or a reconciliation row, with what it is. */
  drill: { ids: number[]; label: string } | null;
};

export const EMPTY_FILTER: RecordsFilterState = { search: '', outcomes: [], team: null, project: null, repository: null, pilot: null, signal: null, drill: null };

/** The records:list filter for a filter state; empty parts are left out rather than sent empty. */
export function recordQuery(f: RecordsFilterState): RecordFilter {
  const query: RecordFilter = {};
  const search = f.search.trim();
  if (search !== '') query.search = search.slice(0, 200);
  if (f.outcomes.length > 0) query.outcomes = [...f.outcomes];
  if (f.team !== null) query.team = f.team;
  if (f.project !== null) query.project = f.project;
  if (f.repository !== null) query.repository = f.repository;
  if (f.pilot !== null) query.pilot = f.pilot;
  if (f.signal !== null) query.signal = f.signal;
  if (f.drill !== null) query.ids = [...f.drill.ids];
  return query;
}

/** Whether anything narrows the list below the whole workspace (a pilot counts: it is a scope). */
export const isFiltered = (f: RecordsFilterState): boolean => Object.keys(recordQuery(f)).length > 0;

/** Clears what narrows the list inside the current scope; the pilot stays. */
export const clearedFilter = (f: RecordsFilterState): RecordsFilterState => ({ ...EMPTY_FILTER, pilot: f.pilot });

export const toggleOutcome = (outcomes: readonly Outcome[], outcome: Outcome): Outcome[] =>
  outcomes.includes(outcome) ? outcomes.filter((o) => o !== outcome) : OUTCOME_ORDER.filter((o) => o === outcome || outcomes.includes(o));

export type CountLine = { text: string; shown: number; total: number; limited: boolean };

/** "675 records", or "Showing 5,000 of 12,345 records" when the answer was cut at the list limit. */
export function countLine(shown: number, total: number): CountLine {
  const noun = total === 1 ? 'record' : 'records';
  const limited = shown < total;
  const text = limited ? `Showing ${formatCount(shown)} of ${formatCount(total)} ${noun} (narrow the filters to see the rest)` : `${formatCount(total)} ${noun}`;
  return { text, shown, total, limited };
}

export type RecordFacets = {
  teams: string[];
  projects: string[];
  repositories: string[];
  outcomes: Outcome[];
  /** Records in the scope the facets were taken from. */
  total: number;
};

const distinctSorted = (values: Iterable<string | null>): string[] =>
  [...new Set([...values].filter((v): v is string => v !== null && v !== ''))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));

/** The distinct values the selects offer, sorted as people read them (PAY-9 before PAY-10). */
export function facetsOf(rows: readonly Pick<RecordRow, 'team' | 'projectKey' | 'repository' | 'outcome'>[], total: number): RecordFacets {
  const present = new Set(rows.map((r) => r.outcome));
  return {
    teams: distinctSorted(rows.map((r) => r.team)),
    projects: distinctSorted(rows.map((r) => r.projectKey)),
    repositories: distinctSorted(rows.map((r) => r.repository)),
    outcomes: OUTCOME_ORDER.filter((o) => present.has(o)),
    total,
  };
}

/** Outcome chips: those present in the data, and any chosen one even if the data no longer has it. */
export function outcomeChips(facets: RecordFacets | null, chosen: readonly Outcome[]): { outcome: Outcome; label: string; pressed: boolean }[] {
  const shown = OUTCOME_ORDER.filter((o) => (facets === null ? true : facets.outcomes.includes(o)) || chosen.includes(o));
  return shown.map((outcome) => ({ outcome, label: OUTCOME_LABELS[outcome], pressed: chosen.includes(outcome) }));
}

/** The empty value of a filter select ("any"); the real values can never be empty strings. */
export const ANY = '';

/** Options for a dimension select: "All …" first, then the values; a chosen value the data lost stays listed. */
export function dimensionOptions(values: readonly string[], chosen: string | null, allLabel: string): { value: string; label: string }[] {
  const list = chosen !== null && !values.includes(chosen) ? [...values, chosen] : values;
  return [{ value: ANY, label: allLabel }, ...list.map((v) => ({ value: v, label: v }))];
}

export const fromSelect = (value: string): string | null => (value === ANY ? null : value);

/** The sentence shown when some records leave out costs for want of an exchange rate. */
export function missingRatesNote(rows: readonly Pick<RecordRow, 'missingRates'>[], currency: string): string | null {
  const currencies = new Set<string>();
  let records = 0;
  for (const row of rows) {
    if (row.missingRates === null || row.missingRates === '') continue;
    records += 1;
    for (const c of row.missingRates.split(',')) currencies.add(c.trim());
  }
  if (records === 0) return null;
  const list = [...currencies].sort().join(', ');
  return `${formatCount(records)} ${records === 1 ? 'record leaves' : 'records leave'} out costs in ${list} until an exchange rate into ${currency} is entered in Settings.`;
}

/** Whether the list can show a Person column: only when Settings turned person-level views on (main then fills it). */
export const hasPeople = (rows: readonly Pick<RecordRow, 'person'>[]): boolean => rows.some((r) => r.person !== null);

export type ListContent = { kind: 'empty-workspace' } | { kind: 'no-match' } | { kind: 'rows' };

/** An empty answer means "no records yet" only when nothing narrowed it. */
export function listContent(total: number, filter: RecordsFilterState): ListContent {
  if (total > 0) return { kind: 'rows' };
  return isFiltered(filter) ? { kind: 'no-match' } : { kind: 'empty-workspace' };
}

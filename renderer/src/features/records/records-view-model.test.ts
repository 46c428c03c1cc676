import { describe, expect, it } from 'vitest';
import { sampleRecordRow } from './records-fixture';
import {
  ANY,
  EMPTY_FILTER,
  clearedFilter,
  countLine,
  dimensionOptions,
  facetsOf,
  fromSelect,
  hasPeople,
  isFiltered,
  listContent,
  missingRatesNote,
  outcomeChips,
  recordQuery,
  toggleOutcome,
} from './records-view-model';

describe('recordQuery', () => {
  it('sends nothing for an empty filter', () => {
    expect(recordQuery(EMPTY_FILTER)).toEqual({});
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
  });

  it('sends each part that is set, trimmed, and leaves the rest out', () => {
    const query = recordQuery({
      ...EMPTY_FILTER,
      search: '  PAY-12 ',
      outcomes: ['accepted', 'rejected'],
      team: 'Payments',
      repository: 'northwind/ledger-service',
      pilot: 'Payments maintenance',
      signal: 'repair_over_budget',
      drill: { ids: [3, 5], label: 'x' },
    });
    expect(query).toEqual({
      search: 'PAY-12',
      outcomes: ['accepted', 'rejected'],
      team: 'Payments',
      repository: 'northwind/ledger-service',
      pilot: 'Payments maintenance',
      signal: 'repair_over_budget',
      ids: [3, 5],
    });
  });

  it('treats a search of spaces as no search, and cuts a long one at the contract limit', () => {
    expect(recordQuery({ ...EMPTY_FILTER, search: '   ' })).toEqual({});
    expect(recordQuery({ ...EMPTY_FILTER, search: 'x'.repeat(300) }).search).toHaveLength(200);
  });

  it('counts a pilot as a filter, and clearing keeps the pilot', () => {
    const filter = { ...EMPTY_FILTER, pilot: 'P', team: 'Data', search: 'a' };
    expect(isFiltered({ ...EMPTY_FILTER, pilot: 'P' })).toBe(true);
    expect(clearedFilter(filter)).toEqual({ ...EMPTY_FILTER, pilot: 'P' });
  });
});

describe('toggleOutcome', () => {
  it('adds and removes, keeping the outcomes in reading order', () => {
    expect(toggleOutcome([], 'rejected')).toEqual(['rejected']);
    expect(toggleOutcome(['rejected'], 'accepted')).toEqual(['accepted', 'rejected']);
    expect(toggleOutcome(['accepted', 'rejected'], 'accepted')).toEqual(['rejected']);
  });
});

describe('countLine', () => {
  it('gives the count, singular or plural', () => {
    expect(countLine(675, 675)).toMatchObject({ text: '675 records', limited: false });
    expect(countLine(1, 1).text).toBe('1 record');
    expect(countLine(0, 0).text).toBe('0 records');
  });

  it('says when the answer was cut at the limit', () => {
    const line = countLine(5000, 12345);
    expect(line.limited).toBe(true);
    expect(line.text).toContain('Showing 5,000 of 12,345 records');
  });
});

describe('facetsOf', () => {
  it('lists distinct values, sorted naturally, without nulls', () => {
    const rows = [
      sampleRecordRow({ team: 'Payments', projectKey: 'PAY', repository: 'b/repo-10', outcome: 'rejected' }),
      sampleRecordRow({ team: 'Data', projectKey: 'DATA', repository: 'b/repo-9', outcome: 'accepted' }),
      sampleRecordRow({ team: null, projectKey: 'PAY', repository: null, outcome: 'accepted' }),
    ];
    expect(facetsOf(rows, 3)).toEqual({
      teams: ['Data', 'Payments'],
      projects: ['DATA', 'PAY'],
      repositories: ['b/repo-9', 'b/repo-10'],
      outcomes: ['accepted', 'rejected'],
      total: 3,
    });
  });
});

describe('outcomeChips', () => {
  it('offers the outcomes present, plus a chosen one the data no longer has', () => {
    const facets = facetsOf([sampleRecordRow({ outcome: 'accepted' }), sampleRecordRow({ outcome: 'open' })], 2);
    expect(outcomeChips(facets, []).map((c) => c.outcome)).toEqual(['accepted', 'open']);
    const chips = outcomeChips(facets, ['denied']);
    expect(chips.map((c) => c.outcome)).toEqual(['accepted', 'open', 'denied']);
    expect(chips.find((c) => c.outcome === 'denied')).toMatchObject({ pressed: true, label: 'Denied' });
  });

  it('offers every outcome before the facets have loaded', () => {
    expect(outcomeChips(null, [])).toHaveLength(8);
  });
});

describe('dimensionOptions', () => {
  it('starts with "all" and keeps a chosen value that left the data', () => {
    expect(dimensionOptions(['Data'], null, 'All teams')).toEqual([
      { value: ANY, label: 'All teams' },
      { value: 'Data', label: 'Data' },
    ]);
    expect(dimensionOptions(['Data'], 'Mobile', 'All teams').map((o) => o.value)).toEqual([ANY, 'Data', 'Mobile']);
    expect(fromSelect(ANY)).toBeNull();
    expect(fromSelect('Data')).toBe('Data');
  });
});

describe('missingRatesNote', () => {
  it('is null when every record converted', () => {
    expect(missingRatesNote([sampleRecordRow()], 'GBP')).toBeNull();
  });

  it('counts the records and names the currencies once', () => {
    const rows = [sampleRecordRow({ missingRates: 'USD' }), sampleRecordRow({ missingRates: 'EUR,USD' }), sampleRecordRow()];
    expect(missingRatesNote(rows, 'GBP')).toBe('2 records leave out costs in EUR, USD until an exchange rate into GBP is entered in Settings.');
  });
});

describe('hasPeople and listContent', () => {
  it('shows a Person column only when main filled one', () => {
    expect(hasPeople([sampleRecordRow()])).toBe(false);
    expect(hasPeople([sampleRecordRow(), sampleRecordRow({ person: 'Ana' })])).toBe(true);
  });

  it('calls an empty answer "no records yet" only when nothing narrowed it', () => {
    expect(listContent(0, EMPTY_FILTER)).toEqual({ kind: 'empty-workspace' });
    expect(listContent(0, { ...EMPTY_FILTER, search: 'zzz' })).toEqual({ kind: 'no-match' });
    expect(listContent(0, { ...EMPTY_FILTER, pilot: 'P' })).toEqual({ kind: 'no-match' });
    expect(listContent(3, EMPTY_FILTER)).toEqual({ kind: 'rows' });
  });
});

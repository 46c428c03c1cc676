import { describe, expect, it } from 'vitest';
import type { ImportView } from '../../../../shared/ipc/contract';
import { HISTORY_PAGE, countsSummary, historyPage, importHistoryRow, importHistoryRows, shortHash, undoConsequences } from './import-history-view-model';

const view = (overrides: Partial<ImportView> = {}): ImportView => ({
  id: 3,
  fileName: 'billing-2026-09.csv',
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  format: 'github-billing',
  status: 'succeeded',
  error: null,
  rowsTotal: 1205,
  rowsImported: 1200,
  rowsSkipped: 3,
  rowsRejected: 2,
  startedAt: '2026-09-04T08:00:00.000Z',
  finishedAt: '2026-09-04T08:00:04.000Z',
  undoneAt: null,
  ...overrides,
});

const LABELS = new Map([['github-billing', 'GitHub billing usage report (CSV)']]);

describe('importHistoryRow', () => {
  it('formats a finished import', () => {
    const row = importHistoryRow(view(), LABELS);
    expect(row).toMatchObject({
      fileName: 'billing-2026-09.csv',
      format: 'GitHub billing usage report (CSV)',
      imported: '1,200',
      skipped: '3',
      rejected: '2',
      status: 'Imported',
      tone: 'ok',
      note: null,
      shortHash: '9f86d08188…',
      canUndo: true,
      hasRejections: true,
    });
    expect(row.started).toMatch(/^4 Sep 2026, \d{2}:\d{2}$/);
  });

  it('shows the error of a failed import and offers no undo', () => {
    const row = importHistoryRow(view({ status: 'failed', error: 'billing.csv: 2 of 1205 rows cannot be read; nothing was imported.', rowsImported: 0, sha256: '' }), LABELS);
    expect(row).toMatchObject({ status: 'Failed', tone: 'error', note: 'billing.csv: 2 of 1205 rows cannot be read; nothing was imported.', noteTone: 'error', canUndo: false, shortHash: '—' });
  });

  it('says when an import was undone, names mappings, and shows a format it does not know as stored', () => {
    const row = importHistoryRow(view({ status: 'undone', undoneAt: '2026-09-05', format: 'mapping:Azure' }), LABELS);
    expect(row).toMatchObject({ status: 'Undone', tone: 'warning', note: 'Its rows were removed on 5 Sep 2026.', canUndo: false, format: 'Column mapping “Azure”' });
    expect(importHistoryRow(view({ format: 'new-preset' }), LABELS).format).toBe('new-preset');
  });

  it('leaves the counts of a running import open', () => {
    expect(importHistoryRow(view({ status: 'running', finishedAt: null }), LABELS)).toMatchObject({ imported: '—', status: 'Running', canUndo: false, hasRejections: false });
  });
});

describe('importHistoryRows', () => {
  it('puts the latest first', () => {
    expect(importHistoryRows([view({ id: 1 }), view({ id: 3 }), view({ id: 2 })], LABELS).map((row) => row.id)).toEqual([3, 2, 1]);
  });
});

describe('countsSummary and shortHash', () => {
  it('leave out zero counts and keep short hashes whole', () => {
    expect(countsSummary({ rowsImported: 0, rowsSkipped: 0, rowsRejected: 0 })).toBe('0 imported');
    expect(countsSummary({ rowsImported: 1200, rowsSkipped: 0, rowsRejected: 2 })).toBe('1,200 imported · 2 rejected');
    expect(shortHash('abc')).toBe('abc');
  });
});

describe('undoConsequences', () => {
  it('promises exactly the rows the import added', () => {
    expect(undoConsequences({ fileName: 'a.csv', started: '4 Sep 2026, 10:00', rowsImported: 1 })).toBe(
      'This removes exactly the 1 row that the import of a.csv on 4 Sep 2026, 10:00 added; rows that were in the workspace before it stay. If a later file repeated some of these rows, import that file again to get them back.',
    );
  });
});

describe('historyPage', () => {
  it('shows the latest imports first and offers the rest', () => {
    const rows = importHistoryRows(Array.from({ length: HISTORY_PAGE + 5 }, (_, i) => view({ id: i + 1 })), LABELS);
    expect(historyPage(rows, false)).toMatchObject({ more: `Show all ${HISTORY_PAGE + 5} imports` });
    expect(historyPage(rows, false).rows).toHaveLength(HISTORY_PAGE);
    expect(historyPage(rows, true)).toMatchObject({ more: null });
    expect(historyPage(rows.slice(0, 3), false).more).toBeNull();
  });
});

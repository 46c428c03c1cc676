import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../shared/ipc/contract';
import { CANCELLED_OUTCOME, bytesPercent, importOutcome, importProgressModel, rowsText, uploadText } from './import-progress-view-model';

const event = (overrides: Partial<ImportProgress> = {}): ImportProgress => ({
  jobId: 'imp-1',
  fileName: 'billing.csv',
  state: 'running',
  bytesRead: 12_300_000,
  totalBytes: 40_000_000,
  rows: 52_000,
  summary: null,
  error: null,
  ...overrides,
});

const summary = (overrides: Partial<NonNullable<ImportProgress['summary']>> = {}): NonNullable<ImportProgress['summary']> => ({
  importId: 7,
  fileName: 'billing.csv',
  format: 'github-billing',
  sha256: 'ab'.repeat(32),
  rowsTotal: 1205,
  rowsImported: 1200,
  rowsSkipped: 3,
  rowsRejected: 2,
  rejections: [
    { line: 17, reason: 'amount “n/a” is not a number' },
    { line: 90, reason: 'date “31/02/2026” does not exist' },
  ],
  ...overrides,
});

describe('bytesPercent', () => {
  it('floors, clamps and has no answer without a size', () => {
    expect(bytesPercent(12_300_000, 40_000_000)).toBe(30);
    expect(bytesPercent(50, 40)).toBe(100);
    expect(bytesPercent(5, 0)).toBeNull();
  });
});

describe('rowsText', () => {
  it('says rows so far while running', () => {
    expect(rowsText(0, true)).toBe('Reading…');
    expect(rowsText(52_000, true)).toBe('52,000 rows read so far');
    expect(rowsText(1, false)).toBe('1 row read');
  });
});

describe('importProgressModel', () => {
  it('draws the bytes read while running, with Cancel', () => {
    expect(importProgressModel(event())).toEqual({
      state: 'running',
      percent: 30,
      valueText: '12.3 MB of 40.0 MB · 30%',
      rows: '52,000 rows read so far',
      outcome: null,
      showCancel: true,
    });
  });

  it('names the file as the user knows it in a failure message', () => {
    const failed = event({ state: 'failed', fileName: 'ab12cd34-billing.csv', error: { message: 'ab12cd34-billing.csv: 2 of 9 rows cannot be read; nothing was imported.', rejections: [] } });
    expect(importProgressModel(failed, 'billing.csv').outcome?.text).toBe('billing.csv: 2 of 9 rows cannot be read; nothing was imported.');
  });

  it('fills the bar when done and drops Cancel', () => {
    const model = importProgressModel(event({ state: 'succeeded', bytesRead: 40_000_000, rows: 1205, summary: summary() }));
    expect(model).toMatchObject({ percent: 100, showCancel: false, rows: '1,205 rows read' });
  });
});

describe('importOutcome', () => {
  it('counts what was imported, skipped as duplicates and rejected', () => {
    expect(importOutcome(event({ state: 'succeeded', summary: summary() }))).toEqual({
      tone: 'warning',
      text: 'Imported 1,200 rows.',
      details: '3 skipped (already in the workspace) · 2 rejected (kept in a report: Rejected rows in the history)',
      rejections: summary().rejections,
      more: null,
    });
    expect(importOutcome(event({ state: 'succeeded', summary: summary({ rowsSkipped: 0, rowsRejected: 0, rejections: [] }) }))).toMatchObject({ tone: 'ok', details: null });
  });

  it('says when a file brought nothing new', () => {
    expect(importOutcome(event({ state: 'succeeded', summary: summary({ rowsImported: 0, rowsSkipped: 1205, rowsRejected: 0, rejections: [] }) }))).toMatchObject({
      tone: 'warning',
      text: 'Nothing new: all 1,205 rows were already in the workspace.',
      details: null,
    });
  });

  it('gives the failure message and the first rejections', () => {
    const rejections = Array.from({ length: 8 }, (_, i) => ({ line: i + 2, reason: 'amount missing' }));
    const outcome = importOutcome(event({ state: 'failed', error: { message: 'billing.csv: 8 of 9 rows cannot be read; nothing was imported.', rejections } }));
    expect(outcome).toMatchObject({ tone: 'error', text: 'billing.csv: 8 of 9 rows cannot be read; nothing was imported.', more: 'and 3 more' });
    expect(outcome?.rejections).toHaveLength(5);
  });

  it('says a cancelled import kept nothing, and nothing while running', () => {
    expect(importOutcome(event({ state: 'cancelled' }))).toMatchObject({ tone: 'warning', text: CANCELLED_OUTCOME });
    expect(importOutcome(event())).toBeNull();
  });
});

describe('uploadText', () => {
  it('says how much of the file has been sent', () => {
    expect(uploadText(6_000_000, 12_000_000)).toBe('Sending 6.0 MB of 12.0 MB · 50%');
    expect(uploadText(6_000, 0)).toBe('Sending 6.0 kB');
  });
});

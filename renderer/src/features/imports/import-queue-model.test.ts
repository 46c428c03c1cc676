import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../shared/ipc/contract';
import { INITIAL_QUEUE, addFiles, applyImportProgress, dismissJob, fileFailed, fileReady, isAcceptedFile, jobStarted, removePending, skippedText, uploadProgressed } from './import-queue-model';

const ids = () => {
  let n = 0;
  return () => `f${++n}`;
};

const progress = (overrides: Partial<ImportProgress> = {}): ImportProgress => ({
  jobId: 'job-1',
  fileName: 'a.csv',
  state: 'running',
  bytesRead: 10,
  totalBytes: 100,
  rows: 1,
  summary: null,
  error: null,
  ...overrides,
});

describe('isAcceptedFile', () => {
  it('accepts billing and usage file types, whatever the case', () => {
    expect(['a.csv', 'b.NDJSON', 'c.json', 'd.jsonl', 'e.xlsx', 'f.txt'].every(isAcceptedFile)).toBe(true);
    expect(isAcceptedFile('report.pdf')).toBe(false);
  });
});

describe('the queue', () => {
  it('queues accepted files in order and names the others', () => {
    const state = addFiles(INITIAL_QUEUE, [new File(['x'], 'a.csv'), new File(['x'], 'b.pdf'), new File(['xy'], 'c.json')], ids());
    expect(state.pending.map((item) => [item.id, item.name, item.size, item.path])).toEqual([
      ['f1', 'a.csv', 1, null],
      ['f2', 'c.json', 2, null],
    ]);
    expect(state.skipped).toEqual(['b.pdf']);
  });

  it('follows an upload to its path, or its failure', () => {
    let state = addFiles(INITIAL_QUEUE, [new File(['x'], 'a.csv'), new File(['x'], 'b.csv')], ids());
    state = uploadProgressed(state, 'f1', 5, 10);
    expect(state.pending[0]?.upload).toEqual({ loaded: 5, total: 10 });
    state = fileReady(state, 'f1', '/tmp/up/a.csv');
    state = fileFailed(state, 'f2', 'Host gone.');
    expect(state.pending.map((item) => [item.path, item.error])).toEqual([
      ['/tmp/up/a.csv', null],
      [null, 'Host gone.'],
    ]);
    expect(removePending(state, 'f1').pending.map((item) => item.id)).toEqual(['f2']);
  });

  it('turns a reviewed file into a job and folds progress in', () => {
    let state = addFiles(INITIAL_QUEUE, [new File(['x'], 'a.csv')], ids());
    state = jobStarted(state, 'f1', 'job-1');
    expect(state.pending).toEqual([]);
    expect(state.jobs).toEqual([{ jobId: 'job-1', fileName: 'a.csv', progress: null }]);
    state = applyImportProgress(state, progress({ fileName: 'd720d069-a.csv' }));
    expect(state.jobs[0]?.progress?.bytesRead).toBe(10);
    // The name the user dropped stays, not the host's name for the uploaded copy.
    expect(state.jobs[0]?.fileName).toBe('a.csv');
    state = applyImportProgress(state, progress({ state: 'succeeded', bytesRead: 100 }));
    // A late running event cannot reopen a finished import.
    state = applyImportProgress(state, progress({ bytesRead: 50 }));
    expect(state.jobs[0]?.progress).toMatchObject({ state: 'succeeded', bytesRead: 100 });
    expect(dismissJob(state, 'job-1').jobs).toEqual([]);
  });

  it('keeps progress that arrived before imports:run answered', () => {
    let state = addFiles(INITIAL_QUEUE, [new File(['x'], 'a.csv')], ids());
    state = applyImportProgress(state, progress({ fileName: 'cad83771-a.csv' }));
    state = jobStarted(state, 'f1', 'job-1');
    expect(state.jobs).toHaveLength(1);
    expect(state.jobs[0]?.fileName).toBe('a.csv');
    expect(state.jobs[0]?.progress).not.toBeNull();
    expect(state.pending).toEqual([]);
  });
});

describe('skippedText', () => {
  it('names the files left out', () => {
    expect(skippedText([])).toBeNull();
    expect(skippedText(['a.pdf'])).toBe('a.pdf is not a CSV, NDJSON, JSON, JSONL, XLSX or TXT file; it was left out.');
    expect(skippedText(['a.pdf', 'b.png', 'c.zip'])).toBe('a.pdf, b.png and c.zip are not CSV, NDJSON, JSON, JSONL, XLSX or TXT files; they were left out.');
  });
});

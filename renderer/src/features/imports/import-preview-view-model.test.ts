import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../shared/ipc/contract';
import { NOT_RECOGNISED, importActions, looksLikeText, previewModel, rowCountText, roundEstimate } from './import-preview-view-model';

const preview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName: 'billing-2026-09.csv',
  sizeBytes: 12_345,
  format: { id: 'github-billing', label: 'GitHub billing usage report (CSV)' },
  looksLike: null,
  encoding: 'utf-8',
  delimiter: ',',
  fileColumns: ['date', 'product', 'net_amount'],
  columns: ['date', 'sku', 'amount'],
  rows: [
    { line: 2, values: { date: '3 Sep 2026', sku: 'actions_linux', amount: 'USD 0.00' } },
    { line: 3, values: { date: '3 Sep 2026', amount: 'USD 0.48' } },
  ],
  rejections: [],
  sampledRows: 2,
  estimatedRows: 2,
  estimateExact: true,
  alreadyImported: null,
  problem: null,
  ...overrides,
});

describe('rowCountText', () => {
  it('says exact counts as they are and estimates as estimates', () => {
    expect(rowCountText(1204, true)).toBe('1,204 rows');
    expect(rowCountText(1, true)).toBe('1 row');
    expect(rowCountText(0, true)).toBe('no data rows');
    expect(rowCountText(1_000_000, false)).toBe('about 1,000,000 rows');
    expect(rowCountText(1_234_567, false)).toBe('about 1,200,000 rows');
    expect(rowCountText(87, false)).toBe('about 87 rows');
  });

  it('rounds estimates to two significant figures', () => {
    expect(roundEstimate(987_654)).toBe(990_000);
    expect(roundEstimate(12_345)).toBe(12_000);
    expect(roundEstimate(150)).toBe(150);
  });
});

describe('looksLikeText', () => {
  it('names both formats with the right article', () => {
    expect(looksLikeText('GitHub billing usage report (CSV)', 'Run-credit event log (CSV)')).toBe(
      'This looks like a GitHub billing usage report (CSV), not the chosen Run-credit event log (CSV).',
    );
    expect(looksLikeText('OpenAI organization costs (JSON)', null)).toBe('This looks like an OpenAI organization costs (JSON).');
    expect(looksLikeText(null, 'x')).toBeNull();
  });
});

describe('previewModel', () => {
  it('lays out a recognised file: format, facts, rows in column order', () => {
    const model = previewModel(preview());
    expect(model).toMatchObject({ formatId: 'github-billing', formatText: 'GitHub billing usage report (CSV)', recognised: true, importable: true, offerValidRows: false, rejectionSummary: null });
    expect(model.facts).toEqual([
      { term: 'File', value: 'billing-2026-09.csv · 12.3 kB' },
      { term: 'Encoding', value: 'UTF-8' },
      { term: 'Delimiter', value: 'Comma (,)' },
      { term: 'Rows', value: '2 rows' },
    ]);
    expect(model.columns).toEqual([
      { key: 'date', label: 'Date' },
      { key: 'sku', label: 'SKU or product' },
      { key: 'amount', label: 'Amount' },
    ]);
    expect(model.rows[1]).toEqual({ line: 3, cells: ['3 Sep 2026', '', 'USD 0.48'] });
    expect(previewModel(preview({ fileName: 'd720d069-billing-2026-09.csv' }), { fileName: 'billing-2026-09.csv' }).facts[0]?.value).toBe('billing-2026-09.csv · 12.3 kB');
  });

  it('offers a column mapping for a file it does not recognise, without a row count or a missing delimiter', () => {
    const model = previewModel(
      preview({ format: null, delimiter: null, encoding: 'windows-1252', problem: 'f0e1d2c3-billing-2026-09.csv: the format is not recognised.', fileName: 'f0e1d2c3-billing-2026-09.csv' }),
      { fileName: 'billing-2026-09.csv' },
    );
    expect(model).toMatchObject({ formatId: 'unrecognised', formatText: NOT_RECOGNISED, recognised: false, importable: false, offerMapping: true, problem: null });
    expect(model.facts.map((fact) => fact.term)).toEqual(['File', 'Encoding']);
    expect(model.facts[1]?.value).toBe('Windows-1252 (Western)');
  });

  it('says why a binary file cannot be read, with the name the user knows, and offers no mapping', () => {
    const model = previewModel(
      preview({ format: null, fileColumns: [], columns: [], rows: [], encoding: 'unknown', delimiter: null, problem: '738cd7f8-binary.csv is a binary file.', fileName: '738cd7f8-binary.csv' }),
      { fileName: 'binary.csv' },
    );
    expect(model).toMatchObject({ formatText: 'Not recognised', offerMapping: false, problem: 'binary.csv is a binary file.', importable: false });
    expect(model.facts.map((fact) => fact.term)).toEqual(['File']);
    expect(previewModel(preview({ sizeBytes: 0 }), { sizeBytes: 3000 }).facts[0]?.value).toBe('billing-2026-09.csv · 3.0 kB');
  });

  it('says an estimate as one', () => {
    const model = previewModel(preview({ estimatedRows: 1_000_000, estimateExact: false }));
    expect(model.rowCount).toBe('about 1,000,000 rows');
    expect(model.facts[3]).toEqual({ term: 'Rows', value: 'About 1,000,000 rows' });
  });

  it('counts rejections against the sample and offers importing the valid rows', () => {
    const rejections = [{ line: 7, reason: 'amount “abc” is not a number' }];
    const sampled = previewModel(preview({ rejections, sampledRows: 50, estimatedRows: 9_000, estimateExact: false }));
    expect(sampled).toMatchObject({ rejectionSummary: '1 of the first 50 rows cannot be read.', offerValidRows: true });
    expect(previewModel(preview({ rejections, sampledRows: 4, estimatedRows: 4 })).rejectionSummary).toBe('1 of 4 rows cannot be read.');
  });

  it('blocks a file with a problem and explains an earlier import of the same bytes', () => {
    expect(previewModel(preview({ problem: 'This is a binary file, not text.' }))).toMatchObject({ problem: 'This is a binary file, not text.', importable: false, offerValidRows: false });
    const again = previewModel(preview({ alreadyImported: { importId: 12, at: '2026-09-04' } }));
    expect(again.alreadyImported).toBe('This exact file was imported on 4 Sep 2026 (import 12). Importing it again adds nothing: every row is skipped as already in the workspace.');
    expect(again.importable).toBe(true);
  });

  it('warns when the file looks like another format than the one chosen, and offers that one', () => {
    const formats = [{ id: 'github-billing' as const, label: 'GitHub billing usage report (CSV)' }];
    const misfit = previewModel(
      preview({ format: null, columns: [], rows: [], estimatedRows: 0, looksLike: 'GitHub billing usage report (CSV)', problem: 'x.csv looks like a GitHub billing usage report (CSV), not the chosen Run-credit event log (CSV).' }),
      { chosen: 'Run-credit event log (CSV)', formats },
    );
    expect(misfit).toMatchObject({
      formatText: 'Not read — the file does not fit Run-credit event log (CSV)',
      looksLike: 'This looks like a GitHub billing usage report (CSV), not the chosen Run-credit event log (CSV).',
      switchTo: formats[0],
      problem: null,
      offerMapping: false,
      importable: false,
    });
    const read = previewModel(preview({ format: { id: 'run-credits', label: 'Run-credit event log (CSV)' }, looksLike: 'Something else' }), { formats });
    expect(read).toMatchObject({ looksLike: 'This looks like a Something else, not the chosen Run-credit event log (CSV).', switchTo: null });
  });
});

describe('importActions', () => {
  const model = previewModel(preview());
  it('allows importing a current, readable preview', () => {
    expect(importActions({ model, current: true, mappingComplete: true, busy: false })).toEqual({ canImport: true, offerValidRows: false, hint: null });
    expect(importActions({ model, current: true, mappingComplete: true, busy: true }).canImport).toBe(false);
  });

  it('waits for the preview of what is chosen now and for a complete mapping', () => {
    expect(importActions({ model, current: false, mappingComplete: true, busy: false })).toMatchObject({ canImport: false, hint: 'Waiting for the preview…' });
    expect(importActions({ model: null, current: false, mappingComplete: true, busy: false }).canImport).toBe(false);
    expect(importActions({ model, current: true, mappingComplete: false, busy: false })).toMatchObject({ canImport: false, hint: 'Complete the column mapping to import.' });
  });

  it('refuses files with a problem or without a format, and offers the valid rows when some cannot be read', () => {
    expect(importActions({ model: previewModel(preview({ problem: 'Binary.' })), current: true, mappingComplete: true, busy: false }).canImport).toBe(false);
    expect(importActions({ model: previewModel(preview({ format: null })), current: true, mappingComplete: true, busy: false }).canImport).toBe(false);
    const rejected = previewModel(preview({ rejections: [{ line: 3, reason: 'no date' }] }));
    expect(importActions({ model: rejected, current: true, mappingComplete: true, busy: false })).toMatchObject({ canImport: true, offerValidRows: true, hint: 'Import adds all rows or none.' });
    const none = previewModel(preview({ rows: [], rejections: [{ line: 2, reason: 'no date' }] }));
    expect(importActions({ model: none, current: true, mappingComplete: true, busy: false })).toEqual({
      canImport: false,
      offerValidRows: false,
      hint: 'None of these rows can be read this way: check how the file is read.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { EXPORT_OPTIONS, IDLE, bytesOf, exportLine, exportReducer, mimeOf, reportPaper, type ExportEvent, type ExportState } from './export-menu-model';

const run = (events: ExportEvent[], from: ExportState = IDLE) => events.reduce(exportReducer, from);

describe('export menu', () => {
  it('offers the worksheet and the report on both papers', () => {
    expect(EXPORT_OPTIONS.map((o) => o.label)).toEqual(['Cost worksheet (XLSX)', 'Report (PDF, A4)', 'Report (PDF, Letter)']);
    expect(EXPORT_OPTIONS.map((o) => reportPaper(o.kind))).toEqual([null, 'a4', 'letter']);
  });

  it('goes idle → busy (with the step of its job) → done, and back to idle when dismissed', () => {
    const busy = run([{ type: 'start', kind: 'report-a4' }]);
    expect(busy).toEqual({ status: 'busy', kind: 'report-a4', step: null, jobId: null });
    expect(exportLine(busy)).toEqual({ tone: 'busy', text: 'Exporting the report…' });

    const printing = run([{ type: 'progress', jobId: 'j1', step: 'Gathering figures' }, { type: 'progress', jobId: 'j1', step: 'Printing the PDF' }], busy);
    expect(exportLine(printing)).toEqual({ tone: 'busy', text: 'Exporting the report… Printing the PDF' });
    // Another job's progress (another window's export) does not take over the line.
    expect(run([{ type: 'progress', jobId: 'j2', step: 'Writing Summary' }], printing)).toBe(printing);

    const done = run([{ type: 'saved', fileName: 'yardstick-report-payments-2026-11-22.pdf' }], printing);
    expect(exportLine(done)).toEqual({ tone: 'info', text: 'Saved yardstick-report-payments-2026-11-22.pdf' });
    expect(run([{ type: 'dismiss' }], done)).toEqual(IDLE);
  });

  it('says why an export failed, ignores a second start while busy and stray events while idle', () => {
    const failed = run([{ type: 'start', kind: 'worksheet' }, { type: 'start', kind: 'report-letter' }, { type: 'failed', message: 'No pilot named "X".' }]);
    expect(exportLine(failed)).toEqual({ tone: 'error', text: 'Could not export the cost worksheet: No pilot named "X".' });
    expect(run([{ type: 'progress', jobId: 'j', step: 'x' }, { type: 'saved', fileName: 'a.pdf' }, { type: 'failed', message: 'm' }])).toEqual(IDLE);
    const busy = run([{ type: 'start', kind: 'worksheet' }]);
    expect(run([{ type: 'dismiss' }], busy)).toBe(busy);
    expect(exportLine(IDLE)).toBeNull();
  });

  it('saves each file type main sends with its MIME type, and insists on the bytes', () => {
    expect(mimeOf('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mimeOf('a.PDF')).toBe('application/pdf');
    expect(mimeOf('chart.png')).toBe('image/png');
    expect(mimeOf('chart.svg')).toBe('image/svg+xml');
    expect(mimeOf('noext')).toBe('application/octet-stream');
    expect(bytesOf({ fileName: 'a.pdf', base64: 'JVBERi0=' })).toBe('JVBERi0=');
    expect(() => bytesOf({ fileName: 'a.pdf' })).toThrow(/without the file/);
  });
});

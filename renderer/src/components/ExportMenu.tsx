import { useCallback, useReducer } from 'react';
import { downloadBase64 } from '../lib/download';
import { errorMessage, on } from '../lib/ipc';
import { EXPORT_OPTIONS, IDLE, bytesOf, exportLine, exportReducer, mimeOf, type ExportKind, type ExportState, type ExportedBytes } from './export-menu-model';
import { MenuButton } from './MenuButton';
import { Notice } from './Notice';

export type Exporter = { state: ExportState; start: (kind: ExportKind) => void; dismiss: () => void };

/**
 * Runs one export at a time through `run` (the page's *-api wrapper), shows main's job:progress
 * steps while it runs, and saves the bytes it answers as a download.
 */
export function useExporter(run: (kind: ExportKind) => Promise<ExportedBytes>): Exporter {
  const [state, dispatch] = useReducer(exportReducer, IDLE);
  const start = useCallback(
    (kind: ExportKind) => {
      dispatch({ type: 'start', kind });
      // Main names the job only in its events, so the first export job heard from is this one's (see exportReducer).
      const stop = on('job:progress', (p) => {
        if (p.kind === 'export') dispatch({ type: 'progress', jobId: p.jobId, step: p.step });
      });
      run(kind)
        .then((answer) => {
          downloadBase64(answer.fileName, bytesOf(answer), mimeOf(answer.fileName));
          dispatch({ type: 'saved', fileName: answer.fileName });
        })
        .catch((error: unknown) => dispatch({ type: 'failed', message: errorMessage(error) }))
        .finally(stop);
    },
    [run],
  );
  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), []);
  return { state, start, dismiss };
}

/** The Export button and its menu: cost worksheet, report on A4 or Letter. Disabled while an export runs. */
export function ExportMenu({ exporter, subject, testId = 'export-menu' }: { exporter: Exporter; subject: string; testId?: string }) {
  const busy = exporter.state.status === 'busy';
  return (
    <MenuButton
      label={`Export ${subject}`}
      className="button"
      testId={testId}
      align="end"
      disabled={busy}
      items={EXPORT_OPTIONS.map((o) => ({ label: o.label, hint: o.hint, testId: o.testId, onSelect: () => exporter.start(o.kind) }))}
    >
      {busy ? 'Exporting…' : 'Export'}
    </MenuButton>
  );
}

/** What the export is doing, what it saved, or why it failed; the last two can be dismissed. */
export function ExportStatus({ exporter, testId = 'export-status' }: { exporter: Exporter; testId?: string }) {
  const line = exportLine(exporter.state);
  if (line === null) return null;
  if (line.tone === 'busy') {
    return (
      <p className="export-status muted" role="status" data-testid={testId} data-status="busy" aria-live="polite">
        {line.text}
      </p>
    );
  }
  return (
    <div data-testid={testId} data-status={exporter.state.status}>
      <Notice tone={line.tone} onDismiss={exporter.dismiss}>
        {line.text}
      </Notice>
    </div>
  );
}

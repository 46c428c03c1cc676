import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { historyPage, importHistoryRows, type ImportHistoryRow } from './import-history-view-model';
import { formatsResource, importHistoryResource } from './imports-store';
import { RejectionsDialog } from './RejectionsDialog';
import { UndoImportDialog } from './UndoImportDialog';

type OpenDialog = { kind: 'rejections'; row: ImportHistoryRow } | { kind: 'undo'; row: ImportHistoryRow } | null;

/** Every import, latest first: what it added, skipped and rejected, how it ended, and Undo. */
export function ImportHistoryCard() {
  const { status, data, error, load } = importHistoryResource.useStore();
  const formats = formatsResource.useStore((state) => state.data);
  useEffect(() => importHistoryResource.watch(), []);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const labels = useMemo(() => new Map((formats ?? []).map((format) => [format.id, format.label])), [formats]);
  const allRows = useMemo(() => (data === null ? [] : importHistoryRows(data, labels)), [data, labels]);
  const [showAll, setShowAll] = useState(false);
  const page = historyPage(allRows, showAll);
  const rows = page.rows;

  return (
    <section className="card" aria-labelledby="import-history-title">
      <h2 className="card-title" id="import-history-title" ref={titleRef} tabIndex={-1}>
        Import history
      </h2>
      {undone !== null && (
        <Notice tone="info" testId="import-undone" onDismiss={() => setUndone(null)}>
          {undone}
        </Notice>
      )}
      {status === 'error' ? (
        <ErrorState title="Could not read the import history" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <Skeleton height="4rem" />
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="import-history-empty">
          No imports yet. Each file you import is listed here with what it added, and can be undone.
        </p>
      ) : (
        <table className="table import-history" data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Started</th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
              <th scope="col">Status</th>
              <th scope="col">SHA-256</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="import-history-row" data-file={row.fileName} data-status={row.statusKey} data-import-id={row.id}>
                <td className="import-file-name">
                  {row.fileName}
                  <div className="muted small">{row.format}</div>
                </td>
                <td className="nowrap">
                  <time dateTime={row.startedAt}>{row.started}</time>
                </td>
                <td className="num" data-testid="import-rows-imported">
                  {row.imported}
                </td>
                <td className="num" title="Already in the workspace (duplicates)">
                  {row.skipped}
                </td>
                <td className="num">{row.rejected}</td>
                <td className="import-status">
                  <span className={`run-status run-${row.tone}`}>{row.status}</span>
                  {row.note !== null && <div className={`small${row.noteTone === 'error' ? ' text-danger' : ' muted'}`}>{row.note}</div>}
                </td>
                <td>
                  <span className="mono hash" title={row.hash === '' ? undefined : row.hash}>
                    {row.shortHash}
                  </span>
                </td>
                <td>
                  <div className="row-actions">
                    {row.hasRejections && (
                      <button type="button" className="button button-small" data-testid="import-rejections" onClick={() => setDialog({ kind: 'rejections', row })}>
                        Rejected rows
                      </button>
                    )}
                    {row.canUndo && (
                      <button type="button" className="button button-small button-danger-quiet" data-testid="import-undo" onClick={() => setDialog({ kind: 'undo', row })}>
                        Undo
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.more !== null && (
        <button type="button" className="button button-small history-more" data-testid="import-history-more" onClick={() => setShowAll(true)}>
          {page.more}
        </button>
      )}
      {dialog?.kind === 'rejections' && <RejectionsDialog row={dialog.row} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'undo' && (
        <UndoImportDialog
          row={dialog.row}
          fallbackFocus={titleRef}
          onClose={() => setDialog(null)}
          onUndone={async (message) => {
            await load();
            setUndone(message);
            setDialog(null);
          }}
        />
      )}
    </section>
  );
}

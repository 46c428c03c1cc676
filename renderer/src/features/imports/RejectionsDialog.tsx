import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { formatCount } from '../../lib/format';
import { errorMessage } from '../../lib/ipc';
import type { ImportHistoryRow } from './import-history-view-model';
import { fetchRejections, type Rejection } from './imports-api';

// Enough to see what went wrong; the workspace keeps up to 10,000 per import.
const SHOWN = 500;

/** The rows an import could not read, with their line numbers, reasons and the text as it was. */
export function RejectionsDialog({ row, onClose }: { row: ImportHistoryRow; onClose: () => void }) {
  const [rejections, setRejections] = useState<Rejection[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchRejections(row.id).then(
      (list) => live && setRejections(list),
      (caught: unknown) => live && setError(errorMessage(caught)),
    );
    return () => {
      live = false;
    };
  }, [row.id]);

  return (
    <Dialog title={`Rejected rows of ${row.fileName}`} onClose={onClose} testId="import-rejections-dialog" size="large">
      <div className="form">
        {error !== null ? (
          <Notice tone="error">{error}</Notice>
        ) : rejections === null ? (
          <Skeleton height="6rem" />
        ) : rejections.length === 0 ? (
          <p className="muted">No rejected rows were kept for this import.</p>
        ) : (
          <>
            <p className="muted">
              {rejections.length > SHOWN
                ? `The first ${formatCount(SHOWN)} of ${formatCount(rejections.length)} rows that could not be read and were left out.`
                : rejections.length === 1
                  ? '1 row could not be read and was left out.'
                  : `${formatCount(rejections.length)} rows could not be read and were left out.`}
            </p>
            <div className="table-scroll">
              <table className="table table-compact" data-testid="import-rejections-table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Reason</th>
                    <th scope="col">As written in the file</th>
                  </tr>
                </thead>
                <tbody>
                  {rejections.slice(0, SHOWN).map((rejection) => (
                    <tr key={`${rejection.line}-${rejection.reason}`} data-testid="import-rejection-row">
                      <td className="num">{formatCount(rejection.line)}</td>
                      <td>{rejection.reason}</td>
                      <td className="mono raw-line">{rejection.raw ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

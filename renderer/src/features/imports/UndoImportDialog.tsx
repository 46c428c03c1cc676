import { useState, type RefObject } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { formatCount } from '../../lib/format';
import { errorMessage } from '../../lib/ipc';
import { undoConsequences, type ImportHistoryRow } from './import-history-view-model';
import { undoImport } from './imports-api';

type UndoImportDialogProps = {
  row: ImportHistoryRow;
  onClose: () => void;
  /** Called with the sentence to show once the rows are gone. */
  onUndone: (message: string) => Promise<void>;
  fallbackFocus: RefObject<HTMLElement | null>;
};

/** Asks before undoing: exactly the rows this import added are removed, nothing else. */
export function UndoImportDialog({ row, onClose, onUndone, fallbackFocus }: UndoImportDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      const { rowsRemoved } = await undoImport(row.id);
      await onUndone(`Removed ${formatCount(rowsRemoved)} ${rowsRemoved === 1 ? 'row' : 'rows'} imported from ${row.fileName}.`);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Undo the import of ${row.fileName}?`} onClose={onClose} testId="undo-import-dialog" fallbackFocus={fallbackFocus}>
      <div className="form">
        {error !== null && <Notice tone="error">{error}</Notice>}
        <p data-testid="undo-consequences">{undoConsequences(row)}</p>
        <p className="muted">The import stays in the history, marked as undone. Importing the file again later adds its rows back.</p>
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          {/* Cancel takes the focus, so Enter on an opened dialog never removes rows. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" data-testid="confirm-undo" disabled={busy} onClick={() => void undo()}>
            {busy ? 'Removing…' : 'Remove the rows'}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

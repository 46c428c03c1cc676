import type { RefObject } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatCount } from '../../lib/format';
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
  return (
    <ConfirmDialog
      title={`Undo the import of ${row.fileName}?`}
      testId="undo-import-dialog"
      confirmLabel="Remove the rows"
      busyLabel="Removing…"
      confirmTestId="confirm-undo"
      onConfirm={async () => {
        const { rowsRemoved } = await undoImport(row.id);
        await onUndone(`Removed ${formatCount(rowsRemoved)} ${rowsRemoved === 1 ? 'row' : 'rows'} imported from ${row.fileName}.`);
      }}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p data-testid="undo-consequences">{undoConsequences(row)}</p>
      <p className="muted">The import stays in the history, marked as undone. Importing the file again later adds its rows back.</p>
    </ConfirmDialog>
  );
}

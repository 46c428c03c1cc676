import { useState, type RefObject } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { errorMessage } from '../../lib/ipc';

type DeleteScenarioDialogProps = {
  name: string;
  unsaved: boolean;
  onClose: () => void;
  onDelete: () => Promise<void>;
  /** Where focus goes when the Delete button that opened the dialog has gone with the scenario. */
  fallbackFocus: RefObject<HTMLElement | null>;
};

/** Asks before deleting a scenario; Undo brings it back afterwards. */
export function DeleteScenarioDialog({ name, unsaved, onClose, onDelete, fallbackFocus }: DeleteScenarioDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Delete the scenario “${name}”?`} onClose={onClose} testId="delete-scenario-dialog" fallbackFocus={fallbackFocus}>
      <div className="form">
        {error !== null && <Notice tone="error">{error}</Notice>}
        <p>Its assumptions and overrides are deleted from the workspace{unsaved ? ', and so are its unsaved changes' : ''}. The records it was calibrated on stay.</p>
        <p className="muted">Right after deleting, Undo brings it back as it was saved.</p>
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          {/* Cancel comes first and takes the focus, so Enter on an opened dialog never deletes. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" data-testid="confirm-delete-scenario" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Deleting…' : 'Delete scenario'}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

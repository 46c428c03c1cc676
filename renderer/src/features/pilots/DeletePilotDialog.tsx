import { useState, type RefObject } from 'react';
import type { Pilot } from '../../../../shared/domain/pilots';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { errorMessage } from '../../lib/ipc';
import { deletePilot } from './pilots-api';

type DeletePilotDialogProps = {
  pilot: Pilot;
  onClose: () => void;
  onDeleted: () => Promise<void>;
  /** Where focus goes when the Delete button that opened the dialog has gone with its scorecard. */
  fallbackFocus: RefObject<HTMLElement | null>;
};

/** Asks before deleting: the pilot's scope and decisions go; its records stay (they belong to the workspace). */
export function DeletePilotDialog({ pilot, onClose, onDeleted, fallbackFocus }: DeletePilotDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePilot(pilot.id);
      await onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Delete the pilot “${pilot.name}”?`} onClose={onClose} testId="delete-pilot-dialog" fallbackFocus={fallbackFocus}>
      <div className="form">
        {error !== null && <Notice tone="error">{error}</Notice>}
        <p>Its scope, owner and written-down decisions are deleted. The records stay in the workspace; only their grouping under this pilot goes.</p>
        <p className="muted">Right after deleting, Undo creates the pilot again from the same data.</p>
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          {/* Cancel comes first and takes the focus, so Enter on an opened dialog never deletes. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" data-testid="confirm-delete-pilot" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Deleting…' : 'Delete pilot'}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

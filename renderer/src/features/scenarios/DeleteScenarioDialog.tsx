import type { RefObject } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';

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
  return (
    <ConfirmDialog
      title={`Delete the scenario “${name}”?`}
      testId="delete-scenario-dialog"
      confirmLabel="Delete scenario"
      busyLabel="Deleting…"
      confirmTestId="confirm-delete-scenario"
      onConfirm={onDelete}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p>Its assumptions and overrides are deleted from the workspace{unsaved ? ', and so are its unsaved changes' : ''}. The records it was calibrated on stay.</p>
      <p className="muted">Right after deleting, Undo brings it back as it was saved.</p>
    </ConfirmDialog>
  );
}

import type { RefObject } from 'react';
import type { Pilot } from '../../../../shared/domain/pilots';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
  return (
    <ConfirmDialog
      title={`Delete the pilot “${pilot.name}”?`}
      testId="delete-pilot-dialog"
      confirmLabel="Delete pilot"
      busyLabel="Deleting…"
      confirmTestId="confirm-delete-pilot"
      onConfirm={async () => {
        await deletePilot(pilot.id);
        await onDeleted();
      }}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p>Its scope, owner and written-down decisions are deleted. The records stay in the workspace; only their grouping under this pilot goes.</p>
      <p className="muted">Right after deleting, Undo creates the pilot again from the same data.</p>
    </ConfirmDialog>
  );
}

import type { RefObject } from 'react';
import type { SourceView } from '../../../../shared/ipc/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { removeSource } from './sources-api';
import { removalConsequences } from './source-card-view-model';

type RemoveSourceDialogProps = {
  source: SourceView;
  onClose: () => void;
  onRemoved: () => Promise<void>;
  fallbackFocus: RefObject<HTMLElement | null>;
};

/** Asks before removing: the source, everything synced from it and its keychain entry go together. */
export function RemoveSourceDialog({ source, onClose, onRemoved, fallbackFocus }: RemoveSourceDialogProps) {
  return (
    <ConfirmDialog
      title={`Remove ${source.name}?`}
      testId="remove-source-dialog"
      confirmLabel="Remove source"
      busyLabel="Removing…"
      confirmTestId="confirm-remove"
      onConfirm={async () => {
        await removeSource(source.name);
        await onRemoved();
      }}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p data-testid="remove-source-consequences">{removalConsequences(source)}</p>
      <p className="muted">This cannot be undone. Adding the source again later fetches its data anew.</p>
    </ConfirmDialog>
  );
}

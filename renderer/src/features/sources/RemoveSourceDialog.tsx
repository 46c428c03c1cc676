import { useState, type RefObject } from 'react';
import type { SourceView } from '../../../../shared/ipc/contract';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { errorMessage } from '../../lib/ipc';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await removeSource(source.name);
      await onRemoved();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Remove ${source.name}?`} onClose={onClose} testId="remove-source-dialog" fallbackFocus={fallbackFocus}>
      <div className="form">
        {error !== null && <Notice tone="error">{error}</Notice>}
        <p data-testid="remove-source-consequences">{removalConsequences(source)}</p>
        <p className="muted">This cannot be undone. Adding the source again later fetches its data anew.</p>
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          {/* Cancel comes first and takes the focus, so Enter on an opened dialog never deletes. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" data-testid="confirm-remove" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Removing…' : 'Remove source'}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

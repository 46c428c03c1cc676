import { useState, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../lib/ipc-error';
import { Dialog } from './Dialog';
import { Notice } from './Notice';

type ConfirmDialogProps = {
  title: string;
  testId: string;
  /** What the action does and what stays, in the caller's words. */
  children: ReactNode;
  /** The danger button's label, and its label while the action runs ("Deleting…"). */
  confirmLabel: string;
  busyLabel: string;
  confirmTestId: string;
  /** Runs the action; a throw keeps the dialog open with the message, so the user can try again or cancel. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Where focus goes when the button that opened the dialog has gone with what the action removed. */
  fallbackFocus: RefObject<HTMLElement | null>;
};

/** Asks before a destructive action: Cancel or the danger button, with the action's error shown in place. */
export function ConfirmDialog({ title, testId, children, confirmLabel, busyLabel, confirmTestId, onConfirm, onClose, fallbackFocus }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId={testId} fallbackFocus={fallbackFocus}>
      <div className="form">
        {error !== null && <Notice tone="error">{error}</Notice>}
        {children}
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          {/* Cancel comes first and takes the focus, so Enter on an opened dialog never confirms. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" data-testid={confirmTestId} disabled={busy} onClick={() => void confirm()}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </footer>
      </div>
    </Dialog>
  );
}

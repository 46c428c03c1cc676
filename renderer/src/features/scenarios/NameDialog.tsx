import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { nameProblem } from './scenario-names';

type NameDialogProps = {
  mode: 'rename' | 'duplicate';
  name: string;
  initial: string;
  existing: readonly string[];
  /** Said under the field (for a duplicate: that unsaved edits are not copied). */
  note: string | null;
  onClose: () => void;
  onSubmit: (newName: string) => Promise<void>;
  testId: string;
};

/** Asks for a name: the new one of a rename, or the copy's of a duplicate. */
export function NameDialog({ mode, name, initial, existing, note, onClose, onSubmit, testId }: NameDialogProps) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = nameProblem(value, existing, mode === 'rename' ? name : null);
  const unchanged = mode === 'rename' && value.trim() === name;

  const submit = async () => {
    if (problem !== null || unchanged) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(value.trim());
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title={mode === 'rename' ? `Rename “${name}”` : `Duplicate “${name}”`} onClose={onClose} testId={testId}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {error !== null && <Notice tone="error">{error}</Notice>}
        <TextField id={`${testId}-name`} label={mode === 'rename' ? 'New name' : 'Name of the copy'} value={value} onChange={setValue} error={problem ?? undefined} hint={note ?? undefined} testId="name-input" initialFocus />
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" data-testid="name-submit" disabled={busy || problem !== null || unchanged}>
            {busy ? 'Saving…' : mode === 'rename' ? 'Rename' : 'Duplicate'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

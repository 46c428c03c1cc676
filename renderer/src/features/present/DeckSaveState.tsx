import { useState } from 'react';
import { Notice } from '../../components/Notice';
import { resolveConflict, retrySave, useDeckStore } from './deck-store';

const LABELS = { saved: 'Saved', pending: 'Saving…', saving: 'Saving…', error: 'Not saved' } as const;

/** "Saved", "Saving…" or "Not saved", beside the page's actions. */
export function DeckSaveState() {
  const state = useDeckStore((s) => s.save.state);
  return (
    <span className={`deck-save-state deck-save-state-${state}`} role="status" data-testid="deck-save-state" data-state={state}>
      {LABELS[state]}
    </span>
  );
}

/** Why the decks are not saved, and what to do: retry, or choose between this window's version and the stored one. */
export function DeckSaveProblems() {
  const save = useDeckStore((s) => s.save);
  const unreadable = useDeckStore((s) => s.unreadable);
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return (
    <>
      {save.conflict !== null && (
        <Notice tone="warning" testId="deck-conflict">
          {save.conflict.message} This window’s changes to “{save.conflict.name}” are kept here until you choose.
          <div className="deck-conflict-actions">
            <button type="button" className="button button-small notice-action" data-testid="deck-conflict-mine" disabled={busy} onClick={() => run(() => resolveConflict('mine'))}>
              Keep this window’s version
            </button>
            <button type="button" className="button button-small notice-action" data-testid="deck-conflict-theirs" disabled={busy} onClick={() => run(() => resolveConflict('theirs'))}>
              {save.conflict.current === null ? 'Let it stay deleted' : 'Use the other version'}
            </button>
          </div>
        </Notice>
      )}
      {save.error !== null && (
        <Notice tone="error" testId="deck-save-error">
          The latest changes could not be saved to the workspace: {save.error} They are kept in this window.
          <div>
            <button type="button" className="button button-small notice-action" data-testid="deck-save-retry" disabled={busy} onClick={() => run(retrySave)}>
              Retry
            </button>
          </div>
        </Notice>
      )}
      {unreadable.length > 0 && (
        <Notice tone="warning" testId="deck-unreadable">
          {unreadable.length === 1 ? 'One deck' : `${unreadable.length} decks`} in this workspace cannot be read by this version and {unreadable.length === 1 ? 'is' : 'are'} left untouched:{' '}
          {unreadable.map((u) => `“${u.name}”`).join(', ')}.
        </Notice>
      )}
    </>
  );
}

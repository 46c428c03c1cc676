import { Notice } from '../../components/Notice';
import { feedbackText } from './settings-save-model';
import type { SettingsSave } from './use-settings-save';

type SaveBarProps = {
  section: string;
  state: SettingsSave;
  changed: boolean;
  valid: boolean;
  onDiscard: () => void;
  saveLabel?: string;
};

/**
 * The foot of a settings card: Save (only when something changed and all of it is valid), Discard,
 * and what the last save did, with Undo.
 */
export function SaveBar({ section, state, changed, valid, onDiscard, saveLabel = 'Save' }: SaveBarProps) {
  const why = !changed ? 'Nothing has changed yet.' : !valid ? 'Correct the fields marked in red first.' : undefined;
  return (
    <div className="settings-save">
      {state.error !== null && (
        <Notice tone="error" testId={`${section}-save-error`} onDismiss={state.dismiss}>
          {state.error}
        </Notice>
      )}
      {state.feedback !== null && (
        <Notice tone="info" testId={`${section}-feedback`} onDismiss={state.dismiss}>
          <span
            data-testid={`${section}-relinked`}
            data-records={state.feedback.relinked?.records ?? ''}
            data-updated={state.feedback.relinked?.updated ?? ''}
            data-unlinked={state.feedback.relinked?.unlinked ?? ''}
          >
            {feedbackText(state.feedback)}
          </span>
          {state.feedback.undo !== null && (
            <button type="button" className="button button-small settings-undo" data-testid={`${section}-undo`} disabled={state.busy !== null} onClick={() => void state.undo()}>
              {state.busy === 'undo' ? 'Undoing…' : 'Undo'}
            </button>
          )}
        </Notice>
      )}
      <div className="settings-save-actions">
        <button type="submit" className="button button-primary" data-testid={`${section}-save`} disabled={!changed || !valid || state.busy !== null} title={why}>
          {state.busy === 'save' ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="button" data-testid={`${section}-discard`} disabled={!changed || state.busy !== null} onClick={onDiscard}>
          Discard changes
        </button>
        {changed && !valid && <span className="field-error">{why}</span>}
      </div>
    </div>
  );
}

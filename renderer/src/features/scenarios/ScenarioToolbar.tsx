type ScenarioToolbarProps = {
  name: string;
  calibration: string;
  horizon: string;
  dirty: boolean;
  changes: readonly string[];
  /** Where Undo goes: an unsaved edit, the last saved change (scenarios:undo), or nothing. */
  undo: 'local' | 'saved' | null;
  /** Saved Undo would remove the scenario (nothing saved or renamed since it was created or duplicated). */
  undoRemoves: boolean;
  canRedo: boolean;
  saving: boolean;
  busy: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onDuplicate: () => void;
  onRename: () => void;
  onDelete: () => void;
};

/** The scenario's name, what it rests on, whether it has unsaved edits, and what can be done with it. */
export function ScenarioToolbar(p: ScenarioToolbarProps) {
  const changeText = p.changes.length === 0 ? '' : p.changes.length <= 3 ? p.changes.join(', ') : `${p.changes.slice(0, 3).join(', ')} and ${p.changes.length - 3} more`;
  return (
    <header className="card scenario-toolbar" data-testid="scenario-toolbar" data-name={p.name} data-dirty={p.dirty}>
      <div className="scenario-toolbar-text">
        <h2 className="scenario-title" data-testid="scenario-title">
          {p.name}
        </h2>
        <p className="muted small" data-testid="scenario-calibration">
          {p.calibration} Horizon {p.horizon}.
        </p>
        <p className={`scenario-save-state${p.dirty ? ' scenario-save-state-dirty' : ''}`} role="status" data-testid="save-state">
          {p.dirty ? `Unsaved changes: ${changeText}` : 'All changes saved'}
        </p>
      </div>
      <div className="scenario-toolbar-actions">
        <div className="scenario-toolbar-group">
          <button type="button" className="button button-primary" data-testid="scenario-save" disabled={!p.dirty || p.saving} onClick={p.onSave}>
            {p.saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" data-testid="scenario-discard" disabled={!p.dirty || p.saving} onClick={p.onDiscard}>
            Discard
          </button>
          <button
            type="button"
            className="button"
            data-testid="scenario-undo"
            data-kind={p.undo ?? ''}
            disabled={p.undo === null || p.busy}
            title={
              p.undo === 'local'
                ? 'Undo the last edit (not saved yet)'
                : p.undo === 'saved'
                  ? p.undoRemoves
                    ? 'Undo the creation of this scenario: it is removed'
                    : 'Undo the last saved change of this scenario'
                  : 'Nothing to undo'
            }
            onClick={p.onUndo}
          >
            {p.undo === 'saved' ? (p.undoRemoves ? 'Undo creation' : 'Undo last change') : 'Undo'}
          </button>
          <button type="button" className="button" data-testid="scenario-redo" disabled={!p.canRedo} title="Redo the edit just undone" onClick={p.onRedo}>
            Redo
          </button>
        </div>
        <div className="scenario-toolbar-group">
          <button type="button" className="button" data-testid="scenario-duplicate" disabled={p.busy} onClick={p.onDuplicate}>
            Duplicate
          </button>
          <button type="button" className="button" data-testid="scenario-rename" disabled={p.busy} onClick={p.onRename}>
            Rename
          </button>
          <button type="button" className="button button-danger-quiet" data-testid="scenario-delete" disabled={p.busy} onClick={p.onDelete}>
            Delete
          </button>
        </div>
      </div>
    </header>
  );
}

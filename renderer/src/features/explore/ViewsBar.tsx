import { useRef, useState, type RefObject } from 'react';
import type { PivotView } from '../../../../shared/ipc/contract-pivot';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/ipc';
import { matchesView, useExplore, viewsResource } from './explore-store';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Saved views: pick one to load, save the layout (over the loaded view, or under a name), delete. */
export function ViewsBar({ canSave }: { canSave: boolean }) {
  const views = viewsResource.useStore();
  const viewId = useExplore((s) => s.viewId);
  const layout = useExplore((s) => s.layout);
  const sort = useExplore((s) => s.sort);
  const loadView = useExplore((s) => s.loadView);
  const save = useExplore((s) => s.saveView);
  const [dialog, setDialog] = useState<'save' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const list = views.data ?? [];
  const current = list.find((v) => v.id === viewId) ?? null;
  const modified = current !== null && !matchesView({ layout, sort }, current.spec);

  const saveOver = async (view: PivotView) => {
    setError(null);
    try {
      await save(view.name, view.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="explore-views" data-testid="explore-views">
      <label className="explore-views-label" htmlFor="explore-view-select">
        Saved view
      </label>
      <select
        ref={selectRef}
        id="explore-view-select"
        className="input select explore-view-select"
        value={current === null ? '' : String(current.id)}
        data-testid="views-select"
        onChange={(e) => {
          const view = list.find((v) => String(v.id) === e.target.value);
          if (view !== undefined) loadView(view);
        }}
      >
        <option value="">{list.length === 0 ? 'No saved views' : 'Choose a view…'}</option>
        {list.map((v) => (
          <option key={v.id} value={String(v.id)} disabled={v.spec === null} title={v.problem ?? undefined}>
            {v.name}
            {v.spec === null ? ' (cannot be loaded)' : ''}
          </option>
        ))}
      </select>
      {modified && (
        <span className="explore-view-modified" data-testid="view-modified">
          Modified
        </span>
      )}
      {current !== null && modified && (
        <button type="button" className="button button-small" disabled={!canSave} onClick={() => void saveOver(current)} data-testid="view-save">
          Save
        </button>
      )}
      <button type="button" className="button button-small" disabled={!canSave} onClick={() => setDialog('save')} data-testid="view-save-as">
        Save as…
      </button>
      {current !== null && (
        <button type="button" className="button button-small button-danger-quiet" onClick={() => setDialog('delete')} data-testid="view-delete">
          Delete
        </button>
      )}
      {error !== null && <span className="text-danger small">{error}</span>}
      {dialog === 'save' && <SaveViewDialog views={list} initial={current?.name ?? ''} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && current !== null && <DeleteViewDialog view={current} onClose={() => setDialog(null)} fallbackFocus={selectRef} />}
    </div>
  );
}

function SaveViewDialog({ views, initial, onClose }: { views: readonly PivotView[]; initial: string; onClose: () => void }) {
  const save = useExplore((s) => s.saveView);
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const existing = views.find((v) => sameName(v.name, name)) ?? null;
  const problem = name.trim() === '' ? 'Give the view a name.' : name.trim().length > 80 ? 'At most 80 characters.' : null;

  const submit = async () => {
    if (problem !== null) return;
    setBusy(true);
    setError(null);
    try {
      await save(name.trim(), existing?.id);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Save view" onClose={onClose} testId="view-save-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {error !== null && <Notice tone="error">{error}</Notice>}
        <TextField
          id="explore-view-name"
          label="Name"
          value={name}
          onChange={setName}
          testId="view-name"
          initialFocus
          error={name === initial && name === '' ? undefined : (problem ?? undefined)}
          hint={existing === null ? 'Rows, columns, values, filters and the sort are saved.' : `A view named “${existing.name}” exists: saving replaces it.`}
        />
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || problem !== null} data-testid="view-name-submit">
            {busy ? 'Saving…' : existing === null ? 'Save' : 'Replace'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}

function DeleteViewDialog({ view, onClose, fallbackFocus }: { view: PivotView; onClose: () => void; fallbackFocus: RefObject<HTMLElement | null> }) {
  const remove = useExplore((s) => s.deleteView);
  return (
    <ConfirmDialog
      title={`Delete the view “${view.name}”?`}
      testId="view-delete-dialog"
      confirmLabel="Delete view"
      busyLabel="Deleting…"
      confirmTestId="view-delete-confirm"
      onConfirm={async () => {
        await remove(view.id);
        onClose();
      }}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <p>The saved view is removed. The pivot on screen stays as it is.</p>
    </ConfirmDialog>
  );
}

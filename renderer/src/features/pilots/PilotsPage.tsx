import { useEffect, useMemo, useRef, useState } from 'react';
import type { Pilot } from '../../../../shared/domain/pilots';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/ipc';
import { DeletePilotDialog } from './DeletePilotDialog';
import { PilotEditorDialog } from './PilotEditorDialog';
import { PilotList } from './PilotList';
import { PilotScorecard } from './PilotScorecard';
import { orderPilots, recreateDraft } from './pilot-form-model';
import { savePilot } from './pilots-api';
import { pilotsResource, usePilotsUi } from './pilots-store';

type OpenDialog = { kind: 'new' } | { kind: 'edit'; pilot: Pilot } | { kind: 'delete'; pilot: Pilot } | null;

export function PilotsPage() {
  const { status, data, error, load } = pilotsResource.useStore();
  useEffect(() => pilotsResource.watch(), []);
  const { selectedId, deleted, select, setDeleted } = usePilotsUi();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);

  const pilots = useMemo(() => (data === null ? [] : orderPilots(data)), [data]);
  const selected = pilots.find((p) => p.id === selectedId) ?? pilots[0] ?? null;

  const saved = async (pilot: Pilot) => {
    setDialog(null);
    setDeleted(null);
    select(pilot.id);
    await load();
  };

  const undoDelete = async () => {
    if (deleted === null) return;
    setUndoing(true);
    setUndoError(null);
    try {
      const pilot = await savePilot(recreateDraft(deleted));
      setDeleted(null);
      select(pilot.id);
      await load();
    } catch (caught) {
      setUndoError(errorMessage(caught));
    } finally {
      setUndoing(false);
    }
  };

  return (
    <section className="page pilots-page" aria-labelledby="page-title">
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Pilots</h1>
          <p className="page-subtitle">A named scope with an owner, the decisions its rollout needs, and its scorecard: should it expand, pause or stop?</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" data-testid="pilot-new" ref={newButton} onClick={() => setDialog({ kind: 'new' })}>
            New pilot
          </button>
        </div>
      </header>

      {deleted !== null && (
        <Notice tone="info" testId="pilot-deleted" onDismiss={() => setDeleted(null)}>
          Deleted the pilot “{deleted.name}”.{' '}
          <button type="button" className="button button-small settings-undo" data-testid="pilot-undo-delete" disabled={undoing} onClick={() => void undoDelete()}>
            {undoing ? 'Restoring…' : 'Undo'}
          </button>
          {undoError !== null && <p className="field-error">{undoError}</p>}
        </Notice>
      )}

      {status === 'error' ? (
        <ErrorState title="Could not read the pilots" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <div className="aside-layout pilots-layout" aria-busy="true">
          <div className="card">
            <Skeleton height="8rem" />
          </div>
          <div className="card">
            <Skeleton height="20rem" />
          </div>
        </div>
      ) : pilots.length === 0 ? (
        <EmptyState title="No pilots yet">
          <p data-testid="pilots-empty">A pilot names a scope (projects, repositories, teams, labels, dates), its owner and the decisions a rollout needs. Its scorecard then shows whether it pays off.</p>
        </EmptyState>
      ) : (
        <div className="aside-layout pilots-layout">
          <PilotList pilots={pilots} selectedId={selected?.id ?? null} onSelect={select} />
          {selected !== null && (
            <PilotScorecard key={selected.id} pilot={selected} onEdit={() => setDialog({ kind: 'edit', pilot: selected })} onDelete={() => setDialog({ kind: 'delete', pilot: selected })} />
          )}
        </div>
      )}

      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <PilotEditorDialog pilot={dialog.kind === 'edit' ? dialog.pilot : null} onClose={() => setDialog(null)} onSaved={(pilot) => void saved(pilot)} />
      )}
      {dialog?.kind === 'delete' && (
        <DeletePilotDialog
          pilot={dialog.pilot}
          onClose={() => setDialog(null)}
          onDeleted={async () => {
            setDeleted(dialog.pilot);
            setUndoError(null);
            select(null);
            await load();
            setDialog(null);
          }}
          fallbackFocus={newButton}
        />
      )}
    </section>
  );
}

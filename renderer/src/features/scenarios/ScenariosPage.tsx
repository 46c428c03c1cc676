import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/ipc';
import { isDirty } from './draft-model';
import { NewScenarioDialog } from './NewScenarioDialog';
import { ScenarioList } from './ScenarioList';
import { ScenarioSettings } from './ScenarioSettings';
import { ScenarioWorkbench } from './ScenarioWorkbench';
import { scenariosResource, useScenariosUi } from './scenarios-store';
import { scenarioActions } from './use-scenario-actions';
import { useRecordCount, useSavedScenario } from './use-scenario-data';

export function ScenariosPage() {
  const { status, data, error, load } = scenariosResource.useStore();
  useEffect(() => scenariosResource.watch(), []);
  const selected = useScenariosUi((s) => s.selected);
  const drafts = useScenariosUi((s) => s.drafts);
  const compare = useScenariosUi((s) => s.compare);
  const lastChange = useScenariosUi((s) => s.lastChange);
  const { select, setLastChange, toggleCompare, keepCompared, loadSaved, edit, endSession } = useScenariosUi.getState();
  const [creating, setCreating] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [undoError, setUndoError] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const list = useMemo(() => data ?? [], [data]);
  const names = useMemo(() => list.map((s) => s.name), [list]);
  const name = selected !== null && names.includes(selected) ? selected : (names[0] ?? null);
  const summary = list.find((s) => s.name === name) ?? null;
  const saved = useSavedScenario(name, summary === null ? '' : `${summary.updatedAt}|${summary.canUndo}`);
  const records = useRecordCount(data !== null && list.length === 0);
  const actions = useMemo(() => scenarioActions(load), [load]);
  const unsaved = useMemo(() => new Set(Object.entries(drafts).filter(([, d]) => isDirty(d)).map(([n]) => n)), [drafts]);

  // Main's saved version is the draft's base: a refresh, an undo or a save elsewhere moves it.
  useEffect(() => {
    if (saved.data !== null) loadSaved(saved.data.scenario);
  }, [saved.data, loadSaved]);
  useEffect(() => {
    if (data !== null) keepCompared(data.map((s) => s.name));
  }, [data, keepCompared]);

  const undoLast = async () => {
    if (lastChange?.undoName == null) return;
    setUndoing(true);
    setUndoError(null);
    try {
      await actions.undo(lastChange.undoName);
    } catch (caught) {
      setUndoError(errorMessage(caught));
    } finally {
      setUndoing(false);
    }
  };

  const current = name === null ? undefined : drafts[name]?.current;
  return (
    <section className="page scenarios-page" aria-labelledby="page-title">
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Scenarios</h1>
          <p className="page-subtitle">Run credits against engineering hours: calibrated from your data, overridden where you know better, with uncertainty.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" data-testid="scenario-new" ref={newButton} onClick={() => setCreating(true)}>
            New scenario
          </button>
        </div>
      </header>

      {lastChange !== null && (
        <Notice tone="info" testId="scenario-last-change" onDismiss={() => setLastChange(null)}>
          <span data-testid="scenario-last-change-text">{lastChange.text}</span>
          {lastChange.undoName !== null && (
            <>
              {' '}
              <button type="button" className="button button-small settings-undo" data-testid="scenario-undo-last" disabled={undoing} onClick={() => void undoLast()}>
                {undoing ? 'Undoing…' : 'Undo'}
              </button>
            </>
          )}
          {undoError !== null && <p className="field-error">{undoError}</p>}
        </Notice>
      )}

      {status === 'error' ? (
        <ErrorState title="Could not read the scenarios" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <div className="aside-layout scenarios-layout" aria-busy="true">
          <div className="card">
            <Skeleton height="8rem" />
          </div>
          <div className="card">
            <Skeleton height="20rem" />
          </div>
        </div>
      ) : list.length === 0 ? (
        <EmptyState title="No scenarios yet">
          {records.data === 0 ? (
            <p data-testid="scenarios-no-records">
              A scenario starts from values measured in your records (volume, funnel rates, hours, costs), and this workspace has none yet. Connect Jira and GitLab and import billing on
              the <a href="#/sources">Sources</a> page, or run <code>yardstick demo</code>; you can still create a scenario now and set every assumption by hand.
            </p>
          ) : (
            <p data-testid="scenarios-empty">
              A scenario projects AI-path cost against human-path cost month by month, from assumptions calibrated on the workspace’s records or a pilot’s. Create one to start.
            </p>
          )}
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            New scenario
          </button>
        </EmptyState>
      ) : (
        <div className="aside-layout scenarios-layout">
          <aside className="stack">
            <ScenarioList scenarios={list} selected={name} unsaved={unsaved} onSelect={select} />
            {name !== null && current !== undefined && (
              <ScenarioSettings
                horizon={current.horizonMonths}
                onHorizon={(months) => edit(name, { ...current, horizonMonths: months }, 'horizon')}
                onBlur={() => endSession(name)}
                others={names.filter((n) => n !== name)}
                compared={compare.filter((n) => n !== name)}
                onToggleCompare={toggleCompare}
              />
            )}
          </aside>
          {name !== null && <ScenarioWorkbench key={name} name={name} saved={saved} list={list} actions={actions} focusAfterRemoval={newButton} />}
        </div>
      )}

      {creating && (
        <NewScenarioDialog
          existing={names}
          onClose={() => setCreating(false)}
          onCreated={async (view) => {
            await actions.created(view);
            setCreating(false);
          }}
        />
      )}
    </section>
  );
}

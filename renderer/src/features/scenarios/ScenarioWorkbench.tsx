import { useCallback, useMemo, useState, type RefObject } from 'react';
import { scenarioRunCsv } from '../../../../shared/domain/scenario/run-csv';
import { applyOverrides, runDeterministic, type Assumption, type AssumptionId, type CapacityOptions, type Scenario } from '../../../../shared/domain/scenario';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { TabBar, tabId, tabPanelId } from '../../components/TabBar';
import { downloadCsv } from '../../lib/download';
import { errorMessage } from '../../lib/ipc';
import { ASSUMPTION_IDS, TEAM_ASSUMPTION_IDS } from '../../../../shared/domain/scenario';
import { editValue, resetAssumption, teamKey, withAssumption } from './assumption-model';
import { AssumptionsPanel } from './AssumptionsPanel';
import { CapacityPanel } from './CapacityPanel';
import { ComparisonPanel } from './ComparisonPanel';
import { comparisonColumns } from './comparison-view-model';
import { CostChartCard } from './CostChartCard';
import { DeleteScenarioDialog } from './DeleteScenarioDialog';
import { changedItems, isDirty } from './draft-model';
import { GoalSeekCard } from './GoalSeekCard';
import { HeadlineFigures } from './HeadlineFigures';
import { MonthsPanel } from './MonthsPanel';
import { NameDialog } from './NameDialog';
import { calibrationLine, headlineFigures, horizonLine, monthRows } from './results-view-model';
import { uniqueName } from './scenario-names';
import type { ScenarioSummary, ScenarioView } from './scenarios-api';
import { useScenariosUi, type ResultsTab } from './scenarios-store';
import { ScenarioToolbar } from './ScenarioToolbar';
import { SensitivityPanel } from './SensitivityPanel';
import { projectionPeriod } from './scenario-period';
import type { ScenarioActions } from './use-scenario-actions';
import { useMonteCarlo } from './use-monte-carlo';
import { useCalibrationReference, usePlans, useSavedScenarios } from './use-scenario-data';

const TABS: { id: ResultsTab; label: string; testId: string }[] = [
  { id: 'assumptions', label: 'Assumptions', testId: 'tab-assumptions' },
  { id: 'months', label: 'Monthly figures', testId: 'tab-months' },
  { id: 'compare', label: 'Compare', testId: 'tab-compare' },
  { id: 'sensitivity', label: 'Sensitivity and goal seek', testId: 'tab-sensitivity' },
  { id: 'capacity', label: 'Capacity plan', testId: 'tab-capacity' },
];

type WorkbenchProps = {
  name: string;
  saved: { data: ScenarioView | null; error: string | null; reload(): void };
  list: readonly ScenarioSummary[];
  actions: ScenarioActions;
  /** Where focus goes after the scenario is deleted (its own buttons go with it). */
  focusAfterRemoval: RefObject<HTMLElement | null>;
};

type OpenDialog = 'rename' | 'duplicate' | 'delete' | null;

/** The selected scenario: its toolbar, headline figures, the monthly chart and the tabs below. */
export function ScenarioWorkbench({ name, saved, list, actions, focusAfterRemoval }: WorkbenchProps) {
  const draft = useScenariosUi((s) => s.drafts[name]);
  const conflict = useScenariosUi((s) => s.conflicts[name] === true);
  const tab = useScenariosUi((s) => s.tab);
  const compare = useScenariosUi((s) => s.compare);
  const drafts = useScenariosUi((s) => s.drafts);
  const { setTab, edit, endSession, undo, redo, discard } = useScenariosUi.getState();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const current = draft !== undefined && draft.base.name === name ? draft.current : (saved.data?.scenario ?? null);
  const dirty = draft !== undefined && isDirty(draft);
  const result = useMemo(() => (current === null ? null : runDeterministic(current)), [current]);
  const mc = useMonteCarlo(current);
  const reference = useCalibrationReference(saved.data?.scenario ?? null);
  const plans = usePlans();

  const comparedEntries = useMemo(() => list.filter((s) => s.name !== name && compare.includes(s.name)).map((s) => ({ name: s.name, stamp: s.updatedAt })), [list, compare, name]);
  const comparedViews = useSavedScenarios(tab === 'compare' ? comparedEntries : []);
  const columns = useMemo(() => {
    if (tab !== 'compare' || current === null) return [];
    const others = comparedEntries.flatMap((e) => {
      const d = drafts[e.name];
      if (d !== undefined && isDirty(d)) return [{ scenario: d.current, unsaved: true }];
      const v = comparedViews.data?.[e.name];
      return v === undefined ? [] : [{ scenario: v.scenario, unsaved: false }];
    });
    return comparisonColumns(current, dirty, others, current.horizonMonths);
  }, [tab, current, dirty, comparedEntries, comparedViews.data, drafts]);

  const update = useCallback((f: (s: Scenario) => Scenario, session: string | null = null) => {
    const d = useScenariosUi.getState().drafts[name];
    if (d !== undefined) edit(name, f(d.current), session);
  }, [name, edit]);
  const onEdit = useCallback((key: string, a: Assumption, session: string | null) => update((s) => withAssumption(s, key, a), session), [update]);
  const onBlur = useCallback(() => endSession(name), [name, endSession]);
  const ref = reference.data;
  const onReset = useCallback((key: string) => ref !== null && update((s) => resetAssumption(s, key, ref)), [ref, update]);
  const onResetAll = useCallback(() => {
    if (ref === null) return;
    update((s) => {
      let next = s;
      for (const id of ASSUMPTION_IDS) if (next.assumptions[id].source === 'override') next = resetAssumption(next, id, ref);
      for (const t of s.teams) for (const id of TEAM_ASSUMPTION_IDS) if (t.assumptions[id].source === 'override') next = resetAssumption(next, teamKey(t.name, id), ref);
      return next;
    });
  }, [ref, update]);
  const onPlan = useCallback(
    (plan: string) => {
      try {
        update((s) => applyOverrides(s, { plan }, { plans: plans.data ?? [] }));
      } catch (caught) {
        setError(errorMessage(caught));
      }
    },
    [plans.data, update],
  );
  const onApplyGoal = useCallback(
    (id: AssumptionId, value: number) =>
      update((s) => {
        const r = editValue(id, s.assumptions[id], value, s.currency);
        return r.ok ? withAssumption(s, id, r.assumption) : s;
      }),
    [update],
  );
  const onCapacity = useCallback((patch: Partial<CapacityOptions>, session: string | null) => update((s) => ({ ...s, capacity: { ...s.capacity, ...patch } }), session), [update]);

  if (current === null || result === null) {
    if (saved.error !== null) return <ErrorState title={`Could not read the scenario “${name}”`} message={saved.error} onRetry={saved.reload} />;
    return (
      <div className="scenario-main" aria-busy="true">
        <div className="card">
          <Skeleton height="5rem" />
        </div>
        <div className="card">
          <Skeleton height="18rem" />
        </div>
      </div>
    );
  }

  const run = async (f: () => Promise<void>, done?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      done?.();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const undoKind = draft !== undefined && draft.past.length > 0 ? 'local' : !dirty && saved.data?.canUndo ? 'saved' : null;
  const names = list.map((s) => s.name);

  return (
    <div className="scenario-main" data-testid="scenario-workbench" data-name={name}>
      <ScenarioToolbar
        name={name}
        calibration={calibrationLine(current)}
        horizon={horizonLine(current, result)}
        dirty={dirty}
        changes={draft === undefined ? [] : changedItems(draft.base, draft.current)}
        undo={undoKind}
        // Saves and renames move updatedAt (and undoing them moves it back), so equal stamps mean only the creation is left to undo.
        undoRemoves={saved.data !== null && saved.data.createdAt === saved.data.updatedAt}
        canRedo={draft !== undefined && draft.future.length > 0}
        saving={saving}
        busy={busy}
        onSave={() => {
          setSaving(true);
          void run(() => actions.save(current)).finally(() => setSaving(false));
        }}
        onDiscard={() => discard(name)}
        onUndo={() => (undoKind === 'local' ? undo(name) : undoKind === 'saved' ? void run(() => actions.undo(name)) : undefined)}
        onRedo={() => redo(name)}
        onDuplicate={() => setDialog('duplicate')}
        onRename={() => setDialog('rename')}
        onDelete={() => setDialog('delete')}
      />
      {error !== null && (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      )}
      {conflict && (
        <Notice tone="warning" testId="scenario-conflict">
          The saved version of this scenario changed while you were editing it. Save keeps your edits;{' '}
          <button type="button" className="button button-small" onClick={() => discard(name)}>
            Discard my edits
          </button>
        </Notice>
      )}
      <HeadlineFigures figures={headlineFigures(current, result, mc.result)} computing={mc.computing} bandsError={mc.error} />
      <CostChartCard scenario={current} result={result} bands={mc.result} computing={mc.computing} ms={mc.ms} error={mc.error} />
      <TabBar label="Scenario details" idPrefix="scenario" tabs={TABS} value={tab} onChange={setTab} />
      <div role="tabpanel" id={tabPanelId('scenario', tab)} aria-labelledby={tabId('scenario', tab)} className="scenario-tabpanel">
        {tab === 'assumptions' && (
          <AssumptionsPanel
            scenario={current}
            reference={reference.data}
            referenceError={reference.error}
            plans={plans.data ?? []}
            onEdit={onEdit}
            onReset={onReset}
            onResetAll={onResetAll}
            onPlan={onPlan}
            onBlur={onBlur}
          />
        )}
        {tab === 'months' && (
          <MonthsPanel
            rows={monthRows(current, result)}
            horizonText={horizonLine(current, result)}
            onExportCsv={() =>
              downloadCsv('yardstick-scenario', current.name, scenarioRunCsv({ ...result, currency: current.currency, bands: mc.result }))
            }
          />
        )}
        {tab === 'compare' && <ComparisonPanel columns={columns} currency={current.currency} horizon={current.horizonMonths} period={projectionPeriod(current)} loading={comparedViews.loading} error={comparedViews.error} />}
        {tab === 'sensitivity' && (
          <div className="scenario-stack">
            <GoalSeekCard scenario={current} onApply={onApplyGoal} />
            <SensitivityPanel scenario={current} />
          </div>
        )}
        {tab === 'capacity' && <CapacityPanel scenario={current} onOptions={onCapacity} onBlur={onBlur} />}
      </div>

      {(dialog === 'rename' || dialog === 'duplicate') && (
        <NameDialog
          mode={dialog}
          name={name}
          initial={dialog === 'rename' ? name : uniqueName(`${name} (copy)`, names)}
          existing={names}
          note={dialog === 'duplicate' && dirty ? 'The copy is of the saved version; your unsaved changes stay on this scenario.' : null}
          testId={`${dialog}-scenario-dialog`}
          onClose={() => setDialog(null)}
          onSubmit={async (newName) => {
            if (dialog === 'rename') await actions.rename(name, newName);
            else await actions.duplicate(name, newName);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'delete' && (
        <DeleteScenarioDialog
          name={name}
          unsaved={dirty}
          fallbackFocus={focusAfterRemoval}
          onClose={() => setDialog(null)}
          onDelete={async () => {
            await actions.remove(name);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

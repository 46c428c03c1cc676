import { useScenariosUi } from './scenarios-store';
import { deleteScenario, duplicateScenario, renameScenario, saveScenario, undoScenario, type ScenarioView } from './scenarios-api';
import type { Scenario } from '../../../../shared/domain/scenario';
import { calibrationLine } from './results-view-model';

const UNDONE: Record<string, string> = { create: 'creation', save: 'last save', rename: 'rename', duplicate: 'duplication', delete: 'deletion' };

/**
 * The page's changes to saved scenarios: each goes through main (which keeps the history
 * scenarios:undo walks back), updates the session state, reloads the list, and is offered for
 * Undo. Errors are thrown to the caller, which shows them where the action was asked for.
 */
export function scenarioActions(reload: () => Promise<void>) {
  const ui = () => useScenariosUi.getState();
  return {
    async created(view: ScenarioView) {
      const s = view.scenario;
      ui().saved(s);
      ui().select(s.name);
      ui().setLastChange({ text: `Created “${s.name}”. ${calibrationLine(s)}`, undoName: s.name });
      ui().setTab('assumptions');
      await reload();
    },
    async save(scenario: Scenario) {
      const view = await saveScenario(scenario);
      ui().saved(view.scenario);
      ui().setLastChange({ text: `Saved “${view.scenario.name}”.`, undoName: view.scenario.name });
      await reload();
    },
    async rename(from: string, to: string) {
      const view = await renameScenario(from, to);
      ui().renamed(from, view.scenario.name);
      ui().setLastChange({ text: `Renamed “${from}” to “${view.scenario.name}”.`, undoName: view.scenario.name });
      await reload();
    },
    async duplicate(from: string, to: string) {
      const view = await duplicateScenario(from, to);
      ui().saved(view.scenario);
      ui().select(view.scenario.name);
      ui().setLastChange({ text: `Duplicated “${from}” as “${view.scenario.name}”.`, undoName: view.scenario.name });
      await reload();
    },
    async remove(name: string) {
      await deleteScenario(name);
      ui().forget(name);
      if (ui().selected === name) ui().select(null);
      ui().setLastChange({ text: `Deleted “${name}”.`, undoName: name });
      await reload();
    },
    /** scenarios:undo for this name: the latest save, rename, duplicate, creation or deletion goes back. */
    async undo(name: string) {
      const r = await undoScenario(name);
      ui().forget(name);
      if (r.scenario === null) {
        if (ui().selected === name) ui().select(null);
        ui().setLastChange({ text: `Undid the ${UNDONE[r.undone] ?? r.undone} of “${name}”: it is gone.`, undoName: null });
      } else {
        const s = r.scenario.scenario;
        ui().saved(s);
        ui().select(s.name);
        const back = r.undone === 'rename' ? ` It is “${s.name}” again.` : r.undone === 'delete' ? ' It is back.' : '';
        ui().setLastChange({ text: `Undid the ${UNDONE[r.undone] ?? r.undone} of “${name}”.${back}`, undoName: r.scenario.canUndo ? s.name : null });
      }
      await reload();
    },
  };
}

export type ScenarioActions = ReturnType<typeof scenarioActions>;

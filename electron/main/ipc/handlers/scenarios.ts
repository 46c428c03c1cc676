import { calibrateScenario } from '../../../../shared/domain/scenario/calibrate';
import { capacityPlan } from '../../../../shared/domain/scenario/capacity';
import { runDeterministic } from '../../../../shared/domain/scenario/engine';
import { runMonteCarlo } from '../../../../shared/domain/scenario/monte-carlo';
import { applyOverrides, ScenarioInputError } from '../../../../shared/domain/scenario/overrides';
import type { Scenario } from '../../../../shared/domain/scenario/schema';
import { goalSeek, tornado } from '../../../../shared/domain/scenario/sensitivity';
import { monthOf } from '../../../../shared/domain/time';
import type { ScenarioView } from '../../../../shared/ipc/contract-scenarios';
import { AppError } from '../../../../shared/ipc/result';
import { requirePilot } from '../../../db/repositories/pilots';
import {
  calibrationWindow,
  deleteScenario,
  duplicateScenario,
  latestRate,
  listScenarios,
  recordsByPlan,
  recordsPastRepairBudget,
  renameScenario,
  requireScenario,
  saveScenario,
  teamData,
  undoScenario,
  windowSums,
  type StoredScenario,
} from '../../../db/repositories/scenarios';
import type { HandlerContext, HandlerMap } from '../handler-types';

type Channels = 'scenarios:list' | 'scenarios:get' | 'scenarios:calibrate' | 'scenarios:save' | 'scenarios:rename' | 'scenarios:duplicate' | 'scenarios:delete' | 'scenarios:undo' | 'scenarios:run';

const view = (s: StoredScenario): ScenarioView => ({ scenario: s.scenario, createdAt: s.createdAt, updatedAt: s.updatedAt, canUndo: s.canUndo });
const now = () => new Date().toISOString();

/** The engine's input errors (unknown assumption, value out of range) are the caller's to fix. */
function userInput<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
}

function changed(ctx: HandlerContext): void {
  ctx.emit('workspace:data-changed', { tables: ['scenarios'] });
}

/** A new scenario calibrated on the workspace's (or a pilot's) records; nothing is saved. */
export function calibrate(ctx: HandlerContext, input: { name: string; pilot?: string | undefined; windowMonths: number; horizonMonths: number }): Scenario {
  const { db } = ctx.workspace;
  const settings = ctx.workspace.settings();
  const pilot = input.pilot ? requirePilot(db, { name: input.pilot }) : null;
  const pilotId = pilot?.id;
  const window = calibrationWindow(db, pilotId, input.windowMonths);
  const filter = { ...(window ?? {}), ...(pilotId !== undefined ? { pilotId } : {}) };
  const pilotTeams = pilot ? (pilot.scope.teams.length ? pilot.scope.teams : pilot.scope.projects.map((p) => settings.teamByProject[p]).filter((t): t is string => !!t)) : undefined;
  return calibrateScenario({
    name: input.name,
    now: now(),
    settings,
    pilot: pilot ? { name: pilot.name, repairBudget: pilot.decisions.repairBudget } : null,
    monthly: window ? windowSums(db, window, pilotId) : [],
    recordsByPlan: window ? recordsByPlan(db, filter) : [],
    recordsPastRepairBudget: window ? recordsPastRepairBudget(db, filter) : 0,
    rateToWorkspace: (currency) => latestRate(db, currency, settings.currency),
    teams: window ? teamData(db, settings, window, filter, pilotTeams) : [],
    horizonMonths: input.horizonMonths,
    fallbackStartMonth: monthOf(now()),
  });
}

export const scenariosHandlers: Pick<HandlerMap, Channels> = {
  'scenarios:list': (_input, ctx) =>
    listScenarios(ctx.workspace.db).map(({ scenario: s, createdAt, updatedAt, canUndo }) => ({
      name: s.name,
      pilot: s.pilot,
      currency: s.currency,
      startMonth: s.startMonth,
      horizonMonths: s.horizonMonths,
      plan: s.plan.name,
      calibratedAt: s.calibration?.at ?? null,
      calibratedRecords: s.calibration?.records ?? null,
      createdAt,
      updatedAt,
      canUndo,
    })),
  'scenarios:get': (input, ctx) => view(requireScenario(ctx.workspace.db, input.name)),
  'scenarios:calibrate': (input, ctx) => calibrate(ctx, input),
  'scenarios:save': (input, ctx) => {
    const saved = saveScenario(ctx.workspace.db, input, now());
    changed(ctx);
    return view(saved);
  },
  'scenarios:rename': (input, ctx) => {
    const renamed = renameScenario(ctx.workspace.db, input.name, input.newName, now());
    changed(ctx);
    return view(renamed);
  },
  'scenarios:duplicate': (input, ctx) => {
    const copy = duplicateScenario(ctx.workspace.db, input.name, input.newName, now());
    changed(ctx);
    return view(copy);
  },
  'scenarios:delete': (input, ctx) => {
    const deleted = deleteScenario(ctx.workspace.db, input.name, now());
    if (deleted) changed(ctx);
    return { deleted };
  },
  'scenarios:undo': (input, ctx) => {
    const { undone, scenario } = undoScenario(ctx.workspace.db, input.name);
    changed(ctx);
    return { undone, scenario: scenario ? view(scenario) : null };
  },
  'scenarios:run': (input, ctx) =>
    userInput(() => {
      const settings = ctx.workspace.settings();
      const stored = input.name !== undefined ? requireScenario(ctx.workspace.db, input.name).scenario : input.scenario!;
      const withSet = input.set ? applyOverrides(stored, input.set, { plans: settings.plans }) : stored;
      const scenario: Scenario = { ...withSet, horizonMonths: input.horizonMonths ?? withSet.horizonMonths };
      const { periods, totals } = runDeterministic(scenario);
      return {
        scenario,
        currency: scenario.currency,
        periods,
        totals,
        bands: input.monteCarlo ? runMonteCarlo(scenario, input.monteCarlo) : null,
        tornado: input.tornado ? tornado(scenario, { metric: input.tornadoMetric }) : null,
        goalSeek: input.goalSeek ? goalSeek(scenario, { assumption: input.goalSeek.assumption, target: input.goalSeek.target }) : null,
        capacity: input.capacity && scenario.teams.length > 0 ? capacityPlan(scenario) : null,
      };
    }),
};

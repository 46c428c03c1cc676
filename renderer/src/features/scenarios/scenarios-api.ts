import type { Scenario } from '../../../../shared/domain/scenario';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/ipc';

export type ScenarioSummary = ChannelOutput<'scenarios:list'>[number];
export type ScenarioView = ChannelOutput<'scenarios:get'>;
export type UndoResult = ChannelOutput<'scenarios:undo'>;
export type CalibrateInput = Partial<ChannelInput<'scenarios:calibrate'>>;

export const fetchScenarios = (): Promise<ScenarioSummary[]> => invoke('scenarios:list', {});

export const fetchScenario = (name: string): Promise<ScenarioView> => invoke('scenarios:get', { name });

/** A new, unsaved scenario calibrated on the workspace's (or a pilot's) records. */
export const calibrateScenario = (input: CalibrateInput): Promise<Scenario> =>
  invoke('scenarios:calibrate', { name: input.name ?? 'Calibrated', windowMonths: input.windowMonths ?? 6, horizonMonths: input.horizonMonths ?? 12, ...(input.pilot ? { pilot: input.pilot } : {}) });

/** Creates the scenario or updates the saved one of the same name; undoable either way. */
export const saveScenario = (scenario: Scenario): Promise<ScenarioView> => invoke('scenarios:save', scenario);

export const renameScenario = (name: string, newName: string): Promise<ScenarioView> => invoke('scenarios:rename', { name, newName });

export const duplicateScenario = (name: string, newName: string): Promise<ScenarioView> => invoke('scenarios:duplicate', { name, newName });

export const deleteScenario = (name: string): Promise<{ deleted: boolean }> => invoke('scenarios:delete', { name });

/** Undoes the latest save, rename, duplicate, creation or deletion of the scenario with this name. */
export const undoScenario = (name: string): Promise<UndoResult> => invoke('scenarios:undo', { name });

import type { Pilot, PilotDraft } from '../../../../shared/domain/pilots';
import { invoke } from '../../lib/ipc';
import type { Scorecard } from './scorecard-view-model';

export const fetchPilots = (): Promise<Pilot[]> => invoke('pilots:list', {});

/** Creates the pilot (no id) or updates it (with id); main refreshes which records it covers. */
export const savePilot = (draft: PilotDraft): Promise<Pilot> => invoke('pilots:save', draft);

export const deletePilot = (id: number): Promise<{ deleted: boolean }> => invoke('pilots:delete', { id });

export const fetchScorecard = (id: number): Promise<Scorecard> => invoke('pilots:scorecard', { id });

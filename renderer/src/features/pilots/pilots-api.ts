import type { Pilot, PilotDraft } from '../../../../shared/domain/pilots';
import { reportPaper, type ExportKind, type ExportedBytes } from '../../components/export-menu-model';
import { invoke } from '../../lib/ipc';
import type { Scorecard } from './scorecard-view-model';

export const fetchPilots = (): Promise<Pilot[]> => invoke('pilots:list', {});

/** Creates the pilot (no id) or updates it (with id); main refreshes which records it covers. */
export const savePilot = (draft: PilotDraft): Promise<Pilot> => invoke('pilots:save', draft);

export const deletePilot = (id: number): Promise<{ deleted: boolean }> => invoke('pilots:delete', { id });

export const fetchScorecard = (id: number): Promise<Scorecard> => invoke('pilots:scorecard', { id });

/**
 * The pilot's cost worksheet or PDF report, as bytes with a suggested file name (main writes to a
 * temp file it removes; see export:worksheet and export:report).
 */
export const exportPilotFile = (pilot: string, kind: ExportKind): Promise<ExportedBytes> => {
  const paper = reportPaper(kind);
  return paper === null ? invoke('export:worksheet', { pilot }) : invoke('export:report', { pilot, paper });
};

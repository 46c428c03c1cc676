import type { Db } from '../db/connection';
import { buildRecords } from '../../shared/domain/records/build';
import { effectiveEvents, summariseRuns } from '../../shared/domain/records/runs';
import type { Unlinked } from '../../shared/domain/records/types';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import { loadRecordInputs } from '../db/repositories/record-inputs';
import { replaceRecords } from '../db/repositories/records';

/**
 * Rebuilds every accepted-work record from the synced and imported data. Linking rules are applied
 * here, so changing a rule re-links without re-syncing.
 */
export function rebuildRecords(db: Db, settings: WorkspaceSettings, now: () => string = () => new Date().toISOString()): { records: number; unlinked: Unlinked } {
  const inputs = loadRecordInputs(db);
  const { records, unlinked } = buildRecords(inputs, settings);
  const runs = summariseRuns(effectiveEvents(inputs.runEvents));
  replaceRecords(db, records, runs, {
    builtAt: now(),
    teamOf: (r) =>
      (r.projectKey ? settings.teamByProject[r.projectKey] : undefined) ?? (r.repository ? settings.teamByRepository[r.repository] : undefined) ?? r.projectKey,
  });
  return { records: records.length, unlinked };
}

import type { Db } from '../db/connection';
import { buildRecords } from '../../shared/domain/records/build';
import { effectiveEvents, summariseRuns } from '../../shared/domain/records/runs';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import { loadRecordInputs } from '../db/repositories/record-inputs';
import { writeRecords, type WriteStats } from '../db/repositories/records';
import { refreshPilotMembership } from '../db/repositories/pilots';

export type RebuildStats = WriteStats & { unlinked: number; ms: { load: number; build: number; write: number } };

/**
 * Rebuilds the accepted-work records from the synced and imported data. Linking rules are applied
 * here, so changing a rule re-links without re-syncing. Linking is global (baselines, reverts and
 * free allowances span records), so every record is recomputed in memory; only records whose
 * content changed are written.
 */
export function rebuildRecords(db: Db, settings: WorkspaceSettings, now: () => string = () => new Date().toISOString()): RebuildStats {
  const t0 = performance.now();
  const inputs = loadRecordInputs(db);
  const t1 = performance.now();
  const built = buildRecords(inputs, settings);
  const runs = summariseRuns(effectiveEvents(inputs.runEvents));
  const t2 = performance.now();
  const stats = writeRecords(db, built, runs, {
    builtAt: now(),
    currency: settings.currency,
    teamOf: (r) =>
      (r.projectKey ? settings.teamByProject[r.projectKey] : undefined) ?? (r.repository ? settings.teamByRepository[r.repository] : undefined) ?? r.projectKey,
  });
  refreshPilotMembership(db);
  const t3 = performance.now();
  return { ...stats, unlinked: built.unlinked.length, ms: { load: t1 - t0, build: t2 - t1, write: t3 - t2 } };
}

import type { Db } from '../db/connection';
import { buildRecords, type BuildResult } from '../../shared/domain/records/build';
import { baselineTable, type BaselineTable } from '../../shared/domain/records/size';
import type { BuiltRecord } from '../../shared/domain/records/types';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import { loadRecordInputs } from '../db/repositories/record-inputs';
import { writeRecords, type WriteStats } from '../db/repositories/records';
import { refreshPilotMembership } from '../db/repositories/pilots';
import { refreshFacts } from '../db/repositories/facts';
import { baselineRows, changeLookups, scopeLookups, clearChanges, readChanges, readStoredBaseline, storeBaseline } from '../db/repositories/record-changes';
import { changeScope, movedBaselineGroups, scopeFor, type ChangeScope } from './change-scope';

export type RebuildStats = WriteStats & { mode: 'full' | 'incremental' | 'none'; recomputed: number; unlinked: number; ms: { load: number; build: number; write: number } };

/** Beyond this share of the records, recomputing everything is as quick as finding what changed. */
const INCREMENTAL_LIMIT = 0.25;

const teamOf = (settings: WorkspaceSettings) => (r: BuiltRecord) =>
  (r.projectKey ? settings.teamByProject[r.projectKey] : undefined) ?? (r.repository ? settings.teamByRepository[r.repository] : undefined) ?? r.projectKey;

/**
 * Brings the accepted-work records up to date with the synced and imported data. After a sync or
 * an import it recomputes only the records the changes reach (triggers record what changed, see
 * migration 0005); `full` (settings changed, first build) recomputes every record. Either way only
 * records whose content changed are rewritten, and the result equals a full rebuild.
 */
export function rebuildRecords(db: Db, settings: WorkspaceSettings, opts: { full?: boolean; now?: () => string } = {}): RebuildStats {
  const now = opts.now ?? (() => new Date().toISOString());
  const changes = readChanges(db);
  const stored = readStoredBaseline(db);
  const count = changeLookups(db).recordCount();
  if (opts.full || !stored || count === 0) return fullRebuild(db, settings, now);
  if (changes.total === 0) return { records: count, inserted: 0, updated: 0, deleted: 0, unchanged: count, mode: 'none', recomputed: 0, unlinked: 0, ms: { load: 0, build: 0, write: 0 } };

  const t0 = performance.now();
  let scope = changeScope(db, changes, settings);
  if (scope.tickets.size > Math.max(200, count * INCREMENTAL_LIMIT)) return fullRebuild(db, settings, now);
  const lookups = changeLookups(db);
  const knownKeys = lookups.allKeys();
  const recordTickets = new Set(db.prepare('SELECT ticket_key FROM records WHERE ticket_key IS NOT NULL').pluck().all() as string[]);
  const human = baselineRows(db);
  // The baseline spans all human-path work: AI tickets are those with records outside the scope plus the scope's own.
  const baselineFor = (s: ChangeScope) => (ai: ReadonlySet<string>): BaselineTable => {
    const excluded = new Set([...recordTickets].filter((k) => !s.tickets.has(k)));
    for (const k of ai) excluded.add(k);
    return baselineTable(human.filter((r) => !excluded.has(r.key)));
  };
  let inputs = loadRecordInputs(db, scope.inputs);
  const t1 = performance.now();
  let baseline: BaselineTable = stored;
  let built = buildRecords(inputs, settings, { onlyTickets: scope.tickets, knownKeys, baseline: (ai) => (baseline = baselineFor(scope)(ai)) });
  // A moved baseline changes the hours freed of accepted work in the moved groups: take those in too.
  const moved = movedBaselineGroups(stored, baseline);
  if (moved.overall || moved.types.length || moved.typeSizes.length) {
    const extra = (moved.overall ? lookups.allAcceptedTickets() : lookups.acceptedTicketsOfGroups(moved.types, moved.typeSizes)).filter((k) => !scope.tickets.has(k));
    if (extra.length > 0) {
      if (scope.tickets.size + extra.length > Math.max(200, count * INCREMENTAL_LIMIT)) return fullRebuild(db, settings, now);
      scope = scopeFor(db, new Set([...scope.tickets, ...extra]), scope.runs, scope.buckets, scope.days, scope.mergeRequestIds);
      inputs = loadRecordInputs(db, scope.inputs);
      const fixed = baseline;
      built = buildRecords(inputs, settings, { onlyTickets: scope.tickets, knownKeys, baseline: () => fixed });
    }
  }
  const t2 = performance.now();
  const mrRefs = new Set(inputs.mergeRequests.map((m) => `${m.repository}!${m.iid}`));
  const stats = write(db, settings, built, now, { tickets: scope.tickets, runs: scope.runs, mrRefs, days: scope.days, buckets: scope.buckets });
  const t3 = performance.now();
  // The pivot's fact rows and cubes (timed by their own stats): event groups of the recomputed tickets, facts of changed records.
  refreshFacts(db, settings, inputs, scope.tickets);
  return { ...stats, records: changeLookups(db).recordCount(), mode: 'incremental', recomputed: built.records.length, unlinked: built.unlinked.length, ms: { load: t1 - t0, build: t2 - t1, write: t3 - t2 } };
}

function fullRebuild(db: Db, settings: WorkspaceSettings, now: () => string): RebuildStats {
  const t0 = performance.now();
  const inputs = loadRecordInputs(db);
  const t1 = performance.now();
  const built = buildRecords(inputs, settings);
  const t2 = performance.now();
  const stats = write(db, settings, built, now);
  const t3 = performance.now();
  refreshFacts(db, settings, inputs);
  return { ...stats, mode: 'full', recomputed: built.records.length, unlinked: built.unlinked.length, ms: { load: t1 - t0, build: t2 - t1, write: t3 - t2 } };
}

function write(db: Db, settings: WorkspaceSettings, built: BuildResult, now: () => string, scope?: Parameters<typeof writeRecords>[4]): WriteStats {
  return db.transaction(() => {
    const stats = writeRecords(db, built, built.runs, { builtAt: now(), currency: settings.currency, teamOf: teamOf(settings) }, scope);
    storeBaseline(db, built.baseline);
    clearChanges(db);
    // After an incremental write only the scope's records can have changed scope membership.
    refreshPilotMembership(db, undefined, scope ? scopeLookups(db).recordIdsOfTickets(scope.tickets) : undefined);
    return stats;
  })();
}

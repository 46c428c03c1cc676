import { inPilotScope, outsidePilotRepositories, PilotDecisionsSchema, PilotScopeSchema, type Pilot, type PilotDraft, PilotDraftSchema, type RecordForScope } from '../../../shared/domain/pilots';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../connection';

type PilotRow = { id: number; name: string; owner: string | null; scope_json: string; decisions_json: string; created_at: string; updated_at: string };

const toPilot = (r: PilotRow): Pilot => ({
  id: r.id,
  name: r.name,
  owner: r.owner ?? '',
  scope: PilotScopeSchema.parse(JSON.parse(r.scope_json)),
  decisions: PilotDecisionsSchema.parse(JSON.parse(r.decisions_json)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const listPilots = (db: Db): Pilot[] => (db.prepare('SELECT * FROM pilots ORDER BY name').all() as PilotRow[]).map(toPilot);

export function findPilot(db: Db, ref: { id?: number; name?: string }): Pilot | null {
  const row = (ref.id !== undefined ? db.prepare('SELECT * FROM pilots WHERE id = ?').get(ref.id) : db.prepare('SELECT * FROM pilots WHERE name = ? COLLATE NOCASE').get(ref.name)) as PilotRow | undefined;
  return row ? toPilot(row) : null;
}

export function requirePilot(db: Db, ref: { id?: number; name?: string }): Pilot {
  const pilot = findPilot(db, ref);
  if (!pilot) throw new AppError('NOT_FOUND', `No pilot ${ref.name ? `named "${ref.name}"` : `with id ${ref.id}`}.`);
  return pilot;
}

/** Creates or updates a pilot (by id) and refreshes which records it covers. */
export function savePilot(db: Db, draft: PilotDraft, now: string): Pilot {
  const p = PilotDraftSchema.parse(draft);
  const clash = db.prepare('SELECT id FROM pilots WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(p.name, p.id ?? null) as { id: number } | undefined;
  if (clash) throw new AppError('CONFLICT', `A pilot named "${p.name}" already exists.`);
  const id = db.transaction(() => {
    let pilotId = p.id;
    if (pilotId !== undefined) {
      const res = db
        .prepare('UPDATE pilots SET name = ?, owner = ?, scope_json = ?, decisions_json = ?, updated_at = ? WHERE id = ?')
        .run(p.name, p.owner, JSON.stringify(p.scope), JSON.stringify(p.decisions), now, pilotId);
      if (res.changes === 0) throw new AppError('NOT_FOUND', `No pilot with id ${pilotId}.`);
    } else {
      pilotId = Number(
        db
          .prepare('INSERT INTO pilots (name, owner, scope_json, decisions_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(p.name, p.owner, JSON.stringify(p.scope), JSON.stringify(p.decisions), now, now).lastInsertRowid,
      );
    }
    refreshPilotMembership(db, pilotId);
    return pilotId;
  })();
  return requirePilot(db, { id });
}

export function deletePilot(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM pilots WHERE id = ?').run(id).changes > 0;
}

type ScopeRow = { id: number; projectKey: string | null; repository: string | null; team: string | null; labelsJson: string; day: string | null };

const scopeRows = (db: Db, recordIds?: readonly number[]): (RecordForScope & { id: number })[] =>
  (
    db
      .prepare(
        `SELECT id, project_key AS projectKey, repository, team, labels_json AS labelsJson, substr(coalesce(ended_at, started_at, period_month || '-01'), 1, 10) AS day FROM records
         ${recordIds ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''}`,
      )
      .all(...(recordIds ? [JSON.stringify(recordIds)] : [])) as ScopeRow[]
  ).map((r) => ({ id: r.id, projectKey: r.projectKey, repository: r.repository, team: r.team, labels: JSON.parse(r.labelsJson) as string[], day: r.day ?? '' }));

/**
 * Stores which records fall in each pilot's scope (all pilots, or one), from the one scope
 * predicate; for all records, or only `recordIds` (an incremental rebuild's rewritten records).
 */
export function refreshPilotMembership(db: Db, pilotId?: number, recordIds?: readonly number[]): void {
  const pilots = pilotId === undefined ? listPilots(db) : [requirePilot(db, { id: pilotId })];
  if (pilots.length === 0) return;
  const rows = scopeRows(db, recordIds);
  const insert = db.prepare('INSERT INTO record_pilots (pilot_id, record_id) VALUES (?, ?)');
  const clear = recordIds
    ? db.prepare('DELETE FROM record_pilots WHERE pilot_id = ? AND record_id IN (SELECT value FROM json_each(?))')
    : db.prepare('DELETE FROM record_pilots WHERE pilot_id = ?');
  db.transaction(() => {
    for (const pilot of pilots) {
      if (recordIds) clear.run(pilot.id, JSON.stringify(recordIds));
      else clear.run(pilot.id);
      for (const r of rows) if (inPilotScope(pilot.scope, r)) insert.run(pilot.id, r.id);
    }
  })();
}

/** Records of the pilot's projects, teams and dates whose change landed outside its repositories. */
/** First and last month ("2026-01") of a pilot's records, or null when it has none. */
export function pilotRecordSpan(db: Db, pilotId: number): { from: string; to: string } | null {
  const span = db.prepare('SELECT min(r.period_month) AS a, max(r.period_month) AS b FROM records r JOIN record_pilots rp ON rp.record_id = r.id WHERE rp.pilot_id = ?').get(pilotId) as {
    a: string | null;
    b: string | null;
  };
  return span.a && span.b ? { from: span.a, to: span.b } : null;
}

export function recordsOutsidePilotRepositories(db: Db, pilot: Pilot): number[] {
  return scopeRows(db)
    .filter((r) => outsidePilotRepositories(pilot.scope, r))
    .map((r) => r.id);
}

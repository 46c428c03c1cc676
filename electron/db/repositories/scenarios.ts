import { z } from 'zod';
import { emptySums, type MeasureSums } from '../../../shared/domain/metrics';
import { addMonths } from '../../../shared/domain/scenario/engine';
import type { TeamData } from '../../../shared/domain/scenario/calibrate';
import { ScenarioSchema, type Scenario } from '../../../shared/domain/scenario/schema';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { monthsBetween } from '../../../shared/domain/time';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../connection';
import { monthlySums, sumsBy, type SliceFilter } from './measure-sums';
import { requirePilot } from './pilots';

type ScenarioRow = { id: number; name: string; pilot_id: number | null; pilot_name: string | null; assumptions_json: string; created_at: string; updated_at: string };
type HistoryRow = {
  id: number;
  scenario_id: number;
  action: HistoryAction;
  name: string | null;
  pilot_id: number | null;
  assumptions_json: string | null;
  created_at: string | null;
  updated_at: string | null;
};
export type HistoryAction = 'create' | 'save' | 'rename' | 'duplicate' | 'delete';

export type StoredScenario = { id: number; scenario: Scenario; createdAt: string; updatedAt: string; canUndo: boolean };

/** Everything but the name and pilot, which live in their own columns (rename and pilot deletion touch only those). */
const DocSchema = ScenarioSchema.omit({ name: true, pilot: true });
const HISTORY_KEPT = 200;

const SELECT = `SELECT s.*, p.name AS pilot_name FROM scenarios s LEFT JOIN pilots p ON p.id = s.pilot_id`;

function toStored(db: Db, r: ScenarioRow): StoredScenario {
  const doc = DocSchema.parse(JSON.parse(r.assumptions_json));
  const canUndo = db.prepare('SELECT 1 FROM scenario_history WHERE scenario_id = ? LIMIT 1').get(r.id) !== undefined;
  return { id: r.id, scenario: { ...doc, name: r.name, pilot: r.pilot_name }, createdAt: r.created_at, updatedAt: r.updated_at, canUndo };
}

const rowByName = (db: Db, name: string) => db.prepare(`${SELECT} WHERE s.name = ? COLLATE NOCASE`).get(name) as ScenarioRow | undefined;

export const listScenarios = (db: Db): StoredScenario[] => (db.prepare(`${SELECT} ORDER BY s.name COLLATE NOCASE`).all() as ScenarioRow[]).map((r) => toStored(db, r));

export function findScenario(db: Db, name: string): StoredScenario | null {
  const row = rowByName(db, name);
  return row ? toStored(db, row) : null;
}

export function requireScenario(db: Db, name: string): StoredScenario {
  const found = findScenario(db, name);
  if (!found) throw new AppError('NOT_FOUND', `No scenario named "${name}".`);
  return found;
}

/** Ids are never reused: a deleted scenario's history keeps its id, and undoing the deletion restores it. */
const nextId = (db: Db): number =>
  (db.prepare('SELECT max(coalesce((SELECT max(id) FROM scenarios), 0), coalesce((SELECT max(scenario_id) FROM scenario_history), 0)) + 1 AS id').get() as { id: number }).id;

/** Remembers the scenario as it was before `action` (null: it did not exist), for undo. */
function remember(db: Db, scenarioId: number, action: HistoryAction, before: ScenarioRow | null, now: string): void {
  db.prepare(
    `INSERT INTO scenario_history (scenario_id, action, name, pilot_id, assumptions_json, created_at, updated_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(scenarioId, action, before?.name ?? null, before?.pilot_id ?? null, before?.assumptions_json ?? null, before?.created_at ?? null, before?.updated_at ?? null, now);
  db.prepare('DELETE FROM scenario_history WHERE scenario_id = ? AND id NOT IN (SELECT id FROM scenario_history WHERE scenario_id = ? ORDER BY id DESC LIMIT ?)').run(
    scenarioId,
    scenarioId,
    HISTORY_KEPT,
  );
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = db.prepare('SELECT id FROM scenarios WHERE name = ? COLLATE NOCASE AND id IS NOT ?').get(name, exceptId) as { id: number } | undefined;
  if (clash) throw new AppError('CONFLICT', `A scenario named "${name}" already exists.`);
}

const docOf = (s: Scenario): string => {
  const { name: _name, pilot: _pilot, ...doc } = s;
  return JSON.stringify(DocSchema.parse(doc));
};

/** Creates the scenario, or updates the one of the same name; either can be undone. An unchanged save records nothing. */
export function saveScenario(db: Db, scenario: Scenario, now: string): StoredScenario {
  const pilotId = scenario.pilot ? requirePilot(db, { name: scenario.pilot }).id : null;
  const json = docOf(scenario);
  db.transaction(() => {
    const existing = rowByName(db, scenario.name);
    if (existing) {
      if (existing.assumptions_json === json && existing.pilot_id === pilotId && existing.name === scenario.name) return;
      remember(db, existing.id, 'save', existing, now);
      db.prepare('UPDATE scenarios SET name = ?, pilot_id = ?, assumptions_json = ?, updated_at = ? WHERE id = ?').run(scenario.name, pilotId, json, now, existing.id);
    } else {
      const id = nextId(db);
      db.prepare('INSERT INTO scenarios (id, name, pilot_id, assumptions_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, scenario.name, pilotId, json, now, now);
      remember(db, id, 'create', null, now);
    }
  })();
  return requireScenario(db, scenario.name);
}

export function renameScenario(db: Db, name: string, newName: string, now: string): StoredScenario {
  db.transaction(() => {
    const row = rowByName(db, name);
    if (!row) throw new AppError('NOT_FOUND', `No scenario named "${name}".`);
    if (row.name === newName) return;
    assertNameFree(db, newName, row.id);
    remember(db, row.id, 'rename', row, now);
    db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(newName, now, row.id);
  })();
  return requireScenario(db, newName);
}

export function duplicateScenario(db: Db, name: string, newName: string, now: string): StoredScenario {
  db.transaction(() => {
    const row = rowByName(db, name);
    if (!row) throw new AppError('NOT_FOUND', `No scenario named "${name}".`);
    assertNameFree(db, newName, null);
    const id = nextId(db);
    db.prepare('INSERT INTO scenarios (id, name, pilot_id, assumptions_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, newName, row.pilot_id, row.assumptions_json, now, now);
    remember(db, id, 'duplicate', null, now);
  })();
  return requireScenario(db, newName);
}

/** Deletes a scenario; its history stays, so `undoScenario` by the same name brings it back. */
export function deleteScenario(db: Db, name: string, now: string): boolean {
  return db.transaction(() => {
    const row = rowByName(db, name);
    if (!row) return false;
    remember(db, row.id, 'delete', row, now);
    db.prepare('DELETE FROM scenarios WHERE id = ?').run(row.id);
    return true;
  })();
}

/**
 * Undoes the latest change to the scenario called `name`: a save or rename restores the previous
 * version, a create or duplicate removes the scenario, and a name no live scenario has undoes that
 * scenario's deletion. Returns what was undone and the scenario as it now is (null: removed).
 */
export function undoScenario(db: Db, name: string): { undone: HistoryAction; scenario: StoredScenario | null } {
  const result = db.transaction(() => {
    const live = rowByName(db, name);
    const entry = (
      live
        ? db.prepare('SELECT * FROM scenario_history WHERE scenario_id = ? ORDER BY id DESC LIMIT 1').get(live.id)
        : db
            .prepare(
              `SELECT * FROM scenario_history WHERE action = 'delete' AND name = ? COLLATE NOCASE
               AND scenario_id NOT IN (SELECT id FROM scenarios) ORDER BY id DESC LIMIT 1`,
            )
            .get(name)
    ) as HistoryRow | undefined;
    if (!entry) throw new AppError('NOT_FOUND', live ? `Nothing to undo for scenario "${live.name}".` : `No scenario named "${name}", and none deleted under that name.`);
    db.prepare('DELETE FROM scenario_history WHERE id = ?').run(entry.id);
    if (entry.name === null) {
      db.prepare('DELETE FROM scenarios WHERE id = ?').run(entry.scenario_id);
      return { undone: entry.action, name: null };
    }
    assertNameFree(db, entry.name, entry.scenario_id);
    // The pilot may have been deleted since; the scenario then keeps no pilot (as ON DELETE SET NULL would have done).
    const pilotId = entry.pilot_id !== null && db.prepare('SELECT 1 FROM pilots WHERE id = ?').get(entry.pilot_id) ? entry.pilot_id : null;
    db.prepare(
      `INSERT INTO scenarios (id, name, pilot_id, assumptions_json, created_at, updated_at) VALUES (@id, @name, @pilot, @json, @created, @updated)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, pilot_id = excluded.pilot_id, assumptions_json = excluded.assumptions_json,
         created_at = excluded.created_at, updated_at = excluded.updated_at`,
    ).run({ id: entry.scenario_id, name: entry.name, pilot: pilotId, json: entry.assumptions_json, created: entry.created_at, updated: entry.updated_at });
    return { undone: entry.action, name: entry.name };
  })();
  return { undone: result.undone, scenario: result.name === null ? null : requireScenario(db, result.name) };
}

// ----- calibration data -----

const RateRow = z.object({ rate: z.number() });

/** Latest exchange rate from a currency into another, or null when none is known. */
export function latestRate(db: Db, from: string, to: string): number | null {
  const row = db.prepare('SELECT rate FROM exchange_rates WHERE from_currency = ? AND to_currency = ? ORDER BY valid_from DESC LIMIT 1').get(from, to);
  return row ? RateRow.parse(row).rate : null;
}

/** The calibration window: the last `months` months with records in scope (a pilot's, or the workspace's). */
export function calibrationWindow(db: Db, pilotId: number | undefined, months: number): { fromMonth: string; toMonth: string } | null {
  const join = pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = @pilotId' : '';
  const span = db.prepare(`SELECT min(r.period_month) AS a, max(r.period_month) AS b FROM records r ${join}`).get({ pilotId }) as { a: string | null; b: string | null };
  if (!span.a || !span.b) return null;
  const earliest = addMonths(span.b, -(months - 1));
  return { fromMonth: earliest > span.a ? earliest : span.a, toMonth: span.b };
}

/** Every month of the window with its sums (zero where no record ended that month). */
export function windowSums(db: Db, window: { fromMonth: string; toMonth: string }, pilotId: number | undefined): { month: string; sums: MeasureSums }[] {
  const { byMonth } = monthlySums(db, { ...window, ...(pilotId !== undefined ? { pilotId } : {}) });
  return monthsBetween(`${window.fromMonth}-01`, `${window.toMonth}-01`).map((month) => ({ month, sums: byMonth.get(month) ?? emptySums() }));
}

export function recordsByPlan(db: Db, filter: SliceFilter): { plan: string | null; records: number }[] {
  return [...sumsBy(db, 'plan', filter).groups].map(([plan, s]) => ({ plan, records: s.records }));
}

export function recordsPastRepairBudget(db: Db, filter: SliceFilter): number {
  const join = filter.pilotId !== undefined ? 'JOIN record_pilots rp ON rp.record_id = r.id AND rp.pilot_id = @pilotId' : '';
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM record_signals s JOIN records r ON r.id = s.record_id ${join}
         WHERE s.code = 'repair_over_budget' AND r.period_month BETWEEN @fromMonth AND @toMonth`,
      )
      .get({ pilotId: filter.pilotId, fromMonth: filter.fromMonth, toMonth: filter.toMonth }) as { n: number }
  ).n;
}

/**
 * Per team (teams of the settings' project mapping, and of the records), what the capacity plan
 * calibrates from: Jira intake per month of its projects, items open at the end of the window,
 * hours logged per month, and its AI-path records. `teams` narrows to a pilot's teams.
 */
export function teamData(db: Db, settings: Pick<WorkspaceSettings, 'teamByProject'>, window: { fromMonth: string; toMonth: string }, filter: SliceFilter, teams?: readonly string[]): TeamData[] {
  const months = monthsBetween(`${window.fromMonth}-01`, `${window.toMonth}-01`);
  const end = `${addMonths(window.toMonth, 1)}-01`;
  const byTeam = sumsBy(db, 'team', filter).groups;
  const names = [...new Set([...Object.values(settings.teamByProject), ...[...byTeam.keys()].filter((k): k is string => k !== null)])]
    .filter((t) => !teams || teams.length === 0 || teams.includes(t))
    .sort();
  const projectsOf = (team: string) => Object.entries(settings.teamByProject).filter(([, t]) => t === team).map(([p]) => p);
  const perMonth = (sql: string): Map<string, number> =>
    new Map((db.prepare(sql).all({ from: window.fromMonth, to: window.toMonth }) as { project: string; month: string; n: number }[]).map((r) => [`${r.project}|${r.month}`, r.n]));
  const intake = perMonth(
    `SELECT jp.key AS project, substr(w.created_at, 1, 7) AS month, count(*) AS n FROM work_items w JOIN jira_projects jp ON jp.id = w.project_id
     WHERE substr(w.created_at, 1, 7) BETWEEN @from AND @to GROUP BY 1, 2`,
  );
  const logged = perMonth(
    `SELECT jp.key AS project, substr(l.started_at, 1, 7) AS month, sum(l.seconds) / 3600.0 AS n FROM worklogs l
     JOIN work_items w ON w.id = l.work_item_id JOIN jira_projects jp ON jp.id = w.project_id
     WHERE substr(l.started_at, 1, 7) BETWEEN @from AND @to GROUP BY 1, 2`,
  );
  const backlog = new Map(
    (
      db
        .prepare(
          `SELECT jp.key AS project, count(*) AS n FROM work_items w JOIN jira_projects jp ON jp.id = w.project_id
           WHERE w.created_at < @end AND NOT (w.status_category = 'done' AND coalesce(w.resolved_at, w.updated_at) < @end) GROUP BY 1`,
        )
        .all({ end }) as { project: string; n: number }[]
    ).map((r) => [r.project, r.n]),
  );
  return names.map((name) => {
    const projects = projectsOf(name);
    const sum = (map: Map<string, number>, month: string) => projects.reduce((n, p) => n + (map.get(`${p}|${month}`) ?? 0), 0);
    const ai = byTeam.get(name) ?? emptySums();
    return {
      name,
      intakeByMonth: months.map((m) => sum(intake, m)),
      backlogItems: projects.reduce((n, p) => n + (backlog.get(p) ?? 0), 0),
      loggedHoursByMonth: months.map((m) => sum(logged, m)),
      aiRecords: ai.records,
      accepted: ai.accepted,
      baselineHours: ai.baseline_hours,
    };
  });
}

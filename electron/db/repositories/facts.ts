import { createHash } from 'node:crypto';
import { converter } from '../../../shared/domain/money';
import { CUBES, FACTS_TABLE } from '../../../shared/domain/pivot/cubes';
import { convertGroupMoney, eventGroupsByTicket, type EventGroup, type MoneyPart } from '../../../shared/domain/pivot/fact-groups';
import { COST_LINE_KINDS, DIMENSIONS, EVENT_MEASURES, FACT_DIMENSIONS, FACT_MEASURES, type FactDimension } from '../../../shared/domain/pivot/fields';
import type { RecordInputs } from '../../../shared/domain/records/types';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import type { Db } from '../connection';
import { RECORD_DIMENSIONS } from './measure-sums';
import { loadRecordInputs } from './record-inputs';
import { loadRates } from './records';

type RecordLevelDimension = Exclude<FactDimension, 'event_type' | 'provider' | 'model'>;

/**
 * SQL over `records r` for each record-level fact dimension: the records' own dimensions
 * (RECORD_DIMENSIONS, shared with the metrics channel), plus the ISO week of the day the period
 * month comes from, and the person.
 */
export const RECORD_FACT_DIMENSIONS: Record<RecordLevelDimension, string> = {
  ...RECORD_DIMENSIONS,
  week: "strftime('%G-W%V', coalesce(r.ended_at, r.started_at, r.period_month || '-01'))",
  person: 'r.person',
};

type FactSettings = Pick<WorkspaceSettings, 'currency' | 'plans' | 'planByWorkspace' | 'runCreditCostFrom' | 'linking'>;

export type FactRefreshStats = { records: number; groupsRewritten: number; factRows: number; cubeRows: Record<string, number>; ms: { groups: number; facts: number; cubes: number } };

const EVENT_COST = ['cost_run_credits', 'cost_ai_credits', 'cost_provider'] as const;

/**
 * Keeps the fact rows of every record current. With the record builder's inputs (the rebuild
 * passes them), each record's run events are regrouped and the groups of records whose groups
 * changed are rewritten; then the fact rows of every record marked in record_fact_dirty (by the
 * triggers on records, or above) are rebuilt, and the cubes with them, in one transaction, so
 * readers see the old facts or the new, never a mix. Without inputs only the marked records are
 * rebuilt, from their stored groups, unless a marked record has no groups yet (then the inputs
 * are loaded here). `onlyTickets` names the tickets whose events the inputs hold in full (an
 * incremental rebuild loads only those); other records keep their groups.
 */
export function refreshFacts(
  db: Db,
  settings: FactSettings,
  inputs?: Pick<RecordInputs, 'runEvents' | 'providerLines'>,
  onlyTickets?: ReadonlySet<string>,
): FactRefreshStats | null {
  const t0 = performance.now();
  const dirty = () => (db.prepare('SELECT EXISTS (SELECT 1 FROM record_fact_dirty) AS any').get() as { any: number }).any === 1;
  let source = inputs;
  if (!source) {
    if (!dirty()) return null;
    const ungrouped = db
      .prepare('SELECT EXISTS (SELECT 1 FROM record_fact_dirty d JOIN records r ON r.id = d.record_id WHERE NOT EXISTS (SELECT 1 FROM record_fact_hashes h WHERE h.record_id = d.record_id)) AS any')
      .get() as { any: number };
    if (ungrouped.any === 1) {
      source = loadRecordInputs(db);
      onlyTickets = undefined;
    }
  }
  const groups = source ? eventGroupsByTicket(source, settings) : null;
  const t1 = performance.now();
  let groupsRewritten = 0;
  let t2 = t1;
  let cubeRows: Record<string, number> = {};
  db.transaction(() => {
    const convert = converter(loadRates(db), settings.currency);
    const rewritten = groups ? writeEventGroups(db, groups, onlyTickets, convert) : new Set<number>();
    groupsRewritten = rewritten.size;
    if (!dirty()) return;
    // Every cube has the month, and all of a record's rows share its month: only the months the
    // dirty records were in, or are in now, need their cube rows recomputed.
    const months = db
      .prepare(
        `SELECT month FROM ${FACTS_TABLE} WHERE record_id IN (SELECT record_id FROM record_fact_dirty)
         UNION SELECT period_month FROM records WHERE id IN (SELECT record_id FROM record_fact_dirty)`,
      )
      .pluck()
      .all() as string[];
    rebuildDirtyFacts(db, convert, rewritten);
    t2 = performance.now();
    const allMonths = db.prepare(`SELECT count(DISTINCT month) FROM ${FACTS_TABLE}`).pluck().get() as number;
    cubeRows = rebuildCubes(db, months.length * 2 >= allMonths ? null : months);
    const missing = db.prepare('SELECT group_concat(DISTINCT missing_rates) FROM records WHERE missing_rates IS NOT NULL').pluck().get() as string | null;
    db.prepare(
      `INSERT INTO record_fact_state (id, refreshed_at, missing_rates, cube_rows_json) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, missing_rates = excluded.missing_rates, cube_rows_json = excluded.cube_rows_json`,
    ).run(new Date().toISOString(), missing ? [...new Set(missing.split(','))].sort().join(',') : null, JSON.stringify(cubeRows));
    db.exec('DELETE FROM record_fact_dirty');
  })();
  const t3 = performance.now();
  const factRows = db.prepare(`SELECT count(*) FROM ${FACTS_TABLE}`).pluck().get() as number;
  const records = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
  return { records, groupsRewritten, factRows, cubeRows, ms: { groups: t1 - t0, facts: t2 - t1, cubes: t3 - t2 } };
}

const groupHash = (groups: readonly EventGroup[]) => createHash('sha1').update(JSON.stringify(groups)).digest('base64');

type Convert = ReturnType<typeof converter>;

/** Rewrites the event groups (money converted) of records whose groups changed, and marks them dirty. */
function writeEventGroups(db: Db, byTicket: Map<string, EventGroup[]>, onlyTickets: ReadonlySet<string> | undefined, convert: Convert): Set<number> {
  const all = db.prepare('SELECT id, ticket_key AS ticket FROM records').all() as { id: number; ticket: string | null }[];
  const records = onlyTickets ? all.filter((r) => r.ticket !== null && onlyTickets.has(r.ticket)) : all;
  const hashes = new Map((db.prepare('SELECT record_id AS id, hash FROM record_fact_hashes').all() as { id: number; hash: string }[]).map((h) => [h.id, h.hash]));
  const del = db.prepare('DELETE FROM record_fact_groups WHERE record_id = ?');
  const insert = db.prepare(
    `INSERT INTO record_fact_groups (record_id, event_type, provider, model, events, run_credits_used, ai_credits_used, cost_run_credits, cost_ai_credits, cost_provider, parts_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setHash = db.prepare('INSERT INTO record_fact_hashes (record_id, hash) VALUES (?, ?) ON CONFLICT (record_id) DO UPDATE SET hash = excluded.hash');
  const mark = db.prepare('INSERT OR IGNORE INTO record_fact_dirty (record_id) VALUES (?)');
  const rewritten = new Set<number>();
  for (const r of records) {
    const groups = (r.ticket ? byTicket.get(r.ticket) : undefined) ?? [];
    const hash = groupHash(groups);
    if (hashes.get(r.id) === hash) continue;
    del.run(r.id);
    const money = convertGroupMoney(groups, convert);
    groups.forEach((g, i) => {
      const m = money[i]!;
      const parts = g.parts.length > 0 ? JSON.stringify(g.parts.map((p) => [p.kind, p.currency, p.day, p.amountMicros])) : null;
      insert.run(r.id, g.eventType, g.provider, g.model, g.events, g.runCreditsUsed, g.aiCreditsUsed, m.cost_run_credits, m.cost_ai_credits, m.cost_provider, parts);
    });
    setHash.run(r.id, hash);
    mark.run(r.id);
    rewritten.add(r.id);
  }
  db.exec('DELETE FROM record_fact_groups WHERE record_id NOT IN (SELECT id FROM records)');
  db.exec('DELETE FROM record_fact_hashes WHERE record_id NOT IN (SELECT id FROM records)');
  return rewritten;
}

const RECORD_DIMS = Object.keys(RECORD_FACT_DIMENSIONS) as RecordLevelDimension[];
const measureList = FACT_MEASURES.join(', ');

/**
 * The fact rows of the dirty records: the money of their event groups re-converted (unless just
 * written, converted, by writeEventGroups), then their record rows and event rows.
 */
function rebuildDirtyFacts(db: Db, convert: Convert, converted: ReadonlySet<number>): void {
  const update = db.prepare('UPDATE record_fact_groups SET cost_run_credits = ?, cost_ai_credits = ?, cost_provider = ? WHERE rowid = ?');
  // Read all first: better-sqlite3 cannot write while a statement iterates.
  const rows = (
    db
      .prepare(
        `SELECT g.rowid, g.record_id AS recordId, g.parts_json AS parts FROM record_fact_groups g
         WHERE g.record_id IN (SELECT record_id FROM record_fact_dirty) AND g.parts_json IS NOT NULL ORDER BY g.record_id`,
      )
      .all() as { rowid: number; recordId: number; parts: string }[]
  ).filter((g) => !converted.has(g.recordId));
  let recordId = -1;
  let batch: { rowid: number; parts: MoneyPart[] }[] = [];
  const flush = () => {
    convertGroupMoney(batch, convert).forEach((m, i) => update.run(m.cost_run_credits, m.cost_ai_credits, m.cost_provider, batch[i]!.rowid));
    batch = [];
  };
  for (const g of rows) {
    if (g.recordId !== recordId) {
      flush();
      recordId = g.recordId;
    }
    const parts = (JSON.parse(g.parts) as [MoneyPart['kind'], string, string, number][]).map(([kind, cur, day, amountMicros]) => ({ kind, currency: cur, day, amountMicros }));
    batch.push({ rowid: g.rowid, parts });
  }
  flush();

  // Every record dirty (a first build, a rate change): empty the tables whole, far quicker than row by row.
  const everything = (db.prepare('SELECT NOT EXISTS (SELECT 1 FROM records WHERE id NOT IN (SELECT record_id FROM record_fact_dirty)) AS all_dirty').get() as { all_dirty: number }).all_dirty === 1;
  db.exec(everything ? `DELETE FROM ${FACTS_TABLE}` : `DELETE FROM ${FACTS_TABLE} WHERE record_id IN (SELECT record_id FROM record_fact_dirty)`);
  db.exec(everything ? 'DELETE FROM record_fact_labels' : 'DELETE FROM record_fact_labels WHERE record_id IN (SELECT record_id FROM record_fact_dirty)');
  const recordDims = RECORD_DIMS.map((d) => `${RECORD_FACT_DIMENSIONS[d]} AS ${d}`).join(', ');
  const eventSet = new Set<string>(EVENT_MEASURES);
  // Record rows: every record-level measure; of the event money, what no event group carries (a
  // per-merged-PR plan charge, say), so the record's rows add up to its converted cost exactly.
  const recordMeasures = FACT_MEASURES.map((m) => {
    if (m === 'records') return '1';
    if ((EVENT_COST as readonly string[]).includes(m)) return `r.${m} - coalesce(g.${m}, 0)`;
    if (m.startsWith('cost_lines_')) return `coalesce(l.${m}, 0)`;
    // Events and credits come only from run events: all on event rows.
    if (eventSet.has(m)) return '0';
    return `r.${m}`;
  }).join(', ');
  db.exec(
    `INSERT INTO ${FACTS_TABLE} (record_id, ${RECORD_DIMS.join(', ')}, event_type, provider, model, ${measureList})
     SELECT r.id, ${recordDims}, NULL, NULL, NULL, ${recordMeasures}
     FROM records r
     LEFT JOIN (SELECT record_id, ${EVENT_COST.map((c) => `sum(${c}) AS ${c}`).join(', ')}
                FROM record_fact_groups WHERE record_id IN (SELECT record_id FROM record_fact_dirty) GROUP BY record_id) g ON g.record_id = r.id
     LEFT JOIN (SELECT record_id, ${COST_LINE_KINDS.map((k) => `sum(kind = '${k}') AS cost_lines_${k}`).join(', ')}
                FROM record_cost_lines WHERE record_id IN (SELECT record_id FROM record_fact_dirty) GROUP BY record_id) l ON l.record_id = r.id
     WHERE r.id IN (SELECT record_id FROM record_fact_dirty)`,
  );
  const eventMeasures = FACT_MEASURES.map((m) => (eventSet.has(m) ? `g.${m}` : '0')).join(', ');
  db.exec(
    `INSERT INTO ${FACTS_TABLE} (record_id, ${RECORD_DIMS.join(', ')}, event_type, provider, model, ${measureList})
     SELECT r.id, ${recordDims}, g.event_type, g.provider, g.model, ${eventMeasures}
     FROM record_fact_groups g JOIN records r ON r.id = g.record_id
     WHERE g.record_id IN (SELECT record_id FROM record_fact_dirty)`,
  );
  db.exec(
    `INSERT OR IGNORE INTO record_fact_labels (record_id, label)
     SELECT r.id, j.value FROM records r, json_each(r.labels_json) j
     WHERE r.id IN (SELECT record_id FROM record_fact_dirty) AND j.type = 'text'`,
  );
}

/**
 * Recomputes the cubes from the fact rows: all of them, or only the rows of the given months (from
 * the month index). Recomputed, never patched with deltas, so sums of hours stay exactly what a
 * GROUP BY of the facts gives, with no float residue from subtracting old rows. Cubes without
 * run-event dimensions are grouped from the facts summed per record first (a record's rows share
 * its record-level values): a fifth of the rows to sort, and the label bridge joined per record
 * rather than per fact row.
 */
function rebuildCubes(db: Db, months: readonly string[] | null): Record<string, number> {
  if (months && months.length === 0) return cubeRowCounts(db);
  const inMonths = months ? `month IN (${months.map(() => '?').join(', ')})` : null;
  const recordDims = [...new Set(CUBES.flatMap((c) => c.dims).filter((d) => DIMENSIONS[d].level === 'record'))];
  db.exec('DROP TABLE IF EXISTS temp.record_fact_totals');
  db.prepare(
    `CREATE TEMP TABLE record_fact_totals AS
     SELECT record_id, ${recordDims.map((d) => `min(${d}) AS ${d}`).join(', ')}, count(*) AS fact_rows, ${FACT_MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')}
     FROM ${FACTS_TABLE}${inMonths ? ` WHERE ${inMonths}` : ''} GROUP BY record_id`,
  ).run(...(months ?? []));
  for (const cube of CUBES) {
    const perRecord = cube.dims.every((d) => DIMENSIONS[d].level !== 'event');
    const dims = cube.dims.map((d) => (d === 'label' ? 'l.label' : `f.${d}`));
    const join = cube.bridge === 'label' ? 'LEFT JOIN record_fact_labels l ON l.record_id = f.record_id' : '';
    const measures = perRecord ? ['sum(f.fact_rows)', ...FACT_MEASURES.map((m) => `sum(f.${m})`)] : ['count(*)', ...FACT_MEASURES.map((m) => `sum(f.${m})`)];
    const where = !perRecord && inMonths ? ` WHERE f.${inMonths}` : '';
    db.prepare(`DELETE FROM ${cube.table}${inMonths ? ` WHERE ${inMonths}` : ''}`).run(...(months ?? []));
    db.prepare(
      `INSERT INTO ${cube.table} (${cube.dims.join(', ')}, fact_rows, ${measureList})
       SELECT ${dims.join(', ')}, ${measures.join(', ')} FROM ${perRecord ? 'temp.record_fact_totals' : FACTS_TABLE} f ${join}${where} GROUP BY ${dims.join(', ')}`,
    ).run(...(where ? (months ?? []) : []));
  }
  db.exec('DROP TABLE temp.record_fact_totals');
  return cubeRowCounts(db);
}

const cubeRowCounts = (db: Db): Record<string, number> =>
  Object.fromEntries(CUBES.map((c) => [c.table, db.prepare(`SELECT count(*) FROM ${c.table}`).pluck().get() as number]));

export type FactState = { refreshedAt: string | null; missingRates: string[]; cubeRows: Record<string, number> };

export function factState(db: Db): FactState {
  const row = db.prepare('SELECT refreshed_at AS refreshedAt, missing_rates AS missing, cube_rows_json AS cubes FROM record_fact_state WHERE id = 1').get() as
    | { refreshedAt: string; missing: string | null; cubes: string }
    | undefined;
  return { refreshedAt: row?.refreshedAt ?? null, missingRates: row?.missing ? row.missing.split(',') : [], cubeRows: row ? (JSON.parse(row.cubes) as Record<string, number>) : {} };
}

/** Facts are current unless a record changed since the last refresh. */
export const factsAreCurrent = (db: Db): boolean => (db.prepare('SELECT EXISTS (SELECT 1 FROM record_fact_dirty) AS any').get() as { any: number }).any === 0;

/** Refreshes the facts first when a record changed since the last refresh (e.g. money re-converted after a rate change). */
export function ensureFacts(db: Db, settings: FactSettings): FactRefreshStats | null {
  return factsAreCurrent(db) ? null : refreshFacts(db, settings);
}

export type FactRow = { record_id: number; labels: string; pilots: string } & Record<FactDimension, string | null> & Record<(typeof FACT_MEASURES)[number], number>;

/** Every fact row with its record's labels and pilots (';'-joined), record by record: `yardstick facts`. */
export function iterateFactRows(db: Db): IterableIterator<FactRow> {
  return db
    .prepare(
      `WITH label_lists AS (SELECT record_id, group_concat(label, ';' ORDER BY label) AS labels FROM record_fact_labels GROUP BY record_id),
            pilot_lists AS (SELECT rp.record_id, group_concat(p.name, ';' ORDER BY p.name) AS pilots FROM record_pilots rp JOIN pilots p ON p.id = rp.pilot_id GROUP BY rp.record_id)
       SELECT f.record_id, ${FACT_DIMENSIONS.map((d) => `f.${d}`).join(', ')}, l.labels, p.pilots, ${FACT_MEASURES.map((m) => `f.${m}`).join(', ')}
       FROM ${FACTS_TABLE} f LEFT JOIN label_lists l ON l.record_id = f.record_id LEFT JOIN pilot_lists p ON p.record_id = f.record_id
       ORDER BY f.record_id, f.event_type IS NOT NULL, f.event_type, f.provider, f.model`,
    )
    .iterate() as IterableIterator<FactRow>;
}

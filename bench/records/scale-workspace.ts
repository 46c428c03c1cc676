import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { strideAbove } from '../sync/scale-dataset';

// Makes a large workspace by replicating a workspace's raw tables N times inside SQLite, with
// disjoint ids and keys, so record benchmarks can run at "demo --scale 100" volumes without the demo
// generator (which holds everything in memory). Usage:
//   npx tsx bench/records/scale-workspace.ts --from DIR --out DIR --copies N [--force] [--no-fk-check]
// Derived tables are left empty: run the records rebuild on the result.

type Db = Database.Database;

/** The database file inside a workspace folder (DB_FILE in electron/workspace/workspace.ts). */
const DB_FILE = 'yardstick.sqlite';

/**
 * How a column changes in copy c, on top of the automatic offsets (every INTEGER PRIMARY KEY, and
 * every foreign key into a replicated table, moves by c × that table's id stride):
 * - uniq: natural and external keys get `~c` appended (blobs get the bytes appended)
 * - key: a Jira key, PLAT-123 → PLAT-(123 + c × key stride)
 * - text: free text: Jira keys as above, and the sha after "reverts commit " / "revert-" as `sha`
 * - sha: git shas (full or abbreviated); the first six hex digits become the copy number, so
 *   7-character abbreviations (the revert linker's fallback) are unique per copy as well
 * - iid: merge-request iids, + c × iid stride
 * - mrUrl: an MR URL or reference ending in its iid (…/merge_requests/12, group/project!12)
 * - ref: a pipeline ref: refs/merge-requests/<iid>/head gets the copy's iid, a branch is `text`
 */
type Rewrite = 'uniq' | 'key' | 'text' | 'sha' | 'iid' | 'mrUrl' | 'ref';

/**
 * Raw tables (synced or imported), replicated once per copy. Columns not named here are copied as
 * they are, except ids and foreign keys, which are offset automatically; a column added by a later
 * migration is therefore copied too. Kept as they are on purpose: people.username (the AI bot is
 * recognised by name), jira_projects.key and repositories.path (team mappings in settings), billing
 * teams and provider accounts, copilot_usage.scope_id, and import ids (imports are shared).
 */
const RAW: Record<string, Record<string, Rewrite>> = {
  people: { external_id: 'uniq' },
  jira_projects: { external_id: 'uniq' },
  work_items: { external_id: 'uniq', key: 'key', web_url: 'text' },
  work_item_status_changes: {},
  work_item_links: { other_key: 'key' },
  worklogs: { external_id: 'uniq' },
  repositories: { external_id: 'uniq' },
  merge_requests: {
    external_id: 'uniq', iid: 'iid', title: 'text', description: 'text', source_branch: 'text', sha: 'sha', merge_commit_sha: 'sha',
    squash_commit_sha: 'sha', web_url: 'mrUrl',
  },
  mr_commits: { sha: 'sha', title: 'text', message: 'text' },
  review_events: {},
  approvals: {},
  pipelines: { external_id: 'uniq', merge_request_iid: 'iid', sha: 'sha', ref: 'ref' },
  ci_jobs: { external_id: 'uniq' },
  run_events: {
    event_id: 'uniq', workspace: 'uniq', ticket_key: 'key', run_id: 'uniq', parent_run_id: 'uniq', reservation_id: 'uniq', supersedes_event_id: 'uniq',
    mr_url: 'mrUrl', mr_iid: 'iid', commit_sha: 'sha',
  },
  copilot_usage: { user_external_id: 'uniq' },
  copilot_org_daily: { scope_id: 'uniq' },
  billing_lines: { natural_key: 'uniq', ticket_key: 'key', run_id: 'uniq', mr_ref: 'mrUrl' },
};

/**
 * Rows of raw tables that are per-period buckets of spend, not per piece of work: a provider's cost
 * report has one line per day, model, account and token type however much work there was, and the
 * linker spreads each line over every model call of its day and model. Replicated, copies × lines
 * would each meet copies × calls (10,000 times the base's shares at 100 copies, where real volume
 * gives 100); so these rows are kept once and their amounts multiplied by the number of copies.
 */
const AGGREGATED: Record<string, { where: string; multiply: string[] }> = {
  billing_lines: { where: "ledger = 'provider'", multiply: ['amount_micros', 'quantity'] },
};

/**
 * One set per workspace, kept once: configuration, connections, and sync and import bookkeeping.
 * Copies point at the same sources and imports (undoing an import removes its rows in every copy).
 */
const SHARED = new Set([
  'schema_migrations', 'settings', 'sources', 'sync_cursors', 'sync_runs', 'imports', 'import_rejections', 'exchange_rates', 'column_mappings',
  'teams', 'jira_statuses', 'plans', 'pilots', 'scenarios', 'saved_views',
]);

/** Rebuilt from the raw tables by the records rebuild: emptied, never copied. So is every `record_*`. */
const DERIVED = new Set(['records', 'runs', 'unlinked_items', 'reconciliation']);

export type TableKind = 'raw' | 'shared' | 'derived' | 'unclassified-empty';

const kindOf = (table: string, rows: number): TableKind => {
  if (table in RAW) return 'raw';
  if (SHARED.has(table)) return 'shared';
  if (DERIVED.has(table) || table.startsWith('record_')) return 'derived';
  if (rows === 0) return 'unclassified-empty';
  // A wrong guess here would quietly skew every benchmark built on the result, so guess nothing.
  throw new Error(
    `Table ${table} (${rows} rows) is not classified: add it to RAW, SHARED or DERIVED in bench/records/scale-workspace.ts. ` +
      'RAW tables get their ids and foreign keys offset automatically; name columns that need a rewrite.',
  );
};

// Matches what the linker reads as a Jira key (settings.linking.ticketKeyPattern, at most 7 digits),
// case-insensitively because branch names are matched upper-cased. One pass over both alternatives,
// so a revert sha that happens to look like a key is rewritten once, as a sha.
const TEXT_TOKENS = /\b(reverts commit |revert-)([0-9a-f]{7,40})\b|\b([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,7})\b/gi;
const KEY = /\b([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,7})\b/g;
const SHA = /^[0-9a-f]{7,40}$/i;
const MR_IID = /(\/merge_requests\/|!)(\d+)\b/g;
const MR_REF = /^refs\/merge-requests\/(\d+)\/(head|merge|train)$/;
const MAX_KEY_NUMBER = 9_999_999;

type Strides = { key: number; iid: number };
type SqlValue = string | number | bigint | Buffer | null;

const suffixed = (text: string, c: number) => `${text}~${c}`;

function uniq(v: SqlValue, c: number): SqlValue {
  if (v === null) return null;
  if (Buffer.isBuffer(v)) return Buffer.concat([v, Buffer.from(`~${c}`)]);
  return suffixed(String(v), c);
}

function sha(v: SqlValue, c: number): SqlValue {
  return typeof v === 'string' && SHA.test(v) ? c.toString(16).padStart(6, '0') + v.slice(6) : v;
}

/** The SQL functions behind the rewrites, as ys_<rewrite>(value, copy). */
const transforms = (s: Strides) => {
  const shiftKey = (project: string, n: string, c: number) => `${project}-${Number(n) + c * s.key}`;
  const key = (v: SqlValue, c: number): SqlValue => (typeof v === 'string' ? v.replace(KEY, (_m, p: string, n: string) => shiftKey(p, n, c)) : v);
  const text = (v: SqlValue, c: number): SqlValue =>
    typeof v !== 'string'
      ? v
      : v.replace(TEXT_TOKENS, (m, lead: string | undefined, hex: string | undefined, p: string | undefined, n: string | undefined) =>
          lead && hex ? `${lead}${String(sha(hex, c))}` : p && n ? shiftKey(p, n, c) : m,
        );
  const mrUrl = (v: SqlValue, c: number): SqlValue => (typeof v === 'string' ? v.replace(MR_IID, (_m, lead: string, n: string) => `${lead}${Number(n) + c * s.iid}`) : v);
  const ref = (v: SqlValue, c: number): SqlValue => {
    if (typeof v !== 'string') return v;
    const m = MR_REF.exec(v);
    return m ? `refs/merge-requests/${Number(m[1]) + c * s.iid}/${m[2]}` : text(v, c);
  };
  return { uniq, sha, key, text, mrUrl, ref };
};

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

type TableInfo = {
  name: string;
  columns: { name: string; type: string; pk: number }[];
  intPk: string | null;
  fks: { id: number; table: string; from: string; to: string | null }[];
  uniques: { name: string; columns: string[] }[];
};

function describeTable(db: Db, name: string): TableInfo {
  const columns = db.pragma(`table_info(${q(name)})`) as TableInfo['columns'];
  const pk = columns.filter((c) => c.pk > 0);
  const intPk = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null;
  const fks = db.pragma(`foreign_key_list(${q(name)})`) as TableInfo['fks'];
  const uniques = (db.pragma(`index_list(${q(name)})`) as { name: string; unique: number }[])
    .filter((i) => i.unique === 1)
    .map((i) => ({ name: i.name, columns: (db.pragma(`index_info(${q(i.name)})`) as { name: string | null }[]).map((c) => c.name ?? '<expression>') }));
  return { name, columns, intPk, fks, uniques };
}

/** Rewrites that always change a value, so they keep a UNIQUE constraint satisfied across copies. */
const DISTINGUISHING = new Set<Rewrite | 'offset'>(['offset', 'uniq', 'key', 'sha', 'iid', 'mrUrl']);

/**
 * The INSERT … SELECT that appends copy @c of a raw table, reading only the base rows
 * (rowid ≤ the base's last rowid). Fails when a UNIQUE constraint would not survive replication.
 */
function copyStatementSql(info: TableInfo, rewrites: Record<string, Rewrite>, strides: Map<string, number>, iidStride: number, baseMaxRowid: number, tables: Map<string, TableInfo>): string {
  const how = new Map<string, string>();
  const kinds = new Map<string, Rewrite | 'offset'>();
  for (const [column, rewrite] of Object.entries(rewrites)) {
    if (!info.columns.some((c) => c.name === column)) throw new Error(`${info.name}.${column} is named in RAW but is not in the schema`);
    how.set(column, rewrite === 'iid' ? `${q(column)} + @c * ${iidStride}` : `ys_${rewrite}(${q(column)}, @c)`);
    kinds.set(column, rewrite);
  }
  if (info.intPk) {
    how.set(info.intPk, `${q(info.intPk)} + @c * ${strides.get(info.name)!}`);
    kinds.set(info.intPk, 'offset');
  }
  for (const fk of info.fks) {
    if (!(fk.table in RAW)) continue; // shared parents (sources, imports, teams) stay as they are
    const parent = tables.get(fk.table);
    const target = fk.to ?? parent?.intPk ?? null;
    if (info.fks.filter((f) => f.id === fk.id).length > 1 || !parent || target !== parent.intPk) {
      throw new Error(`${info.name}.${fk.from} references ${fk.table}(${String(fk.to)}), not its INTEGER PRIMARY KEY: give it a rewrite in RAW`);
    }
    how.set(fk.from, `${q(fk.from)} + @c * ${strides.get(fk.table)!}`);
    kinds.set(fk.from, 'offset');
  }
  for (const u of info.uniques) {
    const distinguished = u.columns.some((c) => {
      const kind = kinds.get(c);
      return kind !== undefined && DISTINGUISHING.has(kind);
    });
    if (!distinguished) {
      throw new Error(`UNIQUE (${u.columns.join(', ')}) on ${info.name} would repeat in every copy: give one of its columns a 'uniq' rewrite in RAW`);
    }
  }
  const cols = info.columns.map((c) => c.name);
  const aggregated = AGGREGATED[info.name];
  return (
    `INSERT INTO ${q(info.name)} (${cols.map(q).join(', ')}) SELECT ${cols.map((c) => how.get(c) ?? q(c)).join(', ')} FROM ${q(info.name)} ` +
    `WHERE rowid <= ${baseMaxRowid}${aggregated ? ` AND NOT (${aggregated.where})` : ''}`
  );
}

/** Largest number in the base rows' values of the given columns, as found by `numbers`. */
function scanMax(db: Db, columns: [string, string][], numbers: (v: string) => number[]): number {
  let max = 0;
  for (const [table, column] of columns) {
    for (const v of db.prepare(`SELECT DISTINCT ${q(column)} FROM ${q(table)} WHERE ${q(column)} IS NOT NULL`).pluck().iterate()) {
      if (typeof v === 'number') max = Math.max(max, v);
      else if (typeof v === 'string') for (const n of numbers(v)) max = Math.max(max, n);
    }
  }
  return max;
}

function keyAndIidStrides(db: Db, present: Set<string>, copies: number): Strides {
  const columnsOf = (...kinds: Rewrite[]) =>
    Object.entries(RAW)
      .filter(([t]) => present.has(t))
      .flatMap(([t, cols]) => Object.entries(cols).filter(([, r]) => kinds.includes(r)).map(([c]): [string, string] => [t, c]));
  const matches = (v: string) => [...v.matchAll(KEY)].map((m) => ({ project: m[1]!.toUpperCase(), n: Number(m[2]) }));
  // Key columns hold real keys; free text also holds look-alikes (UTF-8, net-7), so from text only
  // the keys of projects seen in key columns count: a larger mention there could meet another copy's key.
  const projects = new Set<string>();
  for (const [t, c] of columnsOf('key')) {
    for (const v of db.prepare(`SELECT DISTINCT ${q(c)} FROM ${q(t)} WHERE ${q(c)} IS NOT NULL`).pluck().iterate()) {
      if (typeof v === 'string') for (const m of matches(v)) projects.add(m.project);
    }
  }
  const maxKey = Math.max(
    scanMax(db, columnsOf('key'), (v) => matches(v).map((m) => m.n)),
    scanMax(db, columnsOf('text'), (v) => matches(v).filter((m) => projects.has(m.project)).map((m) => m.n)),
  );
  const key = strideAbove(maxKey);
  if (maxKey + (copies - 1) * key > MAX_KEY_NUMBER) {
    throw new Error(`${copies} copies need Jira key numbers up to ${maxKey + (copies - 1) * key}; the linker's key pattern stops at 7 digits`);
  }
  const iids = (v: string) => [...v.matchAll(MR_IID)].map((m) => Number(m[2])).concat([MR_REF.exec(v)?.[1]].filter((x) => x !== undefined).map(Number));
  const iid = strideAbove(scanMax(db, columnsOf('iid', 'mrUrl', 'ref'), iids));
  return { key, iid };
}

/**
 * Each copy's runs bill to its own vendor workspaces (run_events.workspace is `uniq`), because a
 * plan's free allowance is per workspace: shared workspaces would use it up N times as fast and
 * price every copy differently from the base. The settings map the copies' workspaces to the same plans.
 */
function mapCopiedVendorWorkspaces(db: Db, copies: number): void {
  const json = db.prepare("SELECT value_json FROM settings WHERE key = 'workspace'").pluck().get();
  if (typeof json !== 'string') return;
  const settings = JSON.parse(json) as { planByWorkspace?: Record<string, string> };
  const base = Object.entries(settings.planByWorkspace ?? {});
  if (base.length === 0) return;
  const planByWorkspace = Object.fromEntries(base);
  for (let c = 1; c < copies; c += 1) for (const [workspace, plan] of base) planByWorkspace[suffixed(workspace, c)] = plan;
  db.prepare("UPDATE settings SET value_json = ? WHERE key = 'workspace'").run(JSON.stringify({ ...settings, planByWorkspace }));
}

export type ScaleOptions = {
  /** A workspace folder (or its yardstick.sqlite) to replicate; only read. */
  from: string;
  /** The folder for the new workspace; must not hold a workspace unless `force`. */
  out: string;
  /** Copies in total, the original included: 1 makes a plain copy with derived tables emptied. */
  copies: number;
  log?: (line: string) => void;
  force?: boolean;
  /** Run PRAGMA foreign_key_check over the result (default true). */
  checkForeignKeys?: boolean;
};

export type ScaleResult = {
  dbPath: string;
  copies: number;
  seconds: number;
  bytes: number;
  strides: { key: number; iid: number; ids: Record<string, number> };
  tables: { name: string; kind: TableKind; baseRows: number; rows: number }[];
};

/**
 * Writes a workspace holding `copies` disjoint copies of `from`'s raw data (RAW; AGGREGATED rows
 * once, with `copies` × the amounts), one set of its shared rows (SHARED) and empty derived tables
 * (DERIVED), so a records rebuild over it links exactly `copies` × the base's records. Ids and foreign keys move by a power-of-ten stride per
 * table; external keys, Jira keys, MR iids and URLs, shas and run ids are made unique per copy and
 * rewritten consistently wherever the linker joins on them. Copies share timestamps.
 */
export function scaleWorkspace(opts: ScaleOptions): ScaleResult {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (!Number.isInteger(opts.copies) || opts.copies < 1) throw new Error(`copies must be a whole number ≥ 1, not ${opts.copies}`);
  const fromPath = resolve(opts.from.endsWith('.sqlite') ? opts.from : join(opts.from, DB_FILE));
  const outDir = resolve(opts.out);
  const dbPath = join(outDir, DB_FILE);
  if (!existsSync(fromPath)) throw new Error(`${fromPath} does not exist`);
  if (fromPath === dbPath) throw new Error('--from and --out name the same workspace');
  const outFiles = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
  if (existsSync(dbPath) && !opts.force) throw new Error(`${dbPath} exists; pass force (--force) to replace it`);
  for (const f of outFiles) rmSync(f, { force: true });
  mkdirSync(outDir, { recursive: true });

  // A consistent snapshot even if the source is open elsewhere (WAL); every later read is of the copy.
  const src = new Database(fromPath, { readonly: true, fileMustExist: true });
  try {
    src.prepare('VACUUM INTO ?').run(dbPath);
  } finally {
    src.close();
  }
  log(`copied ${fromPath} (${elapsed()})`);

  const db = new Database(dbPath);
  try {
    // No journal: a failed build is deleted below, never repaired.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -524288');

    const names = (db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; wr: number }[]);
    const baseRows = new Map(names.map((t) => [t.name, db.prepare(`SELECT count(*) FROM ${q(t.name)}`).pluck().get() as number]));
    const kinds = new Map(names.map((t) => [t.name, kindOf(t.name, baseRows.get(t.name)!)]));
    for (const t of names) if (kinds.get(t.name) === 'raw' && t.wr) throw new Error(`${t.name} is a WITHOUT ROWID table; the copy statements select base rows by rowid`);
    for (const missing of Object.keys(RAW).filter((t) => !kinds.has(t))) log(`note: raw table ${missing} is not in this schema`);
    for (const [t, k] of kinds) if (k === 'unclassified-empty') log(`note: ${t} is not classified but empty; left empty`);

    const derived = [...kinds].filter(([, k]) => k === 'derived').map(([t]) => t);
    db.transaction(() => {
      for (const t of derived) db.prepare(`DELETE FROM ${q(t)}`).run();
    })();

    const raw = [...kinds].filter(([, k]) => k === 'raw').map(([t]) => t);
    const infos = new Map(raw.map((t) => [t, describeTable(db, t)]));
    const idStrides = new Map<string, number>();
    for (const info of infos.values()) {
      if (info.intPk) idStrides.set(info.name, strideAbove((db.prepare(`SELECT max(${q(info.intPk)}) FROM ${q(info.name)}`).pluck().get() as number | null) ?? 0));
    }
    const strides = keyAndIidStrides(db, new Set(raw), opts.copies);
    const fns = transforms(strides);
    for (const [name, fn] of Object.entries(fns)) db.function(`ys_${name}`, { deterministic: true }, (v: SqlValue, c: number) => fn(v, c));
    const statements = raw.map((t) => {
      const maxRowid = (db.prepare(`SELECT max(rowid) FROM ${q(t)}`).pluck().get() as number | null) ?? 0;
      return db.prepare(copyStatementSql(infos.get(t)!, RAW[t]!, idStrides, strides.iid, maxRowid, infos));
    });
    log(`strides: Jira keys ${strides.key}, MR iids ${strides.iid}; ids ${[...idStrides].map(([t, s]) => `${t} ${s}`).join(', ')}`);

    const copyOnce = db.transaction((c: number) => {
      for (const s of statements) s.run({ c });
    });
    db.transaction(() => {
      for (const [t, a] of Object.entries(AGGREGATED)) {
        if (!infos.has(t)) continue;
        db.prepare(`UPDATE ${q(t)} SET ${a.multiply.map((c) => `${q(c)} = ${q(c)} * ${opts.copies}`).join(', ')} WHERE ${a.where}`).run();
      }
      mapCopiedVendorWorkspaces(db, opts.copies);
    })();
    const every = Math.max(1, Math.round((opts.copies - 1) / 20));
    for (let c = 1; c < opts.copies; c += 1) {
      copyOnce(c);
      if (c % every === 0 || c === opts.copies - 1) log(`copy ${c + 1}/${opts.copies} written (${elapsed()})`);
    }

    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('ANALYZE');
    log(`analyzed (${elapsed()})`);
    if (opts.checkForeignKeys ?? true) {
      const bad = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (bad.length > 0) throw new Error(`${bad.length} foreign key violations, e.g. ${bad.slice(0, 3).map((b) => `${b.table} rowid ${b.rowid} → ${b.parent}`).join('; ')}`);
      log(`foreign keys checked (${elapsed()})`);
    }
    const tables = names.map((t) => ({
      name: t.name,
      kind: kinds.get(t.name)!,
      baseRows: baseRows.get(t.name)!,
      rows: db.prepare(`SELECT count(*) FROM ${q(t.name)}`).pluck().get() as number,
    }));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = outFiles.filter((f) => existsSync(f)).reduce((n, f) => n + statSync(f).size, 0);
    return { dbPath, copies: opts.copies, seconds: (performance.now() - started) / 1000, bytes, strides: { ...strides, ids: Object.fromEntries(idStrides) }, tables };
  } catch (e) {
    if (db.open) db.close();
    for (const f of outFiles) rmSync(f, { force: true });
    throw e;
  }
}

/** The per-table summary the command prints. */
export function formatScaleResult(r: ScaleResult): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [`table                          kind        base rows        rows`];
  for (const t of r.tables) lines.push(`${t.name.padEnd(30)} ${t.kind.padEnd(9)} ${n(t.baseRows).padStart(11)} ${n(t.rows).padStart(11)}`);
  const total = r.tables.reduce((a, t) => a + t.rows, 0);
  lines.push(`${'total'.padEnd(40)} ${n(r.tables.reduce((a, t) => a + t.baseRows, 0)).padStart(11)} ${n(total).padStart(11)}`);
  lines.push(`${r.copies} copies in ${r.seconds.toFixed(1)} s; ${r.dbPath} is ${(r.bytes / 1024 / 1024).toFixed(0)} MB`);
  return lines.join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string' }, copies: { type: 'string' }, force: { type: 'boolean' }, 'no-fk-check': { type: 'boolean' } },
  });
  if (!values.from || !values.out || !values.copies) {
    throw new Error('usage: tsx bench/records/scale-workspace.ts --from DIR --out DIR --copies N [--force] [--no-fk-check]');
  }
  const result = scaleWorkspace({
    from: values.from,
    out: values.out,
    copies: Number(values.copies),
    force: values.force ?? false,
    checkForeignKeys: !values['no-fk-check'],
    log: (line) => process.stderr.write(`[scale-workspace] ${line}\n`),
  });
  console.log(formatScaleResult(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleWorkspace } from '../records/scale-workspace';
import { createDemoWorkspace } from '../../electron/main/app-context';
import { factState, refreshFacts } from '../../electron/db/repositories/facts';
import { executePivot } from '../../electron/db/repositories/pivot-query';
import { refreshConvertedCosts } from '../../electron/db/repositories/records';
import { rebuildRecords } from '../../electron/records/rebuild';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { COST_MEASURES } from '../../shared/domain/metrics';
import { CUBES } from '../../shared/domain/pivot/cubes';
import { PivotSpecSchema, type PivotSpec } from '../../shared/domain/pivot/spec';
import { duckPivotSql, loadDuck, runDuck } from './duckdb';

// Pivot speed at a million fact rows (issue 7). Makes the demo workspace, replicates it with
// bench/records/scale-workspace.ts until it holds ≥ 1,000,000 fact rows, rebuilds the records (and
// with them the facts and cubes), then times: a pivot with 2 row dimensions, 1 column dimension
// (12 months) and 3 measures including a ratio, with subtotals; the same after a filter to about 5%;
// and the same two in DuckDB over the same fact rows. Prints figures and ratios; checks nothing.
// Usage: npm run bench:pivot [-- --facts 1000000] [--runs 7] [--dir DIR] [--reuse] [--keep]
//   --reuse: use DIR/scaled from an earlier --keep run as it is (skips demo, scaling and rebuild)

const AIM = { fullMs: 500, vsDuck: 1.5, filteredMs: 50, filterShare: 0.05 };

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const targetFacts = Number(option('facts') ?? 1_000_000);
const runs = Number(option('runs') ?? 7);
const dir = option('dir') ?? join(tmpdir(), 'yardstick-bench-pivot');
const reuse = process.argv.includes('--reuse');
const keep = process.argv.includes('--keep') || reuse;

const started = performance.now();
const log = (m: string) => process.stderr.write(`[bench:pivot ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en-GB');

type Timing = { median: number; min: number };
const gc = (globalThis as { gc?: () => void }).gc;

async function time(fn: () => unknown, count: number): Promise<Timing> {
  await fn(); // warm-up: statement cache, page cache
  // The rebuild before leaves a large heap: collect it now, not inside a timed run.
  gc?.();
  const t: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]! };
}

const count = (ws: Workspace, sql: string) => ws.db.prepare(sql).pluck().get() as number;

async function prepare(): Promise<{ ws: Workspace; copies: number | null; rebuild: Record<string, number> | null }> {
  const scaled = join(dir, 'scaled');
  if (reuse) {
    if (!existsSync(join(scaled, 'yardstick.sqlite'))) throw new Error(`--reuse: no workspace in ${scaled}; run once with --keep first`);
    return { ws: openWorkspace(scaled, { create: false }), copies: null, rebuild: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log('creating the demo workspace…');
  await createDemoWorkspace(join(dir, 'demo'), { host: 'cli' });
  const demo = openWorkspace(join(dir, 'demo'), { create: false });
  const demoFacts = count(demo, 'SELECT count(*) FROM record_facts');
  demo.close();
  const copies = Math.ceil((targetFacts * 1.01) / demoFacts);
  log(`demo: ${n(demoFacts)} fact rows; replicating ${copies} times…`);
  scaleWorkspace({ from: join(dir, 'demo'), out: scaled, copies, force: true, checkForeignKeys: false, log: (l) => log(`scale: ${l}`) });
  const ws = openWorkspace(scaled, { create: false });
  log('rebuilding records, facts and cubes…');
  const t0 = performance.now();
  const stats = rebuildRecords(ws.db, ws.settings(), { full: true });
  const wall = performance.now() - t0;
  return { ws, copies, rebuild: { wall, load: stats.ms.load, build: stats.ms.build, write: stats.ms.write, records: stats.records } };
}

/** A filter on dimensions outside the pivot's rows and columns whose share of the fact rows is closest to 5%. */
function chooseFilter(ws: Workspace, exclude: readonly string[]): { filters: { dim: string; value: string }[]; share: number } {
  const cube = CUBES.find((c) => c.table === 'record_fact_cube_events')!;
  const dims = ['repository', 'project', 'size', 'outcome', 'plan'].filter((d) => cube.dims.includes(d as never) && !exclude.includes(d));
  const total = count(ws, `SELECT sum(fact_rows) FROM ${cube.table}`);
  let best = { filters: [] as { dim: string; value: string }[], share: 0 };
  const consider = (filters: { dim: string; value: string }[], rows: number) => {
    const share = rows / total;
    if (Math.abs(share - AIM.filterShare) < Math.abs(best.share - AIM.filterShare)) best = { filters, share };
  };
  for (const [i, a] of dims.entries()) {
    for (const r of ws.db.prepare(`SELECT ${a} AS v, sum(fact_rows) AS n FROM ${cube.table} WHERE ${a} IS NOT NULL GROUP BY 1`).all() as { v: string; n: number }[]) consider([{ dim: a, value: r.v }], r.n);
    for (const b of dims.slice(i + 1)) {
      const pairs = ws.db.prepare(`SELECT ${a} AS v, ${b} AS w, sum(fact_rows) AS n FROM ${cube.table} WHERE ${a} IS NOT NULL AND ${b} IS NOT NULL GROUP BY 1, 2`).all() as { v: string; w: string; n: number }[];
      for (const r of pairs) consider([{ dim: a, value: r.v }, { dim: b, value: r.w }], r.n);
    }
  }
  return best;
}

type PhaseResult = {
  label: string;
  cubeRows: Record<string, number>;
  filter: { filters: { dim: string; value: string }[]; share: number };
  shape: { rows: number; cells: number; months: number; sources: string[] };
  ours: Timing;
  oursFiltered: Timing;
  factsOnly: Timing;
  factsOnlyFiltered: Timing;
  duckFull: Timing;
  duckFiltered: Timing;
  duckLoadMs: number;
};

const SPEC: PivotSpec = PivotSpecSchema.parse({ rows: ['team', 'issue_type'], cols: ['month'], values: ['accepted', 'human_hours', 'cost_per_accepted'] });

/** Times the pivot and its filtered slice: ours through the cubes, ours on the fact rows alone, and DuckDB. */
async function measure(ws: Workspace, name: string, label: string): Promise<PhaseResult> {
  const settings = ws.settings();
  const filter = chooseFilter(ws, [...SPEC.rows, ...SPEC.cols]);
  const filtered: PivotSpec = { ...SPEC, filters: filter.filters.map((f) => ({ dim: f.dim as PivotSpec['rows'][number], values: [f.value] })) };
  const full = executePivot(ws.db, SPEC, settings);
  log(`${name}: ${full.rows.length} rows × ${full.columns.length} columns from ${full.sources.join(', ')}; timing…`);
  const ours = await time(() => executePivot(ws.db, SPEC, settings), runs);
  const oursFiltered = await time(() => executePivot(ws.db, filtered, settings), runs);
  log(`${name}: the same on the fact rows without cubes…`);
  const factsOnly = await time(() => executePivot(ws.db, SPEC, settings, { factsOnly: true }), Math.min(3, runs));
  const factsOnlyFiltered = await time(() => executePivot(ws.db, filtered, settings, { factsOnly: true }), Math.min(3, runs));
  log(`${name}: loading the fact rows into DuckDB (untimed)…`);
  const duck = await loadDuck(ws.db, ['accepted', 'human_hours', ...COST_MEASURES]);
  const duckFull = await time(() => runDuck(duck.conn, duckPivotSql(SPEC.rows, SPEC.cols[0]!, [])), runs);
  const duckFiltered = await time(() => runDuck(duck.conn, duckPivotSql(SPEC.rows, SPEC.cols[0]!, filter.filters)), runs);
  duck.close();
  return {
    label,
    cubeRows: factState(ws.db).cubeRows,
    filter,
    shape: { rows: full.rows.length, cells: full.rows.length * full.columns.length * SPEC.values.length, months: full.columns.filter((c) => c.kind === 'leaf').length, sources: full.sources },
    ours,
    oursFiltered,
    factsOnly,
    factsOnlyFiltered,
    duckFull,
    duckFiltered,
    duckLoadMs: duck.loadMs,
  };
}

/**
 * Gives the records the variety real data has and the replicas lack: 40 repositories, sizes and
 * days of the month drawn per record (deterministically from its id; month, team and issue type
 * kept). Returns a function that puts the original values back.
 */
function vary(ws: Workspace): () => void {
  ws.db.exec('DROP TABLE IF EXISTS temp.bench_original; CREATE TEMP TABLE bench_original AS SELECT id, repository, size, ended_at FROM records');
  ws.db.exec(`UPDATE records SET
    repository = 'northwind/repo-' || ((id * 7919) % 40),
    size = CASE (id * 104729) % 5 WHEN 0 THEN 'XS' WHEN 1 THEN 'S' WHEN 2 THEN 'M' WHEN 3 THEN 'L' ELSE 'XL' END,
    ended_at = CASE WHEN ended_at IS NULL THEN NULL ELSE period_month || '-' || printf('%02d', 1 + (id * 31) % 28) || substr(ended_at, 11) END`);
  return () => {
    ws.db.exec('UPDATE records SET repository = o.repository, size = o.size, ended_at = o.ended_at FROM temp.bench_original o WHERE o.id = records.id; DROP TABLE temp.bench_original');
  };
}

function phaseLines(p: PhaseResult): string[] {
  const cubes = Object.entries(p.cubeRows);
  const row = (name: string, t: Timing, duck: Timing | null, aim: string) =>
    `${name.padEnd(31)}${ms(t.median).padStart(10)} ${ms(t.min).padStart(10)} ${(duck ? ms(duck.median) : '').padStart(15)} ${(duck ? (t.median / duck.median).toFixed(2) : '').padStart(13)}${duck ? '×' : ' '}   ${aim}`;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `${p.label}`,
    `  Cubes: ${cubes.map(([t, r]) => `${t.replace('record_fact_cube_', '')} ${n(r)} rows`).join(', ')}; the pivot read ${p.shape.sources.join(', ')}`,
    `  Filter: ${p.filter.filters.map((f) => `${f.dim} = ${f.value}`).join(' and ')} (${(p.filter.share * 100).toFixed(1)}% of fact rows); DuckDB loaded in ${s(p.duckLoadMs)}`,
    '                                   median        min   DuckDB median   ours ÷ DuckDB   aim',
    row('  full pivot', p.ours, p.duckFull, `< ${AIM.fullMs} ms and ≤ ${AIM.vsDuck}× DuckDB: ${met(p.ours.median < AIM.fullMs && p.ours.median <= AIM.vsDuck * p.duckFull.median)}`),
    row('  filtered pivot', p.oursFiltered, p.duckFiltered, `< ${AIM.filteredMs} ms: ${met(p.oursFiltered.median < AIM.filteredMs)}`),
    row('  full, fact rows (no cubes)', p.factsOnly, p.duckFull, ''),
    row('  filtered, fact rows (no cubes)', p.factsOnlyFiltered, p.duckFiltered, ''),
    '',
  ];
}

async function main(): Promise<void> {
  const { ws, copies, rebuild } = await prepare();
  try {
    const settings = ws.settings();
    const factRows = count(ws, 'SELECT count(*) FROM record_facts');
    const records = count(ws, 'SELECT count(*) FROM records');
    log(`${n(records)} records, ${n(factRows)} fact rows; timing facts refreshes…`);

    // Facts refresh when one record changed: its rows, then its month in every cube.
    ws.db.prepare('UPDATE records SET title = title WHERE id = (SELECT min(id) FROM records)').run();
    const one = refreshFacts(ws.db, settings)!;
    // Money re-converted after an exchange-rate change: every record is rewritten, every fact row with it.
    const t0 = performance.now();
    refreshConvertedCosts(ws.db, settings.currency);
    const convertMs = performance.now() - t0;
    const all = refreshFacts(ws.db, settings)!;

    const replicas = await measure(ws, 'replicated', `As replicated: copies repeat the demo's dimension values, so the cubes stay the demo's size`);
    const restore = vary(ws);
    const variedRefresh = refreshFacts(ws.db, settings)!;
    const varied = await measure(ws, 'varied', 'Varied: each record given one of 40 repositories, a size and a day of its month (so a week), drawn from its id');
    restore();
    refreshFacts(ws.db, settings);

    const lines = [
      '',
      `Workspace: ${n(records)} records, ${n(factRows)} fact rows${copies ? ` (the demo × ${copies})` : ''}`,
      '',
      'Facts and cubes                                    time',
      ...(rebuild
        ? [
            `records rebuild, full, first build                 ${s(rebuild['wall']!)}  (load ${s(rebuild['load']!)}, build ${s(rebuild['build']!)}, write ${s(rebuild['write']!)})`,
            `  of it facts + cubes (the rest of the wall time)  ${s(rebuild['wall']! - rebuild['load']! - rebuild['build']! - rebuild['write']!)}`,
          ]
        : []),
      `facts refresh, one record changed                  ${s(one.ms.groups + one.ms.facts + one.ms.cubes)}  (its rows ${ms(one.ms.facts)}, its month of the cubes ${s(one.ms.cubes)})`,
      `money re-converted (rate change): records          ${s(convertMs)}`,
      `  then facts refresh, every record                 ${s(all.ms.groups + all.ms.facts + all.ms.cubes)}  (rows ${s(all.ms.facts)}, cubes ${s(all.ms.cubes)})`,
      `varying the records (below): facts refresh         ${s(variedRefresh.ms.groups + variedRefresh.ms.facts + variedRefresh.ms.cubes)}`,
      '',
      `Pivot: rows team, issue_type; columns month (${replicas.shape.months}); values accepted, human_hours, cost_per_accepted (a ratio); subtotals and totals`,
      `(${replicas.shape.rows} rows, ${replicas.shape.cells} cells as replicated; ${varied.shape.rows} rows, ${varied.shape.cells} cells varied)`,
      '',
      ...phaseLines(replicas),
      ...phaseLines(varied),
      `Ours: executePivot end to end (facts-current check, plan, SQL, shaping). DuckDB: one GROUPING SETS query over the fact rows, every group read back.`,
      `${runs} timed runs after a warm-up (fact-row runs: ${Math.min(3, runs)}); medians and minimums.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    ws.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else log(`workspace kept in ${join(dir, 'scaled')} (rerun with --reuse --dir ${dir})`);
  }
}

await main();

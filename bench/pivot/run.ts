import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaleWorkspace } from '../records/scale-workspace';
import { createDemoWorkspace } from '../../electron/main/app-context';
import { refreshFacts } from '../../electron/db/repositories/facts';
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
async function time(fn: () => unknown, count: number): Promise<Timing> {
  await fn(); // warm-up: statement cache, page cache
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

async function main(): Promise<void> {
  const { ws, copies, rebuild } = await prepare();
  try {
    const settings = ws.settings();
    const factRows = count(ws, 'SELECT count(*) FROM record_facts');
    const records = count(ws, 'SELECT count(*) FROM records');
    log(`${n(records)} records, ${n(factRows)} fact rows; timing facts refreshes…`);

    // Facts refresh when one record changed (its rows, then every cube from the facts).
    ws.db.prepare('UPDATE records SET title = title WHERE id = (SELECT min(id) FROM records)').run();
    const one = refreshFacts(ws.db, settings)!;
    // Money re-converted after an exchange-rate change: every record is rewritten, every fact row with it.
    const t0 = performance.now();
    refreshConvertedCosts(ws.db, settings.currency);
    const convertMs = performance.now() - t0;
    const all = refreshFacts(ws.db, settings)!;

    const spec: PivotSpec = PivotSpecSchema.parse({ rows: ['team', 'issue_type'], cols: ['month'], values: ['accepted', 'human_hours', 'cost_per_accepted'] });
    const filter = chooseFilter(ws, [...spec.rows, ...spec.cols]);
    const filtered: PivotSpec = { ...spec, filters: filter.filters.map((f) => ({ dim: f.dim as PivotSpec['rows'][number], values: [f.value] })) };
    const full = executePivot(ws.db, spec, settings);
    const months = full.columns.filter((c) => c.kind === 'leaf').length;
    log(`pivot: ${full.rows.length} rows × ${full.columns.length} columns (${months} months) from ${full.sources.join(', ')}; timing…`);
    const ours = await time(() => executePivot(ws.db, spec, settings), runs);
    const oursFiltered = await time(() => executePivot(ws.db, filtered, settings), runs);
    log('timing the same on the fact rows without cubes…');
    const factsOnly = await time(() => executePivot(ws.db, spec, settings, { factsOnly: true }), Math.min(3, runs));
    const factsOnlyFiltered = await time(() => executePivot(ws.db, filtered, settings, { factsOnly: true }), Math.min(3, runs));

    log('loading the fact rows into DuckDB (untimed)…');
    const duck = await loadDuck(ws.db, ['accepted', 'human_hours', ...COST_MEASURES]);
    const duckFull = await time(() => runDuck(duck.conn, duckPivotSql(spec.rows, spec.cols[0]!, [])), runs);
    const duckFiltered = await time(() => runDuck(duck.conn, duckPivotSql(spec.rows, spec.cols[0]!, filter.filters)), runs);
    const duckRows = await runDuck(duck.conn, duckPivotSql(spec.rows, spec.cols[0]!, []));
    duck.close();

    const cubes = Object.entries(all.cubeRows);
    const lines = [
      '',
      `Workspace: ${n(records)} records, ${n(factRows)} fact rows${copies ? ` (the demo × ${copies})` : ''}; DuckDB table ${n(duck.rows)} rows, loaded in ${s(duck.loadMs)}`,
      `Cubes: ${cubes.map(([t, r]) => `${t} ${n(r)} rows`).join(', ')}`,
      '  (copies repeat the demo\'s dimension values, so cube sizes here are the demo\'s; see bench/pivot/README.md)',
      '',
      'Facts and cubes                                   time',
      ...(rebuild
        ? [
            `records rebuild, full, first build                ${s(rebuild['wall']!)}  (load ${s(rebuild['load']!)}, build ${s(rebuild['build']!)}, write ${s(rebuild['write']!)})`,
            `  of it facts + cubes (the rest of the wall time)  ${s(rebuild['wall']! - rebuild['load']! - rebuild['build']! - rebuild['write']!)}`,
          ]
        : []),
      `facts refresh, one record changed                 ${s(one.ms.groups + one.ms.facts + one.ms.cubes)}  (its rows ${ms(one.ms.facts)}, cubes ${s(one.ms.cubes)})`,
      `money re-converted (rate change): records         ${s(convertMs)}`,
      `  then facts refresh, every record                ${s(all.ms.groups + all.ms.facts + all.ms.cubes)}  (rows ${s(all.ms.facts)}, cubes ${s(all.ms.cubes)})`,
      '',
      `Pivot: rows team, issue_type; columns month (${months}); values accepted, human_hours, cost_per_accepted (ratio); subtotals and totals`,
      `Filter: ${filter.filters.map((f) => `${f.dim} = ${f.value}`).join(' and ')} (${(filter.share * 100).toFixed(1)}% of fact rows)`,
      '',
      '                                   median        min     DuckDB median   ours ÷ DuckDB   aim',
      `full pivot                     ${ms(ours.median).padStart(10)} ${ms(ours.min).padStart(10)} ${ms(duckFull.median).padStart(15)} ${(ours.median / duckFull.median).toFixed(2).padStart(13)}×   < ${AIM.fullMs} ms and ≤ ${AIM.vsDuck}× DuckDB: ${ours.median < AIM.fullMs && ours.median <= AIM.vsDuck * duckFull.median ? 'met' : 'NOT met'}`,
      `filtered pivot                 ${ms(oursFiltered.median).padStart(10)} ${ms(oursFiltered.min).padStart(10)} ${ms(duckFiltered.median).padStart(15)} ${(oursFiltered.median / duckFiltered.median).toFixed(2).padStart(13)}×   < ${AIM.filteredMs} ms: ${oursFiltered.median < AIM.filteredMs ? 'met' : 'NOT met'}`,
      `full, fact rows (no cubes)     ${ms(factsOnly.median).padStart(10)} ${ms(factsOnly.min).padStart(10)} ${''.padStart(15)} ${(factsOnly.median / duckFull.median).toFixed(2).padStart(13)}×`,
      `filtered, fact rows (no cubes) ${ms(factsOnlyFiltered.median).padStart(10)} ${ms(factsOnlyFiltered.min).padStart(10)} ${''.padStart(15)} ${(factsOnlyFiltered.median / duckFiltered.median).toFixed(2).padStart(13)}×`,
      '',
      `Ours: executePivot end to end (facts-current check, plan, SQL, shaping ${full.rows.length} rows × ${full.columns.length * 3} cells); DuckDB: one GROUPING SETS query, ${duckRows} groups read back.`,
      `${runs} timed runs after a warm-up (fact-row runs: ${Math.min(3, runs)}).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    ws.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else log(`workspace kept in ${join(dir, 'scaled')} (rerun with --reuse --dir ${dir})`);
  }
}

await main();

import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scaleWorkspace } from '../records/scale-workspace';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { WORKSHEET_CALIBRATION } from '../../electron/main/ipc/handlers/worksheet';
import { calibrate } from '../../electron/main/ipc/handlers/scenarios';
import { worksheetInput } from '../../electron/export/worksheet/gather';
import { writeWorkbookPlan } from '../../electron/export/worksheet/xlsx-writer';
import { rebuildRecords } from '../../electron/records/rebuild';
import { openWorkspace } from '../../electron/workspace/workspace';
import { buildWorksheetPlan } from '../../shared/domain/worksheet/plan';

// The pilot cost worksheet at 10,000 records (issue 9: under 3 s). The workspace is the demo
// replicated inside SQLite (bench/records/scale-workspace.ts; 15 copies ≈ 10,000 records) and
// rebuilt; then export:worksheet runs for the whole workspace and for the demo pilot, end to end
// through the handler, and once more split into its phases. Prints figures only.
//
//   npm run bench:worksheet [-- --copies 15 --rounds 3 --workspace DIR --keep]
//   (--workspace reuses a scaled workspace made earlier; --keep leaves the one made here)

const { values } = parseArgs({ options: { copies: { type: 'string' }, rounds: { type: 'string' }, workspace: { type: 'string' }, keep: { type: 'boolean' } } });
const copies = Number(values.copies ?? 15);
const rounds = Number(values.rounds ?? 3);
const PILOT = 'Payments maintenance';

const tmp = mkdtempSync(join(tmpdir(), 'yardstick-bench-worksheet-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let dir = values.workspace;
if (!dir) {
  const demo = join(tmp, 'demo');
  let t = performance.now();
  await createDemoWorkspace(demo, { host: 'cli' });
  console.log(`demo workspace                ${seconds(performance.now() - t)}`);
  dir = join(tmp, 'scaled');
  t = performance.now();
  scaleWorkspace({ from: demo, out: dir, copies });
  const scaled = openWorkspace(dir, { create: false });
  rebuildRecords(scaled.db, scaled.settings(), { full: true });
  scaled.close();
  console.log(`scaled ×${copies} and rebuilt       ${seconds(performance.now() - t)}`);
}
if (!existsSync(join(dir, 'yardstick.sqlite'))) throw new Error(`no workspace in ${dir}`);

const ws = openWorkspace(dir, { create: false });
const ctx = makeContext('cli', ws);
const records = ws.db.prepare('SELECT count(*) FROM records').pluck().get() as number;
console.log(`workspace ${dir}: ${records.toLocaleString('en-GB')} records; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`);

for (const pilot of [undefined, PILOT]) {
  const label = pilot ? `pilot ${pilot}` : 'whole workspace';
  const out = join(tmp, pilot ? 'pilot.xlsx' : 'workspace.xlsx');
  const times: number[] = [];
  let written = { records: 0, bytes: 0 };
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const r = await dispatch(handlers, 'export:worksheet', { path: out, ...(pilot ? { pilot } : {}) }, ctx);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    written = r.data as { records: number; bytes: number };
  }
  console.log(
    `export:worksheet, ${label.padEnd(28)} ${written.records.toLocaleString('en-GB').padStart(6)} records  median ${seconds(median(times))} (min ${seconds(Math.min(...times))}, ${rounds} rounds)  ${(written.bytes / 1024 / 1024).toFixed(2)} MB`,
  );
}

// The same export in phases (whole workspace): what the time goes to.
{
  const phases: Record<string, number> = {};
  const time = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const v = f();
    phases[name] = performance.now() - t;
    return v;
  };
  const scenario = time('calibrate', () => calibrate(ctx, { name: 'Bench', ...WORKSHEET_CALIBRATION }));
  const input = time('read records, sources, engine run', () => worksheetInput(ws.db, ws.settings(), { pilot: null, scenario, origin: 'calibrated', appVersion: ctx.version }));
  const plan = time('build the plan (pure)', () => buildWorksheetPlan(input));
  const out = join(tmp, 'phases.xlsx');
  const t = performance.now();
  await writeWorkbookPlan(plan, out);
  phases['write XLSX (exceljs streaming)'] = performance.now() - t;
  for (const [name, ms] of Object.entries(phases)) console.log(`  ${name.padEnd(36)} ${seconds(ms)}`);
  console.log(`  ${'cells'.padEnd(36)} ${plan.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0).toLocaleString('en-GB')}; file ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
}
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
ws.close();
if (!values.keep) rmSync(tmp, { recursive: true, force: true });
else console.log(`kept ${tmp}`);

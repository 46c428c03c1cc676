import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHART_IDS } from '../../shared/domain/charts/ids';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { chromiumPdfPrinter, pdfPageCount } from '../../electron/export/report/pdf-printer';
import { buildReport } from '../../electron/export/report/write-report';
import { openWorkspace } from '../../electron/workspace/workspace';

// The report export's timings (issue 9: a report PDF in under 5 s). On the demo workspace (or
// --workspace DIR): building the report (figures, scenario runs, charts, HTML), printing it with
// headless Chromium, the whole export:report call for A4 and Letter, the CLI end to end (process
// start included), and each key chart as SVG and as PNG at 2×.
// Usage: npm run bench:report [-- --workspace DIR --pilot NAME --rounds 3]

const { values } = parseArgs({ options: { workspace: { type: 'string' }, pilot: { type: 'string' }, rounds: { type: 'string' } } });
const rounds = Number(values.rounds ?? 3);
const root = fileURLToPath(new URL('../..', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'yardstick-bench-report-'));
let dir = values.workspace;
if (!dir) {
  if (!existsSync(join(root, 'out/main/cli.js'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  dir = join(temp, 'demo');
  const demo = spawnSync(process.execPath, [join(root, 'bin/yardstick.js'), 'demo', '--workspace', dir], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stderr}`);
}
const pilot = values.pilot ?? (values.workspace ? undefined : 'Payments maintenance');

const workspace = openWorkspace(dir, { create: false });
const ctx = makeContext('cli', workspace);
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await f();
  return { ms: performance.now() - started, value };
}

console.log(`Report export on ${dir}${pilot ? `, pilot "${pilot}"` : ', whole workspace'}; Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);
const records = (workspace.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
console.log(`${records.toLocaleString('en-GB')} records\n`);

try {
  const cold = await timed(() => buildReport(ctx, { pilot, paper: 'a4' }));
  console.log(`${'build report (figures, scenario + Monte Carlo, 5 charts, HTML), first'.padEnd(72)} ${ms(cold.ms)}   (${(cold.value.html.length / 1024).toFixed(0)} KB of HTML)`);
  const builds: number[] = [];
  for (let i = 0; i < rounds; i++) builds.push((await timed(() => buildReport(ctx, { pilot, paper: 'a4' }))).ms);
  console.log(`${'build report, warm (median)'.padEnd(72)} ${ms(median(builds))}`);

  const prints: number[] = [];
  let pages = 0;
  for (let i = 0; i < rounds; i++) {
    const p = await timed(() => chromiumPdfPrinter(cold.value.html, { paper: 'a4' }));
    prints.push(p.ms);
    pages = pdfPageCount(p.value);
  }
  console.log(`${'print with headless Chromium (median)'.padEnd(72)} ${ms(median(prints))}   (${pages} pages)`);

  for (const paper of ['a4', 'letter'] as const) {
    const runs: number[] = [];
    let last: unknown;
    for (let i = 0; i < rounds; i++) {
      const path = join(temp, `report-${paper}.pdf`);
      const r = await timed(() => dispatch(handlers, 'export:report', { paper, path, ...(pilot ? { pilot } : {}) }, ctx));
      if (!r.value.ok) throw new Error(r.value.error.message);
      runs.push(r.ms);
      last = r.value.data;
    }
    const data = last as { pages: number; bytes: number };
    const aim = median(runs) < 5000 ? 'met' : 'MISSED';
    console.log(`${`export:report ${paper} (median of ${rounds})`.padEnd(72)} ${ms(median(runs))}   (${data.pages} pages, ${(data.bytes / 1024).toFixed(0)} KB; aim < 5000 ms: ${aim})`);
  }

  if (existsSync(join(root, 'out/main/cli.js'))) {
    const out = join(temp, 'cli.pdf');
    const started = performance.now();
    const cli = spawnSync(process.execPath, [join(root, 'bin/yardstick.js'), 'export', 'report', '--workspace', dir, ...(pilot ? ['--pilot', pilot] : []), '--out', out], { encoding: 'utf8' });
    if (cli.status !== 0) throw new Error(`CLI failed: ${cli.stderr}`);
    console.log(`${'yardstick export report (CLI, process start included)'.padEnd(72)} ${ms(performance.now() - started)}   (${(statSync(out).size / 1024).toFixed(0)} KB)`);
  }

  console.log('');
  for (const chart of CHART_IDS) {
    if (chart === 'pilot-monthly' && !pilot) continue;
    for (const format of ['svg', 'png'] as const) {
      const path = join(temp, `${chart}.${format}`);
      const r = await timed(() => dispatch(handlers, 'export:chart', { chart, format, path, ...(pilot ? { pilot } : {}) }, ctx));
      if (!r.value.ok) throw new Error(r.value.error.message);
      const d = r.value.data as { width: number; height: number; bytes: number };
      console.log(`${`export:chart ${chart} ${format}`.padEnd(72)} ${ms(r.ms)}   (${d.width}×${d.height}, ${(d.bytes / 1024).toFixed(0)} KB)`);
    }
  }
} finally {
  workspace.close();
  rmSync(temp, { recursive: true, force: true });
}

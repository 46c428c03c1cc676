// Import benchmark: a 1,000,000-row Copilot usage NDJSON and a 1,000,000-row GitHub billing CSV,
// each previewed and imported with the real CLI. Prints rows/s, peak memory (GNU time) and the
// time to the first preview. Usage: npm run bench:imports [-- --rows 1000000]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = process.argv.indexOf('--rows');
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
if (!existsSync(join(root, 'out/main/cli.js'))) spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'yardstick-bench-imports-'));

async function writeLines(path, header, line) {
  const out = createWriteStream(path);
  if (header) out.write(`${header}\n`);
  for (let i = 0; i < ROWS; i += 1) if (!out.write(line(i))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}

const day = (i) => new Date(Date.UTC(2025, 9, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
const files = [
  {
    name: 'copilot-users-1-day.ndjson',
    header: null,
    line: (i) => `${JSON.stringify({ ai_credits_used: (i % 97) / 4, day: day(i), enterprise_id: '1', organization_id: '4012', user_id: 100000 + Math.floor(i / 365), user_login: `user${Math.floor(i / 365)}`, user_initiated_interaction_count: i % 17, used_agent: i % 3 === 0, code_generation_activity_count: i % 31, loc_added_sum: i % 211 })}\n`,
  },
  {
    name: 'github-billing.csv',
    header: 'date,product,sku,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,workflow_path,cost_center_name',
    line: (i) => `${day(i)},copilot,copilot_ai_credit,${i % 50},ai-credits,0.01,${((i % 50) / 100).toFixed(2)},0,${((i % 50) / 100).toFixed(2)},user${Math.floor(i / 365)},acme,acme/repo-${i % 40},,Team ${i % 7}\n`,
  },
];

function timed(args) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb=%M', process.execPath, join(root, 'bin/yardstick.js'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.split('\n').filter((l) => !l.startsWith('…')).join('\n')}`);
  return { seconds, peakMb: Number(/peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, stdout: r.stdout };
}

console.log(`import benchmark: ${ROWS.toLocaleString('en-GB')} rows per file (CLI process end to end, including ~0.3 s start-up)`);
console.log('file                          MB   preview s   import s     rows/s   peak MB   rows in db');
for (const f of files) {
  const path = join(dir, f.name);
  const bytes = await writeLines(path, f.header, f.line);
  const ws = join(dir, `ws-${f.name}`);
  const preview = timed(['import', '--workspace', ws, '--preview', path]);
  const run = timed(['import', '--workspace', ws, '--format', 'json', path]);
  const [result] = JSON.parse(run.stdout);
  const added = result.summary?.rowsImported ?? 0;
  console.log(`${f.name.padEnd(28)} ${(bytes / 1e6).toFixed(0).padStart(4)} ${preview.seconds.toFixed(2).padStart(11)} ${run.seconds.toFixed(2).padStart(10)} ${Math.round(ROWS / run.seconds).toString().padStart(10)} ${run.peakMb.toFixed(0).padStart(9)} ${String(added).padStart(12)}`);
  rmSync(path);
}
rmSync(dir, { recursive: true, force: true });

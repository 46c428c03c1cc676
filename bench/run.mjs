// Benchmarks print figures and ratios; tests never check timings. Usage: npm run bench [-- --scales 1,5]
// demo: `yardstick demo --scale N` end to end (generate vendor payloads, parse, upsert, import, link),
// measured as wall time, rows written per second and peak memory of the process (GNU time).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = process.argv.indexOf('--scales');
const scales = (arg > 0 ? process.argv[arg + 1] : '1,5').split(',').map(Number);
if (!existsSync(join(root, 'out/main/cli.js'))) execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
const hasGnuTime = existsSync('/usr/bin/time');

const results = [];
for (const scale of scales) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-bench-'));
  const ws = join(dir, 'ws');
  const cmd = hasGnuTime ? '/usr/bin/time' : process.execPath;
  const args = [...(hasGnuTime ? ['-f', 'peak-rss-kb=%M', process.execPath] : []), join(root, 'bin/yardstick.js'), 'demo', '--workspace', ws, '--scale', String(scale), '--format', 'json'];
  const started = performance.now();
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`demo --scale ${scale} failed: ${run.stderr.split('\n').filter((l) => !l.startsWith('…')).join('\n')}`);
  const status = JSON.parse(run.stdout);
  const rows = status.tables.reduce((n, t) => n + t.rows, 0);
  const rss = Number(/peak-rss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  results.push({ scale, seconds, rows, rowsPerSecond: rows / seconds, peakMb: rss, records: status.tables.find((t) => t.name === 'records').rows });
  rmSync(dir, { recursive: true, force: true });
}
console.log('demo workspace creation (generate → parse → upsert → import → link)');
console.log('scale  seconds      rows   rows/s  records  peak MB');
for (const r of results) {
  console.log(`${String(r.scale).padStart(5)} ${r.seconds.toFixed(2).padStart(8)} ${String(r.rows).padStart(9)} ${Math.round(r.rowsPerSecond).toString().padStart(8)} ${String(r.records).padStart(8)} ${Number.isNaN(r.peakMb) ? '      -' : r.peakMb.toFixed(0).padStart(8)}`);
}
if (results.length > 1) {
  const [a, b] = [results[0], results[results.length - 1]];
  console.log(`ratio scale ${b.scale}/${a.scale}: time ×${(b.seconds / a.seconds).toFixed(2)}, rows ×${(b.rows / a.rows).toFixed(2)}, peak memory ×${(b.peakMb / a.peakMb).toFixed(2)}`);
}

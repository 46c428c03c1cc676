import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { formatProfile, formatReport, rates, type ProfileSummary, type SizeResult, type SyncMeasurement } from './results';
import { FULL_SIZE } from './scale-dataset';
import type { ServersInfo } from './servers-main';

// Sync throughput against the local Jira Cloud and GitLab servers: records/s of parse + upsert,
// peak memory at two sizes, a re-sync with nothing changed, and our CPU versus waiting on the servers.
// Usage: npm run bench:sync [-- --sizes 0.25,1 | --fraction 0.5] [--seed 42] [--profile | --no-profile] [--profile-size F] [--keep]
// A CPU profile (a separate run, so its overhead stays out of the figures) is taken at the largest
// size when parse + upsert falls short of the target, or always with --profile.
// Each size runs in fresh processes: the servers in one, the measured sync in another, so peak RSS
// and CPU time belong to the sync alone. Prints figures and ratios; checks nothing.

/** The issue's aim for our side: parse + upsert at least this fast. */
const TARGET_RECORDS_PER_CPU_SECOND = 20_000;
const HERE = fileURLToPath(new URL('.', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const sizes = (option('fraction') ?? option('sizes') ?? '0.25,1').split(',').map(Number);
if (sizes.some((s) => !(s > 0))) throw new Error('--sizes / --fraction take positive numbers, e.g. 0.25,1');
const seed = option('seed') ?? '42';
const keep = process.argv.includes('--keep');
const profileMode = process.argv.includes('--profile') ? 'always' : process.argv.includes('--no-profile') ? 'never' : 'when-slow';

const log = (message: string) => process.stderr.write(`[bench:sync ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const startedAt = performance.now();

/**
 * A TypeScript entry point in a child Node process (tsx as a loader, so the pid is node's own),
 * with the shim for the one Vite-only construct the app's main-process code uses.
 */
const tsChild = (file: string, args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', '--import', join(HERE, 'vite-glob-register.mjs'), join(HERE, file), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });

async function firstLine(child: ChildProcess, what: string): Promise<string> {
  if (!child.stdout) throw new Error(`${what}: no stdout`);
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before printing its result`)));
    lines.once('line', resolve);
  });
}

async function startServers(fraction: number): Promise<{ info: ServersInfo; stop: () => void }> {
  const child = tsChild('servers-main.ts', ['--fraction', String(fraction), '--seed', seed]);
  const info = JSON.parse(await firstLine(child, 'servers-main')) as ServersInfo;
  child.removeAllListeners('exit');
  return { info, stop: () => void child.kill('SIGTERM') };
}

type SyncOutput = { baselineRssMb: number; first: SyncMeasurement; resync: SyncMeasurement; profile?: ProfileSummary; workspace: string | null };

async function runSync(info: ServersInfo, extra: string[]): Promise<SyncOutput> {
  const child = tsChild('sync-main.ts', ['--servers', JSON.stringify(info), ...extra, ...(keep ? ['--keep'] : [])]);
  const out = await firstLine(child, 'sync-main');
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(out) as SyncOutput;
}

async function measure(fraction: number, extra: string[] = []): Promise<SizeResult> {
  log(`fraction ${fraction}: building and starting the servers…`);
  const { info, stop } = await startServers(fraction);
  try {
    const d = info.dataset;
    log(`fraction ${fraction}: ${d['issues']} issues, ${d['mergeRequests']} MRs, ${d['pipelines']} pipelines, ${d['jobs']} jobs ready in ${(info.buildMs / 1000).toFixed(1)} s; syncing…`);
    const out = await runSync(info, extra);
    log(`fraction ${fraction}: first sync ${(out.first.wallMs / 1000).toFixed(1)} s, re-sync ${(out.resync.wallMs / 1000).toFixed(1)} s${out.workspace ? ` (workspace kept at ${out.workspace})` : ''}`);
    return { fraction, dataset: d, datasetBuildMs: info.buildMs, baselineRssMb: out.baselineRssMb, first: out.first, resync: out.resync, ...(out.profile ? { profile: out.profile } : {}) };
  } finally {
    stop();
  }
}

async function main(): Promise<void> {
  log(`sizes ${sizes.join(', ')} of ${FULL_SIZE.issues.toLocaleString('en-US')} issues / ${FULL_SIZE.mergeRequests.toLocaleString('en-US')} MRs / ${FULL_SIZE.jobs.toLocaleString('en-US')} jobs; ${cpus().length} CPUs, Node ${process.version}`);
  const results: SizeResult[] = [];
  for (const fraction of sizes) results.push(await measure(fraction));

  let profiled: SizeResult | undefined;
  const slow = results.some((r) => rates(r.first).perCpu < TARGET_RECORDS_PER_CPU_SECOND);
  if (profileMode === 'always' || (profileMode === 'when-slow' && slow)) {
    const fraction = Number(option('profile-size') ?? Math.max(...sizes));
    const dir = join(tmpdir(), 'yardstick-bench-profiles');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `sync-${fraction}-${Date.now()}.cpuprofile`);
    log(`profiling a separate first sync at fraction ${fraction} (${slow ? `below ${TARGET_RECORDS_PER_CPU_SECOND.toLocaleString('en-US')} records per CPU second` : 'asked for'}); not part of the figures above`);
    profiled = await measure(fraction, ['--profile', file]);
  }

  console.log(`\nSync benchmark (${cpus().length} CPUs, Node ${process.version}, seed ${seed})\n`);
  console.log(formatReport(results));
  if (profiled?.profile) console.log(`\n${formatProfile(profiled.fraction, profiled.profile, profiled.first)}`);
  const met = results.filter((r) => rates(r.first).perCpu >= TARGET_RECORDS_PER_CPU_SECOND).map((r) => r.fraction);
  console.log(`\nTarget, at least ${TARGET_RECORDS_PER_CPU_SECOND.toLocaleString('en-US')} records per CPU second of the sync process: met at ${met.length} of ${results.length} sizes${met.length > 0 ? ` (${met.join(', ')})` : ''}.`);
  log('done');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

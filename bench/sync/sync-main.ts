import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncProgressEvent } from '../../shared/ipc/contract';
import type { Db } from '../../electron/db/connection';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import type { CredentialStore } from '../../electron/secrets/credential-store';
import type { SyncOutcome } from '../../electron/sync/engine';
import { openWorkspace } from '../../electron/workspace/workspace';
import { cpuMs, marker, maxRssMb, phaseTracker, timeTransactions, type PhaseResult } from './phases';
import { summariseProfile } from './profile-summary';
import { RECORD_TABLES, type ProfileSummary, type SyncMeasurement } from './results';
import type { RequestStats, ServersInfo, ServersStats } from './servers-main';

// The measured process: a temp workspace, both sources added and synced through the same handlers
// the app and CLI use, then a second sync with nothing changed. Only this process's CPU time is
// "our code"; the servers run in another. Prints one JSON line: { baselineRssMb, first, resync, profile? }.
// Usage: node --import tsx --import ./bench/sync/vite-glob-register.mjs bench/sync/sync-main.ts
//   --servers '<servers-main JSON line>' [--profile out.cpuprofile] [--keep]

/** Tokens in memory: a benchmark needs no keychain, and must never touch the developer's. */
function memorySecrets(): CredentialStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    check: async () => ({ available: true }),
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const mb = (bytes: number): number => bytes / 2 ** 20;

/**
 * CPU milliseconds the whole machine has been busy (Linux /proc/stat), to tell how much other
 * processes competed with the benchmark: wall times suffer from that, CPU times much less.
 */
function machineBusyMs(): number | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

async function serverStats(info: ServersInfo): Promise<ServersStats> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const res = await fetch(`${info.control}/stats`);
      return (await res.json()) as ServersStats;
    } catch (e) {
      // A kept-alive socket the server closed meanwhile (e.g. while a profile was being summarised) fails once; a dead server keeps failing.
      if (attempt >= 3) throw new Error(`the servers' stats endpoint did not answer: ${String((e as { cause?: unknown }).cause ?? e)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function countRows(db: Db): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const table of RECORD_TABLES) rows[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return rows;
}

const diff = (a: RequestStats, b: RequestStats): RequestStats => ({
  total: b.total - a.total,
  failed: b.failed - a.failed,
  byKind: Object.fromEntries(Object.entries(b.byKind).map(([k, v]) => [k, v - (a.byKind[k] ?? 0)]).filter(([, v]) => Number(v) > 0)),
});

/** Hooks this process's sync events and transactions up to whichever measurement is running. */
type Probe = { onProgress: ((e: SyncProgressEvent) => void) | null; charge: ((ms: number, cpu: number) => void) | null };

async function measureSync(ctx: HandlerContext, info: ServersInfo, probe: Probe): Promise<SyncMeasurement & { windowsUs: PhaseResult['windowsUs'] }> {
  const { db } = ctx.workspace;
  const mark = marker(db);
  const tracker = phaseTracker(mark);
  let peakRss = 0;
  let peakHeap = 0;
  let ingesting = true;
  const sample = () => {
    if (!ingesting) return;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, mb(m.rss));
    peakHeap = Math.max(peakHeap, mb(m.heapUsed));
  };
  // The event loop is blocked during each page's transaction, so the sampler can miss short peaks;
  // the kernel's high-water mark (ru_maxrss) does not.
  const sampler = setInterval(sample, 100);
  probe.charge = tracker.charge;
  probe.onProgress = (e) => {
    if (e.state !== 'running') {
      sample();
      ingesting = false;
    }
    tracker.onProgress(e);
    if (e.state === 'running') ingesting = true;
  };
  const before = await serverStats(info);
  const busyBefore = machineBusyMs();
  const start = mark();
  const started = await dispatch(handlers, 'sync:start', {}, ctx);
  if (!started.ok) throw new Error(`sync:start failed: ${started.error.code} ${started.error.message}`);
  const outcomes: SyncOutcome[] = await ctx.services.sync.wait((started.data as { jobId: string }).jobId);
  const end = mark();
  const busyAfter = machineBusyMs();
  clearInterval(sampler);
  probe.onProgress = null;
  probe.charge = null;
  const after = await serverStats(info);
  const failed = outcomes.filter((o) => o.status !== 'succeeded');
  if (failed.length > 0) throw new Error(`sync failed: ${failed.map((o) => `${o.source}: ${o.error}`).join('; ')}`);
  const { phases, steps, ingest, ingestMaxRssMb, windowsUs } = tracker.result(end);
  const rows = countRows(db);
  const serverCpuMs = after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs;
  const ownCpuMs = cpuMs(end.cpu) - cpuMs(start.cpu);
  return {
    wallMs: end.t - start.t,
    cpuMs: ownCpuMs,
    otherProcessesCpuMs: busyBefore === null || busyAfter === null ? null : Math.max(0, busyAfter - busyBefore - ownCpuMs - serverCpuMs),
    phases,
    steps,
    ingest,
    rows,
    records: Object.values(rows).reduce((a, b) => a + b, 0),
    sampledPeakRssMb: peakRss,
    sampledPeakHeapMb: peakHeap,
    maxRssIngestMb: ingestMaxRssMb,
    maxRssMb: maxRssMb(),
    server: { jira: diff(before.jira, after.jira), gitlab: diff(before.gitlab, after.gitlab), cpuMs: serverCpuMs },
    outcomes: outcomes.map((o) => ({ source: o.source, status: o.status, stats: o.stats, error: o.error })),
    windowsUs,
  };
}

async function main(): Promise<void> {
  const raw = arg('servers');
  if (!raw) throw new Error('--servers <JSON from servers-main> is required');
  const info = JSON.parse(raw) as ServersInfo;
  const profilePath = arg('profile');
  const keep = process.argv.includes('--keep');

  const tmp = mkdtempSync(join(tmpdir(), 'yardstick-bench-sync-'));
  const ws = openWorkspace(join(tmp, 'ws'), { create: true });
  const probe: Probe = { onProgress: null, charge: null };
  timeTransactions(ws.db, (ms, cpu) => probe.charge?.(ms, cpu));
  const ctx = makeContext('cli', ws, (event, payload) => {
    if (event === 'sync:progress') probe.onProgress?.(payload as SyncProgressEvent);
  }, { secrets: memorySecrets() });
  try {
    const add = async (input: unknown) => {
      const r = await dispatch(handlers, 'sources:add', input, ctx);
      if (!r.ok) throw new Error(`sources:add failed: ${r.error.code} ${r.error.message}`);
    };
    await add({ kind: 'jira', name: 'Jira', baseUrl: info.jira.url, flavour: 'cloud', email: info.jira.email, token: info.jira.token, scope: { projects: info.jira.projects } });
    await add({ kind: 'gitlab', name: 'GitLab', baseUrl: info.gitlab.url, token: info.gitlab.token, scope: { groups: [info.gitlab.group], projects: [] } });

    const session = profilePath ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    }
    const baselineRssMb = mb(process.memoryUsage().rss);
    if (session) await session.post('Profiler.start');
    const { windowsUs, ...first } = await measureSync(ctx, info, probe);
    let profile: ProfileSummary | undefined;
    if (session && profilePath) {
      const { profile: cpu } = await session.post('Profiler.stop');
      session.disconnect();
      writeFileSync(profilePath, JSON.stringify(cpu));
      profile = summariseProfile(cpu, profilePath, [
        { name: 'ingest', fromUs: windowsUs.ingest[0], toUs: windowsUs.ingest[1] },
        { name: 'rebuild', fromUs: windowsUs.rebuild[0], toUs: windowsUs.rebuild[1] },
      ]);
    }
    const { windowsUs: _unused, ...resync } = await measureSync(ctx, info, probe);
    process.stdout.write(`${JSON.stringify({ baselineRssMb, first, resync, ...(profile ? { profile } : {}), workspace: keep ? ws.dir : null })}\n`);
  } finally {
    ws.close();
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { PivotSpecInput } from '../../shared/domain/pivot/spec';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import type { CredentialStore } from '../../electron/secrets/credential-store';
import { openWorkspace } from '../../electron/workspace/workspace';
import type { ServersInfo } from '../sync/servers-main';
import { growth, verdict, type Sample, type Thresholds } from './soak-stats';

// Soak: repeated syncs against the local fake Jira Cloud and GitLab servers, each followed by pivots,
// a drill and record queries, for a set time, sampling memory, open file descriptors and active
// handles after every iteration. Fails (exit 1) when any of them keeps growing after the warm-up.
// Usage: npm run bench:soak [-- --minutes 30] [--fraction 0.02] [--full-every 2] [--warmup 0.2] [--json FILE] [--keep]
// The servers run in a process of their own (bench/sync/servers-main.ts), so everything measured
// here is the app's own code: the same handlers the app, the browser host and the CLI call.

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, fallback: number): number => {
  const v = Number(option(name) ?? fallback);
  if (!(v > 0 || (name === 'warmup' && v === 0))) throw new Error(`--${name} takes a positive number`);
  return v;
};

const minutes = num('minutes', 30);
const fraction = num('fraction', 0.02);
const fullEvery = Math.round(num('full-every', 2));
const warmupShare = num('warmup', 0.2);
const jsonOut = option('json');
const keep = process.argv.includes('--keep');
const THRESHOLDS: Thresholds = { rssMb: 40, heapMb: 12, fds: 4, handles: 6 };

const HERE = fileURLToPath(new URL('.', import.meta.url));
const startedAt = performance.now();
const log = (message: string) => process.stderr.write(`[bench:soak ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(5)} s] ${message}\n`);
const mb = (bytes: number) => bytes / 2 ** 20;

/** Tokens in memory: a soak needs no keychain, and must never touch the developer's. */
function memorySecrets(): CredentialStore {
  const secrets = new Map<string, string>();
  return {
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    check: async () => ({ available: true }),
  };
}

async function startServers(): Promise<{ info: ServersInfo; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', join(HERE, '..', 'sync', 'vite-glob-register.mjs'), join(HERE, '..', 'sync', 'servers-main.ts'), '--fraction', String(fraction)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the test servers exited with code ${code} before starting`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  child.removeAllListeners('exit');
  return { info: JSON.parse(line) as ServersInfo, stop: () => void child.kill('SIGTERM') };
}

/** Open file descriptors (Linux); null elsewhere. */
function openFds(): number | null {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

/** Active handles and requests by kind (sockets, timers, file requests...). */
function activeResources(): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  const all = process.getActiveResourcesInfo();
  for (const kind of all) byKind[kind] = (byKind[kind] ?? 0) + 1;
  return { total: all.length, byKind };
}

const gc = (globalThis as { gc?: () => void }).gc;

function sample(iteration: number, extra: Pick<Sample, 'syncMs' | 'queryMs' | 'queries' | 'full' | 'fetched'>): Sample {
  // Collect first, so the figures are what is kept, not garbage not yet collected.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  const res = activeResources();
  return {
    iteration,
    elapsedS: (performance.now() - startedAt) / 1000,
    rssMb: mb(m.rss),
    heapMb: mb(m.heapUsed),
    externalMb: mb(m.external + m.arrayBuffers),
    fds: openFds(),
    handles: res.total,
    handleKinds: res.byKind,
    ...extra,
  };
}

async function call<C extends Channel>(ctx: HandlerContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(handlers, channel, input, ctx);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

/**
 * What the Explore and Records pages ask after a sync: a pivot by every dimension the workspace
 * offers (by month where it is not the month itself), the issue's example pivot sorted by value, a
 * drill into a cell, pages of records with one record's detail, and the overview.
 */
async function queries(ctx: HandlerContext, fields: ChannelOutput<'pivot:fields'>, iteration: number): Promise<number> {
  const measures = fields.measures.slice(0, 6).map((m) => m.id);
  const specs: PivotSpecInput[] = [
    ...fields.dimensions.map((d) => ({ rows: [d.id], cols: d.id === 'month' ? [] : (['month'] as PivotSpecInput['cols']), values: measures })),
    { rows: ['team', 'issue_type'], cols: ['quarter'], values: ['accepted', 'human_hours', 'cost_per_accepted'], sort: { by: 'value', measure: 'accepted', direction: 'desc' } },
  ];
  let n = 0;
  for (const spec of specs) {
    const result = await call(ctx, 'pivot:run', { spec, requestId: `soak-${iteration}-${n}` });
    n += 1;
    const cell = result.rows.find((r) => r.depth === (spec.rows?.length ?? 0) && r.path.length > 0);
    if (cell && n % 4 === 0) {
      await call(ctx, 'pivot:drill', { rows: spec.rows ?? [], cols: [], filters: [], rowPath: cell.path, limit: 1000 });
      n += 1;
    }
  }
  const page = await call(ctx, 'records:list', { limit: 1000, offset: (iteration * 1000) % Math.max(1000, fields.dimensions.length * 1000) });
  const first = page.rows[0];
  if (first) await call(ctx, 'records:get', { id: first.id });
  await call(ctx, 'metrics:get-overview', {});
  return n + 3;
}

async function main(): Promise<number> {
  if (!gc) log('note: run with --expose-gc (npm run bench:soak does) so memory is measured after collection');
  log(`starting the test servers (fraction ${fraction})…`);
  const servers = await startServers();
  const tmp = mkdtempSync(join(tmpdir(), 'yardstick-soak-'));
  const ws = openWorkspace(join(tmp, 'ws'), { create: true });
  const ctx = makeContext('cli', ws, () => undefined, { secrets: memorySecrets() });
  const samples: Sample[] = [];
  let failed = false;
  try {
    const { jira, gitlab } = servers.info;
    await call(ctx, 'sources:add', { kind: 'jira', name: 'Jira', baseUrl: jira.url, flavour: 'cloud', email: jira.email, token: jira.token, scope: { projects: jira.projects } });
    await call(ctx, 'sources:add', { kind: 'gitlab', name: 'GitLab', baseUrl: gitlab.url, token: gitlab.token, scope: { groups: [gitlab.group], projects: [] } });
    const d = servers.info.dataset;
    log(`servers ready: ${d['issues']} issues, ${d['mergeRequests']} MRs, ${d['pipelines']} pipelines, ${d['jobs']} jobs; soaking for ${minutes} min (every ${fullEvery === 1 ? '' : `${fullEvery}${fullEvery === 2 ? 'nd' : 'th'} `}sync full)`);
    const fields = await call(ctx, 'pivot:fields', {});
    const deadline = startedAt + minutes * 60_000;
    process.stdout.write(`${header()}\n`);
    for (let iteration = 1; performance.now() < deadline; iteration += 1) {
      const full = iteration === 1 || iteration % fullEvery === 0;
      const t0 = performance.now();
      const { jobId } = await call(ctx, 'sync:start', { full });
      const outcomes = await ctx.services.sync.wait(jobId);
      const bad = outcomes.filter((o) => o.status !== 'succeeded');
      if (bad.length) throw new Error(`sync ${iteration} failed: ${bad.map((o) => `${o.source}: ${o.error}`).join('; ')}`);
      const fetched = outcomes.reduce((n, o) => n + Object.values(o.stats).reduce((a, b) => a + b, 0), 0);
      const t1 = performance.now();
      const calls = await queries(ctx, fields, iteration);
      const s = sample(iteration, { syncMs: t1 - t0, queryMs: performance.now() - t1, queries: calls, full, fetched });
      samples.push(s);
      process.stdout.write(`${row(s)}\n`);
    }
    const result = growth(samples, warmupShare);
    const v = verdict(result, THRESHOLDS);
    process.stdout.write(`\n${v.report}\n`);
    failed = !v.ok;
    if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ minutes, fraction, fullEvery, thresholds: THRESHOLDS, samples, growth: result, ok: v.ok }, null, 2));
  } finally {
    ws.close();
    servers.stop();
    if (keep) log(`workspace kept at ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

const COLUMNS = ['iter', 'elapsed s', 'sync', 'sync ms', 'rows seen', 'queries', 'query ms', 'RSS MB', 'heap MB', 'ext MB', 'fds', 'handles'];
const header = () => COLUMNS.map((c) => c.padStart(c.length < 8 ? 8 : c.length)).join(' ');
function row(s: Sample): string {
  const cells = [s.iteration, s.elapsedS.toFixed(0), s.full ? 'full' : 'incr', s.syncMs.toFixed(0), s.fetched, s.queries, s.queryMs.toFixed(0), s.rssMb.toFixed(1), s.heapMb.toFixed(1), s.externalMb.toFixed(1), s.fds ?? '-', s.handles];
  return cells.map((c, i) => String(c).padStart(Math.max(8, COLUMNS[i]!.length))).join(' ');
}

// Exits explicitly: a leaked handle, the very thing this looks for, would otherwise keep the process alive.
main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});

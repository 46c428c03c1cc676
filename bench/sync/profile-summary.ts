import { findSourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profiler, Runtime } from 'node:inspector';
import type { HotSpot, ProfileSummary, ProfileWindow } from './results';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where a profiled frame is in the TypeScript source: tsx transforms files, so positions go through its source maps. */
function locate(frame: Runtime.CallFrame): string {
  if (!frame.url) return '(native)';
  if (!frame.url.startsWith('file://')) return `${frame.url}:${frame.lineNumber + 1}`;
  const path = fileURLToPath(frame.url);
  const map = findSourceMap(frame.url) ?? findSourceMap(path);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalLine?: number; originalSource?: string } | undefined;
  const source = entry?.originalSource ? (entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : entry.originalSource) : path;
  return `${relative(ROOT, source)}:${(entry?.originalLine ?? frame.lineNumber) + 1}`;
}

const SQLITE_NATIVE = new Set(['run', 'get', 'all', 'iterate', 'exec', 'prepare', 'pluck', 'raw', 'expand', 'bind']);

/**
 * What a frame is doing, for the "where does the CPU go" split. The nearest matching frame from
 * the leaf wins, so a SQLite call inside a repository inside a sync step counts as SQLite, and a
 * file write under the request log counts as the request log. V8 builtins such as JSON.parse have
 * no frame of their own: they are charged to the function that calls them.
 */
function activityOf(frame: Runtime.CallFrame): string | null {
  const { url, functionName: fn } = frame;
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return 'V8 (program)';
  if (fn === '(idle)' || fn === '(root)') return null;
  if (url === '') return SQLITE_NATIVE.has(fn) ? 'SQLite statements (better-sqlite3, native)' : null;
  if (url.includes('/node_modules/zod/')) return 'zod schema parsing';
  if (url.endsWith('/electron/log/request-log.ts')) return 'request log (appendFileSync + statSync per request)';
  if (url.endsWith('/shared/domain/time.ts')) return 'timestamp normalisation (toIsoUtc)';
  if (url.includes('/electron/records/') || url.includes('/shared/domain/records/') || url.endsWith('/record-inputs.ts')) return 'records rebuild';
  if (url.includes('undici') || /^node:(net|internal\/(abort_controller|stream_base_commons|streams\/|net|worker\/js_transferable|url|encoding))/.test(url)) {
    return 'HTTP plumbing (fetch/undici, sockets, AbortSignals, URLs)';
  }
  if (url.endsWith('/electron/sync/http/http-client.ts') || url.endsWith('/electron/sync/http/limiter.ts')) return 'our HTTP client (retry loop, limiter, JSON.parse of bodies)';
  if (url.includes('/electron/db/repositories/')) return 'upsert code (repositories)';
  if (url.includes('/electron/sync/')) return 'sync, ingest and map code';
  if (url.includes('/electron/') || url.includes('/shared/')) return 'other app code';
  if (url.includes('/bench/')) return 'benchmark probes';
  if (url.startsWith('node:')) return 'Node internals (promise and microtask machinery, timers, fs)';
  return 'other';
}

const isOurs = (frame: Runtime.CallFrame): boolean => frame.url.includes('/electron/') || frame.url.includes('/shared/');

type Window = { name: string; fromUs: number; toUs: number };
type Tally = { frame: Runtime.CallFrame; ms: number };

/**
 * Per time window (the ingest, the rebuild): CPU by activity, the functions with most self time,
 * and our functions with most inclusive time, from a V8 CPU profile taken in this process (so the
 * source maps of the transformed TypeScript are at hand).
 */
export function summariseProfile(profile: Profiler.Profile, file: string, windows: Window[], top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const activity = new Map<number, string>();
  const activityOfNode = (id: number): string => {
    const cached = activity.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const own = node ? activityOf(node.callFrame) : null;
    const up = parent.get(id);
    const value = own ?? (up !== undefined ? activityOfNode(up) : 'other');
    activity.set(id, value);
    return value;
  };
  const key = (f: Runtime.CallFrame) => `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;

  const summarise = (w: Window): ProfileWindow => {
    // Self time per node within the window; DevTools charges the interval after a sample to it.
    const self = new Map<number, number>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let t = profile.startTime;
    for (let i = 0; i < samples.length; i += 1) {
      t += deltas[i] ?? 0;
      const id = samples[i] ?? -1;
      if (t < w.fromUs || t > w.toUs || byId.get(id)?.callFrame.functionName === '(idle)') continue;
      self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    }
    const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
    const activities = new Map<string, number>();
    const selfByFn = new Map<string, Tally>();
    for (const [id, ms] of self) {
      const node = byId.get(id);
      if (!node) continue;
      const a = activityOfNode(id);
      activities.set(a, (activities.get(a) ?? 0) + ms);
      const entry = selfByFn.get(key(node.callFrame)) ?? { frame: node.callFrame, ms: 0 };
      entry.ms += ms;
      selfByFn.set(key(node.callFrame), entry);
    }
    // Inclusive time of our functions: a sample counts once per function on its stack, even under recursion.
    const inclusive = new Map<string, Tally>();
    for (const [id, ms] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const node = byId.get(cur);
        if (!node || !isOurs(node.callFrame)) continue;
        const k = key(node.callFrame);
        if (seen.has(k)) continue;
        seen.add(k);
        const entry = inclusive.get(k) ?? { frame: node.callFrame, ms: 0 };
        entry.ms += ms;
        inclusive.set(k, entry);
      }
    }
    const spots = (m: Map<string, Tally>): HotSpot[] =>
      [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map(({ frame, ms }) => ({ name: frame.functionName || '(anonymous)', where: locate(frame), selfMs: ms, share: totalMs > 0 ? ms / totalMs : 0 }));
    return {
      name: w.name,
      totalMs,
      activities: [...activities.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 })),
      selfTop: spots(selfByFn),
      inclusiveTop: spots(inclusive),
    };
  };
  return { file, windows: windows.map(summarise) };
}

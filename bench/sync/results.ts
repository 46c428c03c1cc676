import type { RequestStats } from './servers-main';

/** The tables one sync writes; "records" below is the sum of their rows. */
export const RECORD_TABLES = [
  'work_items', 'work_item_status_changes', 'worklogs', 'merge_requests', 'review_events', 'approvals', 'mr_commits', 'pipelines', 'ci_jobs',
] as const;

/** Which tables and which kinds of request (see servers-main) belong to each step of a source's sync. */
export const STEP_SCOPE: Record<string, { tables: readonly string[]; kinds: readonly string[] }> = {
  'Connecting to Jira': { tables: [], kinds: ['other', 'approximate-count'] },
  'Jira issues': { tables: ['work_items', 'work_item_status_changes'], kinds: ['search', 'changelog'] },
  'Jira worklogs': { tables: ['worklogs'], kinds: ['worklog-updated', 'worklog-list'] },
  'Jira deleted worklogs': { tables: [], kinds: ['worklog-deleted'] },
  'Connecting to GitLab': { tables: [], kinds: ['other'] },
  'Merge requests': { tables: ['merge_requests', 'review_events', 'approvals', 'mr_commits'], kinds: ['mr-list', 'mr-detail', 'mr-approvals', 'mr-discussions', 'mr-commits'] },
  'Pipelines and jobs': { tables: ['pipelines', 'ci_jobs'], kinds: ['pipeline-list', 'pipeline-detail', 'pipeline-jobs'] },
};

export type Phase = {
  name: string;
  wallMs: number;
  /** CPU time of this whole process: the main thread plus V8's GC helper threads and the kernel's share of the loopback traffic. */
  cpuMs: number;
  /** The kernel's part of cpuMs: socket reads and writes on loopback, file appends, SQLite's writes. */
  systemMs: number;
  /**
   * Event-loop utilisation of the main thread: the share of wall time it was running our code
   * (JavaScript, SQLite, socket writes) rather than idle, waiting for the servers' answers.
   */
  busy: number;
  /**
   * Inside the write transactions: upserts plus the schema parsing done there. JSON.parse of the
   * bodies and the parse of list pages (Jira's search page among them) happen before, outside.
   */
  txMs: number;
  txCpuMs: number;
  transactions: number;
  /** SQLite's total_changes() over the phase: rows inserted, updated or replaced (rewrites of unchanged rows count too). */
  rowChanges: number;
};

export type SyncMeasurement = {
  wallMs: number;
  cpuMs: number;
  /** CPU the rest of the machine used meanwhile (other people's tests, editors): it competes for the same cores. */
  otherProcessesCpuMs: number | null;
  /** Per source in the order the engine ran them, then `rebuild` (the accepted-work records after the sync). */
  phases: Phase[];
  /** Per source and step ("GitLab · Merge requests"), summed over projects. */
  steps: Phase[];
  /** The sources' phases together: fetch, parse and upsert, without the rebuild. */
  ingest: Phase;
  rows: Record<string, number>;
  records: number;
  /** Highest RSS and heap seen by the 100 ms sampler during the sources' phases. */
  sampledPeakRssMb: number;
  sampledPeakHeapMb: number;
  /** The kernel's high-water mark for the process when the last source finished, and after the rebuild. */
  maxRssIngestMb: number;
  maxRssMb: number;
  server: { jira: RequestStats; gitlab: RequestStats; cpuMs: number };
  outcomes: { source: string; status: string; stats: Record<string, number>; error: string | null }[];
};

export type HotSpot = { name: string; where: string; selfMs: number; share: number };
export type ProfileWindow = { name: string; totalMs: number; activities: { name: string; ms: number; share: number }[]; selfTop: HotSpot[]; inclusiveTop: HotSpot[] };
export type ProfileSummary = { file: string; windows: ProfileWindow[] };

export type SizeResult = {
  fraction: number;
  dataset: Record<string, number>;
  datasetBuildMs: number;
  baselineRssMb: number;
  first: SyncMeasurement;
  resync: SyncMeasurement;
  /** Only from a separate profiled run, whose timings carry the profiler's overhead. */
  profile?: ProfileSummary;
};

const n = (v: number, digits = 0): string => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '-');
const s1 = (ms: number): string => n(ms / 1000, 1);
const pct = (part: number, whole: number): string => (whole > 0 ? `${n((part / whole) * 100)} %` : '-');
const ratio = (a: number, b: number): string => (b > 0 ? `×${(a / b).toFixed(2)}` : '-');

/** Columns padded to the widest cell; `left` lists the columns aligned left (text), the rest align right (figures). */
function table(header: string[], rows: string[][], indent = '', left: number[] = [0]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => indent + r.map((c, i) => (left.includes(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(header), ...rows.map(fmt)];
}

const requests = (m: SyncMeasurement): number => m.server.jira.total + m.server.gitlab.total;

/** Records per wall second, per CPU second of our process, and per CPU second inside the write transactions (upsert + most parsing). */
export const rates = (m: SyncMeasurement) => ({
  perWall: m.records / (m.ingest.wallMs / 1000),
  perCpu: m.records / (m.ingest.cpuMs / 1000),
  perTxCpu: m.records / (m.ingest.txCpuMs / 1000),
});

const recordsOf = (m: SyncMeasurement, tables: readonly string[]): number => tables.reduce((a, t) => a + (m.rows[t] ?? 0), 0);
const stepOf = (name: string): string => name.split(' · ')[1] ?? name;

function requestsOf(m: SyncMeasurement, name: string): number {
  if (name === 'ingest') return requests(m);
  if (name === 'rebuild') return NaN;
  const source = name.split(' · ')[0] ?? name;
  const stats = source === 'Jira' ? m.server.jira : source === 'GitLab' ? m.server.gitlab : null;
  if (!stats) return NaN;
  if (!name.includes(' · ')) return stats.total;
  return (STEP_SCOPE[stepOf(name)]?.kinds ?? []).reduce((a, k) => a + (stats.byKind[k] ?? 0), 0);
}

function tablesOf(m: SyncMeasurement, name: string): readonly string[] {
  if (name === 'ingest') return Object.keys(m.rows);
  if (name.includes(' · ')) return STEP_SCOPE[stepOf(name)]?.tables ?? [];
  return [];
}

/** Each source with its steps, the sources together, then the rebuild. A re-sync writes next to nothing, so it gets no rates. */
function phaseRows(m: SyncMeasurement, withRates: boolean): string[][] {
  const sourceTables: Record<string, readonly string[]> = {};
  for (const step of m.steps) {
    const [source] = step.name.split(' · ');
    if (source) sourceTables[source] = [...(sourceTables[source] ?? []), ...(STEP_SCOPE[stepOf(step.name)]?.tables ?? [])];
  }
  const sources = m.phases.filter((p) => p.name !== 'rebuild');
  const rows = [
    ...sources.flatMap((src) => [src, ...m.steps.filter((st) => st.name.startsWith(`${src.name} · `))]),
    m.ingest,
    ...m.phases.filter((p) => p.name === 'rebuild'),
  ];
  return rows.map((p) => {
    const tables = p.name.includes(' · ') || p.name === 'ingest' ? tablesOf(m, p.name) : (sourceTables[p.name] ?? []);
    const records = p.name === 'rebuild' || !withRates ? NaN : recordsOf(m, tables);
    const reqs = requestsOf(m, p.name);
    const label = p.name === 'ingest' ? 'sources together' : p.name.includes(' · ') ? `  ${p.name}` : p.name;
    const rate = (ms: number) => (records > 0 ? n(records / (ms / 1000)) : '-');
    return [
      label, s1(p.wallMs), s1(p.cpuMs), pct(p.systemMs, p.cpuMs), pct(p.busy, 1), s1(p.txCpuMs), n(p.transactions), n(reqs), records > 0 ? n(records) : '-',
      records > 0 ? n(records / reqs, 1) : '-', rate(p.wallMs), rate(p.cpuMs), rate(p.txCpuMs), n(p.rowChanges),
    ];
  });
}

const PHASE_HEADER = ['phase', 'wall s', 'CPU s', 'of it kernel', 'main thread busy', 'in tx CPU s', 'txs', 'requests', 'records', 'rec/request', 'rec/s wall', 'rec/s CPU', 'rec/s in tx CPU', 'rows changed'];

export function formatReport(results: SizeResult[]): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  for (const r of results) {
    const d = r.dataset;
    line(`── fraction ${r.fraction}: ${n(d['issues'] ?? 0)} issues (${n(d['histories'] ?? 0)} histories, ${n(d['worklogs'] ?? 0)} worklogs), ${n(d['mergeRequests'] ?? 0)} MRs (${n(d['notes'] ?? 0)} notes, ${n(d['commits'] ?? 0)} commits, ${n(d['approvals'] ?? 0)} approvals), ${n(d['pipelines'] ?? 0)} pipelines, ${n(d['jobs'] ?? 0)} jobs; servers built in ${s1(r.datasetBuildMs)} s`);
    line(`   rows after the first sync: ${Object.entries(r.first.rows).map(([t, c]) => `${t} ${n(c)}`).join(', ')}`);
    for (const [label, m] of [['first sync', r.first], ['re-sync, nothing changed', r.resync]] as const) {
      const failed = m.server.jira.failed + m.server.gitlab.failed;
      const others = m.otherProcessesCpuMs === null ? '' : `, other processes ${s1(m.otherProcessesCpuMs)} s CPU (${pct(m.otherProcessesCpuMs, m.wallMs)})`;
      line(`   ${label}: ${s1(m.wallMs)} s wall; our process ${s1(m.cpuMs)} s CPU (${pct(m.cpuMs, m.wallMs)} of wall), the servers ${s1(m.server.cpuMs)} s CPU (${pct(m.server.cpuMs, m.wallMs)})${others}; ${n(requests(m))} HTTP requests${failed > 0 ? ` (${failed} failed)` : ''}`);
      if (label === 'first sync') line(`      our main thread was busy ${pct(m.ingest.busy, 1)} of the ingest's wall time and waiting on the servers ${pct(1 - m.ingest.busy, 1)}`);
      for (const l of table(PHASE_HEADER, phaseRows(m, label === 'first sync'), '      ')) line(l);
      if (label !== 'first sync') {
        const same = Object.entries(m.rows).every(([t, c]) => r.first.rows[t] === c);
        line(`      row counts ${same ? 'unchanged' : 'CHANGED'}; the engine reported: ${m.outcomes.map((o) => `${o.source}: ${Object.entries(o.stats).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${n(v)}`).join(', ') || 'nothing'}`).join('; ')}`);
      }
      line(`      memory: RSS ${n(r.baselineRssMb)} MB before the first sync; peak during ingest ${n(m.sampledPeakRssMb)} MB sampled (heap ${n(m.sampledPeakHeapMb)} MB), kernel high-water ${n(m.maxRssIngestMb)} MB after ingest and ${n(m.maxRssMb)} MB after the rebuild`);
      const kinds = (st: RequestStats) => Object.entries(st.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${n(v)}`).join(', ');
      line(`      requests: Jira ${kinds(m.server.jira) || '-'}; GitLab ${kinds(m.server.gitlab) || '-'}`);
    }
    line();
  }

  const summary = results.map((r) => {
    const m = r.first;
    const rt = rates(m);
    const rebuild = m.phases.find((p) => p.name === 'rebuild');
    return [
      String(r.fraction), n(m.records), n(requests(m)), s1(m.ingest.wallMs), s1(m.ingest.cpuMs), pct(m.ingest.systemMs, m.ingest.cpuMs), n(rt.perWall), n(rt.perCpu), n(rt.perTxCpu), pct(m.ingest.busy, 1),
      pct(m.server.cpuMs, m.wallMs), m.otherProcessesCpuMs === null ? '-' : pct(m.otherProcessesCpuMs, m.wallMs), s1(rebuild?.wallMs ?? 0), n(m.sampledPeakHeapMb), n(m.maxRssIngestMb), n(m.maxRssMb), s1(r.resync.wallMs), n(requests(r.resync)),
      n(r.resync.ingest.rowChanges),
    ];
  });
  line('Summary (first sync from an empty workspace; rates over the sources\' phases, without the rebuild)');
  const header = ['size', 'records', 'requests', 'ingest s', 'CPU s', 'of it kernel', 'rec/s wall', 'rec/s CPU', 'rec/s in tx CPU', 'main thread busy', 'server CPU/wall', 'others CPU/wall', 'rebuild s', 'peak heap MB', 'peak RSS ingest MB', 'peak RSS total MB', 're-sync s', 're-sync requests', 're-sync rows changed'];
  for (const l of table(header, summary)) line(l);
  const [a, b] = [results[0], results[results.length - 1]];
  if (a && b && a !== b) {
    const rebuild = (x: SizeResult) => x.first.phases.find((p) => p.name === 'rebuild')?.wallMs ?? 0;
    const growth = (x: SizeResult) => x.first.maxRssIngestMb - x.baselineRssMb;
    line();
    line(`Ratios ${b.fraction} / ${a.fraction}: records ${ratio(b.first.records, a.first.records)}; ingest wall ${ratio(b.first.ingest.wallMs, a.first.ingest.wallMs)}, ingest CPU ${ratio(b.first.ingest.cpuMs, a.first.ingest.cpuMs)}, CPU in transactions ${ratio(b.first.ingest.txCpuMs, a.first.ingest.txCpuMs)}, rebuild ${ratio(rebuild(b), rebuild(a))}`);
    line(`   memory: peak heap during ingest ${ratio(b.first.sampledPeakHeapMb, a.first.sampledPeakHeapMb)}, peak RSS during ingest ${ratio(b.first.maxRssIngestMb, a.first.maxRssIngestMb)} (growth over the pre-sync baseline ${ratio(growth(b), growth(a))}), peak RSS with the rebuild ${ratio(b.first.maxRssMb, a.first.maxRssMb)}`);
    line(`   re-sync: wall ${ratio(b.resync.wallMs, a.resync.wallMs)}, requests ${ratio(requests(b.resync), requests(a.resync))}, rows changed ${ratio(b.resync.ingest.rowChanges, a.resync.ingest.rowChanges)}`);
  }
  return out.join('\n');
}

export function formatProfile(fraction: number, p: ProfileSummary, run: SyncMeasurement): string {
  const out = [
    `CPU profile of a separate first sync at fraction ${fraction}, taken in the sync process (with the profiler on: ingest ${s1(run.ingest.wallMs)} s wall, ${s1(run.ingest.cpuMs)} s CPU, ${n(rates(run).perCpu)} records per CPU second)`,
    `   ${p.file}`,
    '   V8 samples the main thread by wall clock, so time it spends descheduled inside a system call (a socket write that wakes the server) shows up too.',
  ];
  const spots = (list: HotSpot[]) => table(['share', 'ms', 'function', 'where'], list.map((h) => [`${n(h.share * 100, 1)} %`, n(h.selfMs), h.name, h.where]), '      ', [2, 3]);
  for (const w of p.windows) {
    out.push(`   ${w.name}: ${s1(w.totalMs)} s of non-idle samples on the main thread, by activity (nearest matching frame from the leaf):`);
    out.push(...table(['share', 'ms', 'activity'], w.activities.map((a) => [`${n(a.share * 100, 1)} %`, n(a.ms), a.name]), '      ', [2]));
    out.push(`   ${w.name}, top self time:`, ...spots(w.selfTop));
    out.push(`   ${w.name}, top inclusive time of our functions:`, ...spots(w.inclusiveTop));
  }
  return out.join('\n');
}

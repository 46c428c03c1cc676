import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { SyncProgressEvent } from '../../shared/ipc/contract';
import type { Db } from '../../electron/db/connection';
import type { Phase } from './results';

/** A point in time as seen by this process: wall clock, CPU, event loop and SQLite's change counter. */
export type Mark = { t: number; hrUs: number; cpu: NodeJS.CpuUsage; elu: EventLoopUtilization; changes: number };

export const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
/** ru_maxrss is in kilobytes on Linux. */
export const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

export function marker(db: Db): () => Mark {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return () => ({
    t: performance.now(),
    // The V8 profiler stamps samples with the same monotonic clock, in microseconds.
    hrUs: Number(process.hrtime.bigint() / 1000n),
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    changes: totalChanges.get() as number,
  });
}

type Totals = { wallMs: number; cpuMs: number; systemMs: number; activeMs: number; idleMs: number; changes: number; txMs: number; txCpuMs: number; transactions: number };
const zero = (): Totals => ({ wallMs: 0, cpuMs: 0, systemMs: 0, activeMs: 0, idleMs: 0, changes: 0, txMs: 0, txCpuMs: 0, transactions: 0 });

function addInterval(t: Totals, s: Mark, e: Mark): void {
  const elu = performance.eventLoopUtilization(e.elu, s.elu);
  t.wallMs += e.t - s.t;
  t.cpuMs += cpuMs(e.cpu) - cpuMs(s.cpu);
  t.systemMs += (e.cpu.system - s.cpu.system) / 1000;
  t.activeMs += elu.active;
  t.idleMs += elu.idle;
  t.changes += e.changes - s.changes;
}

const toPhase = (name: string, t: Totals): Phase => ({
  name, wallMs: t.wallMs, cpuMs: t.cpuMs, systemMs: t.systemMs, busy: t.activeMs + t.idleMs > 0 ? t.activeMs / (t.activeMs + t.idleMs) : 0,
  txMs: t.txMs, txCpuMs: t.txCpuMs, transactions: t.transactions, rowChanges: t.changes,
});

/**
 * Times every write transaction the sync runs, charged to whatever step is current. The sync
 * writes each page in one transaction (parsing the page's detail payloads and upserting them), so
 * the time inside transactions is the upsert cost plus most of the schema parsing. Wraps this
 * process's Database object only; the app's code is unchanged.
 */
export function timeTransactions(db: Db, charge: (ms: number, cpu: number) => void): void {
  const original = db.transaction.bind(db);
  let depth = 0;
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    const timed = (...args: unknown[]): unknown => {
      if (depth > 0) return tx(...args);
      depth += 1;
      const t = performance.now();
      const cpu = process.cpuUsage();
      try {
        return tx(...args);
      } finally {
        depth -= 1;
        charge(performance.now() - t, cpuMs(process.cpuUsage(cpu)));
      }
    };
    return Object.assign(timed, { deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive, default: tx.default });
  }) as Db['transaction'];
}

/** "Merge requests in northwind/api (2/8)" → "Merge requests": steps repeat per project. */
const stepName = (step: string): string => step.replace(/ in .*$/, '');

export type PhaseResult = { phases: Phase[]; steps: Phase[]; ingest: Phase; ingestMaxRssMb: number; windowsUs: { ingest: [number, number]; rebuild: [number, number] } };

/**
 * Sources and their steps, from the engine's own progress events (emitted synchronously as the
 * sync moves on): each source from its first event to its terminal one, each step while current.
 * After the last source the engine rebuilds the accepted-work records; that is its own phase.
 */
export function phaseTracker(mark: () => Mark) {
  const sources = new Map<string, { start: Mark; end: Mark | null }>();
  const steps = new Map<string, Totals>();
  let current: { key: string; start: Mark } | null = null;
  let charged = 'setup';
  const rebuild = zero();
  let ingestMaxRssMb = 0;

  const close = (at: Mark) => {
    if (!current) return;
    const t = steps.get(current.key) ?? zero();
    addInterval(t, current.start, at);
    steps.set(current.key, t);
    current = null;
  };

  return {
    /** Adds a transaction's time to the step that ran it. */
    charge(ms: number, cpu: number) {
      const t = charged === 'rebuild' ? rebuild : (steps.get(charged) ?? zero());
      t.txMs += ms;
      t.txCpuMs += cpu;
      t.transactions += 1;
      if (charged !== 'rebuild') steps.set(charged, t);
    },
    onProgress(e: SyncProgressEvent) {
      const now = mark();
      if (!sources.has(e.source)) sources.set(e.source, { start: now, end: null });
      if (e.state !== 'running') {
        close(now);
        const s = sources.get(e.source);
        if (s) s.end = now;
        // Emitted synchronously before the engine's rebuild starts: the high-water mark of the ingest alone.
        ingestMaxRssMb = maxRssMb();
        charged = 'rebuild';
        return;
      }
      const key = `${e.source} · ${stepName(e.step)}`;
      if (current?.key === key) return;
      close(now);
      current = { key, start: now };
      charged = key;
    },
    result(end: Mark): PhaseResult {
      close(end);
      const list = [...sources.entries()];
      const phases = list.map(([name, s]) => {
        const t = zero();
        addInterval(t, s.start, s.end ?? end);
        for (const [key, st] of steps) {
          if (!key.startsWith(`${name} · `)) continue;
          t.txMs += st.txMs;
          t.txCpuMs += st.txCpuMs;
          t.transactions += st.transactions;
        }
        return toPhase(name, t);
      });
      const firstStart = list.map(([, s]) => s.start).sort((a, b) => a.t - b.t)[0] ?? end;
      const lastEnd = list.map(([, s]) => s.end ?? end).sort((a, b) => b.t - a.t)[0] ?? end;
      const ingestTotals = zero();
      addInterval(ingestTotals, firstStart, lastEnd);
      const sum = (k: 'txMs' | 'txCpuMs' | 'transactions') => phases.reduce((a, p) => a + p[k], 0);
      const ingest: Phase = { ...toPhase('ingest', ingestTotals), txMs: sum('txMs'), txCpuMs: sum('txCpuMs'), transactions: sum('transactions') };
      addInterval(rebuild, lastEnd, end);
      phases.push(toPhase('rebuild', rebuild));
      return {
        phases,
        steps: [...steps.entries()].map(([key, t]) => toPhase(key, t)),
        ingest,
        ingestMaxRssMb,
        windowsUs: { ingest: [firstStart.hrUs, lastEnd.hrUs], rebuild: [lastEnd.hrUs, end.hrUs] },
      };
    },
  };
}

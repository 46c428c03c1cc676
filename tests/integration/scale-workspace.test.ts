import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleWorkspace, type ScaleResult } from '../../bench/records/scale-workspace';
import { createDemoWorkspace } from '../../electron/main/app-context';
import { rebuildRecords } from '../../electron/records/rebuild';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { tempDir } from '../support/temp';

const COPIES = 3;

let cleanup: () => void;
let result: ScaleResult;
let base: Workspace;
let scaled: Workspace;

beforeAll(async () => {
  const t = tempDir('yardstick-scale-');
  cleanup = t.cleanup;
  await createDemoWorkspace(join(t.dir, 'demo'), { host: 'cli' });
  result = scaleWorkspace({ from: join(t.dir, 'demo'), out: join(t.dir, 'scaled'), copies: COPIES });
  // Both rebuilt by the same code, so the comparison does not depend on when the demo was linked.
  base = openWorkspace(join(t.dir, 'demo'), { create: false });
  scaled = openWorkspace(join(t.dir, 'scaled'), { create: false });
  rebuildRecords(base.db, base.settings());
  rebuildRecords(scaled.db, scaled.settings());
}, 120_000);
afterAll(() => {
  base?.close();
  scaled?.close();
  cleanup?.();
});

type OutcomeRow = { outcome: string; records: number; accepted: number; mrs: number; runs: number };
const outcomes = (ws: Workspace) =>
  ws.db
    .prepare('SELECT outcome, count(*) AS records, sum(accepted) AS accepted, sum(mrs_opened) AS mrs, sum(runs) AS runs FROM records GROUP BY outcome ORDER BY outcome')
    .all() as OutcomeRow[];
const count = (ws: Workspace, sql: string) => ws.db.prepare(sql).pluck().get() as number;

describe('scaleWorkspace', () => {
  it('replicates raw tables, keeps shared ones once and leaves derived ones empty for the rebuild', () => {
    const kinds = new Map(result.tables.map((t) => [t.name, t]));
    for (const table of ['work_items', 'merge_requests', 'pipelines', 'ci_jobs', 'run_events', 'people', 'repositories']) {
      expect(kinds.get(table)).toMatchObject({ kind: 'raw', rows: COPIES * kinds.get(table)!.baseRows });
    }
    for (const table of ['sources', 'imports', 'settings', 'schema_migrations', 'exchange_rates']) {
      expect(kinds.get(table)).toMatchObject({ kind: 'shared', rows: kinds.get(table)!.baseRows });
    }
    for (const table of ['records', 'runs', 'record_merge_requests', 'record_runs', 'record_cost_lines']) expect(kinds.get(table)).toMatchObject({ kind: 'derived', rows: 0 });
  });

  it('keeps per-day provider cost lines once with N times the spend, and replicates the other billing lines', () => {
    const lines = (ws: Workspace, provider: boolean) =>
      ws.db.prepare(`SELECT count(*) AS n, sum(amount_micros) AS amount FROM billing_lines WHERE (ledger = 'provider') = ?`).get(provider ? 1 : 0) as { n: number; amount: number };
    const [baseProvider, scaledProvider] = [lines(base, true), lines(scaled, true)];
    expect(baseProvider.n).toBeGreaterThan(0);
    expect(scaledProvider).toEqual({ n: baseProvider.n, amount: COPIES * baseProvider.amount });
    const [baseOther, scaledOther] = [lines(base, false), lines(scaled, false)];
    expect(scaledOther).toEqual({ n: COPIES * baseOther.n, amount: COPIES * baseOther.amount });
  });

  it('links exactly N times the base records, with the same outcomes and accepted work', () => {
    const one = outcomes(base);
    expect(one.reduce((n, r) => n + r.records, 0)).toBeGreaterThan(100);
    expect(count(scaled, 'SELECT count(*) FROM records')).toBe(COPIES * count(base, 'SELECT count(*) FROM records'));
    expect(outcomes(scaled)).toEqual(one.map((r) => ({ outcome: r.outcome, records: COPIES * r.records, accepted: COPIES * r.accepted, mrs: COPIES * r.mrs, runs: COPIES * r.runs })));
    expect(count(scaled, 'SELECT sum(accepted) FROM records')).toBe(COPIES * count(base, 'SELECT sum(accepted) FROM records'));
    for (const table of ['record_merge_requests', 'record_runs', 'runs']) {
      expect(count(scaled, `SELECT count(*) FROM ${table}`), table).toBe(COPIES * count(base, `SELECT count(*) FROM ${table}`));
    }
  });

  it('never links across copies', () => {
    // Copy c of PLAT-123 is PLAT-(123 + c × key stride); copy c of merge request id m is m + c × its id stride.
    const rows = scaled.db
      .prepare(
        `SELECT r.ticket_key AS ticketKey, rm.merge_request_id AS mrId FROM records r JOIN record_merge_requests rm ON rm.record_id = r.id`,
      )
      .all() as { ticketKey: string; mrId: number }[];
    const mrStride = result.strides.ids['merge_requests']!;
    const copyOfKey = (key: string) => Math.floor(Number(key.split('-')[1]) / result.strides.key);
    const crossed = rows.filter((r) => copyOfKey(r.ticketKey) !== Math.floor(r.mrId / mrStride));
    expect(rows.length).toBeGreaterThan(0);
    expect(crossed).toEqual([]);
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { generateDemo } from '../../electron/demo/generate';
import { seedDemo } from '../../electron/demo/seed';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import type { Overview, WorkspaceStatus } from '../../shared/ipc/contract';
import { expectedOverview } from '../support/expected-overview';
import { tempDir } from '../support/temp';

let dir: string;
let cleanup: () => void;
let status: WorkspaceStatus;
let ws: Workspace;
const progress: string[] = [];

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  dir = join(t.dir, 'demo');
  status = await createDemoWorkspace(dir, { host: 'cli', emit: (event, payload) => event === 'job:progress' && progress.push((payload as { step: string }).step) });
  ws = openWorkspace(dir, { create: false });
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup();
});

const rows = (table: string) => status.tables.find((t) => t.name === table)?.rows ?? -1;

describe('the demo workspace', () => {
  it('fills every part of the accepted-work model through the real ingest paths', () => {
    for (const table of ['work_items', 'work_item_status_changes', 'worklogs', 'merge_requests', 'review_events', 'approvals', 'mr_commits', 'pipelines', 'ci_jobs', 'run_events', 'runs', 'copilot_usage', 'billing_lines', 'imports', 'records', 'record_cost_lines', 'exchange_rates']) {
      expect(rows(table), table).toBeGreaterThan(0);
    }
    expect(status).toMatchObject({ isDemo: true, currency: 'GBP', name: 'Northwind Logistics' });
    expect(status.sources.map((s) => s.kind).sort()).toEqual(['gitlab', 'jira']);
    expect(progress).toContain('Linking accepted-work records');
  });

  it('has the variety a realistic year needs: outcomes, run events, currencies', () => {
    const outcomes = ws.db.prepare('SELECT DISTINCT outcome FROM records').pluck().all();
    expect(outcomes).toEqual(expect.arrayContaining(['accepted', 'rejected', 'rolled_back', 'denied', 'blocked']));
    const events = ws.db.prepare('SELECT DISTINCT event_type FROM run_events').pluck().all();
    expect(events).toEqual(expect.arrayContaining(['ticket_denied', 'run_blocked', 'validation_failed', 'pr_created', 'pr_updated', 'retry_publish', 'continuation_run', 'model_call_reserved', 'model_call_settled']));
    const currencies = ws.db.prepare('SELECT DISTINCT currency FROM billing_lines UNION SELECT DISTINCT currency FROM run_events').pluck().all();
    expect(currencies).toEqual(expect.arrayContaining(['GBP', 'USD']));
    expect(ws.db.prepare('SELECT count(*) FROM ci_jobs WHERE retried = 1').pluck().get()).toBeGreaterThan(0);
    expect(ws.db.prepare("SELECT count(*) FROM review_events WHERE kind = 'requested_changes'").pluck().get()).toBeGreaterThan(0);
  });

  it('links most AI work and leaves nothing silently dropped', () => {
    const aiMrs = ws.db.prepare("SELECT count(*) FROM merge_requests m JOIN people p ON p.id = m.author_id WHERE p.username = 'relay-bot'").pluck().get() as number;
    const linked = ws.db.prepare("SELECT count(DISTINCT merge_request_id) FROM record_merge_requests WHERE role = 'change'").pluck().get() as number;
    expect(linked).toBe(aiMrs);
    // Every run with a ticket is on exactly one record.
    expect(ws.db.prepare('SELECT count(*) FROM (SELECT run_id FROM record_runs GROUP BY run_id HAVING count(*) > 1)').pluck().get()).toBe(0);
  });

  it('re-ingesting the same payloads and files adds nothing (idempotent upserts)', async () => {
    const counts = () => Object.fromEntries(['work_items', 'work_item_status_changes', 'worklogs', 'merge_requests', 'review_events', 'pipelines', 'ci_jobs', 'run_events', 'billing_lines', 'copilot_usage'].map((t) => [t, ws.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
    const before = counts();
    await seedDemo(ws.db, generateDemo({ seed: 42, scale: 1 }), () => undefined, () => new Date().toISOString());
    expect(counts()).toEqual(before);
  }, 120_000);

  it('the Overview handler agrees with an independent reading of the database', async () => {
    const result = await dispatch(handlers, 'metrics:get-overview', {}, makeContext('cli', ws));
    expect(result.ok).toBe(true);
    const overview = (result as { ok: true; data: Overview }).data;
    const expected = expectedOverview(ws.dbPath);
    expect(overview.period?.from.slice(0, 7)).toBe(expected.months[0]);
    expect(overview.figures.accepted).toBe(expected.accepted);
    expect(Math.abs(overview.evidence.aiPathCostMicros - expected.costMicros)).toBeLessThan(10_000);
    expect(overview.figures.acceptanceRate).toBeCloseTo(expected.accepted / expected.reachedReview, 12);
    expect(overview.figures.hoursFreed).toBeCloseTo(expected.baselineHours - expected.humanHours, 6);
    expect(overview.evidence.missingRates).toEqual([]);
    expect(overview.monthly.length).toBe(12);
  });

  it('refuses to create a demo over an existing workspace', async () => {
    await expect(createDemoWorkspace(dir, { host: 'cli' })).rejects.toThrow(/already holds a workspace/);
  });
});

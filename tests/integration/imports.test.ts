import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/imports/import-file';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { AppError } from '../../shared/ipc/result';
import { tempDir } from '../support/temp';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'imports', name), 'utf8');
let ws: Workspace;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  ws = openWorkspace(join(t.dir, 'ws'), { create: true });
});
afterEach(() => {
  ws.close();
  cleanup();
});
const count = (table: string) => (ws.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const failure = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
};

describe('run-credit event log', () => {
  it('imports the reference example with exact amounts and is idempotent on re-import', async () => {
    const text = fixture('run-credits-example.csv');
    const first = await importFile(ws.db, { name: 'relay.csv', content: text });
    expect(first).toMatchObject({ preset: 'run-credits', rowsTotal: 6, rowsImported: 6, rowsRejected: 0 });
    const settled = ws.db.prepare("SELECT ai_credits_micros AS ai, amount_micros AS amount, reservation_id AS res FROM run_events WHERE event_type = 'model_call_settled'").get();
    expect(settled).toEqual({ ai: 31_250_000, amount: 312_500, res: 'res_001' });
    const again = await importFile(ws.db, { name: 'relay-again.csv', content: text });
    expect(again).toMatchObject({ rowsImported: 0, rowsSkipped: 6 });
    expect(count('run_events')).toBe(6);
  });

  it('imports nothing from a file with a bad row, and names the line and the reason', async () => {
    const lines = fixture('run-credits-example.csv').split('\n');
    lines[3] = lines[3]!.replace(',model_call_settled,', ',model_call_teleported,');
    const error = await failure(importFile(ws.db, { name: 'bad.csv', content: lines.join('\n') }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ rejections: [{ line: 4, reason: expect.stringMatching(/event_type/) }] });
    expect(count('run_events')).toBe(0);
    expect(ws.db.prepare('SELECT status FROM imports').get()).toEqual({ status: 'failed' });
  });

  it('keeps the valid rows and a report of the rejected ones when asked to', async () => {
    const lines = fixture('run-credits-example.csv').split('\n');
    lines[2] = lines[2]!.replace('2026-09-02T09:01:02.004Z', '3026-13-45T00:00:00Z');
    const summary = await importFile(ws.db, { name: 'partial.csv', content: lines.join('\n') }, { acceptValidRows: true });
    expect(summary).toMatchObject({ rowsImported: 5, rowsRejected: 1 });
    expect(ws.db.prepare('SELECT line, reason FROM import_rejections').all()).toEqual([{ line: 3, reason: expect.stringMatching(/occurred_at/) }]);
  });

  it('rejects an empty file, a header-only file and a file of another format under the wrong preset', async () => {
    expect((await failure(importFile(ws.db, { name: 'empty.csv', content: '' }))).message).toMatch(/empty/);
    const header = fixture('run-credits-example.csv').split('\n')[0]!;
    expect((await failure(importFile(ws.db, { name: 'header.csv', content: `${header}\n` }))).message).toMatch(/no data rows/);
    const wrong = await failure(importFile(ws.db, { name: 'billing.csv', content: fixture('github-billing-example.csv') }, { preset: 'run-credits' }));
    expect(wrong.message).toMatch(/looks like a GitHub billing usage report/);
    // Only the header-only file got as far as reading rows; its failed attempt stays in the import history.
    expect(ws.db.prepare('SELECT file_name AS f, status FROM imports').all()).toEqual([{ f: 'header.csv', status: 'failed' }]);
    expect(count('run_events')).toBe(0);
  });
});

describe('GitHub billing and Copilot usage', () => {
  it('reads the metered usage CSV by header name, in USD, with net amounts', async () => {
    const s = await importFile(ws.db, { name: 'usage.csv', content: fixture('github-billing-example.csv') });
    expect(s).toMatchObject({ preset: 'github-billing', rowsImported: 2 });
    const rows = ws.db.prepare('SELECT ledger, occurred_on AS day, amount_micros AS net, currency FROM billing_lines ORDER BY ledger').all();
    expect(rows).toEqual([
      { ledger: 'ci', day: '2026-09-03', net: 0, currency: 'USD' },
      { ledger: 'copilot', day: '2026-09-03', net: 480_000, currency: 'USD' },
    ]);
  });

  it('reads the native AI-credit variant with slash dates', async () => {
    await importFile(ws.db, { name: 'ai.csv', content: `\uFEFF${fixture('github-ai-credits-native.csv')}` });
    expect(ws.db.prepare('SELECT occurred_on AS day, amount_micros AS net FROM billing_lines ORDER BY net').all()).toEqual([
      { day: '2026-05-29', net: 80_000 },
      { day: '2026-05-29', net: 2_500_000 },
    ]);
  });

  it('reads Copilot per-user NDJSON with ai_credits_used, once per user-day', async () => {
    const text = fixture('copilot-users-1-day.ndjson');
    await importFile(ws.db, { name: 'users.ndjson', content: text });
    await importFile(ws.db, { name: 'users-again.ndjson', content: text });
    expect(ws.db.prepare('SELECT user_login AS login, ai_credits_used_micros AS credits FROM copilot_usage ORDER BY login').all()).toEqual([
      { login: 'jweber', credits: 0 },
      { login: 'mkrystof', credits: 12_500_000 },
    ]);
  });

  it('reads the Anthropic cost report with amounts in cents as strings', async () => {
    await importFile(ws.db, { name: 'anthropic.json', content: fixture('anthropic-cost-report.json') });
    expect(ws.db.prepare('SELECT amount_micros AS micros, currency FROM billing_lines ORDER BY micros').all()).toEqual([
      { micros: 10_000, currency: 'USD' }, // "1.0" cents
      { micros: 552_660, currency: 'USD' }, // "55.266" cents
    ]);
  });
});

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
    expect(first).toMatchObject({ format: 'Run-credit event log (CSV)', rowsTotal: 6, rowsImported: 6, rowsRejected: 0 });
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
    expect(s).toMatchObject({ format: 'GitHub billing usage report (CSV)', rowsImported: 2 });
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

describe('bad input', () => {
  const header = () => fixture('run-credits-example.csv').split('\n')[0]!;

  it('refuses a binary file renamed .csv, naming what it is', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4000, 7)]);
    expect((await failure(importFile(ws.db, { name: 'usage.csv', content: png }))).message).toMatch(/usage\.csv is a binary file, not a CSV or JSON export/);
    expect(count('imports')).toBe(0);
  });

  it('names the delimiter when a preset file was saved with semicolons', async () => {
    const text = fixture('run-credits-example.csv').replace(/,/g, ';');
    const e = await failure(importFile(ws.db, { name: 'relay-excel.csv', content: text }, { preset: 'run-credits' }));
    expect(e.message).toMatch(/separated by ";", not ","/);
    expect(count('run_events')).toBe(0);
  });

  it('reports a truncated last line by its line number, and an unclosed quote as a file error', async () => {
    const lines = fixture('run-credits-example.csv').trimEnd().split('\n');
    const cut = [...lines.slice(0, -1), lines.at(-1)!.slice(0, 60)].join('\n');
    const e = await failure(importFile(ws.db, { name: 'cut.csv', content: cut }));
    expect(e.details).toEqual({ rejections: [{ line: 7, reason: expect.stringMatching(/run_credits|amount|currency/) }] });
    const quote = `${header()}\n1,E1,2026-09-02T08:59:58.120Z,acme,ticket_denied,ENG-1,,,x,"unclosed detail,0,0,,,0,USD,,,,,,,,,,,,,\n`;
    expect((await failure(importFile(ws.db, { name: 'quote.csv', content: quote }))).message).toMatch(/quote\.csv could not be read: .*Quote Not Closed/i);
    expect(count('run_events')).toBe(0);
  });

  it('keeps each row in its own currency in a mixed file, and negative amounts (refunds, credits)', async () => {
    const rows = [
      '1,M1,2026-09-02T08:59:58.120Z,acme,pr_created,ENG-1,run_1,,,,1,0,,,4.00,GBP,,,,,,,gitlab,acme/app,https://g/acme/app/-/merge_requests/1,1,,,',
      '1,M2,2026-09-03T08:59:58.120Z,acme,pr_created,ENG-2,run_2,,,,1,0,,,4.40,EUR,,,,,,,gitlab,acme/app,https://g/acme/app/-/merge_requests/2,2,,,',
      '1,M3,2026-09-04T08:59:58.120Z,acme,pr_created,ENG-3,run_3,,,,-1,0,,,-4.00,GBP,,,,,,,gitlab,acme/app,https://g/acme/app/-/merge_requests/3,3,,,',
    ];
    await importFile(ws.db, { name: 'mixed.csv', content: `${header()}\n${rows.join('\n')}\n` });
    expect(ws.db.prepare('SELECT event_id AS id, amount_micros AS amount, currency FROM run_events ORDER BY event_id').all()).toEqual([
      { id: 'M1', amount: 4_000_000, currency: 'GBP' },
      { id: 'M2', amount: 4_400_000, currency: 'EUR' },
      { id: 'M3', amount: -4_000_000, currency: 'GBP' },
    ]);
  });

  it('rejects an event id re-sent with different content, instead of silently keeping either', async () => {
    const text = fixture('run-credits-example.csv');
    await importFile(ws.db, { name: 'a.csv', content: text });
    const changed = text.replace('0.3125,USD', '0.9999,USD');
    const e = await failure(importFile(ws.db, { name: 'b.csv', content: changed }));
    expect(e.details).toEqual({ rejections: [{ line: 4, reason: expect.stringMatching(/event_id 01J9ZK5C2H3J4K5L6Z7X8C9V0B was imported before with different content/) }] });
    expect(ws.db.prepare("SELECT amount_micros FROM run_events WHERE event_id = '01J9ZK5C2H3J4K5L6Z7X8C9V0B'").pluck().get()).toBe(312_500);
  });

  it('reads OpenAI cost pages (dollars as numbers) and organisation-level Copilot reports', async () => {
    const page = {
      object: 'page',
      data: [{ object: 'bucket', start_time: 1756857600, end_time: 1756944000, results: [
        { object: 'organization.costs.result', amount: { value: 1.842, currency: 'usd' }, line_item: 'gpt-5, input', project_id: 'proj_abc', api_key_id: null, quantity: 920000, quantity_unit: 'tokens' },
        { object: 'organization.costs.result', amount: { value: 3.117, currency: 'usd' }, line_item: 'gpt-5, output', project_id: 'proj_abc', api_key_id: null, quantity: 311700, quantity_unit: 'tokens' },
      ] }],
      has_more: false,
      next_page: null,
    };
    const s = await importFile(ws.db, { name: 'openai.json', content: JSON.stringify(page) });
    expect(s).toMatchObject({ format: 'OpenAI organization costs (JSON)', rowsImported: 2 });
    expect(ws.db.prepare("SELECT sum(amount_micros) FROM billing_lines WHERE vendor = 'openai'").pluck().get()).toBe(4_959_000);
    const org = '{"day_totals":[{"day":"2026-09-03","enterprise_id":"1","daily_active_users":2,"pull_requests":{"total_created":2,"total_merged":1,"total_created_by_copilot":0,"total_merged_created_by_copilot":0}}],"enterprise_id":"1","report_start_day":"2026-08-07","report_end_day":"2026-09-03"}\n';
    expect(await importFile(ws.db, { name: 'org.ndjson', content: org })).toMatchObject({ format: expect.stringMatching(/organisation or enterprise/), rowsImported: 1 });
    expect(ws.db.prepare('SELECT day, daily_active_users AS dau, prs_merged AS merged FROM copilot_org_daily').get()).toEqual({ day: '2026-09-03', dau: 2, merged: 1 });
  });
});

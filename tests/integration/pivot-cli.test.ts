import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../electron/main/app-context';
import { executePivot } from '../../electron/db/repositories/pivot-query';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { ADDITIVE_MEASURES } from '../../shared/domain/metrics';
import { FACT_COUNTS } from '../../shared/domain/pivot/fields';
import { PivotSpecSchema } from '../../shared/domain/pivot/spec';
import { assertBuilt, runCli } from '../support/cli';
import { tempDir } from '../support/temp';

// `yardstick pivot` prints the grid's numbers; `yardstick facts` prints rows anyone can re-add.

let cleanup: () => void;
let dir: string;
let ws: Workspace;

beforeAll(async () => {
  assertBuilt();
  const t = tempDir('yardstick-pivot-cli-');
  cleanup = t.cleanup;
  dir = join(t.dir, 'demo');
  await createDemoWorkspace(dir, { host: 'cli' });
  ws = openWorkspace(dir, { create: false });
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup?.();
});

const csv = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('yardstick pivot', () => {
  it('prints one row per row group with subtotals and the total marked, and the same numbers as the grid', async () => {
    const r = await runCli([
      'pivot', '--workspace', dir, '--rows', 'team,issue_type', '--cols', 'quarter', '--values', 'accepted,cost_per_accepted,records',
      '--filter', 'outcome=accepted', '--filter', 'outcome=rejected',
    ]);
    expect(r.stderr).toContain('Money in GBP');
    expect(r.status).toBe(0);
    const rows = csv(r.stdout);
    const grid = executePivot(
      ws.db,
      PivotSpecSchema.parse({ rows: ['team', 'issue_type'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'records'], filters: [{ dim: 'outcome', values: ['accepted', 'rejected'] }] }),
      ws.settings(),
    );
    expect(rows.map((x) => x['row_kind'])).toEqual(grid.rows.map((x) => x.kind));
    expect(rows.at(-1)).toMatchObject({ team: '', issue_type: '', row_kind: 'total' });
    expect(rows[0]).toMatchObject({ team: grid.rows[0]!.path[0], issue_type: '', row_kind: 'subtotal' });
    const total = grid.rows.at(-1)!.values;
    const last = grid.columns.length - 1;
    expect(Number(rows.at(-1)!['TOTAL | accepted'])).toBe(total[last * 3]);
    // Money in major units, unrounded.
    expect(Number(rows.at(-1)!['TOTAL | cost_per_accepted'])).toBeCloseTo(total[last * 3 + 1]! / 1e6, 9);
    expect(Number(rows.at(-1)!['TOTAL | records'])).toBe(total[last * 3 + 2]);
    const q = grid.columns[0]!.path[0]!;
    expect(rows.at(-1)![`${q} | accepted`]).toBe(String(total[0]));
  });

  it('prints the result as JSON', async () => {
    const r = await runCli(['pivot', '--workspace', dir, '--rows', 'label', '--values', 'records', '--format', 'json']);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { rows: { path: (string | null)[]; kind: string; values: number[] }[]; currency: string };
    expect(result.currency).toBe('GBP');
    expect(result.rows.at(-1)).toMatchObject({ kind: 'total', values: [ws.db.prepare('SELECT count(*) FROM records').pluck().get()] });
  });

  it('lists every field with its kind, a ratio with its numerator and denominator', async () => {
    const r = await runCli(['pivot', '--list-fields']);
    expect(r.status).toBe(0);
    const fields = csv(r.stdout);
    expect(fields.find((f) => f['field'] === 'cost_per_accepted')).toMatchObject({ type: 'measure', kind: 'ratio', numerator: 'ai_path_cost', denominator: 'accepted' });
    expect(fields.find((f) => f['field'] === 'label')).toMatchObject({ type: 'dimension', kind: 'bridge' });
    expect(fields.find((f) => f['field'] === 'records')).toMatchObject({ kind: 'distinct' });
  });

  it('says what is wrong with a bad dimension or filter', async () => {
    const bad = await runCli(['pivot', '--workspace', dir, '--rows', 'colour', '--values', 'accepted']);
    expect(bad).toMatchObject({ status: 1, stderr: expect.stringContaining('unknown dimension "colour"') });
    const filter = await runCli(['pivot', '--workspace', dir, '--values', 'accepted', '--filter', 'team']);
    expect(filter).toMatchObject({ status: 1, stderr: expect.stringContaining('expected dimension=value') });
  });
});

describe('yardstick facts', () => {
  it('prints the fact rows under the pivot’s names; re-adding them gives the pivot’s totals', async () => {
    const r = await runCli(['facts', '--workspace', dir]);
    expect(r.status).toBe(0);
    const rows = csv(r.stdout);
    expect(rows.length).toBe(ws.db.prepare('SELECT count(*) FROM record_facts').pluck().get());
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['record_id', 'team', 'month', 'event_type', 'provider', 'label', 'pilot', ...ADDITIVE_MEASURES, ...FACT_COUNTS]));
    expect(Object.keys(rows[0]!)).not.toContain('person');
    const grid = executePivot(ws.db, PivotSpecSchema.parse({ values: ['accepted', 'cost_provider', 'events', 'records'] }), ws.settings());
    const sum = (col: string) => rows.reduce((n, x) => n + Number(x[col]), 0);
    const [accepted, provider, events, records] = grid.rows.at(-1)!.values;
    expect(sum('accepted')).toBe(accepted);
    expect(sum('cost_provider')).toBeCloseTo(provider! / 1e6, 4);
    expect(sum('events')).toBe(events);
    expect(new Set(rows.map((x) => x['record_id'])).size).toBe(records);
    // A label pivot from the CSV: records whose label list holds it.
    const backend = new Set(rows.filter((x) => x['label']!.split(';').includes('backend')).map((x) => x['record_id'])).size;
    const byLabel = executePivot(ws.db, PivotSpecSchema.parse({ rows: ['label'], values: ['records'] }), ws.settings());
    expect(byLabel.rows.find((x) => x.path[0] === 'backend')!.values[0]).toBe(backend);
  });
});

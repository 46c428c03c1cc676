import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/cli';
import { tempDir } from '../support/temp';

// The CLI against the demo workspace, checked against the SQLite file read directly.
let t: ReturnType<typeof tempDir>;
let ws: string;
const rowsOf = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  assertBuilt();
  t = tempDir();
  ws = join(t.dir, 'demo');
  const demo = await runCli(['demo', '--workspace', ws]);
  expect(demo.status).toBe(0);
}, 120_000);
afterAll(() => t.cleanup());

describe('yardstick records and metrics', () => {
  it('prints one CSV row per record, with no people by default', async () => {
    const r = await runCli(['records', '--workspace', ws, '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    const db = new Database(join(ws, 'yardstick.sqlite'), { readonly: true });
    const n = db.prepare('SELECT count(*) FROM records').pluck().get() as number;
    const cost = db.prepare('SELECT sum(cost_run_credits + cost_ai_credits + cost_provider + cost_ci + cost_human) FROM records').pluck().get() as number;
    db.close();
    expect(rows).toHaveLength(n);
    expect(Object.keys(rows[0]!)).not.toContain('person');
    expect(rows.reduce((s, row) => s + Number(row['cost_total']), 0) * 1e6).toBeCloseTo(cost, -1);
  });

  it('prints metrics per dimension whose slices add up to the total, for the workspace and a pilot', async () => {
    const r = await runCli(['metrics', '--workspace', ws, '--by', 'team', '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    const total = rows.find((row) => row['team'] === 'TOTAL')!;
    const teams = rows.filter((row) => row['team'] !== 'TOTAL');
    expect(teams.length).toBeGreaterThan(1);
    expect(teams.reduce((s, row) => s + Number(row['accepted']), 0)).toBe(Number(total['accepted']));
    // Cost per accepted of the whole is the ratio of the sums, not the mean of the teams' ratios.
    const cost = teams.reduce((s, row) => s + Number(row['ai_path_cost_gbp']), 0);
    expect(Number(total['cost_per_accepted_gbp'])).toBeCloseTo(cost / Number(total['accepted']), 6);

    const pilot = await runCli(['metrics', '--workspace', ws, '--pilot', 'Payments maintenance', '--format', 'json']);
    expect(pilot.status).toBe(0);
    const db = new Database(join(ws, 'yardstick.sqlite'), { readonly: true });
    const accepted = db
      .prepare("SELECT sum(r.accepted) FROM records r JOIN record_pilots rp ON rp.record_id = r.id JOIN pilots p ON p.id = rp.pilot_id WHERE p.name = 'Payments maintenance'")
      .pluck()
      .get() as number;
    db.close();
    expect((JSON.parse(pilot.stdout) as { total: { sums: { accepted: number } } }).total.sums.accepted).toBe(accepted);
  });

  it('shows people only when enabled, pseudonymised unless --real-names', async () => {
    const db = new Database(join(ws, 'yardstick.sqlite'));
    const settings = JSON.parse(db.prepare("SELECT value_json FROM settings WHERE key = 'workspace'").pluck().get() as string) as Record<string, unknown>;
    db.prepare("UPDATE settings SET value_json = ? WHERE key = 'workspace'").run(JSON.stringify({ ...settings, peopleViewsEnabled: true }));
    const people = new Set((db.prepare('SELECT DISTINCT person FROM records WHERE person IS NOT NULL').pluck().all() as string[]));
    db.close();
    expect(people.size).toBeGreaterThan(0);

    const pseudo = rowsOf((await runCli(['records', '--workspace', ws])).stdout);
    const shown = pseudo.map((row) => row['person']).filter((p): p is string => !!p);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((p) => /^Person [0-9a-f]{6}$/.test(p) && !people.has(p))).toBe(true);
    const real = rowsOf((await runCli(['records', '--workspace', ws, '--real-names'])).stdout);
    expect(real.every((row) => !row['person'] || people.has(row['person']))).toBe(true);
  });

  it('refuses an unknown dimension or pilot with a one-line reason', async () => {
    const bad = await runCli(['metrics', '--workspace', ws, '--by', 'person']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--by must be one of/);
    const missing = await runCli(['records', '--workspace', ws, '--pilot', 'Nope']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/No pilot named "Nope"/);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSUMPTION_IDS } from '../../shared/domain/scenario/schema';
import { assertBuilt, runCli } from '../support/cli';
import { tempDir } from '../support/temp';

let ws: string;
let cleanup: () => void;

beforeAll(async () => {
  assertBuilt();
  const t = tempDir();
  cleanup = t.cleanup;
  ws = join(t.dir, 'demo');
  const demo = await runCli(['demo', '--workspace', ws]);
  expect(demo.status, demo.stderr).toBe(0);
}, 180_000);
afterAll(() => cleanup());

const cli = async (...args: string[]) => runCli([...args, '--workspace', ws]);
const csv = (text: string) => text.trim().split('\n').map((line) => line.split(','));

describe('yardstick scenario on a fresh demo workspace', () => {
  it('calibrates and saves a scenario, then lists and shows it with values, ranges and evidence', async () => {
    expect((await cli('scenario', 'list')).stdout.trim()).toBe('name,pilot,plan,currency,start_month,horizon_months,calibrated_at,calibrated_records,updated_at');
    const calibrated = await cli('scenario', 'calibrate', 'Base');
    expect(calibrated.status, calibrated.stderr).toBe(0);
    expect(calibrated.stderr).toMatch(/^Saved scenario Base: calibrated on \d+ records \(2026-04 – 2026-09\)/);
    const list = csv((await cli('scenario', 'list')).stdout);
    expect(list[1]!.slice(0, 6)).toEqual(['Base', '', 'Cloud', 'GBP', '2026-10', '12']);

    const show = await cli('scenario', 'show', 'Base');
    expect(show.status, show.stderr).toBe(0);
    const [header, ...rows] = csv(show.stdout);
    expect(header!.slice(0, 9)).toEqual(['assumption', 'group', 'label', 'unit', 'value', 'low', 'likely', 'high', 'source']);
    const byKey = new Map(rows.map((r) => [r[0], r]));
    for (const id of ASSUMPTION_IDS) expect(byKey.has(id), id).toBe(true);
    // The acceptance rate, read independently from the database over the same months.
    const db = new Database(join(ws, 'yardstick.sqlite'), { readonly: true });
    const { accepted, reviewed } = db.prepare("SELECT sum(accepted) AS accepted, sum(mrs_reached_review) AS reviewed FROM records WHERE period_month BETWEEN '2026-04' AND '2026-09'").get() as {
      accepted: number;
      reviewed: number;
    };
    db.close();
    const acceptance = byKey.get('acceptance_rate')!;
    expect(Number(acceptance[4])).toBeCloseTo(accepted / reviewed, 12);
    expect(Number(acceptance[5])).toBeLessThan(Number(acceptance[4]));
    expect(Number(acceptance[7])).toBeGreaterThan(Number(acceptance[4]));
    expect(acceptance.slice(8, 12)).toEqual(['calibrated', expect.stringMatching(/^\d+$/), '2026-04', '2026-09']);
    expect(byKey.get('team.Payments.headcount')).toBeDefined();
    expect(byKey.get('plan')![4]).toBe('Cloud');
    const json = JSON.parse((await cli('scenario', 'show', 'Base', '--format', 'json')).stdout);
    expect(json.scenario.assumptions.acceptance_rate.evidence.note).toMatch(/accepted ÷ \d+ PR\/MRs reached review/);
  });

  it('runs per month with totals, with overrides, bands and JSON', async () => {
    const plain = await cli('scenario', 'run', 'Base');
    expect(plain.status, plain.stderr).toBe(0);
    const [header, ...rows] = csv(plain.stdout);
    expect(header!.slice(0, 9)).toEqual(['month', 'eligible', 'routed', 'accepted', 'ai_path_cost_gbp', 'human_path_cost_gbp', 'scenario_cost_gbp', 'net_saving_gbp', 'cost_per_accepted_gbp']);
    expect(rows.map((r) => r[0])).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', 'TOTAL']);
    const col = (name: string) => header!.indexOf(name);
    const total = rows[rows.length - 1]!;
    const months = rows.slice(0, -1);
    expect(Number(total[col('accepted')])).toBeCloseTo(months.reduce((n, r) => n + Number(r[col('accepted')]), 0), 0);
    expect(Number(total[col('cumulative_net_saving_gbp')])).toBe(Number(months[months.length - 1]![col('cumulative_net_saving_gbp')]));

    const better = await cli('scenario', 'run', 'Base', '--set', 'acceptance_rate=0.85', '--set', 'price_per_credit=2', '--horizon', '6', '--draws', '400', '--seed', '5');
    expect(better.status, better.stderr).toBe(0);
    const [bHeader, ...bRows] = csv(better.stdout);
    expect(bRows).toHaveLength(7);
    expect(bHeader).toContain('net_saving_p90_gbp');
    const bTotal = bRows[bRows.length - 1]!;
    expect(Number(bTotal[bHeader!.indexOf('net_saving_p10_gbp')])).toBeLessThan(Number(bTotal[bHeader!.indexOf('net_saving_p90_gbp')]));
    expect(Number(bRows[0]![col('accepted')])).toBeGreaterThan(Number(rows[0]![col('accepted')]));

    const json = JSON.parse((await cli('scenario', 'run', 'Base', '--set', 'acceptance_rate=70%', '--format', 'json')).stdout);
    expect(json.scenario.assumptions.acceptance_rate).toMatchObject({ value: 0.7, source: 'override' });
    expect(json.periods).toHaveLength(12);
    expect(json.tornado.bars.length).toBeGreaterThan(5);
    expect(json.capacity.teams.map((t: { name: string }) => t.name)).toEqual(['Data', 'Mobile', 'Payments', 'Platform']);
  });

  it('seeks the value of one assumption that reaches a target, and the engine agrees at that value', async () => {
    const run = JSON.parse((await cli('scenario', 'run', 'Base', '--format', 'json')).stdout);
    const breakEven = await cli('scenario', 'seek', 'Base', '--vary', 'acceptance_rate');
    expect(breakEven.status, breakEven.stderr).toBe(0);
    const [header, row] = csv(breakEven.stdout);
    expect(header).toEqual(['assumption', 'target', 'target_value', 'found', 'value', 'current_value', 'achieved', 'search_low', 'search_high', 'iterations', 'reason']);
    const col = (name: string) => row![header!.indexOf(name)]!;
    expect([col('assumption'), col('target'), col('found')]).toEqual(['acceptance_rate', 'break-even', 'true']);
    // The closed-form break-even of scenarios:run and the bisection of the seek are one answer.
    expect(Number(col('value'))).toBeCloseTo(run.totals.breakEven.acceptanceRate, 5);
    expect(Number(col('current_value'))).toBe(run.scenario.assumptions.acceptance_rate.value);

    // A money target in major units; running the scenario at the answer gives that net saving.
    const saving = JSON.parse((await cli('scenario', 'seek', 'Base', '--vary', 'acceptance_rate', '--target', 'net-saving=100000', '--format', 'json')).stdout);
    expect(saving.goalSeek).toMatchObject({ assumption: 'acceptance_rate', found: true, target: { metric: 'netSavingMicros', value: 100_000_000_000 } });
    const at = JSON.parse((await cli('scenario', 'run', 'Base', '--set', `acceptance_rate=${saving.goalSeek.value}`, '--format', 'json')).stdout);
    expect(at.totals.netSavingMicros / 100_000_000_000).toBeCloseTo(1, 4);

    // Cost per accepted is undefined at 0% acceptance; the seek still finds the rate inside the range.
    const cost = csv((await cli('scenario', 'seek', 'Base', '--vary', 'acceptance_rate', '--target', 'cost-per-accepted=1000')).stdout)[1]!;
    expect(cost[header!.indexOf('found')]).toBe('true');
    expect(Number(cost[header!.indexOf('achieved')])).toBeCloseTo(1000, 1);

    expect((await cli('scenario', 'seek', 'Base')).stderr).toMatch(/^yardstick scenario: --vary ASSUMPTION is required: one of monthly_volume, /);
    expect((await cli('scenario', 'seek', 'Base', '--vary', 'acceptance_rate', '--target', 'profit=1')).stderr).toMatch(/--target takes break-even or net-saving=AMOUNT/);
  });

  it('says plainly what is wrong', async () => {
    const typo = await cli('scenario', 'run', 'Base', '--set', 'acceptence_rate=0.9');
    expect(typo.status).toBe(1);
    expect(typo.stderr).toMatch(/^yardstick scenario: unknown assumption "acceptence_rate": use an assumption \(monthly_volume, /);
    expect((await cli('scenario', 'run', 'Base', '--set', 'acceptance_rate')).stderr).toMatch(/--set takes ASSUMPTION=VALUE/);
    expect((await cli('scenario', 'run', 'Base', '--set', 'acceptance_rate=1.5')).stderr).toMatch(/acceptance_rate: value 1.5 is outside 0–1/);
    expect((await cli('scenario', 'show', 'Nope')).stderr).toMatch(/No scenario named "Nope"/);
    expect((await cli('scenario', 'frobnicate')).stderr).toMatch(/use yardstick scenario list\|show\|run/);
  });

  it('duplicates, renames, deletes and undoes', async () => {
    expect((await cli('scenario', 'duplicate', 'Base', 'Self-hosted')).stdout).toBe('Duplicated Base → Self-hosted\n');
    expect((await cli('scenario', 'rename', 'Self-hosted', 'Self hosted')).status).toBe(0);
    expect((await cli('scenario', 'delete', 'Self hosted')).stdout).toMatch(/^Deleted Self hosted/);
    expect((await cli('scenario', 'undo', 'Self hosted')).stdout).toBe('Undid the delete of Self hosted: Self hosted is back as it was\n');
    expect((await cli('scenario', 'undo', 'Self hosted')).stdout).toBe('Undid the rename of Self hosted: Self-hosted is back as it was\n');
    expect((await cli('scenario', 'undo', 'Self-hosted')).stdout).toBe('Undid the duplicate of Self-hosted: Self-hosted is gone\n');
    expect(csv((await cli('scenario', 'list')).stdout).map((r) => r[0])).toEqual(['name', 'Base']);
  });
});

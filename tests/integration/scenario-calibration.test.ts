import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { monthlySums, sumsBy } from '../../electron/db/repositories/measure-sums';
import { requirePilot } from '../../electron/db/repositories/pilots';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { addSums, emptySums, metricValue } from '../../shared/domain/metrics';
import { ASSUMPTION_IDS, type Scenario } from '../../shared/domain/scenario/schema';
import { runDeterministic } from '../../shared/domain/scenario/engine';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { DEMO_PILOT } from '../../electron/demo/demo-settings';
import { tempDir } from '../support/temp';

let ws: Workspace;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const dir = join(t.dir, 'demo');
  await createDemoWorkspace(dir, { host: 'cli' });
  ws = openWorkspace(dir, { create: false });
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup();
});

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(handlers, channel, input, makeContext('cli', ws));
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

const params = { productiveHoursPerFtePerMonth: 120, months: 1 };

describe('a scenario calibrated on the demo workspace', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await call('scenarios:calibrate', { name: 'Demo', windowMonths: 6 });
  });

  it('takes its acceptance rate from the metric over the same records', () => {
    const { fromMonth, toMonth } = s.calibration!;
    expect(fromMonth).toBe('2026-04');
    expect(toMonth).toBe('2026-09');
    const sums = sumsBy(ws.db, null, { fromMonth: fromMonth!, toMonth: toMonth! }).groups.get(null)!;
    expect(s.assumptions.acceptance_rate.value).toBe(metricValue('acceptance_rate', sums, params));
    expect(s.assumptions.rollback_rate.value).toBe(metricValue('rollback_rate', sums, params));
    expect(s.calibration!.records).toBe(sums.records);
    expect(s.assumptions.acceptance_rate.evidence).toMatchObject({ records: sums.records, from: '2026-04', to: '2026-09' });
    // A range from the monthly acceptance rates, around the pooled value.
    expect(s.assumptions.acceptance_rate.low!).toBeLessThan(s.assumptions.acceptance_rate.value);
    expect(s.assumptions.acceptance_rate.high!).toBeGreaterThan(s.assumptions.acceptance_rate.value);
    expect(s.startMonth).toBe('2026-10');
  });

  it('has every assumption, each with evidence, inside its domain', () => {
    for (const id of ASSUMPTION_IDS) {
      const a = s.assumptions[id];
      expect(a.source, id).toBe('calibrated');
      expect(a.evidence.note.length, id).toBeGreaterThan(10);
      expect(Number.isFinite(a.value), id).toBe(true);
    }
    expect(s.assumptions.loaded_hourly_rate.value).toBe(85);
    expect(s.assumptions.price_per_credit.value).toBeGreaterThan(0);
    expect(['Cloud', 'Self-hosted']).toContain(s.plan.name);
    expect(s.teams.map((t) => t.name)).toEqual(['Data', 'Mobile', 'Payments', 'Platform']);
    for (const t of s.teams) {
      expect(t.assumptions.intake_per_month.value, t.name).toBeGreaterThan(0);
      expect(t.assumptions.headcount.value, t.name).toBeGreaterThan(0);
    }
  });

  it('run at the calibrated values over the window, the engine gives back what the records say', () => {
    // The engine's funnel is the inverse of the calibration: with each month's own volume and no
    // growth, the accepted count, human hours and money of the records come back (run credits
    // aside: the scenario prices one plan and one allowance, the demo bills two vendor workspaces).
    const { fromMonth, toMonth } = s.calibration!;
    const { byMonth } = monthlySums(ws.db, { fromMonth: fromMonth!, toMonth: toMonth! });
    const total = [...byMonth.values()].reduce((acc, m) => addSums(acc, m), emptySums());
    const months = byMonth.size;
    const flat: Scenario = { ...s, startMonth: fromMonth!, assumptions: { ...s.assumptions, monthly_volume: { ...s.assumptions.monthly_volume, value: total.records / months }, monthly_growth: { ...s.assumptions.monthly_growth, value: 0 } } };
    const r = runDeterministic(flat, months).totals;
    expect(r.accepted).toBeCloseTo(total.accepted, 6);
    expect(r.sums.mrs_reached_review).toBeCloseTo(total.mrs_reached_review, 6);
    expect(r.sums.runs).toBeCloseTo(total.runs, 6);
    expect(r.sums.human_hours).toBeCloseTo(total.human_hours, 6);
    expect(r.sums.baseline_hours).toBeCloseTo(total.baseline_hours, 6);
    expect(r.sums.cost_human / total.cost_human).toBeCloseTo(1, 4);
    expect(r.sums.cost_ci / total.cost_ci).toBeCloseTo(1, 6);
    expect(r.sums.runs_first_pass).toBeCloseTo(total.runs_first_pass, 6);
    expect(r.hoursFreed).toBeCloseTo(metricValue('hours_freed', total, params)!, 6);
  });

  it('calibrates on a pilot: its records only, its teams, its repair budget', async () => {
    const pilot = await call('pilots:list', {});
    expect(pilot.map((p) => p.name)).toContain(DEMO_PILOT.name);
    const p = await call('scenarios:calibrate', { name: 'Pilot', pilot: DEMO_PILOT.name, windowMonths: 12 });
    const pilotId = requirePilot(ws.db, { name: DEMO_PILOT.name }).id;
    const sums = sumsBy(ws.db, null, { fromMonth: p.calibration!.fromMonth!, toMonth: p.calibration!.toMonth!, pilotId }).groups.get(null)!;
    expect(p.pilot).toBe(DEMO_PILOT.name);
    expect(p.assumptions.acceptance_rate.value).toBe(metricValue('acceptance_rate', sums, params));
    expect(p.teams.map((t) => t.name)).toEqual(['Payments']);
    expect(p.plan.name).toBe('Self-hosted');
    expect(p.assumptions.repair_budget.evidence.note).toMatch(/pilot's budget of 3 runs/);
    const saved = await call('scenarios:save', p);
    expect(saved.scenario.pilot).toBe(DEMO_PILOT.name);
  });

  it('saves, runs with overrides and Monte Carlo, and compares plans side by side', async () => {
    await call('scenarios:save', s);
    const cloud = await call('scenarios:run', { name: 'Demo', set: { plan: 'Cloud' }, horizonMonths: 12, monteCarlo: { draws: 2_000, seed: 1 } });
    const selfHosted = await call('scenarios:run', { name: 'Demo', set: { plan: 'Self-hosted' }, horizonMonths: 12 });
    expect(cloud.periods).toHaveLength(12);
    expect(cloud.totals.sums.cost_run_credits).toBeGreaterThan(selfHosted.totals.sums.cost_run_credits);
    expect(cloud.totals.netSavingMicros).toBeLessThan(selfHosted.totals.netSavingMicros);
    const b = cloud.bands!.totals.costPerAcceptedMicros;
    expect(b.p10!).toBeLessThan(b.p50!);
    expect(b.p50!).toBeLessThan(b.p90!);
    expect(cloud.tornado!.bars.length).toBeGreaterThan(5);
    expect(cloud.capacity!.teams).toHaveLength(4);
  });
});

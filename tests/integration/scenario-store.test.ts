import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleScenario, exampleTeam } from '../../shared/domain/scenario/example';
import { call, callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

let t: TestWorkspace;
beforeEach(() => {
  t = testWorkspace();
});
afterEach(() => t.cleanup());

const names = async () => (await call(t, 'scenarios:list', {})).map((s) => s.name);
const errorOf = async (r: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
  const result = await r;
  return result.ok ? 'ok' : `${result.error!.code}: ${result.error!.message}`;
};

describe('saved scenarios: save, rename, duplicate, delete and undo', () => {
  it('round-trips a scenario exactly, teams, ranges and evidence included', async () => {
    const s = exampleScenario({}, { name: 'Cloud plan', teams: [exampleTeam('Payments')] });
    s.assumptions.acceptance_rate = { ...s.assumptions.acceptance_rate, low: 0.6, likely: 0.8, high: 0.9, evidence: { records: 411, from: '2026-04', to: '2026-09', note: 'ratio of sums' } };
    const saved = await call(t, 'scenarios:save', s);
    expect(saved.scenario).toEqual(s);
    expect(saved.canUndo).toBe(true);
    expect((await call(t, 'scenarios:get', { name: 'cloud plan' })).scenario).toEqual(s);
    expect(await call(t, 'scenarios:list', {})).toEqual([
      expect.objectContaining({ name: 'Cloud plan', plan: 'Cloud', currency: 'GBP', startMonth: '2026-10', horizonMonths: 12, pilot: null, canUndo: true }),
    ]);
  });

  it('undoes every kind of change, one step at a time, back to nothing', async () => {
    const v1 = exampleScenario({}, { name: 'Base' });
    const v2 = exampleScenario({ acceptance_rate: 0.9 }, { name: 'Base' });
    await call(t, 'scenarios:save', v1);
    await call(t, 'scenarios:save', v2);
    await call(t, 'scenarios:rename', { name: 'Base', newName: 'Better acceptance' });
    await call(t, 'scenarios:duplicate', { name: 'Better acceptance', newName: 'Copy' });
    expect(await names()).toEqual(['Better acceptance', 'Copy']);
    expect((await call(t, 'scenarios:get', { name: 'Copy' })).scenario.assumptions.acceptance_rate.value).toBe(0.9);

    expect(await call(t, 'scenarios:delete', { name: 'Better acceptance' })).toEqual({ deleted: true });
    expect(await names()).toEqual(['Copy']);
    // A deleted scenario comes back under its name, with its own history intact.
    const back = await call(t, 'scenarios:undo', { name: 'Better acceptance' });
    expect(back.undone).toBe('delete');
    expect(back.scenario!.scenario.assumptions.acceptance_rate.value).toBe(0.9);
    expect(await names()).toEqual(['Better acceptance', 'Copy']);

    expect((await call(t, 'scenarios:undo', { name: 'Copy' })).undone).toBe('duplicate');
    expect(await names()).toEqual(['Better acceptance']);
    const renamed = await call(t, 'scenarios:undo', { name: 'Better acceptance' });
    expect(renamed).toMatchObject({ undone: 'rename', scenario: { scenario: { name: 'Base' } } });
    const saved = await call(t, 'scenarios:undo', { name: 'Base' });
    expect(saved.undone).toBe('save');
    expect(saved.scenario!.scenario).toEqual(v1);
    expect(saved.scenario!.canUndo).toBe(true);
    expect(await call(t, 'scenarios:undo', { name: 'Base' })).toEqual({ undone: 'create', scenario: null });
    expect(await names()).toEqual([]);
    expect(await errorOf(callRaw(t, 'scenarios:undo', { name: 'Base' }))).toBe('NOT_FOUND: No scenario named "Base", and none deleted under that name.');
  });

  it('an unchanged save adds no undo step, and ids are never reused after a delete', async () => {
    await call(t, 'scenarios:save', exampleScenario({}, { name: 'A' }));
    await call(t, 'scenarios:save', exampleScenario({}, { name: 'A' }));
    await call(t, 'scenarios:delete', { name: 'A' });
    // A new scenario with the same name is a different scenario; the old one can still be restored after it goes.
    await call(t, 'scenarios:save', exampleScenario({ monthly_volume: 7 }, { name: 'A' }));
    await call(t, 'scenarios:delete', { name: 'A' });
    expect((await call(t, 'scenarios:undo', { name: 'A' })).scenario!.scenario.assumptions.monthly_volume.value).toBe(7);
    expect(await call(t, 'scenarios:undo', { name: 'A' })).toEqual({ undone: 'create', scenario: null });
    const first = await call(t, 'scenarios:undo', { name: 'A' });
    expect(first.scenario!.scenario.assumptions.monthly_volume.value).toBe(100);
    expect(await call(t, 'scenarios:undo', { name: 'A' })).toEqual({ undone: 'create', scenario: null });
  });

  it('refuses name clashes, unknown names and invalid assumptions', async () => {
    await call(t, 'scenarios:save', exampleScenario({}, { name: 'A' }));
    await call(t, 'scenarios:save', exampleScenario({}, { name: 'B' }));
    expect(await errorOf(callRaw(t, 'scenarios:rename', { name: 'A', newName: 'b' }))).toBe('CONFLICT: A scenario named "b" already exists.');
    expect(await errorOf(callRaw(t, 'scenarios:duplicate', { name: 'A', newName: 'B' }))).toBe('CONFLICT: A scenario named "B" already exists.');
    expect(await errorOf(callRaw(t, 'scenarios:rename', { name: 'Nope', newName: 'C' }))).toBe('NOT_FOUND: No scenario named "Nope".');
    expect(await call(t, 'scenarios:delete', { name: 'Nope' })).toEqual({ deleted: false });
    const bad = await callRaw(t, 'scenarios:save', exampleScenario({ acceptance_rate: 1.5 }, { name: 'C' }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.details).toEqual([{ path: 'assumptions', message: 'acceptance_rate: value 1.5 is outside 0–1' }]);
    expect(await errorOf(callRaw(t, 'scenarios:save', exampleScenario({}, { name: 'C', pilot: 'No such pilot' })))).toBe('NOT_FOUND: No pilot named "No such pilot".');
    // Renaming a scenario to its own name in another case is allowed.
    expect((await call(t, 'scenarios:rename', { name: 'A', newName: 'a' })).scenario.name).toBe('a');
  });

  it('calibrates an empty workspace to placeholders that can be saved and run', async () => {
    const s = await call(t, 'scenarios:calibrate', {});
    expect(s.name).toBe('Calibrated');
    expect(s.calibration).toMatchObject({ records: 0, fromMonth: null, toMonth: null });
    expect(s.assumptions.monthly_volume.value).toBe(0);
    expect(s.teams).toEqual([]);
    await call(t, 'scenarios:save', s);
    expect((await call(t, 'scenarios:run', { name: 'Calibrated' })).totals.aiPathCostMicros).toBe(0);
    expect(await errorOf(callRaw(t, 'scenarios:calibrate', { pilot: 'Nope' }))).toBe('NOT_FOUND: No pilot named "Nope".');
  });

  it('runs a saved or an unsaved scenario with overrides, bands, tornado, goal seek and capacity', async () => {
    await call(t, 'scenarios:save', exampleScenario({}, { name: 'Base', teams: [exampleTeam('Payments')] }));
    const run = await call(t, 'scenarios:run', {
      name: 'Base',
      horizonMonths: 3,
      set: { acceptance_rate: '0.6:0.7:0.8', 'team.Payments.headcount': 12 },
      monteCarlo: { draws: 500, seed: 3 },
      goalSeek: { assumption: 'acceptance_rate' },
    });
    expect(run.periods.map((p) => p.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(run.scenario.assumptions.acceptance_rate).toMatchObject({ value: 0.7, source: 'override' });
    expect(run.totals.months).toBe(3);
    expect(run.bands!.sampled).toEqual(['acceptance_rate']);
    expect(run.bands!.totals.netSavingMicros.p10!).toBeLessThan(run.bands!.totals.netSavingMicros.p90!);
    expect(run.tornado!.bars.map((b) => b.assumption)).toEqual(['acceptance_rate']);
    expect(run.goalSeek!.value).toBeCloseTo(run.totals.breakEven.acceptanceRate!, 6);
    expect(run.capacity!.teams[0]!.months[0]!.availableHours).toBeCloseTo(12 * 130 * 0.9, 9);
    const unsaved = await call(t, 'scenarios:run', { scenario: exampleScenario({ ai_share: 0 }), tornado: false });
    expect(unsaved.totals.netSavingMicros).toBe(0);
    expect(unsaved.tornado).toBeNull();
    expect(await errorOf(callRaw(t, 'scenarios:run', { name: 'Base', set: { acceptence_rate: 1 } }))).toMatch(/^INVALID_INPUT: unknown assumption "acceptence_rate"/);
    expect(await errorOf(callRaw(t, 'scenarios:run', {}))).toBe('INVALID_INPUT: Invalid input for scenarios:run.');
  });
});

import { describe, expect, it } from 'vitest';
import { pseudonym } from '../people';
import { planRules } from '../plans';
import { runDeterministic } from '../scenario/engine';
import { exampleScenario } from '../scenario/example';
import { applyOverrides } from '../scenario/overrides';
import { mulberry32, type Rng } from '../scenario/random';
import { ASSUMPTION_IDS, type AssumptionValues, type Scenario } from '../scenario/schema';
import { address, isSpec, type WorkbookPlan } from './cells';
import type { WorksheetRecord } from './cost-lines-sheet';
import { createEvaluator, type Value } from './formula-eval';
import { buildWorksheetPlan, type WorksheetInput } from './plan';
import { hasTotal, SCENARIO_COLUMN_IDS, SCENARIO_SHEET, scenarioCell, scenarioValues } from './scenario-sheet';
import { summaryCell } from './summary-sheet';

const record = (i: number, over: Partial<WorksheetRecord> = {}): WorksheetRecord => ({
  ticketKey: `PAY-${i}`,
  title: `Fix ${i}`,
  team: 'Payments',
  repository: 'northwind/ledger-service',
  outcome: i % 3 === 0 ? 'rejected' : 'accepted',
  month: `2026-0${1 + (i % 6)}`,
  mrUrl: `https://gitlab.example/northwind/ledger-service/-/merge_requests/${i}`,
  jiraUrl: `https://northwind.atlassian.net/browse/PAY-${i}`,
  person: `Dev ${i % 4}`,
  runs: 1 + (i % 3),
  repairRuns: i % 3,
  reviewRounds: 1 + (i % 2),
  ciMinutes: 12.5 + i,
  reachedReview: 1,
  accepted: i % 3 === 0 ? 0 : 1,
  humanHours: 1.25 + (i % 5) / 4,
  baselineHours: i % 3 === 0 ? 0 : 6 + (i % 4),
  costRunCreditsMicros: 4_000_000 * (i % 2),
  costAiCreditsMicros: 1_234_567 + i,
  costProviderMicros: 310_000 * i,
  costCiMicros: 75_000 + i * 1_000,
  costHumanMicros: 85_000_000 + i * 17,
  missingRates: null,
  ...over,
});

function input(scenario: Scenario, over: Partial<WorksheetInput> = {}): WorksheetInput {
  return {
    workspaceName: 'Test',
    currency: 'GBP',
    writtenAt: '2026-11-02T10:00:00.000Z',
    appVersion: '0.1.0',
    pilot: null,
    scenario,
    origin: 'saved',
    result: runDeterministic(scenario),
    records: Array.from({ length: 40 }, (_, i) => record(i + 1)),
    people: null,
    productiveHoursPerFte: 120,
    workspaceRepairBudget: 3,
    sources: { sources: [], syncRuns: [], imports: [], rates: [], missingRates: [], currency: 'GBP' },
    ...over,
  };
}

const close = (a: Value, b: Value) => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (a === '' || a === null) && (b === '' || b === null) ? true : a === b;
};

/** Every formula of the plan, evaluated, against its cached result (the engine's or the records' number). */
function checkCachedResults(plan: WorkbookPlan, label: string): number {
  const ev = createEvaluator(plan);
  let checked = 0;
  for (const sheet of plan.sheets) {
    sheet.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (!isSpec(cell) || cell.formula === undefined) return;
        const a1 = address(c + 1, r + 1);
        const got = ev.cell(sheet.name, a1);
        if (!close(got, cell.result ?? null)) throw new Error(`${label}: ${sheet.name}!${a1} = ${cell.formula} gives ${String(got)}, cached ${String(cell.result)}`);
        checked += 1;
      }),
    );
  }
  return checked;
}

function randomValues(rng: Rng): AssumptionValues {
  const u = (a: number, b: number) => a + (b - a) * rng();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  return {
    monthly_volume: u(1, 500),
    monthly_growth: u(-0.05, 0.1),
    ai_share: u(0.05, 1),
    denied_rate: u(0, 0.3),
    blocked_rate: u(0, 0.3),
    validation_failed_rate: u(0, 0.5),
    pr_created_rate: u(0.3, 1),
    acceptance_rate: pick([u(0.05, 0.95), 1]),
    rollback_rate: u(0, 0.2),
    repair_attempts_per_item: pick([0, u(0, 4)]),
    repair_budget: pick([0, 1, 2, 3, 5, 100]),
    price_per_credit: pick([0, u(0, 10)]),
    free_credits: pick([0, 50, 200]),
    ai_credits_per_run: u(0, 50),
    ai_credit_cost_per_run: u(0, 5),
    provider_cost_per_run: u(0, 5),
    ci_minutes_per_run: u(0, 60),
    ci_price_per_minute: u(0, 0.02),
    intake_hours_per_item: u(0, 2),
    review_hours_per_pr: u(0, 3),
    repair_hours_per_item: u(0, 3),
    rework_hours_per_merged: u(0, 2),
    baseline_hours_per_item: u(0.5, 20),
    loaded_hourly_rate: u(30, 150),
    productive_hours_per_fte: u(80, 160),
  };
}

const PLANS = [
  planRules({ name: 'Cloud' }),
  planRules({ name: 'One-off allowance', allowanceResets: 'never', freeCredits: 300, creditsPerEvent: { pr_created: 1, pr_updated: 1, continuation_run: 0.5, validation_failed: 0.25 } }),
  planRules({ name: 'Prepaid', shape: 'prepaid_balance', marginPercent: 20, feePerReviewMicros: 1_500_000 }),
  planRules({ name: 'Per merged', shape: 'per_merged', creditsPerMerged: 2 }),
];

describe('the worksheet formulas reproduce the scenario engine', () => {
  it('every formula of the example scenario gives its cached result, on every plan shape', () => {
    for (const plan of PLANS) {
      const s = exampleScenario({}, { plan: { ...plan, currency: 'GBP' } });
      expect(checkCachedResults(buildWorksheetPlan(input(s)), plan.name)).toBeGreaterThan(SCENARIO_COLUMN_IDS.length * 12);
    }
  });

  it('holds for random scenarios (seeded), including zero prices, budgets and repairs', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rng = mulberry32(seed);
      const values = randomValues(rng);
      const plan = PLANS[seed % PLANS.length]!;
      const s = exampleScenario(values, { plan: { ...plan, currency: 'GBP' }, horizonMonths: 1 + Math.floor(rng() * 24) });
      checkCachedResults(buildWorksheetPlan(input(s, { records: [] })), `seed ${seed} (${plan.name})`);
    }
  });

  it('editing a named assumption moves every Scenario figure as runDeterministic with that override says', () => {
    const edits: [string, number][] = [
      ['acceptance_rate', 0.95],
      ['price_per_credit', 7.5],
      ['monthly_growth', 0.04],
      ['repair_budget', 1],
      ['free_credits', 0],
      ['rollback_rate', 0.3],
      ['loaded_hourly_rate', 60],
    ];
    for (const plan of PLANS) {
      const base = exampleScenario({ repair_attempts_per_item: 1.5 }, { plan: { ...plan, currency: 'GBP' } });
      const wb = buildWorksheetPlan(input(base));
      for (const [id, value] of edits) {
        const moved = applyOverrides(base, { [id]: value });
        const expected = scenarioValues(moved, runDeterministic(moved));
        const ev = createEvaluator(wb, { [id]: value });
        for (const col of SCENARIO_COLUMN_IDS.filter((c) => c !== 'month')) {
          expected.months.forEach((m, i) => {
            const got = ev.cell(SCENARIO_SHEET, scenarioCell(12, col, i));
            if (!close(got, m[col])) throw new Error(`${plan.name}, ${id}=${value}: ${col} month ${i} is ${String(got)}, engine ${String(m[col])}`);
          });
          if (!hasTotal(col)) continue;
          const got = ev.cell(SCENARIO_SHEET, scenarioCell(12, col, 'totals'));
          if (!close(got, expected.totals[col])) throw new Error(`${plan.name}, ${id}=${value}: ${col} total is ${String(got)}, engine ${String(expected.totals[col])}`);
        }
        expect(close(ev.cell('Summary', summaryCell('cost_per_accepted', 'scenario')), expected.totals.cost_per_accepted)).toBe(true);
      }
    }
  });
});

describe('the worksheet layout', () => {
  const s = exampleScenario();

  it('names every assumption value cell, and the plan rules and derived values the formulas use', () => {
    const wb = buildWorksheetPlan(input(s));
    const names = new Set(wb.names.map((n) => n.name));
    for (const id of ASSUMPTION_IDS) expect(names.has(id), id).toBe(true);
    for (const n of ['credits_per_pr_created', 'allowance_resets_monthly', 'repair_stopped_share', 'human_cost_per_item', 'max_acceptance_rate']) expect(names.has(n), n).toBe(true);
    expect(wb.names.every((n) => n.sheet === 'Assumptions' && /^\$[A-Z]+\$\d+$/.test(n.cell))).toBe(true);
    expect(createEvaluator(wb).name('acceptance_rate')).toBe(0.8);
  });

  it('has the six sheets, frozen headers and widths that fit', () => {
    const wb = buildWorksheetPlan(input(s));
    expect(wb.sheets.map((x) => x.name)).toEqual(['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources']);
    for (const sheet of wb.sheets) {
      expect(sheet.frozen.rows, sheet.name).toBeGreaterThanOrEqual(1);
      for (const c of sheet.columns) expect(c.width, sheet.name).toBeGreaterThanOrEqual(6);
    }
    const costLines = wb.sheets[3]!;
    expect(costLines.columns[1]!.width).toBeLessThanOrEqual(50);
  });

  it('links only web addresses, cleans control characters, and leaves people out unless person views are on', () => {
    const records = [record(1, { mrUrl: 'javascript:alert(1)', title: 'bad\u0007title' }), record(2)];
    const off = buildWorksheetPlan(input(s, { records }));
    const cl = off.sheets[3]!;
    expect(cl.rows[0]!.cells).not.toContain('Person (pseudonym)');
    const [row1, row2] = [cl.rows[1]!.cells, cl.rows[2]!.cells];
    expect(row1[1]).toBe('badtitle');
    expect(row1[6]).toBe('javascript:alert(1)');
    expect(row2[6]).toEqual({ value: records[1]!.mrUrl, link: records[1]!.mrUrl });

    const on = buildWorksheetPlan(input(s, { records, people: { salt: 'Test' } }));
    const header = on.sheets[3]!.rows[0]!.cells;
    const at = header.indexOf('Person (pseudonym)');
    expect(at).toBeGreaterThan(0);
    expect(on.sheets[3]!.rows[1]!.cells[at]).toBe(pseudonym('Dev 1', 'Test'));
    expect(JSON.stringify(on)).not.toContain('Dev 1');
  });

  it('writes the observed figures as formulas over the Cost lines totals', () => {
    const wb = buildWorksheetPlan(input(s));
    const summary = wb.sheets[0]!;
    const cell = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return summary.rows[Number(m[2]) - 1]!.cells[m[1]!.charCodeAt(0) - 65];
    };
    expect(cell(summaryCell('accepted', 'observed'))).toMatchObject({ formula: expect.stringContaining("'Cost lines'!") });
    expect(cell(summaryCell('cost_per_accepted', 'scenario'))).toMatchObject({ formula: expect.stringContaining('Scenario!') });
  });
});

import { describe, expect, it } from 'vitest';
import { planRules } from '../plans';
import { exampleScenario, exampleTeam } from './example';
import { applyOverrides, parseGoalArguments, parseSetArguments, scenarioIssues } from './overrides';

const plans = [planRules({ name: 'Cloud', pricePerCreditMicros: 4_000_000 }), planRules({ name: 'Self-hosted', pricePerCreditMicros: 2_000_000, freeCredits: 50 })];

describe('overrides (--set and the run channel)', () => {
  it('sets a point (dropping the range), a percentage or a low:likely:high range, marked as overrides', () => {
    const base = exampleScenario();
    base.assumptions.acceptance_rate = { ...base.assumptions.acceptance_rate, low: 0.6, likely: 0.8, high: 0.9, source: 'calibrated' };
    const s = applyOverrides(base, { acceptance_rate: '0.85', denied_rate: '5%', review_hours_per_pr: '0.5:1:2', monthly_volume: 250 });
    expect(s.assumptions.acceptance_rate).toEqual({ value: 0.85, evidence: base.assumptions.acceptance_rate.evidence, source: 'override' });
    expect(s.assumptions.denied_rate.value).toBeCloseTo(0.05, 12);
    expect(s.assumptions.review_hours_per_pr).toMatchObject({ value: 1, low: 0.5, likely: 1, high: 2, source: 'override' });
    expect(s.assumptions.monthly_volume.value).toBe(250);
    // The original is untouched.
    expect(base.assumptions.acceptance_rate.value).toBe(0.8);
  });

  it('switches plan by name, with its price and free allowance', () => {
    const s = applyOverrides(exampleScenario(), { plan: 'self-hosted' }, { plans });
    expect(s.plan.name).toBe('Self-hosted');
    expect(s.assumptions.price_per_credit.value).toBe(2);
    expect(s.assumptions.free_credits.value).toBe(50);
  });

  it('sets team assumptions and capacity options', () => {
    const s = applyOverrides(exampleScenario({}, { teams: [exampleTeam('Payments')] }), { 'team.payments.headcount': 14, routed_share: '50%', run_credit_budget: 400, ai_credit_budget: 'none' });
    expect(s.teams[0]!.assumptions.headcount.value).toBe(14);
    expect(s.capacity).toEqual({ routedShare: 0.5, runCreditBudgetPerMonth: 400, aiCreditBudgetPerMonth: null });
  });

  it('refuses unknown keys, bad numbers and values outside the domain, saying why', () => {
    const s = exampleScenario();
    expect(() => applyOverrides(s, { acceptence_rate: 0.9 })).toThrow(/unknown assumption "acceptence_rate": use an assumption \(monthly_volume, /);
    expect(() => applyOverrides(s, { acceptance_rate: 'high' })).toThrow(/acceptance_rate: "high" is not a number/);
    expect(() => applyOverrides(s, { acceptance_rate: 1.4 })).toThrow(/acceptance_rate: value 1.4 is outside 0–1/);
    expect(() => applyOverrides(s, { acceptance_rate: '0.9:0.8:0.95' })).toThrow(/low ≤ likely ≤ high/);
    expect(() => applyOverrides(s, { loaded_hourly_rate: '50%' })).toThrow(/a percentage only fits a share/);
    expect(() => applyOverrides(s, { 'team.Nobody.headcount': 3 })).toThrow(/no team "Nobody"/);
    expect(() => applyOverrides(s, { plan: 'Gold' }, { plans })).toThrow(/no plan named "Gold" \(plans: Cloud, Self-hosted\)/);
    expect(() => parseSetArguments(['acceptance_rate'])).toThrow(/ASSUMPTION=VALUE/);
    expect(parseSetArguments(['a=1', 'b = 2:3:4', 'a=5'])).toEqual({ a: '5', b: '2:3:4' });
  });

  it('finds every problem of a scenario at once', () => {
    const s = exampleScenario({ acceptance_rate: 2, denied_rate: -0.1 }, { teams: [exampleTeam('A'), exampleTeam('a', { leave_share: 3 })] });
    expect(scenarioIssues(s)).toEqual([
      'denied_rate: value -0.1 is outside 0–1',
      'acceptance_rate: value 2 is outside 0–1',
      'team a appears twice',
      'team.a.leave_share: value 3 is outside 0–1',
    ]);
  });
});

describe('goal-seek arguments (--vary, --target)', () => {
  it('reads break-even by default, money in major units and other figures as they are', () => {
    expect(parseGoalArguments('acceptance_rate', undefined)).toEqual({ assumption: 'acceptance_rate', target: 'break_even' });
    expect(parseGoalArguments('price_per_credit', 'net-saving=25,000.50')).toEqual({ assumption: 'price_per_credit', target: { metric: 'netSavingMicros', value: 25_000_500_000 } });
    expect(parseGoalArguments('ai_share', 'fte-freed=1.5')).toEqual({ assumption: 'ai_share', target: { metric: 'fteFreed', value: 1.5 } });
  });

  it('names what is wrong', () => {
    expect(() => parseGoalArguments(undefined, undefined)).toThrow(/--vary ASSUMPTION is required/);
    expect(() => parseGoalArguments('acceptence_rate', undefined)).toThrow(/unknown assumption "acceptence_rate" for --vary/);
    expect(() => parseGoalArguments('acceptance_rate', 'net-saving=')).toThrow(/--target takes break-even or/);
    expect(() => parseGoalArguments('acceptance_rate', 'net-saving=lots')).toThrow(/got "net-saving=lots"/);
  });
});

import { describe, expect, it } from 'vitest';
import { runDeterministic } from '../../../../shared/domain/scenario';
import { exampleScenario, withRanges } from '../../../../shared/domain/scenario/example';
import { answerGoal, goalTarget } from './goal-seek-model';

const s = withRanges(exampleScenario());

describe('goal seek', () => {
  it('finds the break-even acceptance rate: the net saving there is zero, and the AI path is cheaper above it', () => {
    const a = answerGoal(s, { assumption: 'acceptance_rate', kind: 'break_even', amount: null });
    expect(a.found).toBe(true);
    const at = { ...s, assumptions: { ...s.assumptions, acceptance_rate: { ...s.assumptions.acceptance_rate, value: a.value! } } };
    expect(Math.abs(runDeterministic(at).totals.netSavingMicros)).toBeLessThan(1);
    expect(a.value).toBeCloseTo(runDeterministic(s).totals.breakEven.acceptanceRate!, 6);
    expect(a.sentence).toMatch(/above it, the AI path is cheaper/);
  });

  it('finds the break-even price per PR/MR, below which the AI path is cheaper', () => {
    const a = answerGoal(s, { assumption: 'price_per_credit', kind: 'break_even', amount: null });
    expect(a.found).toBe(true);
    expect(a.value).toBeCloseTo(runDeterministic(s).totals.breakEven.pricePerCredit!, 4);
    expect(a.sentence).toMatch(/below it, the AI path is cheaper/);
  });

  it('seeks a money target, and asks for the amount first', () => {
    expect(goalTarget({ assumption: 'acceptance_rate', kind: 'net_saving', amount: null })).toBeNull();
    expect(answerGoal(s, { assumption: 'acceptance_rate', kind: 'net_saving', amount: null }).sentence).toBe('Enter an amount to seek.');
    expect(goalTarget({ assumption: 'acceptance_rate', kind: 'cost_per_accepted', amount: 12.5 })).toEqual({ metric: 'costPerAcceptedMicros', value: 12_500_000 });
    const a = answerGoal(s, { assumption: 'acceptance_rate', kind: 'net_saving', amount: 50_000 });
    expect(a.found).toBe(true);
    const at = { ...s, assumptions: { ...s.assumptions, acceptance_rate: { ...s.assumptions.acceptance_rate, value: a.value! } } };
    expect(runDeterministic(at).totals.netSavingMicros / 1e6).toBeCloseTo(50_000, 2);
  });

  it('says why when no value reaches the target', () => {
    const a = answerGoal(s, { assumption: 'acceptance_rate', kind: 'net_saving', amount: 1e12 });
    expect(a.found).toBe(false);
    expect(a.valueText).toBe('Out of reach');
    expect(a.sentence).toMatch(/No value of Acceptance rate/);
  });
});

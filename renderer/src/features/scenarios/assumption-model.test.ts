import { describe, expect, it } from 'vitest';
import { ASSUMPTION_IDS, TEAM_ASSUMPTION_IDS } from '../../../../shared/domain/scenario';
import { exampleScenario, exampleTeam, withRanges } from '../../../../shared/domain/scenario/example';
import {
  assumptionAt,
  assumptionGroups,
  editRange,
  editValue,
  formatAssumptionValue,
  formatRange,
  inputText,
  overrideCount,
  parseInput,
  resetAssumption,
  rowOf,
  teamKey,
  withAssumption,
} from './assumption-model';

const ranged = withRanges(exampleScenario({}, { teams: [exampleTeam('Payments')] }));
const calibrated = {
  ...ranged,
  assumptions: Object.fromEntries(ASSUMPTION_IDS.map((id) => [id, { ...ranged.assumptions[id], source: 'calibrated' as const }])) as typeof ranged.assumptions,
  teams: ranged.teams.map((t) => ({ ...t, assumptions: Object.fromEntries(TEAM_ASSUMPTION_IDS.map((id) => [id, { ...t.assumptions[id], source: 'calibrated' as const }])) as typeof t.assumptions })),
};

describe('units', () => {
  it('shows and reads shares and growth as percentages, money in major units', () => {
    expect(formatAssumptionValue('share', 0.7056, 'GBP')).toBe('70.6%');
    expect(formatAssumptionValue('growth', 0.0595, 'GBP')).toBe('+5.95% a month');
    expect(formatAssumptionValue('money', 4, 'GBP')).toBe('£4.00');
    expect(formatAssumptionValue('money', 0.004944, 'GBP')).toBe('£0.00494');
    expect(formatAssumptionValue('hours', 0.625, 'GBP')).toBe('0.6 h');
    expect(formatRange('items', 67.5, 88.5, 'GBP')).toBe('67.5 – 88.5 items');
    expect(formatRange('share', 0.66, 0.75, 'GBP')).toBe('66% – 75%');
    expect(inputText('share', 0.7055837563451777)).toBe('70.5584');
    expect(inputText('money', 4)).toBe('4');
    expect(inputText('share', undefined)).toBe('');
  });

  it('parses what people type, in the input’s unit', () => {
    expect(parseInput('share', '80')).toBeCloseTo(0.8, 12);
    expect(parseInput('share', '80%')).toBeCloseTo(0.8, 12);
    expect(parseInput('money', '1,250.5')).toBe(1250.5);
    expect(parseInput('money', '.5')).toBe(0.5);
    expect(parseInput('items', '')).toBeNull();
    expect(parseInput('items', '12abc')).toBeNull();
    expect(parseInput('items', '-')).toBeNull();
  });
});

describe('edits', () => {
  const a = calibrated.assumptions.acceptance_rate; // 0.8, range 0.64–0.96

  it('keeps a range that still holds the new value, as its likely point', () => {
    const r = editValue('acceptance_rate', a, 0.9, 'GBP');
    expect(r).toMatchObject({ ok: true, rangeCleared: false, assumption: { value: 0.9, likely: 0.9, low: a.low, high: a.high, source: 'override' } });
  });

  it('drops a range the new value falls outside of, as a point override does on the command line', () => {
    const r = editValue('acceptance_rate', a, 0.99, 'GBP');
    expect(r.ok && r.rangeCleared).toBe(true);
    expect(r.ok && r.assumption).toEqual({ value: 0.99, evidence: a.evidence, source: 'override' });
  });

  it('refuses values outside the assumption’s domain, and ranges that do not hold the value', () => {
    expect(editValue('acceptance_rate', a, 1.2, 'GBP')).toEqual({ ok: false, error: 'Must be between 0% to 100%.' });
    expect(editRange('acceptance_rate', a, 0.85, 0.9, 'GBP')).toEqual({ ok: false, error: 'The range must run low ≤ likely ≤ high.' });
    expect(editRange('acceptance_rate', a, 0.5, null, 'GBP')).toEqual({ ok: false, error: 'Give both a low and a high, or neither.' });
  });

  it('sets or clears a range around the value', () => {
    expect(editRange('acceptance_rate', a, 0.7, 0.85, 'GBP')).toMatchObject({ ok: true, assumption: { value: 0.8, low: 0.7, likely: 0.8, high: 0.85, source: 'override' } });
    const cleared = editRange('acceptance_rate', a, null, null, 'GBP');
    expect(cleared.ok && cleared.assumption.low).toBeUndefined();
  });

  it('edits a team’s assumption by its team.NAME.ID key, leaving the rest shared', () => {
    const key = teamKey('Payments', 'headcount');
    const r = editValue(key, assumptionAt(calibrated, key)!, 12, 'GBP');
    expect(r.ok).toBe(true);
    const next = withAssumption(calibrated, key, r.ok ? r.assumption : a);
    expect(assumptionAt(next, key)?.value).toBe(12);
    expect(next.assumptions).toBe(calibrated.assumptions);
    expect(overrideCount(calibrated)).toBe(0);
    expect(overrideCount(next)).toBe(1);
  });

  it('resets an override to the reference calibration, evidence and range included', () => {
    const r = editValue('acceptance_rate', a, 0.99, 'GBP');
    const edited = withAssumption(calibrated, 'acceptance_rate', r.ok ? r.assumption : a);
    const back = resetAssumption(edited, 'acceptance_rate', calibrated);
    expect(back.assumptions.acceptance_rate).toEqual(a);
    expect(rowOf(edited, 'acceptance_rate', calibrated)).toMatchObject({ overridden: true, canReset: true, calibratedText: '80%' });
    expect(rowOf(edited, 'acceptance_rate', null)).toMatchObject({ overridden: true, canReset: false, calibratedText: null });
  });
});

describe('assumptionGroups', () => {
  it('lists every assumption once, in the panel’s groups, then each team', () => {
    const groups = assumptionGroups(calibrated, null);
    const keys = groups.flatMap((g) => g.rows.map((r) => r.key));
    expect(keys).toHaveLength(ASSUMPTION_IDS.length + TEAM_ASSUMPTION_IDS.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(groups.map((g) => g.title)).toEqual(['Volume', 'Funnel', 'Repairs', 'Plan', 'AI and CI', 'Hours', 'Rates', 'Team Payments']);
    expect(groups.find((g) => g.id === 'AI and CI')!.rows.map((r) => r.key)).toEqual(['ai_credits_per_run', 'ai_credit_cost_per_run', 'provider_cost_per_run', 'ci_minutes_per_run', 'ci_price_per_minute']);
  });

  it('shows the evidence: records, period and note', () => {
    const s = withAssumption(calibrated, 'acceptance_rate', { ...calibrated.assumptions.acceptance_rate, evidence: { records: 461, from: '2026-04', to: '2026-09', note: '278 accepted ÷ 394' } });
    expect(rowOf(s, 'acceptance_rate', null)!.evidence).toEqual({ records: '461 records', period: 'April 2026 – September 2026', note: '278 accepted ÷ 394' });
    expect(rowOf(s, 'acceptance_rate', null)!.rangeText).toBe('64% – 96%');
  });
});

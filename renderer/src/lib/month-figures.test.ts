import { describe, expect, it } from 'vitest';
import { acceptedMeasure, aiPathCostNote, costPerAcceptedMeasure, monthFiguresRows, type MonthFigures } from './month-figures';

const months: MonthFigures[] = [
  { month: '2026-07', accepted: 1200, costPerAcceptedMicros: 43_333_333.33, aiPathCostMicros: 520_000_000 },
  { month: '2026-08', accepted: 0, costPerAcceptedMicros: null, aiPathCostMicros: 90_000_000 },
];

describe('monthFiguresRows', () => {
  it('formats each month for the table, with a dash where nothing was accepted', () => {
    expect(monthFiguresRows(months, 'GBP')).toEqual([
      { month: '2026-07', label: 'July 2026', accepted: '1,200', aiPathCost: '£520.00', costPerAccepted: '£43.33' },
      { month: '2026-08', label: 'August 2026', accepted: '0', aiPathCost: '£90.00', costPerAccepted: '—' },
    ]);
  });
});

describe('month measures', () => {
  const [july, august] = months as [MonthFigures, MonthFigures];

  it('charts cost per accepted in the workspace currency, with no value where nothing was accepted', () => {
    const cost = costPerAcceptedMeasure('EUR');
    expect([cost.value(july), cost.value(august)]).toEqual([43_333_333.33, null]);
    expect(cost.text(july)).toBe('€43.33');
    expect(cost.text(august)).toBe('— (nothing accepted)');
    expect(cost.axisLabel(40_000_000)).toBe('€40');
  });

  it('charts accepted counts on whole ticks, and notes the AI-path cost', () => {
    expect(acceptedMeasure.text(july)).toBe('1,200');
    expect(acceptedMeasure.axisLabel(1200)).toBe('1,200');
    expect(acceptedMeasure.minInterval).toBe(1);
    expect(aiPathCostNote('GBP')(august)).toBe('AI-path cost £90.00');
  });
});

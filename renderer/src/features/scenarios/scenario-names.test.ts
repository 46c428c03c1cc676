import { describe, expect, it } from 'vitest';
import { nameProblem, uniqueName } from './scenario-names';

describe('scenario names', () => {
  it('are required, short and unique regardless of case', () => {
    expect(nameProblem('  ', [])).toBe('Give the scenario a name.');
    expect(nameProblem('x'.repeat(81), [])).toBe('At most 80 characters.');
    expect(nameProblem('cloud', ['Cloud'])).toBe('A scenario with this name already exists.');
    expect(nameProblem('cloud', ['Cloud'], 'Cloud')).toBeNull();
    expect(nameProblem('Self-hosted', ['Cloud'])).toBeNull();
  });

  it('numbers a name that is taken', () => {
    expect(uniqueName('Cloud', [])).toBe('Cloud');
    expect(uniqueName('Cloud', ['cloud', 'Cloud 2'])).toBe('Cloud 3');
  });
});

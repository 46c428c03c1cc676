import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../shared/domain/column-mapping';
import { parseReadAs, readAsGroups, readAsInput, readAsLabel, readAsValue, requestKey, type ReadAs } from './read-as-model';

const mapping = { name: 'Azure', columns: { date: 'Date', amount: 'Cost' }, fixedCurrency: 'EUR', ledger: 'provider', vendor: 'azure-openai' } as ColumnMapping;

describe('readAsValue / parseReadAs', () => {
  it('round-trips every kind of choice', () => {
    const choices: ReadAs[] = [{ kind: 'auto' }, { kind: 'preset', id: 'openai-costs' }, { kind: 'mapping', name: 'Azure: monthly' }, { kind: 'new-mapping' }];
    for (const choice of choices) expect(parseReadAs(readAsValue(choice))).toEqual(choice);
  });

  it('falls back to recognising the format for values it does not know', () => {
    expect(parseReadAs('preset:not-a-preset')).toEqual({ kind: 'auto' });
    expect(parseReadAs('')).toEqual({ kind: 'auto' });
  });
});

describe('readAsGroups', () => {
  it('lists recognise, the presets, saved mappings by name and a new mapping', () => {
    const groups = readAsGroups([{ id: 'run-credits', label: 'Run-credit event log (CSV)' }], [{ name: 'Zeta' }, { name: 'Azure' }]);
    expect(groups.map((group) => group.label)).toEqual([null, 'Formats', 'Saved column mappings', null]);
    expect(groups[2]?.options.map((option) => option.label)).toEqual(['Azure', 'Zeta']);
    expect(groups[3]?.options).toEqual([{ value: 'new', label: 'New column mapping…' }]);
    expect(readAsGroups([], []).map((group) => group.label)).toEqual([null, null]);
  });
});

describe('readAsInput', () => {
  it('asks for what was chosen, and sends a mapping being edited inline', () => {
    expect(readAsInput({ kind: 'auto' }, null, false)).toEqual({});
    expect(readAsInput({ kind: 'preset', id: 'copilot-users' }, null, false)).toEqual({ preset: 'copilot-users' });
    expect(readAsInput({ kind: 'mapping', name: 'Azure' }, null, false)).toEqual({ mappingName: 'Azure' });
    expect(readAsInput({ kind: 'mapping', name: 'Azure' }, mapping, true)).toEqual({ mapping });
    expect(readAsInput({ kind: 'new-mapping' }, mapping, true)).toEqual({ mapping });
  });

  it('has nothing to ask while the mapping cannot be read', () => {
    expect(readAsInput({ kind: 'new-mapping' }, null, true)).toBeNull();
  });
});

describe('requestKey', () => {
  it('does not depend on the order of keys', () => {
    const a = requestKey('/f.csv', { mapping: { ...mapping } });
    const b = requestKey('/f.csv', { mapping: { vendor: 'azure-openai', ledger: 'provider', fixedCurrency: 'EUR', columns: { amount: 'Cost', date: 'Date' }, name: 'Azure' } as ColumnMapping });
    expect(a).toBe(b);
    expect(requestKey('/f.csv', {})).not.toBe(requestKey('/g.csv', {}));
  });
});

describe('readAsLabel', () => {
  it('names the chosen format for messages', () => {
    const formats = [{ id: 'run-credits' as const, label: 'Run-credit event log (CSV)' }];
    expect(readAsLabel({ kind: 'preset', id: 'run-credits' }, formats)).toBe('Run-credit event log (CSV)');
    expect(readAsLabel({ kind: 'mapping', name: 'Azure' }, formats)).toBe('the column mapping “Azure”');
    expect(readAsLabel({ kind: 'auto' }, formats)).toBeNull();
  });
});

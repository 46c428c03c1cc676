import { describe, expect, it } from 'vitest';
import { formatMinutes, recordColumns, ticketLabel } from './record-columns';
import { sampleRecordRow } from './records-fixture';

const column = (id: string, opts = { person: false }) => {
  const col = recordColumns('GBP', opts).find((c) => c.id === id);
  if (col === undefined) throw new Error(`no column ${id}`);
  return col;
};

describe('recordColumns', () => {
  it('has the columns the Records list promises, in order, the ticket pinned', () => {
    const ids = recordColumns('GBP', { person: false }).map((c) => c.id);
    expect(ids).toEqual(['ticket', 'team', 'repository', 'outcome', 'month', 'runs', 'repairRuns', 'reviewRounds', 'ciMinutes', 'costRunCredits', 'costAiCredits', 'costProvider', 'costCi', 'costHuman', 'costTotal', 'signals']);
    expect(column('ticket').pinned).toBe('left');
  });

  it('adds a Person column only when asked', () => {
    expect(recordColumns('GBP', { person: true }).map((c) => c.id)).toContain('person');
    expect(column('person', { person: true }).display(sampleRecordRow({ person: 'Ana' }))).toBe('Ana');
  });

  it('shows money in the workspace currency and sorts by the raw micros', () => {
    const row = sampleRecordRow();
    expect(column('costTotal').display(row)).toBe('£222.67');
    expect(column('costTotal').value(row)).toBe(222_670_000);
    expect(recordColumns('USD', { person: false }).find((c) => c.id === 'costTotal')?.display(row)).toBe('US$222.67');
  });

  it('formats counts, minutes, months, outcomes and signals for reading', () => {
    const row = sampleRecordRow({ signals: ['repair_over_budget', 'no_review'] });
    expect(column('ciMinutes').display(row)).toBe('26.5');
    expect(column('month').display(row)).toBe('Jul 26');
    expect(column('outcome').display(sampleRecordRow({ outcome: 'rolled_back' }))).toBe('Rolled back');
    expect(column('signals').display(row)).toBe('Repairs over budget, No review');
    expect(column('repository').display(sampleRecordRow({ repository: null }))).toBe('—');
  });

  it('sorts tickets naturally and empty values last', () => {
    const compare = column('ticket').compare!;
    expect(compare(sampleRecordRow({ ticketKey: 'PAY-9' }), sampleRecordRow({ ticketKey: 'PAY-10' }))).toBeLessThan(0);
    const team = column('team').compare!;
    expect(team(sampleRecordRow({ team: null }), sampleRecordRow({ team: 'Data' }))).toBeGreaterThan(0);
  });

  it('sorts outcomes in reading order, not alphabetically', () => {
    const compare = column('outcome').compare!;
    expect(compare(sampleRecordRow({ outcome: 'accepted' }), sampleRecordRow({ outcome: 'rejected' }))).toBeLessThan(0);
    expect(compare(sampleRecordRow({ outcome: 'denied' }), sampleRecordRow({ outcome: 'blocked' }))).toBeGreaterThan(0);
  });
});

describe('ticketLabel and formatMinutes', () => {
  it('falls back to the record key for work without a ticket', () => {
    expect(ticketLabel({ ticketKey: null, recordKey: 'run:r_1' })).toBe('run:r_1');
  });

  it('keeps a decimal for small minute counts only', () => {
    expect(formatMinutes(0)).toBe('0');
    expect(formatMinutes(12.25)).toBe('12.3');
    expect(formatMinutes(1234.4)).toBe('1,234');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/domain/settings';
import { linkingChanged, linkingFields, patternExample, patternProblem, validateLinking } from './linking-form-model';
import { unlinkedRows, unlinkedTotal } from './linking-view-model';

const settings = defaultSettings();

describe('the ticket-key pattern', () => {
  it('must compile as a JavaScript regular expression and need at least one character', () => {
    expect(patternProblem(settings.linking.ticketKeyPattern)).toBeNull();
    expect(patternProblem('([A-Z]+-\\d+')).toMatch(/^Not a valid regular expression: .*\.$/);
    expect(patternProblem('')).toMatch(/^Enter a pattern/);
    expect(patternProblem('[A-Z]*')).toMatch(/matches empty text/);
  });

  it('shows what the linker would find in a sample, branch names upper-cased as the linker does', () => {
    expect(patternExample(settings.linking.ticketKeyPattern, 'feature/pay-1234-fix-rounding')).toEqual({ kind: 'keys', keys: ['PAY-1234'] });
    expect(patternExample(settings.linking.ticketKeyPattern, 'Fix PAY-12 and PLAT-7')).toEqual({ kind: 'keys', keys: ['PAY-12', 'PLAT-7'] });
    expect(patternExample('\\b(PLAT-\\d+)\\b', 'feature/pay-1234')).toEqual({ kind: 'none' });
    expect(patternExample('(', 'PAY-1')).toEqual({ kind: 'invalid' });
    expect(patternExample(settings.linking.ticketKeyPattern, '  ')).toEqual({ kind: 'empty' });
  });
});

describe('validateLinking', () => {
  it('round-trips the saved settings unchanged', () => {
    const fields = linkingFields(settings);
    expect(linkingChanged(fields, settings)).toBe(false);
    expect(validateLinking(fields)).toEqual({
      ok: true,
      value: { linking: settings.linking, rollbackWindowDays: 14, reviewMinutesPerRound: 30, repairBudget: 3 },
    });
  });

  it('puts a message next to each field that cannot be saved', () => {
    const fields = { ...linkingFields(settings), ticketKeyPattern: '[', rollbackWindowDays: '400', reviewMinutesPerRound: 'half an hour', repairBudget: '2.5' };
    const checked = validateLinking(fields);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['repairBudget', 'reviewMinutesPerRound', 'rollbackWindowDays', 'ticketKeyPattern']);
    expect(checked.errors.rollbackWindowDays).toBe('Enter whole days from 0 to 365.');
  });

  it('counts a changed list or switch as a change', () => {
    expect(linkingChanged({ ...linkingFields(settings), aiLabels: [] }, settings)).toBe(true);
    expect(linkingChanged({ ...linkingFields(settings), aiFromRunEvents: false }, settings)).toBe(true);
    const checked = validateLinking({ ...linkingFields(settings), aiLabels: ['ai', 'bot-made'], reviewMinutesPerRound: '22,5' });
    expect(checked.ok && checked.value.linking.aiLabels).toEqual(['ai', 'bot-made']);
    expect(checked.ok && checked.value.reviewMinutesPerRound).toBe(22.5);
  });
});

describe('unlinked counts', () => {
  it('lists every kind in a fixed order, zeros included', () => {
    const counts = { run_without_ticket: 3, run_without_mr: 0, ai_mr_without_ticket: 2, billing_line_without_run: 1 };
    expect(unlinkedRows(counts).map((row) => `${row.label}: ${row.count}`)).toEqual([
      'Runs without a ticket: 3',
      'Runs without an MR: 0',
      'AI MRs without a ticket: 2',
      'Billing lines without a run: 1',
    ]);
    expect(unlinkedTotal(counts)).toBe(6);
  });
});

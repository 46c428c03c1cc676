import { describe, expect, it } from 'vitest';
import { exampleScenario } from '../../../../shared/domain/scenario/example';
import { applyEdit, changedItems, endSession, isDirty, markSaved, openDraft, rebase, redoEdit, sameScenario, stableJson, undoEdit } from './draft-model';

const base = exampleScenario();
const withAcceptance = (v: number) => ({ ...base, assumptions: { ...base.assumptions, acceptance_rate: { ...base.assumptions.acceptance_rate, value: v } } });

describe('draft edits', () => {
  it('makes one undo step of the keystrokes in one field, and a new one after the field is left', () => {
    let d = openDraft(base);
    d = applyEdit(d, withAcceptance(0.8), 'acceptance_rate:value'); // unchanged: no step
    expect(d.past).toHaveLength(0);
    d = applyEdit(d, withAcceptance(0.9), 'acceptance_rate:value');
    d = applyEdit(d, withAcceptance(0.95), 'acceptance_rate:value');
    expect(d.past).toHaveLength(1);
    d = endSession(d);
    d = applyEdit(d, withAcceptance(0.5), 'acceptance_rate:value');
    expect(d.past).toHaveLength(2);
    expect(isDirty(d)).toBe(true);

    d = undoEdit(d);
    expect(d.current.assumptions.acceptance_rate.value).toBe(0.95);
    d = undoEdit(d);
    expect(d.current).toBe(base);
    expect(isDirty(d)).toBe(false);
    expect(undoEdit(d)).toBe(d);
    d = redoEdit(d);
    expect(d.current.assumptions.acceptance_rate.value).toBe(0.95);
    // A new edit after an undo drops what could be redone.
    d = applyEdit(d, withAcceptance(0.7));
    expect(d.future).toHaveLength(0);
  });

  it('compares scenarios by content, whatever the order of their keys', () => {
    const reordered = JSON.parse(stableJson(base)) as typeof base;
    expect(sameScenario(reordered, base)).toBe(true);
    expect(stableJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe('{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}');
  });

  it('follows a new saved version when clean, keeps edits over it when not', () => {
    const clean = openDraft(base);
    const moved = withAcceptance(0.6);
    expect(rebase(clean, moved)).toEqual({ draft: openDraft(moved), conflict: false });
    const edited = applyEdit(clean, withAcceptance(0.9));
    const r = rebase(edited, moved);
    expect(r.conflict).toBe(true);
    expect(r.draft.current.assumptions.acceptance_rate.value).toBe(0.9);
    expect(r.draft.base).toBe(moved);
    expect(rebase(undefined, base)).toEqual({ draft: openDraft(base), conflict: false });
    expect(rebase(edited, base).draft).toBe(edited);
    expect(markSaved(moved)).toEqual(openDraft(moved));
  });

  it('names what changed', () => {
    const next = { ...withAcceptance(0.9), horizonMonths: 24, capacity: { ...base.capacity, routedShare: 0.5 } };
    expect(changedItems(base, next)).toEqual(['Horizon', 'Capacity options', 'Acceptance rate']);
    expect(changedItems(base, base)).toEqual([]);
  });
});

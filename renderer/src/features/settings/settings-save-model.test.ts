import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/domain/settings';
import { feedbackText, relinkSummary, undoPatch } from './settings-save-model';

describe('relinkSummary', () => {
  it('says what re-linking changed, in the words of the page', () => {
    expect(relinkSummary({ records: 1204, updated: 36, inserted: 2, deleted: 5, unlinked: 41 })).toBe('Re-linked: 1,204 records (36 updated, 2 new, 5 removed), 41 unlinked items');
    expect(relinkSummary({ records: 1, updated: 0, inserted: 1, deleted: 0, unlinked: 1 })).toBe('Re-linked: 1 record (0 updated, 1 new, 0 removed), 1 unlinked item');
  });

  it('tells a save from an undo, and a save that needed no re-link', () => {
    const relinked = { records: 10, updated: 1, inserted: 0, deleted: 0, unlinked: 2 };
    expect(feedbackText({ relinked, undo: {}, undone: false })).toBe('Saved. Re-linked: 10 records (1 updated, 0 new, 0 removed), 2 unlinked items.');
    expect(feedbackText({ relinked, undo: null, undone: true })).toMatch(/^Restored the previous values\. Re-linked/);
    expect(feedbackText({ relinked: null, undo: {}, undone: false })).toBe('Saved. The records did not need re-linking.');
  });
});

describe('undoPatch', () => {
  it('holds the saved values of exactly the keys the save changes, as copies', () => {
    const settings = defaultSettings();
    const undo = undoPatch(settings, { linking: { ...settings.linking, aiLabels: [] }, repairBudget: 5 });
    expect(undo).toEqual({ linking: settings.linking, repairBudget: 3 });
    expect(undo.linking).not.toBe(settings.linking);
  });
});

import { describe, expect, it } from 'vitest';
import { DeckSchema, type Slide, type SlideView } from '../../../../shared/domain/present/deck';
import { applyAction, createEditor, EMPTY_DECKS, currentDeck, lastChange, reduceDecks, selectDeck, undo, uniqueDeckName, UNDO_DEPTH, type DeckAction, type DeckEditor } from './deck-model';

const now = '2026-10-01T09:00:00.000Z';
const slide = (id: string, view: SlideView = { view: 'overview-figures', period: null }, title: string | null = null): Slide => ({ id, view, title, notes: '' });
const add = (s: Slide): DeckAction => ({ type: 'add-slide', slide: s, newDeck: { id: 'd1', name: 'Presentation' }, now });

/** A deck "Presentation" (id d1) holding slides a, b, c. */
function threeSlides(): DeckEditor {
  let e = createEditor(EMPTY_DECKS);
  e = applyAction(e, add(slide('a', { view: 'overview-cost', period: null })));
  e = applyAction(e, add(slide('b', { view: 'pilot-monthly', pilot: { id: 7, name: 'Payments maintenance' } })));
  e = applyAction(e, add(slide('c', { view: 'scenario-figures', scenario: 'Base' })));
  return e;
}
const ids = (e: DeckEditor): string[] => currentDeck(e.decks)?.slides.map((s) => s.id) ?? [];

describe('deck model', () => {
  it('pinning to no deck creates one and makes it current; the result is a valid stored shape', () => {
    const e = threeSlides();
    expect(e.decks.decks).toHaveLength(1);
    expect(e.decks.currentId).toBe('d1');
    expect(ids(e)).toEqual(['a', 'b', 'c']);
    expect(lastChange(e)).toBe('Added “Base: headline figures” to “Presentation”');
    for (const deck of e.decks.decks) expect(DeckSchema.safeParse(deck).success).toBe(true);
  });

  it('moves a slide up, down and to either end, clamping past the ends; a move in place is no change', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'c', to: 0, now });
    expect(ids(e)).toEqual(['c', 'a', 'b']);
    expect(lastChange(e)).toBe('Moved “Base: headline figures” to position 1');
    e = applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'c', to: 1, now });
    expect(ids(e)).toEqual(['a', 'c', 'b']);
    e = applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'a', to: 99, now });
    expect(ids(e)).toEqual(['c', 'b', 'a']);
    const before = e;
    expect(applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'a', to: 5, now })).toBe(before);
    expect(applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'nope', to: 0, now })).toBe(before);
  });

  it('removes a slide, and Undo brings it back in its place', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'remove-slide', deckId: 'd1', slideId: 'b', now });
    expect(ids(e)).toEqual(['a', 'c']);
    expect(lastChange(e)).toBe('Removed “Payments maintenance: by month”');
    e = undo(e);
    expect(ids(e)).toEqual(['a', 'b', 'c']);
    expect(lastChange(e)).toBe('Added “Base: headline figures” to “Presentation”');
  });

  it('undoes changes one at a time, newest first, and stops at the start', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'a', to: 2, now });
    e = applyAction(e, { type: 'remove-slide', deckId: 'd1', slideId: 'c', now });
    expect(ids(e)).toEqual(['b', 'a']);
    e = undo(e);
    expect(ids(e)).toEqual(['b', 'c', 'a']);
    e = undo(e);
    expect(ids(e)).toEqual(['a', 'b', 'c']);
    e = undo(undo(undo(e)));
    expect(e.decks).toEqual(EMPTY_DECKS);
    expect(undo(e)).toBe(e);
    expect(lastChange(e)).toBeNull();
  });

  it('keeps at most UNDO_DEPTH changes', () => {
    let e = threeSlides();
    for (let i = 0; i < UNDO_DEPTH + 10; i += 1) e = applyAction(e, { type: 'move-slide', deckId: 'd1', slideId: 'a', to: i % 2 === 0 ? 2 : 0, now });
    expect(e.past).toHaveLength(UNDO_DEPTH);
  });

  it('renames a slide; clearing the title, or typing the default, goes back to the default', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'rename-slide', deckId: 'd1', slideId: 'a', title: '  What one change costs  ', now });
    expect(currentDeck(e.decks)?.slides[0]?.title).toBe('What one change costs');
    expect(lastChange(e)).toBe('Renamed “Cost per accepted PR/MR by month” to “What one change costs”');
    const same = applyAction(e, { type: 'rename-slide', deckId: 'd1', slideId: 'a', title: 'What one change costs', now });
    expect(same).toBe(e);
    e = applyAction(e, { type: 'rename-slide', deckId: 'd1', slideId: 'a', title: '', now });
    expect(currentDeck(e.decks)?.slides[0]?.title).toBeNull();
    e = applyAction(e, { type: 'rename-slide', deckId: 'd1', slideId: 'a', title: 'X', now });
    e = applyAction(e, { type: 'rename-slide', deckId: 'd1', slideId: 'a', title: 'Cost per accepted PR/MR by month', now });
    expect(currentDeck(e.decks)?.slides[0]?.title).toBeNull();
  });

  it('edits notes and what a slide shows, each undoable', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'set-notes', deckId: 'd1', slideId: 'a', notes: 'Say why August is empty.', now });
    e = applyAction(e, { type: 'set-view', deckId: 'd1', slideId: 'a', view: { view: 'overview-cost', period: { from: '2026-04-01', to: '2026-06-30' } }, now });
    const a = currentDeck(e.decks)?.slides[0];
    expect(a?.notes).toBe('Say why August is empty.');
    expect(a?.view).toEqual({ view: 'overview-cost', period: { from: '2026-04-01', to: '2026-06-30' } });
    e = undo(e);
    expect(currentDeck(e.decks)?.slides[0]?.view).toEqual({ view: 'overview-cost', period: null });
    expect(currentDeck(e.decks)?.slides[0]?.notes).toBe('Say why August is empty.');
  });

  it('creates, renames, deletes and restores decks; names stay unique', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'create-deck', id: 'd2', name: 'presentation', now });
    expect(currentDeck(e.decks)?.name).toBe('presentation 2');
    expect(e.decks.currentId).toBe('d2');
    e = applyAction(e, { type: 'rename-deck', deckId: 'd2', name: 'Quarterly review', now });
    expect(currentDeck(e.decks)?.name).toBe('Quarterly review');
    e = selectDeck(e, 'd1');
    expect(currentDeck(e.decks)?.id).toBe('d1');
    e = applyAction(e, { type: 'delete-deck', deckId: 'd1' });
    expect(e.decks.decks.map((d) => d.id)).toEqual(['d2']);
    expect(e.decks.currentId).toBe('d2');
    expect(lastChange(e)).toBe('Deleted the deck “Presentation”');
    e = undo(e);
    expect(ids(e)).toEqual(['a', 'b', 'c']);
    expect(uniqueDeckName('Quarterly review', e.decks)).toBe('Quarterly review 2');
    expect(uniqueDeckName('  ', e.decks)).toBe('Presentation 2');
  });

  it('pins to the current deck, not the first', () => {
    let e = threeSlides();
    e = applyAction(e, { type: 'create-deck', id: 'd2', name: 'Second', now });
    e = applyAction(e, add(slide('z')));
    expect(e.decks.decks.find((d) => d.id === 'd2')?.slides.map((s) => s.id)).toEqual(['z']);
    expect(e.decks.decks.find((d) => d.id === 'd1')?.slides).toHaveLength(3);
  });

  it('reports no change for actions on decks or slides that do not exist', () => {
    const e = threeSlides();
    expect(reduceDecks(e.decks, { type: 'remove-slide', deckId: 'nope', slideId: 'a', now })).toBeNull();
    expect(reduceDecks(e.decks, { type: 'delete-deck', deckId: 'nope' })).toBeNull();
    expect(reduceDecks(e.decks, { type: 'rename-deck', deckId: 'd1', name: '   ', now })).toBeNull();
  });
});

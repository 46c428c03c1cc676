import { MAX_DECKS, MAX_SLIDE_NOTES, MAX_SLIDE_TITLE, MAX_SLIDES, type Deck, type Slide, type SlideView } from '../../../../shared/domain/present/deck';
import { defaultTitle } from './slide-catalog';

/**
 * The decks a window edits, in the order they were created, and the one the "Pin to deck" buttons
 * add to. Each deck is stored in the workspace (decks:* channels); which one is current is this
 * window's own choice.
 */
export type Decks = { decks: readonly Deck[]; currentId: string | null };

export const EMPTY_DECKS: Decks = { decks: [], currentId: null };

/*
 * Editing decks as pure functions: every change yields the new decks and a sentence saying what
 * changed, and the editor keeps the earlier states so the last change can be undone. Ids and
 * times come in with the action, so the same action always gives the same result.
 */

export type DeckAction =
  | { type: 'create-deck'; id: string; name: string; now: string }
  | { type: 'rename-deck'; deckId: string; name: string; now: string }
  | { type: 'delete-deck'; deckId: string }
  /** Adds to the current deck, creating `newDeck` first when there is none. */
  | { type: 'add-slide'; slide: Slide; newDeck: { id: string; name: string }; now: string }
  | { type: 'remove-slide'; deckId: string; slideId: string; now: string }
  | { type: 'move-slide'; deckId: string; slideId: string; to: number; now: string }
  | { type: 'rename-slide'; deckId: string; slideId: string; title: string | null; now: string }
  | { type: 'set-notes'; deckId: string; slideId: string; notes: string; now: string }
  | { type: 'set-view'; deckId: string; slideId: string; view: SlideView; now: string };

export type Change = { decks: Decks; label: string };

export type DeckEditor = {
  decks: Decks;
  /** Earlier states, oldest first, each with the sentence of the change that followed it. */
  past: readonly Change[];
};

/** How many changes Undo can go back. */
export const UNDO_DEPTH = 50;

export const DEFAULT_DECK_NAME = 'Presentation';

export const slideTitle = (slide: Slide): string => slide.title ?? defaultTitle(slide.view);

/** The deck the "Pin to deck" buttons add to: the chosen one, else the first. */
export function currentDeck(decks: Decks): Deck | null {
  return decks.decks.find((d) => d.id === decks.currentId) ?? decks.decks[0] ?? null;
}

const q = (text: string): string => `“${text}”`;

function withDeck(decks: Decks, deckId: string, f: (deck: Deck) => { deck: Deck; label: string } | null): Change | null {
  const index = decks.decks.findIndex((d) => d.id === deckId);
  const deck = decks.decks[index];
  if (deck === undefined) return null;
  const changed = f(deck);
  if (changed === null) return null;
  const list = [...decks.decks];
  list[index] = changed.deck;
  return { decks: { ...decks, decks: list }, label: changed.label };
}

function withSlide(decks: Decks, deckId: string, slideId: string, now: string, f: (slide: Slide, index: number, deck: Deck) => { slides: Slide[]; label: string } | null): Change | null {
  return withDeck(decks, deckId, (deck) => {
    const index = deck.slides.findIndex((s) => s.id === slideId);
    const slide = deck.slides[index];
    if (slide === undefined) return null;
    const changed = f(slide, index, deck);
    return changed === null ? null : { deck: { ...deck, slides: changed.slides, updatedAt: now }, label: changed.label };
  });
}

const replaceAt = (slides: readonly Slide[], index: number, slide: Slide): Slide[] => slides.map((s, i) => (i === index ? slide : s));

/** A deck name not taken yet (case-insensitively): "Presentation", "Presentation 2", ... */
export function uniqueDeckName(wanted: string, decks: Decks, exceptId: string | null = null): string {
  const taken = new Set(decks.decks.filter((d) => d.id !== exceptId).map((d) => d.name.toLocaleLowerCase()));
  const base = wanted.trim() === '' ? DEFAULT_DECK_NAME : wanted.trim();
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base} ${n}`.toLocaleLowerCase())) return `${base} ${n}`;
}

/** The decks after one action, and what changed; null when the action changes nothing (or cannot apply). */
export function reduceDecks(decks: Decks, action: DeckAction): Change | null {
  switch (action.type) {
    case 'create-deck': {
      if (decks.decks.length >= MAX_DECKS) return null;
      const name = uniqueDeckName(action.name, decks);
      const deck: Deck = { id: action.id, name, slides: [], updatedAt: action.now };
      return { decks: { ...decks, decks: [...decks.decks, deck], currentId: deck.id }, label: `Created the deck ${q(name)}` };
    }
    case 'rename-deck':
      return withDeck(decks, action.deckId, (deck) => {
        const name = action.name.trim();
        if (name === '' || name === deck.name) return null;
        const unique = uniqueDeckName(name, decks, deck.id);
        return { deck: { ...deck, name: unique, updatedAt: action.now }, label: `Renamed the deck ${q(deck.name)} to ${q(unique)}` };
      });
    case 'delete-deck': {
      const index = decks.decks.findIndex((d) => d.id === action.deckId);
      const deck = decks.decks[index];
      if (deck === undefined) return null;
      const rest = decks.decks.filter((d) => d.id !== deck.id);
      const currentId = decks.currentId === deck.id ? (rest[Math.min(index, rest.length - 1)]?.id ?? null) : decks.currentId;
      return { decks: { ...decks, decks: rest, currentId }, label: `Deleted the deck ${q(deck.name)}` };
    }
    case 'add-slide': {
      let base = decks;
      let deck = currentDeck(decks);
      if (deck === null) {
        deck = { id: action.newDeck.id, name: uniqueDeckName(action.newDeck.name, decks), slides: [], updatedAt: action.now };
        base = { ...decks, decks: [...decks.decks, deck], currentId: deck.id };
      }
      if (deck.slides.length >= MAX_SLIDES) return null;
      const name = deck.name;
      const changed = withDeck(base, deck.id, (d) => ({ deck: { ...d, slides: [...d.slides, action.slide], updatedAt: action.now }, label: '' }));
      return changed === null ? null : { decks: { ...changed.decks, currentId: deck.id }, label: `Added ${q(slideTitle(action.slide))} to ${q(name)}` };
    }
    case 'remove-slide':
      return withSlide(decks, action.deckId, action.slideId, action.now, (slide, index, deck) => ({
        slides: deck.slides.filter((_, i) => i !== index),
        label: `Removed ${q(slideTitle(slide))}`,
      }));
    case 'move-slide':
      return withSlide(decks, action.deckId, action.slideId, action.now, (slide, index, deck) => {
        const to = Math.max(0, Math.min(deck.slides.length - 1, Math.trunc(action.to)));
        if (to === index) return null;
        const slides = deck.slides.filter((_, i) => i !== index);
        slides.splice(to, 0, slide);
        return { slides, label: `Moved ${q(slideTitle(slide))} to position ${to + 1}` };
      });
    case 'rename-slide':
      return withSlide(decks, action.deckId, action.slideId, action.now, (slide, index, deck) => {
        const trimmed = action.title?.trim() ?? '';
        // Clearing the title, or typing the default one, goes back to the default (which follows renamed pilots).
        const title = trimmed === '' || trimmed === defaultTitle(slide.view) ? null : trimmed.slice(0, MAX_SLIDE_TITLE);
        if (title === slide.title) return null;
        const next = { ...slide, title };
        return { slides: replaceAt(deck.slides, index, next), label: `Renamed ${q(slideTitle(slide))} to ${q(slideTitle(next))}` };
      });
    case 'set-notes':
      return withSlide(decks, action.deckId, action.slideId, action.now, (slide, index, deck) => {
        const notes = action.notes.slice(0, MAX_SLIDE_NOTES);
        if (notes === slide.notes) return null;
        return { slides: replaceAt(deck.slides, index, { ...slide, notes }), label: `Edited the notes of ${q(slideTitle(slide))}` };
      });
    case 'set-view':
      return withSlide(decks, action.deckId, action.slideId, action.now, (slide, index, deck) => {
        if (JSON.stringify(action.view) === JSON.stringify(slide.view)) return null;
        return { slides: replaceAt(deck.slides, index, { ...slide, view: action.view }), label: `Changed what ${q(slideTitle(slide))} shows` };
      });
  }
}

export const createEditor = (decks: Decks): DeckEditor => ({ decks, past: [] });

/** Applies an action; a change is remembered for Undo, a no-op leaves the editor as it was (same object). */
export function applyAction(editor: DeckEditor, action: DeckAction): DeckEditor {
  const change = reduceDecks(editor.decks, action);
  if (change === null) return editor;
  return { decks: change.decks, past: [...editor.past, { decks: editor.decks, label: change.label }].slice(-UNDO_DEPTH) };
}

/** Goes back one change; nothing to undo leaves the editor as it was. */
export function undo(editor: DeckEditor): DeckEditor {
  const last = editor.past[editor.past.length - 1];
  if (last === undefined) return editor;
  return { decks: last.decks, past: editor.past.slice(0, -1) };
}

/** The sentence of the change Undo would revert, or null. */
export const lastChange = (editor: DeckEditor): string | null => editor.past[editor.past.length - 1]?.label ?? null;

/** Picks the deck the pin buttons add to; not a change to undo (nothing in the decks moves). */
export function selectDeck(editor: DeckEditor, deckId: string): DeckEditor {
  if (editor.decks.currentId === deckId || !editor.decks.decks.some((d) => d.id === deckId)) return editor;
  return { ...editor, decks: { ...editor.decks, currentId: deckId } };
}

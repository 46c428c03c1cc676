import { create } from 'zustand';
import { errorMessage, invoke } from '../../lib/ipc';
import { EMPTY_DECKS, type Deck, type Slide, type SlideView } from './deck-schema';
import { applyAction, createEditor, currentDeck, DEFAULT_DECK_NAME, selectDeck, undo, type DeckAction, type DeckEditor } from './deck-model';
import { browserDeckStorage, type DeckStorage } from './deck-storage';
import { sameView } from './slide-catalog';

type Status = 'idle' | 'loading' | 'ready' | 'error';

type DeckStoreState = {
  status: Status;
  /** Why the decks could not be read (load failed, or the stored entry was unreadable). */
  problem: string | null;
  /** Why the last change could not be saved (storage full, or refused). */
  saveError: string | null;
  editor: DeckEditor;
};

/** Distributes Omit over the union, so each action keeps its own fields. */
type WithoutNow<A> = A extends unknown ? Omit<A, 'now'> : never;

/**
 * The decks of the open workspace and their undo history. The decks are the user's documents, so
 * every change is written through at once; the history is session state.
 */
export const useDeckStore = create<DeckStoreState>()(() => ({ status: 'idle', problem: null, saveError: null, editor: createEditor(EMPTY_DECKS) }));

let storage: DeckStorage | null = null;
let loading: Promise<void> | null = null;

const newId = (): string => (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/** Reads the decks once per window (later calls wait for the same read); safe to call from every page that needs them. */
export function loadDecks(): Promise<void> {
  loading ??= (async () => {
    useDeckStore.setState({ status: 'loading', problem: null });
    try {
      const info = await invoke('app:get-info', {});
      storage = browserDeckStorage(window.localStorage, info.workspaceDir, window);
      const { decks, problem } = storage.load();
      useDeckStore.setState({ status: 'ready', problem, editor: createEditor(decks) });
      // Another window changed them: take its version; this window's undo steps would no longer fit it.
      storage.subscribe(() => {
        if (storage !== null) useDeckStore.setState({ editor: createEditor(storage.load().decks) });
      });
    } catch (error) {
      loading = null;
      useDeckStore.setState({ status: 'error', problem: errorMessage(error) });
    }
  })();
  return loading;
}

function commit(editor: DeckEditor): void {
  const before = useDeckStore.getState().editor;
  if (editor === before) return;
  useDeckStore.setState({ editor });
  try {
    storage?.save(editor.decks);
    useDeckStore.setState({ saveError: null });
  } catch (error) {
    useDeckStore.setState({ saveError: `The change is shown but could not be saved: ${errorMessage(error)}` });
  }
}

export function dispatchDeck(action: WithoutNow<DeckAction>): void {
  commit(applyAction(useDeckStore.getState().editor, { ...action, now: new Date().toISOString() } as DeckAction));
}

export const undoDeck = (): void => commit(undo(useDeckStore.getState().editor));

export const chooseDeck = (deckId: string): void => commit(selectDeck(useDeckStore.getState().editor, deckId));

export const createDeck = (name: string): void => dispatchDeck({ type: 'create-deck', id: newId(), name });

/** Adds a slide showing `view` to the current deck (creating one if there is none); returns where it went. */
export function pinView(view: SlideView): { deck: Deck; position: number } | null {
  const slide: Slide = { id: newId(), view, title: null, notes: '' };
  dispatchDeck({ type: 'add-slide', slide, newDeck: { id: newId(), name: DEFAULT_DECK_NAME } });
  const deck = currentDeck(useDeckStore.getState().editor.decks);
  const position = deck?.slides.findIndex((s) => s.id === slide.id) ?? -1;
  return deck === null || position < 0 ? null : { deck, position: position + 1 };
}

/** Where `view` already is in the current deck (1-based), or null. */
export function pinnedAt(deck: Deck | null, view: SlideView): number | null {
  const index = deck?.slides.findIndex((s) => sameView(s.view, view)) ?? -1;
  return index < 0 ? null : index + 1;
}

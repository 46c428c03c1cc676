import { create } from 'zustand';
import type { Deck, Slide, SlideView } from '../../../../shared/domain/present/deck';
import type { DeckList } from '../../../../shared/ipc/contract-decks';
import { errorMessage, invoke } from '../../lib/ipc';
import { applyAction, createEditor, currentDeck, DEFAULT_DECK_NAME, EMPTY_DECKS, selectDeck, undo, type DeckAction, type DeckEditor } from './deck-model';
import { migrateLegacyDecks, readCurrentDeck, writeCurrentDeck } from './deck-storage';
import { createDeckSync, SAVED, type DeckSync, type SaveStatus } from './deck-sync';
import { decksApi, onDecksChanged } from './decks-api';
import { sameView } from './slide-catalog';

type Status = 'idle' | 'loading' | 'ready' | 'error';

type DeckStoreState = {
  status: Status;
  /** Why the decks could not be read, or a note about decks this browser kept from an earlier version. */
  problem: string | null;
  /** Whether the workspace holds this window's edits; an edit that could not be saved stays here. */
  save: SaveStatus;
  /** Decks in the workspace this version cannot read: left alone, and named. */
  unreadable: DeckList['unreadable'];
  editor: DeckEditor;
};

/** Distributes Omit over the union, so each action keeps its own fields. */
type WithoutNow<A> = A extends unknown ? Omit<A, 'now'> : never;

/** A pause in editing this long writes the changes; moves and renames in a row are one save per deck. */
const SAVE_DEBOUNCE_MS = 400;

/**
 * The decks of the open workspace and their undo history. Each change shows at once and is saved to
 * the workspace shortly after (deck-sync.ts); the history is session state.
 */
export const useDeckStore = create<DeckStoreState>()(() => ({ status: 'idle', problem: null, save: SAVED, unreadable: [], editor: createEditor(EMPTY_DECKS) }));

let sync: DeckSync | null = null;
let workspaceDir: string | null = null;
let loading: Promise<void> | null = null;

const newId = (): string => (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Changes made elsewhere replace the decks; this window's undo steps would no longer fit them. */
function takeDecks(decks: Deck[]): void {
  const { editor } = useDeckStore.getState();
  useDeckStore.setState({ editor: createEditor({ decks, currentId: editor.decks.currentId }) });
}

async function readDecks(): Promise<void> {
  useDeckStore.setState({ status: 'loading', problem: null });
  const info = await invoke('app:get-info', {});
  let list = await decksApi.list();
  const storage = localStore();
  let note: string | null = null;
  let legacyCurrent: string | null = null;
  if (storage !== null) {
    const migration = await migrateLegacyDecks(storage, info.workspaceDir, list, decksApi.save);
    note = migration.problem;
    legacyCurrent = migration.currentId;
    if (migration.moved > 0) list = await decksApi.list();
  }
  workspaceDir = info.workspaceDir;
  const currentId = (storage === null ? null : readCurrentDeck(storage, info.workspaceDir)) ?? legacyCurrent;
  useDeckStore.setState({ status: 'ready', problem: note, save: SAVED, unreadable: list.unreadable, editor: createEditor({ decks: list.decks, currentId }) });
  sync = createDeckSync(
    {
      api: decksApi,
      getDecks: () => useDeckStore.getState().editor.decks.decks,
      setDecks: takeDecks,
      setStatus: (save) => useDeckStore.setState({ save }),
      setUnreadable: (unreadable) => useDeckStore.setState({ unreadable }),
      timers: { set: (cb, ms) => window.setTimeout(cb, ms), clear: (handle) => window.clearTimeout(handle as number) },
      debounceMs: SAVE_DEBOUNCE_MS,
    },
    list,
  );
  const current = sync;
  onDecksChanged(() => void current.refresh());
  // Leaving the page within the pause must not drop the last edit: save at once (best effort).
  window.addEventListener('pagehide', () => void current.flush());
}

/** Reads the decks once per window (later calls wait for the same read); safe to call from every page that needs them. */
export function loadDecks(): Promise<void> {
  loading ??= readDecks().catch((error: unknown) => {
    loading = null;
    useDeckStore.setState({ status: 'error', problem: errorMessage(error) });
  });
  return loading;
}

function commit(editor: DeckEditor): void {
  const before = useDeckStore.getState().editor;
  if (editor === before) return;
  useDeckStore.setState({ editor });
  if (editor.decks.currentId !== before.decks.currentId && workspaceDir !== null) {
    const storage = localStore();
    if (storage !== null) writeCurrentDeck(storage, workspaceDir, editor.decks.currentId);
  }
  sync?.changed();
}

export function dispatchDeck(action: WithoutNow<DeckAction>): void {
  commit(applyAction(useDeckStore.getState().editor, { ...action, now: new Date().toISOString() } as DeckAction));
}

export const undoDeck = (): void => commit(undo(useDeckStore.getState().editor));

export const chooseDeck = (deckId: string): void => commit(selectDeck(useDeckStore.getState().editor, deckId));

export const createDeck = (name: string): void => dispatchDeck({ type: 'create-deck', id: newId(), name });

/** Saves what is not saved yet, now (the Retry button). */
export const retrySave = (): Promise<void> => sync?.flush() ?? Promise.resolve();

/** Settles a save refused because the deck changed elsewhere: keep this window's version, or take the other. */
export const resolveConflict = (choice: 'mine' | 'theirs'): Promise<void> => sync?.resolve(choice) ?? Promise.resolve();

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

import { DecksSchema, EMPTY_DECKS, type Decks } from './deck-schema';

/*
 * Where decks are kept. TODO(workspace): the saved_views table already allows kind 'deck', but the
 * views:list|save|delete channels take only kind 'pivot' (shared/ipc/contract-pivot.ts), so decks
 * live in the renderer's localStorage for now, one entry per workspace folder. Moving them into the
 * workspace means a deck kind on those channels (or decks:* channels) and a DeckStorage over them;
 * nothing else here changes. Hazard meanwhile: the browser host serves each launch on a new port,
 * and localStorage is per origin, so decks made in a browser tab do not outlive that `serve`.
 */

export type DeckStorage = {
  /** The stored decks; an unreadable entry gives no decks and says why (the entry is kept aside, not lost). */
  load(): { decks: Decks; problem: string | null };
  save(decks: Decks): void;
  /** Calls back when another window of the same origin changed the decks. */
  subscribe(onChange: () => void): () => void;
};

const PREFIX = 'yardstick.decks.v1:';

export const storageKey = (workspaceDir: string): string => `${PREFIX}${workspaceDir}`;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
type EventTargetLike = { addEventListener(type: 'storage', cb: (e: StorageEvent) => void): void; removeEventListener(type: 'storage', cb: (e: StorageEvent) => void): void };

export function browserDeckStorage(storage: StorageLike, workspaceDir: string, events: EventTargetLike | null = null): DeckStorage {
  const key = storageKey(workspaceDir);
  return {
    load: () => {
      const raw = storage.getItem(key);
      if (raw === null) return { decks: EMPTY_DECKS, problem: null };
      let parsed: ReturnType<typeof DecksSchema.safeParse> | null = null;
      try {
        parsed = DecksSchema.safeParse(JSON.parse(raw));
      } catch {
        parsed = null;
      }
      if (parsed?.success) return { decks: parsed.data, problem: null };
      // Kept under another key, so the next save does not destroy what a newer version may still read.
      storage.setItem(`${key}:unreadable`, raw);
      return { decks: EMPTY_DECKS, problem: 'The saved decks could not be read (they were written by another version?). They were set aside; new decks start empty.' };
    },
    save: (decks) => storage.setItem(key, JSON.stringify(decks)),
    subscribe: (onChange) => {
      if (events === null) return () => undefined;
      const listener = (e: StorageEvent): void => {
        if (e.key === key) onChange();
      };
      events.addEventListener('storage', listener);
      return () => events.removeEventListener('storage', listener);
    },
  };
}

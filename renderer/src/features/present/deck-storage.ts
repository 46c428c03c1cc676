import { z } from 'zod';
import { DeckSchema, MAX_DECKS, type Deck } from '../../../../shared/domain/present/deck';
import type { DeckList } from '../../../../shared/ipc/contract-decks';
import { errorMessage } from '../../lib/ipc-error';
import { uniqueDeckName } from './deck-model';
import type { DeckApi } from './decks-api';

/*
 * What this window keeps in the browser's storage about decks. The decks themselves live in the
 * workspace (decks:* channels); earlier versions kept them here, one entry per workspace folder,
 * and those are moved into the workspace once. Which deck is current is a per-window preference.
 * Hazard: the browser host serves each launch on a new port, and storage is per origin, so nothing
 * here may be the only copy of anything.
 */

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where earlier versions kept a workspace's decks (and still the key a migration renames). */
export const storageKey = (workspaceDir: string): string => `yardstick.decks.v1:${workspaceDir}`;
const currentKey = (workspaceDir: string): string => `yardstick.decks.current.v1:${workspaceDir}`;

/** The shape earlier versions stored. */
const LegacyDecksSchema = z.object({ version: z.literal(1), decks: z.array(DeckSchema).max(MAX_DECKS), currentId: z.string().nullable() }).strict();

export type LegacyDecks = { decks: Deck[]; currentId: string | null; raw: string };

/** Storage can refuse access outright (privacy settings); that only means there is nothing to read. */
function tryRead(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Moves an entry to another key, the copy first. Storage may be full (the copy doubles the entry):
 * then the entry stays where it was, and the next load, finding the same decks, tries again.
 */
function rename(storage: StorageLike, from: string, to: string, raw: string): void {
  try {
    storage.setItem(to, raw);
    storage.removeItem(from);
  } catch {
    // See above: nothing is lost.
  }
}

/**
 * The decks an earlier version kept for this workspace, or null. An unreadable entry is moved aside
 * (…:unreadable, not deleted) and reported once.
 */
export function readLegacyDecks(storage: StorageLike, workspaceDir: string): { legacy: LegacyDecks | null; problem: string | null } {
  const key = storageKey(workspaceDir);
  const raw = tryRead(storage, key);
  if (raw === null) return { legacy: null, problem: null };
  let parsed: ReturnType<typeof LegacyDecksSchema.safeParse> | null = null;
  try {
    parsed = LegacyDecksSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = null;
  }
  if (parsed?.success) return { legacy: { decks: parsed.data.decks, currentId: parsed.data.currentId, raw }, problem: null };
  rename(storage, key, `${key}:unreadable`, raw);
  return { legacy: null, problem: 'Decks this browser kept from an earlier version could not be read, so they were not moved into the workspace. They were set aside in the browser’s storage.' };
}

export type Migration = { moved: number; currentId: string | null; problem: string | null };

/**
 * Moves the decks an earlier version kept in this browser into the workspace, once: only while the
 * workspace has no decks of its own (or only ones an interrupted migration already moved), so old
 * browser decks never reappear beside the workspace's. When every deck is saved, the entry is
 * renamed to …:migrated (kept, not deleted); on a failure it stays and the next load tries again.
 */
export async function migrateLegacyDecks(storage: StorageLike, workspaceDir: string, remote: DeckList, save: DeckApi['save']): Promise<Migration> {
  const { legacy, problem } = readLegacyDecks(storage, workspaceDir);
  if (legacy === null) return { moved: 0, currentId: null, problem };
  const legacyIds = new Set(legacy.decks.map((d) => d.id));
  if (remote.unreadable.length > 0 || !remote.decks.every((d) => legacyIds.has(d.id))) return { moved: 0, currentId: null, problem: null };
  const present = new Set(remote.decks.map((d) => d.id));
  const taken: Deck[] = [...remote.decks];
  let moved = 0;
  for (const deck of legacy.decks) {
    if (present.has(deck.id)) continue;
    // Names were unique in the old storage too, but only as far as that version checked.
    const name = uniqueDeckName(deck.name, { decks: taken, currentId: null });
    try {
      taken.push(await save({ id: deck.id, name, slides: deck.slides, expectedUpdatedAt: null }));
      moved += 1;
    } catch (error) {
      return {
        moved,
        currentId: legacy.currentId,
        problem: `Decks this browser kept from an earlier version could not all be moved into the workspace (${errorMessage(error)}). They are still kept in the browser; opening the Present page again retries.`,
      };
    }
  }
  const key = storageKey(workspaceDir);
  rename(storage, key, `${key}:migrated`, legacy.raw);
  return { moved, currentId: legacy.currentId, problem: null };
}

/** The deck this browser last had current in this workspace. */
export const readCurrentDeck = (storage: StorageLike, workspaceDir: string): string | null => tryRead(storage, currentKey(workspaceDir));

/** Best effort: a preference that cannot be kept is not worth an error. */
export function writeCurrentDeck(storage: StorageLike, workspaceDir: string, deckId: string | null): void {
  try {
    if (deckId === null) storage.removeItem(currentKey(workspaceDir));
    else storage.setItem(currentKey(workspaceDir), deckId);
  } catch {
    // Ignored: see above.
  }
}

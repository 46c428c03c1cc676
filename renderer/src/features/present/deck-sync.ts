import type { Deck } from '../../../../shared/domain/present/deck';
import { DeckConflictSchema, type DeckList } from '../../../../shared/ipc/contract-decks';
import { errorMessage, IpcError } from '../../lib/ipc-error';
import type { DeckApi } from './decks-api';

/*
 * Keeps the workspace's decks in step with a window's editor. The editor changes decks at once
 * (its undo is local); a debounced save then writes each deck that differs from the version this
 * window last read or wrote, naming that version so a stale window is refused instead of
 * overwriting another's change. A failed save keeps the edit here and says so; the next edit, or
 * Retry, tries again. Calls run one at a time, so a refresh never reads around a save in flight.
 */

/** The workspace's version of a deck as this window last read or wrote it. */
type Stored = { name: string; updatedAt: string; content: string };
export type StoredDecks = ReadonlyMap<string, Stored>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** JSON with sorted keys: a deck read back from the workspace compares equal to the one this window built. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));

/** What a save writes: the name and slides (the version is the workspace's to set). */
export const contentOf = (deck: Pick<Deck, 'name' | 'slides'>): string => stableJson([deck.name, deck.slides]);
export const storedOf = (deck: Deck): Stored => ({ name: deck.name, updatedAt: deck.updatedAt, content: contentOf(deck) });
export const storedDecks = (decks: readonly Deck[]): Map<string, Stored> => new Map(decks.map((d) => [d.id, storedOf(d)]));

export type DeckOp = { kind: 'delete'; id: string; name: string; expectedUpdatedAt: string } | { kind: 'save'; deck: Deck; expectedUpdatedAt: string | null };

/** The writes that make the workspace hold `decks`: deletes first (they free names), then updates, then new decks. */
export function pendingOps(decks: readonly Deck[], stored: StoredDecks): DeckOp[] {
  const ids = new Set(decks.map((d) => d.id));
  const deletes: DeckOp[] = [...stored].filter(([id]) => !ids.has(id)).map(([id, s]) => ({ kind: 'delete', id, name: s.name, expectedUpdatedAt: s.updatedAt }));
  const updates: DeckOp[] = [];
  const creates: DeckOp[] = [];
  for (const deck of decks) {
    const known = stored.get(deck.id);
    if (known === undefined) creates.push({ kind: 'save', deck, expectedUpdatedAt: null });
    else if (known.content !== contentOf(deck)) updates.push({ kind: 'save', deck, expectedUpdatedAt: known.updatedAt });
  }
  return [...deletes, ...updates, ...creates];
}

export type Merge = { decks: Deck[]; stored: Map<string, Stored>; changed: boolean };

/**
 * Takes in what changed elsewhere: decks another window changed, created or deleted, where this
 * window has no unsaved edit of them. A deck changed on both sides keeps this window's edit; its
 * save is then refused as stale and the user chooses (see DeckSync.resolve).
 */
export function mergeRemote(local: readonly Deck[], stored: StoredDecks, remote: readonly Deck[]): Merge {
  const theirsById = new Map(remote.map((d) => [d.id, d]));
  const localIds = new Set(local.map((d) => d.id));
  const next = new Map(stored);
  const decks: Deck[] = [];
  let changed = false;
  for (const mine of local) {
    const known = stored.get(mine.id);
    const theirs = theirsById.get(mine.id);
    const edited = known === undefined || known.content !== contentOf(mine);
    if (theirs !== undefined) {
      if (known?.updatedAt === theirs.updatedAt) decks.push(mine);
      else if (contentOf(theirs) === contentOf(mine)) {
        // Already what this window holds (its own save whose answer was lost, say): only the version moves.
        decks.push(mine);
        next.set(mine.id, storedOf(theirs));
      } else if (!edited) {
        decks.push(theirs);
        next.set(theirs.id, storedOf(theirs));
        changed = true;
      } else decks.push(mine);
    } else if (known !== undefined && !edited) {
      // Deleted elsewhere and not edited here.
      next.delete(mine.id);
      changed = true;
    } else decks.push(mine);
  }
  for (const theirs of remote) {
    // Not here and never seen: created elsewhere. Seen but not here: deleted here, the delete is on its way.
    if (localIds.has(theirs.id) || stored.has(theirs.id)) continue;
    decks.push(theirs);
    next.set(theirs.id, storedOf(theirs));
    changed = true;
  }
  for (const id of stored.keys()) if (!theirsById.has(id) && !localIds.has(id)) next.delete(id);
  return { decks, stored: next, changed };
}

/** A save refused because the deck changed (or was deleted) elsewhere: the user keeps one version. */
export type DeckConflictInfo = { deckId: string; name: string; message: string; current: Deck | null };

export type SaveStatus = {
  state: 'saved' | 'pending' | 'saving' | 'error';
  /** Why the last save failed; the edits stay in this window until one succeeds. */
  error: string | null;
  conflict: DeckConflictInfo | null;
};

export const SAVED: SaveStatus = { state: 'saved', error: null, conflict: null };

type Timers = { set: (cb: () => void, ms: number) => unknown; clear: (handle: unknown) => void };

export type DeckSyncDeps = {
  api: DeckApi;
  /** The decks as the editor holds them now. */
  getDecks: () => readonly Deck[];
  /** Replaces the editor's decks with ones that took in changes made elsewhere. */
  setDecks: (decks: Deck[]) => void;
  setStatus: (status: SaveStatus) => void;
  setUnreadable: (unreadable: DeckList['unreadable']) => void;
  timers: Timers;
  debounceMs: number;
};

export type DeckSync = {
  /** The editor changed: saves after a pause, so a burst of edits is one write per deck. */
  changed: () => void;
  /** Saves now (Retry, or before the window goes away). */
  flush: () => Promise<void>;
  /** Reads the decks again and takes in changes made elsewhere. */
  refresh: () => Promise<void>;
  /** Settles the reported conflict: keep this window's version (overwrite) or take the stored one. */
  resolve: (choice: 'mine' | 'theirs') => Promise<void>;
  dispose: () => void;
};

function conflictOf(error: unknown, op: DeckOp): DeckConflictInfo | null {
  if (!(error instanceof IpcError) || error.code !== 'CONFLICT') return null;
  const details = DeckConflictSchema.safeParse(error.details);
  if (!details.success || (details.data.reason !== 'changed' && details.data.reason !== 'deleted')) return null;
  const id = op.kind === 'save' ? op.deck.id : op.id;
  const name = op.kind === 'save' ? op.deck.name : op.name;
  return { deckId: id, name, message: error.message, current: details.data.reason === 'changed' ? details.data.current : null };
}

export function createDeckSync(deps: DeckSyncDeps, initial: DeckList): DeckSync {
  let stored = storedDecks(initial.decks);
  let timer: unknown = null;
  let queue: Promise<void> = Promise.resolve();
  let error: string | null = null;
  let conflict: DeckConflictInfo | null = null;

  const serial = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const cancelTimer = (): void => {
    if (timer !== null) deps.timers.clear(timer);
    timer = null;
  };
  const report = (): void => {
    const pending = pendingOps(deps.getDecks(), stored).length > 0;
    if (!pending) {
      error = null;
      conflict = null;
    }
    deps.setStatus({ state: error !== null || conflict !== null ? 'error' : pending ? 'pending' : 'saved', error, conflict });
  };

  const saveAll = async (): Promise<void> => {
    const ops = pendingOps(deps.getDecks(), stored);
    if (ops.length === 0) return report();
    deps.setStatus({ state: 'saving', error, conflict });
    error = null;
    conflict = null;
    for (const op of ops) {
      try {
        if (op.kind === 'save') {
          const { deck } = op;
          const saved = await deps.api.save({ id: deck.id, name: deck.name, slides: deck.slides, expectedUpdatedAt: op.expectedUpdatedAt });
          // What was sent, under the version the workspace gave it: later edits compare against this.
          stored.set(deck.id, { name: deck.name, updatedAt: saved.updatedAt, content: contentOf(deck) });
        } else {
          await deps.api.remove(op.id, op.expectedUpdatedAt);
          stored.delete(op.id);
        }
      } catch (e) {
        const c = conflictOf(e, op);
        if (c !== null) conflict ??= c;
        else error ??= errorMessage(e);
      }
    }
    report();
  };

  const flush = (): Promise<void> => {
    cancelTimer();
    return serial(saveAll);
  };

  return {
    changed: () => {
      cancelTimer();
      timer = deps.timers.set(() => {
        timer = null;
        void serial(saveAll);
      }, deps.debounceMs);
      report();
    },
    flush,
    refresh: () =>
      serial(async () => {
        let list: DeckList;
        try {
          list = await deps.api.list();
        } catch {
          // Nothing is lost: the next change event, or the next save, reads again.
          return;
        }
        deps.setUnreadable(list.unreadable);
        const merged = mergeRemote(deps.getDecks(), stored, list.decks);
        stored = merged.stored;
        if (merged.changed) deps.setDecks(merged.decks);
        report();
      }),
    resolve: async (choice) => {
      await serial(async () => {
        const c = conflict;
        if (c === null) return;
        conflict = null;
        if (c.current !== null) stored.set(c.deckId, storedOf(c.current));
        else stored.delete(c.deckId);
        if (choice === 'theirs') {
          const decks = deps.getDecks();
          const at = decks.findIndex((d) => d.id === c.deckId);
          const rest = decks.filter((d) => d.id !== c.deckId);
          if (c.current !== null) rest.splice(at < 0 ? rest.length : at, 0, c.current);
          deps.setDecks(rest);
        }
        report();
      });
      // Keeping this window's version: it is now a save over the stored version, or a new deck again.
      await flush();
    },
    dispose: cancelTimer,
  };
}

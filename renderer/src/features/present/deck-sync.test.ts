import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../../../shared/domain/present/deck';
import type { DeckConflict, DeckList, DeckSaveInput } from '../../../../shared/ipc/contract-decks';
import { IpcError } from '../../lib/ipc-error';
import { createDeckSync, mergeRemote, pendingOps, storedDecks, type SaveStatus } from './deck-sync';
import type { DeckApi } from './decks-api';

const slide = (id: string, notes = ''): Slide => ({ id, view: { view: 'overview-cost', period: null }, title: null, notes });
const deck = (id: string, name: string, slides: Slide[] = [slide(`${id}-a`)], updatedAt = 'v1'): Deck => ({ id, name, slides, updatedAt });

/** The workspace as decks:* behave: versions checked on every write, CONFLICT details as the contract says. */
function fakeWorkspace(initial: Deck[] = []) {
  const decks = new Map(initial.map((d) => [d.id, d]));
  let clock = 0;
  let failNext: Error | null = null;
  const calls: string[] = [];
  const conflict = (message: string, details: DeckConflict) => new IpcError('CONFLICT', message, details);
  const api: DeckApi = {
    list: () => Promise.resolve({ decks: [...decks.values()], unreadable: [] }),
    save: (input: DeckSaveInput) => {
      calls.push(`save ${input.id} ${input.expectedUpdatedAt ?? 'new'}`);
      if (failNext !== null) {
        const e = failNext;
        failNext = null;
        return Promise.reject(e);
      }
      const existing = decks.get(input.id);
      if (input.expectedUpdatedAt === null && existing) return Promise.reject(conflict('exists', { reason: 'changed', current: existing }));
      if (input.expectedUpdatedAt !== null && !existing) return Promise.reject(conflict(`The deck "${input.name}" was deleted elsewhere.`, { reason: 'deleted' }));
      if (existing && existing.updatedAt !== input.expectedUpdatedAt) return Promise.reject(conflict(`The deck "${existing.name}" was changed elsewhere.`, { reason: 'changed', current: existing }));
      clock += 1;
      const saved = { id: input.id, name: input.name, slides: input.slides, updatedAt: `s${clock}` };
      decks.set(saved.id, saved);
      return Promise.resolve(saved);
    },
    remove: (id, expectedUpdatedAt) => {
      calls.push(`delete ${id} ${expectedUpdatedAt}`);
      const existing = decks.get(id) ?? null;
      if (existing && existing.updatedAt !== expectedUpdatedAt) return Promise.reject(conflict('changed', { reason: 'changed', current: existing }));
      decks.delete(id);
      return Promise.resolve(existing);
    },
  };
  /** Another window's write, straight into the workspace. */
  const elsewhere = (d: Omit<Deck, 'updatedAt'> | null, id = d?.id ?? '') => {
    clock += 1;
    if (d === null) decks.delete(id);
    else decks.set(d.id, { ...d, updatedAt: `s${clock}` });
  };
  return { api, decks, calls, elsewhere, failWith: (e: Error) => void (failNext = e) };
}

/** A window: its editor's decks, its save state, and timers it fires by hand. */
function fakeWindow(ws: ReturnType<typeof fakeWorkspace>, initial: DeckList) {
  let decks: readonly Deck[] = initial.decks;
  let status: SaveStatus | null = null;
  let pending: (() => void) | null = null;
  let replaced = 0;
  const sync = createDeckSync(
    {
      api: ws.api,
      getDecks: () => decks,
      setDecks: (next) => {
        decks = next;
        replaced += 1;
      },
      setStatus: (s) => (status = s),
      setUnreadable: () => undefined,
      timers: { set: (cb) => (pending = cb), clear: () => (pending = null) },
      debounceMs: 400,
    },
    initial,
  );
  return {
    sync,
    edit: (next: readonly Deck[]) => {
      decks = next;
      sync.changed();
    },
    decks: () => decks,
    status: () => status,
    replaced: () => replaced,
    /** The debounce pause ends: the timer's save, awaited (flush cancels the timer and saves the same way). */
    pause: async () => {
      expect(pending).not.toBeNull();
      await sync.flush();
      expect(pending).toBeNull();
    },
  };
}

describe('pending writes', () => {
  it('are deletes first, then updates, then new decks; equal decks need none, whatever their key order', () => {
    const a = deck('a', 'A');
    const b = deck('b', 'B');
    const stored = storedDecks([a, b]);
    expect(pendingOps([a, b], stored)).toEqual([]);
    const reordered = { updatedAt: 'other', slides: [{ notes: '', title: null, view: { period: null, view: 'overview-cost' as const }, id: 'a-a' }], name: 'A', id: 'a' };
    expect(pendingOps([reordered, b], stored)).toEqual([]);
    const ops = pendingOps([deck('c', 'C'), { ...a, name: 'A2' }], stored);
    expect(ops.map((o) => (o.kind === 'delete' ? `delete ${o.id} ${o.expectedUpdatedAt}` : `save ${o.deck.id} ${o.expectedUpdatedAt ?? 'new'}`))).toEqual(['delete b v1', 'save a v1', 'save c new']);
  });
});

describe('taking in changes made elsewhere', () => {
  const a = deck('a', 'A');
  const b = deck('b', 'B');
  const stored = storedDecks([a, b]);

  it('takes another window’s change, creation and deletion of decks not edited here', () => {
    const merged = mergeRemote([a, b], stored, [{ ...a, name: 'A elsewhere', updatedAt: 'v2' }, deck('c', 'C', [], 'v1')]);
    expect(merged.changed).toBe(true);
    expect(merged.decks.map((d) => d.name)).toEqual(['A elsewhere', 'C']);
    expect([...merged.stored.keys()]).toEqual(['a', 'c']);
    expect(merged.stored.get('a')?.updatedAt).toBe('v2');
  });

  it('keeps this window’s unsaved edits (their save reports the conflict) and its pending deletes', () => {
    const edited = { ...a, name: 'A here' };
    const merged = mergeRemote([edited], stored, [{ ...a, name: 'A elsewhere', updatedAt: 'v2' }, b]);
    expect(merged.changed).toBe(false);
    expect(merged.decks).toEqual([edited]);
    // Still the version this window read: the save names it and is refused.
    expect(merged.stored.get('a')?.updatedAt).toBe('v1');
    expect(merged.stored.has('b')).toBe(true);
    expect(mergeRemote([edited], stored, []).decks).toEqual([edited]);
  });

  it('changes nothing for its own saves, and only moves the version when the content is already the same', () => {
    expect(mergeRemote([a, b], stored, [a, b]).changed).toBe(false);
    const merged = mergeRemote([a, b], storedDecks([b]), [{ ...a, updatedAt: 'v9' }, b]);
    expect(merged.changed).toBe(false);
    expect(merged.stored.get('a')?.updatedAt).toBe('v9');
  });
});

describe('saving a window’s decks', () => {
  it('writes a burst of edits once per deck after the pause, and says Saving… then Saved', async () => {
    const ws = fakeWorkspace([deck('a', 'A', [], 's0')]);
    const win = fakeWindow(ws, await ws.api.list());
    const a = win.decks()[0]!;
    win.edit([{ ...a, slides: [slide('1')] }]);
    win.edit([{ ...a, slides: [slide('1'), slide('2')] }, deck('b', 'B')]);
    expect(win.status()?.state).toBe('pending');
    expect(ws.calls).toEqual([]);
    await win.pause();
    expect(ws.calls).toEqual(['save a s0', 'save b new']);
    expect(win.status()).toEqual({ state: 'saved', error: null, conflict: null });
    expect(ws.decks.get('a')?.slides).toHaveLength(2);
    win.edit([...win.decks()]);
    await win.pause();
    expect(ws.calls).toHaveLength(2);
    expect(win.status()?.state).toBe('saved');
  });

  it('keeps an edit whose save failed, says why, and saves it on Retry', async () => {
    const ws = fakeWorkspace();
    const win = fakeWindow(ws, await ws.api.list());
    ws.failWith(new Error('The workspace disk is full.'));
    win.edit([deck('a', 'A')]);
    await win.pause();
    expect(win.status()).toMatchObject({ state: 'error', error: 'The workspace disk is full.' });
    expect(win.decks().map((d) => d.id)).toEqual(['a']);
    expect(ws.decks.size).toBe(0);
    await win.sync.flush();
    expect(win.status()?.state).toBe('saved');
    expect(ws.decks.get('a')?.name).toBe('A');
  });

  it('refuses a stale window’s save; the user keeps either version', async () => {
    const ws = fakeWorkspace([deck('a', 'A', [slide('1')], 's0')]);
    const one = fakeWindow(ws, await ws.api.list());
    const two = fakeWindow(ws, await ws.api.list());
    one.edit([{ ...one.decks()[0]!, name: 'From one' }]);
    await one.pause();
    two.edit([{ ...two.decks()[0]!, slides: [] }]);
    await two.pause();
    expect(two.status()?.state).toBe('error');
    expect(two.status()?.conflict).toMatchObject({ deckId: 'a', message: 'The deck "From one" was changed elsewhere.', current: { name: 'From one' } });
    // Nothing was overwritten.
    expect(ws.decks.get('a')).toMatchObject({ name: 'From one', slides: [slide('1')] });

    await two.sync.resolve('mine');
    expect(two.status()?.state).toBe('saved');
    expect(ws.decks.get('a')).toMatchObject({ name: 'A', slides: [] });

    // Window one is stale now; it takes the other version.
    one.edit([{ ...one.decks()[0]!, name: 'Again from one' }]);
    await one.pause();
    expect(one.status()?.conflict?.current?.name).toBe('A');
    await one.sync.resolve('theirs');
    expect(one.decks()).toEqual([ws.decks.get('a')]);
    expect(one.status()?.state).toBe('saved');
  });

  it('deletes with the version it read, and Undo saves the deck again under its id', async () => {
    const ws = fakeWorkspace([deck('a', 'A', [slide('1')], 's0'), deck('b', 'B', [], 's0')]);
    const win = fakeWindow(ws, await ws.api.list());
    const before = win.decks();
    win.edit(before.filter((d) => d.id !== 'a'));
    await win.pause();
    expect(ws.calls).toEqual(['delete a s0']);
    win.edit(before);
    await win.pause();
    expect(ws.calls[1]).toBe('save a new');
    expect(ws.decks.get('a')).toMatchObject({ id: 'a', name: 'A', slides: [slide('1')] });
    expect(win.status()?.state).toBe('saved');
  });

  it('refreshes from the workspace on a change event, without counting its own saves as changes', async () => {
    const ws = fakeWorkspace([deck('a', 'A', [], 's0')]);
    const win = fakeWindow(ws, await ws.api.list());
    win.edit([{ ...win.decks()[0]!, name: 'Mine' }]);
    await win.pause();
    await win.sync.refresh();
    expect(win.replaced()).toBe(0);
    ws.elsewhere({ id: 'c', name: 'Made elsewhere', slides: [] });
    ws.elsewhere(null, 'a');
    await win.sync.refresh();
    expect(win.replaced()).toBe(1);
    expect(win.decks().map((d) => d.name)).toEqual(['Made elsewhere']);
    expect(win.status()?.state).toBe('saved');
  });

  it('offers to save again a deck that was deleted elsewhere while edited here', async () => {
    const ws = fakeWorkspace([deck('a', 'A', [], 's0')]);
    const win = fakeWindow(ws, await ws.api.list());
    ws.elsewhere(null, 'a');
    win.edit([{ ...win.decks()[0]!, name: 'Still wanted' }]);
    await win.pause();
    expect(win.status()?.conflict).toMatchObject({ deckId: 'a', current: null });
    await win.sync.resolve('mine');
    expect(ws.decks.get('a')?.name).toBe('Still wanted');
    expect(win.status()?.state).toBe('saved');
  });
});

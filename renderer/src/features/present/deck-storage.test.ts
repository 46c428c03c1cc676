import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../../shared/domain/present/deck';
import type { DeckList, DeckSaveInput } from '../../../../shared/ipc/contract-decks';
import { migrateLegacyDecks, readCurrentDeck, readLegacyDecks, storageKey, writeCurrentDeck } from './deck-storage';

const memory = () => {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};

const deck = (id: string, name: string): Deck => ({ id, name, updatedAt: '2026-10-01T09:00:00.000Z', slides: [{ id: `${id}-s1`, view: { view: 'overview-cost', period: null }, title: null, notes: '' }] });
const legacyEntry = (decks: Deck[], currentId: string | null = decks[0]?.id ?? null) => JSON.stringify({ version: 1, decks, currentId });
const none: DeckList = { decks: [], unreadable: [] };

/** A workspace in memory, as decks:save behaves for a create. */
function fakeSave(failOn: string | null = null) {
  const saved: DeckSaveInput[] = [];
  const save = (input: DeckSaveInput): Promise<Deck> => {
    if (input.id === failOn) return Promise.reject(new Error('the disk is full'));
    saved.push(input);
    return Promise.resolve({ id: input.id, name: input.name, slides: input.slides, updatedAt: `2026-11-01T00:00:0${saved.length}.000Z` });
  };
  return { saved, save };
}

describe('decks kept in the browser by earlier versions', () => {
  it('reads nothing when there is no entry, and sets an unreadable entry aside once', () => {
    const store = memory();
    expect(readLegacyDecks(store, '/ws')).toEqual({ legacy: null, problem: null });
    store.setItem(storageKey('/ws'), '{"version":2,"decks":"from the future"}');
    const read = readLegacyDecks(store, '/ws');
    expect(read.legacy).toBeNull();
    expect(read.problem).toMatch(/could not be read/);
    expect(store.items.get(`${storageKey('/ws')}:unreadable`)).toBe('{"version":2,"decks":"from the future"}');
    expect(store.items.has(storageKey('/ws'))).toBe(false);
    expect(readLegacyDecks(store, '/ws').problem).toBeNull();
  });

  it('moves them into an empty workspace, then renames the entry to …:migrated', async () => {
    const store = memory();
    const raw = legacyEntry([deck('d1', 'Review'), deck('d2', 'Board')], 'd2');
    store.setItem(storageKey('/ws'), raw);
    store.setItem(storageKey('/other'), legacyEntry([deck('x', 'Elsewhere')]));
    const api = fakeSave();
    const result = await migrateLegacyDecks(store, '/ws', none, api.save);
    expect(result).toEqual({ moved: 2, currentId: 'd2', problem: null });
    expect(api.saved.map((s) => [s.id, s.name, s.slides.length, s.expectedUpdatedAt])).toEqual([
      ['d1', 'Review', 1, null],
      ['d2', 'Board', 1, null],
    ]);
    expect(store.items.has(storageKey('/ws'))).toBe(false);
    expect(store.items.get(`${storageKey('/ws')}:migrated`)).toBe(raw);
    // Another workspace's entry is not touched; a second load finds nothing to move.
    expect(store.items.has(storageKey('/other'))).toBe(true);
    expect(await migrateLegacyDecks(store, '/ws', none, api.save)).toEqual({ moved: 0, currentId: null, problem: null });
  });

  it('leaves them alone when the workspace already has decks of its own', async () => {
    const store = memory();
    store.setItem(storageKey('/ws'), legacyEntry([deck('d1', 'Review')]));
    const api = fakeSave();
    expect(await migrateLegacyDecks(store, '/ws', { decks: [deck('w1', 'Workspace deck')], unreadable: [] }, api.save)).toEqual({ moved: 0, currentId: null, problem: null });
    expect(await migrateLegacyDecks(store, '/ws', { decks: [], unreadable: [{ name: 'Future', problem: 'newer' }] }, api.save)).toMatchObject({ moved: 0 });
    expect(api.saved).toEqual([]);
    expect(store.items.has(storageKey('/ws'))).toBe(true);
  });

  it('keeps the entry when a save fails, and finishes the move on the next load', async () => {
    const store = memory();
    store.setItem(storageKey('/ws'), legacyEntry([deck('d1', 'Review'), deck('d2', 'Board')]));
    const failing = fakeSave('d2');
    const first = await migrateLegacyDecks(store, '/ws', none, failing.save);
    expect(first.moved).toBe(1);
    expect(first.problem).toMatch(/could not all be moved.*the disk is full.*still kept in the browser/);
    expect(store.items.has(storageKey('/ws'))).toBe(true);
    // The workspace now holds only what the first attempt moved: the rest follows, nothing twice.
    const api = fakeSave();
    const moved: DeckList = { decks: [{ ...deck('d1', 'Review'), updatedAt: '2026-11-01T00:00:01.000Z' }], unreadable: [] };
    expect(await migrateLegacyDecks(store, '/ws', moved, api.save)).toMatchObject({ moved: 1, problem: null });
    expect(api.saved.map((s) => s.id)).toEqual(['d2']);
    expect(store.items.has(`${storageKey('/ws')}:migrated`)).toBe(true);
  });

  it('gives clashing names a number instead of failing the move', async () => {
    const store = memory();
    store.setItem(storageKey('/ws'), legacyEntry([deck('d1', 'Review'), deck('d2', 'review')]));
    const api = fakeSave();
    await migrateLegacyDecks(store, '/ws', none, api.save);
    expect(api.saved.map((s) => s.name)).toEqual(['Review', 'review 2']);
  });
});

describe('the current deck preference', () => {
  it('is kept per workspace and survives storage that refuses access', () => {
    const store = memory();
    writeCurrentDeck(store, '/ws', 'd2');
    expect(readCurrentDeck(store, '/ws')).toBe('d2');
    expect(readCurrentDeck(store, '/other')).toBeNull();
    writeCurrentDeck(store, '/ws', null);
    expect(readCurrentDeck(store, '/ws')).toBeNull();
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(readCurrentDeck(refusing, '/ws')).toBeNull();
    expect(() => writeCurrentDeck(refusing, '/ws', 'd1')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_DECKS, type Decks } from './deck-schema';
import { browserDeckStorage, storageKey } from './deck-storage';

const memory = () => {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

const decks: Decks = {
  version: 1,
  currentId: 'd1',
  decks: [{ id: 'd1', name: 'Review', updatedAt: '2026-10-01T09:00:00.000Z', slides: [{ id: 's1', view: { view: 'overview-cost', period: null }, title: null, notes: '' }] }],
};

describe('deck storage', () => {
  it('keeps each workspace’s decks apart and reads back what it wrote', () => {
    const store = memory();
    const a = browserDeckStorage(store, '/data/ws-a');
    const b = browserDeckStorage(store, '/data/ws-b');
    expect(a.load()).toEqual({ decks: EMPTY_DECKS, problem: null });
    a.save(decks);
    expect(a.load()).toEqual({ decks, problem: null });
    expect(b.load().decks).toEqual(EMPTY_DECKS);
  });

  it('sets an unreadable entry aside instead of overwriting it on the next save', () => {
    const store = memory();
    store.setItem(storageKey('/ws'), '{"version":2,"decks":"from the future"}');
    const s = browserDeckStorage(store, '/ws');
    const read = s.load();
    expect(read.decks).toEqual(EMPTY_DECKS);
    expect(read.problem).toMatch(/could not be read/);
    expect(store.items.get(`${storageKey('/ws')}:unreadable`)).toBe('{"version":2,"decks":"from the future"}');
    store.setItem(storageKey('/ws'), 'not json');
    expect(s.load().problem).not.toBeNull();
  });

  it('calls back only for its own key when another window writes', () => {
    const listeners: ((e: StorageEvent) => void)[] = [];
    const events = { addEventListener: (_: 'storage', cb: (e: StorageEvent) => void) => void listeners.push(cb), removeEventListener: (_: 'storage', cb: (e: StorageEvent) => void) => void listeners.splice(listeners.indexOf(cb), 1) };
    const s = browserDeckStorage(memory(), '/ws', events);
    let calls = 0;
    const stop = s.subscribe(() => (calls += 1));
    for (const l of listeners) l({ key: storageKey('/other') } as StorageEvent);
    for (const l of listeners) l({ key: storageKey('/ws') } as StorageEvent);
    expect(calls).toBe(1);
    stop();
    expect(listeners).toHaveLength(0);
  });
});

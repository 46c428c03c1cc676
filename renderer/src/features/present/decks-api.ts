import type { Deck } from '../../../../shared/domain/present/deck';
import type { DeckList, DeckSaveInput } from '../../../../shared/ipc/contract-decks';
import { invoke, on } from '../../lib/ipc';

/** The decks:* channels, as deck-sync.ts uses them (a fake stands in for them in its tests). */
export type DeckApi = {
  list(): Promise<DeckList>;
  save(input: DeckSaveInput): Promise<Deck>;
  remove(id: string, expectedUpdatedAt: string): Promise<Deck | null>;
};

export const decksApi: DeckApi = {
  list: () => invoke('decks:list', {}),
  save: (input) => invoke('decks:save', input),
  remove: async (id, expectedUpdatedAt) => (await invoke('decks:delete', { id, expectedUpdatedAt })).deleted,
};

/** Calls back when decks may have changed elsewhere: another window saved one, or a backup was restored. */
export const onDecksChanged = (cb: () => void): (() => void) =>
  on('workspace:data-changed', (payload) => {
    if (payload.tables.some((t) => t === 'saved_views' || t === '*')) cb();
  });

import { deleteDeck, listDecks, saveDeck } from '../../../db/repositories/decks';
import type { HandlerMap } from '../handler-types';

/** Other windows reload their decks on this (the table is shared with pivot views). */
const CHANGED = { tables: ['saved_views'] };

export const decksHandlers: Pick<HandlerMap, 'decks:list' | 'decks:save' | 'decks:delete'> = {
  'decks:list': (_input, ctx) => listDecks(ctx.workspace.db),
  'decks:save': (input, ctx) => {
    const deck = saveDeck(ctx.workspace.db, input, new Date().toISOString());
    ctx.emit('workspace:data-changed', CHANGED);
    return deck;
  },
  'decks:delete': (input, ctx) => {
    const deleted = deleteDeck(ctx.workspace.db, input.id, input.expectedUpdatedAt);
    if (deleted !== null) ctx.emit('workspace:data-changed', CHANGED);
    return { deleted };
  },
};

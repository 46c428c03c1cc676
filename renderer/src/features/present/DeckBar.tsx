import { useState } from 'react';
import type { Deck } from '../../../../shared/domain/present/deck';
import { DEFAULT_DECK_NAME, uniqueDeckName, type Decks } from './deck-model';
import { chooseDeck, createDeck, dispatchDeck } from './deck-store';

/** Which deck is edited (and pinned to): its name, the other decks, a new one, deleting it (undoable). */
export function DeckBar({ decks, deck }: { decks: Decks; deck: Deck | null }) {
  const [name, setName] = useState<string | null>(null);
  const commit = () => {
    if (name !== null && deck !== null) dispatchDeck({ type: 'rename-deck', deckId: deck.id, name });
    setName(null);
  };
  return (
    <div className="card deck-bar" data-testid="deck-bar">
      {deck !== null && (
        <div className="field deck-name-field">
          <label className="field-label" htmlFor="deck-name">
            Deck
          </label>
          <input
            id="deck-name"
            className="input"
            data-testid="deck-name"
            value={name ?? deck.name}
            maxLength={80}
            spellCheck={false}
            onChange={(e) => setName(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              else if (e.key === 'Escape' && name !== null) {
                e.preventDefault();
                setName(null);
              }
            }}
          />
        </div>
      )}
      {decks.decks.length > 1 && (
        <div className="field">
          <label className="field-label" htmlFor="deck-choice">
            Open deck
          </label>
          <select id="deck-choice" className="input select" data-testid="deck-choice" value={deck?.id ?? ''} onChange={(e) => chooseDeck(e.target.value)}>
            {decks.decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.slides.length})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="deck-bar-actions">
        <button type="button" className="button button-small" data-testid="deck-new" onClick={() => createDeck(uniqueDeckName(DEFAULT_DECK_NAME, decks))}>
          New deck
        </button>
        {deck !== null && (
          <button type="button" className="button button-small button-danger-quiet" data-testid="deck-delete" onClick={() => dispatchDeck({ type: 'delete-deck', deckId: deck.id })}>
            Delete deck
          </button>
        )}
      </div>
      <p className="deck-bar-note muted small">Pinned charts go to this deck. Decks are saved in this workspace (and its backups); Undo brings back a deleted one.</p>
    </div>
  );
}

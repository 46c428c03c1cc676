import { useEffect, useState, type ReactNode } from 'react';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { currentDeck } from './deck-model';
import { loadDecks, pinnedAt, pinView, useDeckStore } from './deck-store';

type PinActionsProps = {
  /** What a slide pinned from here shows, never its numbers; null when there is nothing to pin. */
  view: SlideView | null;
  /** Why there is nothing to pin, for the button's tooltip. */
  unavailable?: string;
  /** What is pinned, in the tooltip ("chart", "pivot as a table"). */
  what: string;
  /** Further actions on the same line (Export image), given the status line to report to. */
  children?: (say: (text: string) => void) => ReactNode;
};

/**
 * "Pin to deck", any actions beside it, and one status line for them all: pinning adds a slide to
 * the current deck (see the Present page) and says where, with a link to it.
 */
export function PinActions({ view, unavailable, what, children }: PinActionsProps) {
  useEffect(() => {
    void loadDecks();
  }, []);
  const status = useDeckStore((s) => s.status);
  const deck = useDeckStore((s) => currentDeck(s.editor.decks));
  const [message, setMessage] = useState<{ text: string; link: boolean } | null>(null);
  const at = view === null ? null : pinnedAt(deck, view);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  const pin = () => {
    if (view === null) return;
    if (at !== null && deck !== null) {
      setMessage({ text: `Already slide ${at} of “${deck.name}”.`, link: true });
      return;
    }
    const placed = pinView(view);
    setMessage(placed === null ? { text: 'The deck is full.', link: false } : { text: `Added as slide ${placed.position} of “${placed.deck.name}”.`, link: true });
  };

  return (
    <div className="chart-actions" data-testid="chart-actions">
      <button
        type="button"
        className="button button-small"
        data-testid="pin-to-deck"
        data-pinned={at ?? ''}
        disabled={status !== 'ready' || view === null}
        title={
          view === null
            ? (unavailable ?? 'Nothing to pin')
            : status === 'error'
              ? 'The decks could not be read; see the Present page'
              : at === null
                ? `Add this ${what} to the deck${deck === null ? '' : ` “${deck.name}”`}; its figures stay live`
                : `Already slide ${at} of “${deck?.name ?? ''}”`
        }
        onClick={pin}
      >
        {at === null ? 'Pin to deck' : `Pinned · slide ${at}`}
      </button>
      {children?.((text) => setMessage({ text, link: false }))}
      <span className="chart-actions-status" role="status" data-testid="chart-actions-status">
        {message?.text}
        {message?.link === true && (
          <>
            {' '}
            <a href="#/present">Open the deck</a>
          </>
        )}
      </span>
    </div>
  );
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { slideTitle } from './deck-model';
import type { Deck } from '../../../../shared/domain/present/deck';
import { dispatchDeck } from './deck-store';
import { viewSummary } from './slide-catalog';

type SlideListProps = { deck: Deck; selectedId: string | null; onSelect: (id: string) => void };

/**
 * The deck's slides in order. Buttons move and remove; from the keyboard, ↑/↓ go between slides,
 * Alt+↑/↓ move the focused slide, Delete removes it. Focus follows the slide it acted on.
 */
export function SlideList({ deck, selectedId, onSelect }: SlideListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId === null) return;
    listRef.current?.querySelector<HTMLButtonElement>(`[data-slide-id="${CSS.escape(focusId)}"] .slide-item-select`)?.focus();
  }, [focusId, deck.slides]);

  const move = (id: string, to: number) => {
    dispatchDeck({ type: 'move-slide', deckId: deck.id, slideId: id, to });
    onSelect(id);
    setFocusId(id);
  };
  const remove = (index: number) => {
    const slide = deck.slides[index];
    if (slide === undefined) return;
    const neighbour = deck.slides[index + 1] ?? deck.slides[index - 1] ?? null;
    dispatchDeck({ type: 'remove-slide', deckId: deck.id, slideId: slide.id });
    if (neighbour !== null) {
      onSelect(neighbour.id);
      setFocusId(neighbour.id);
    }
  };

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number, id: string) => {
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    if (step !== 0 && event.altKey) move(id, index + step);
    else if (step !== 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const next = deck.slides[index + step];
      if (next === undefined) return;
      onSelect(next.id);
      setFocusId(next.id);
    } else if (event.key === 'Delete') remove(index);
    else return;
    event.preventDefault();
  };

  if (deck.slides.length === 0) {
    return (
      <p className="muted present-empty" data-testid="present-no-slides">
        No slides yet. Use <strong>Pin to deck</strong> on a chart of the Overview, Pilots or Scenarios page, or add a slide below.
      </p>
    );
  }

  return (
    <>
      <ol ref={listRef} className="slide-list" aria-label={`Slides of “${deck.name}”`} aria-describedby="slide-list-keys" data-testid="slide-list">
        {deck.slides.map((slide, index) => {
          const title = slideTitle(slide);
          return (
            <li key={slide.id} className="slide-item" data-testid="slide-item" data-slide-id={slide.id} data-view={slide.view.view} aria-current={slide.id === selectedId ? 'true' : undefined}>
              <button type="button" className="slide-item-select" onClick={() => onSelect(slide.id)} onKeyDown={(e) => onKey(e, index, slide.id)} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Delete">
                <span className="slide-item-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="slide-item-text">
                  <span className="slide-item-title" data-testid="slide-item-title">
                    {title}
                  </span>
                  <span className="slide-item-summary">{viewSummary(slide.view)}</span>
                </span>
              </button>
              <span className="slide-item-actions">
                <button type="button" className="button-icon" aria-label={`Move “${title}” up`} data-testid="slide-move-up" disabled={index === 0} onClick={() => move(slide.id, index - 1)}>
                  ↑
                </button>
                <button type="button" className="button-icon" aria-label={`Move “${title}” down`} data-testid="slide-move-down" disabled={index === deck.slides.length - 1} onClick={() => move(slide.id, index + 1)}>
                  ↓
                </button>
                <button type="button" className="button-icon" aria-label={`Remove “${title}”`} data-testid="slide-remove" onClick={() => remove(index)}>
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p id="slide-list-keys" className="slide-list-keys muted small">
        ↑ ↓ choose · Alt+↑ ↓ move · Delete remove
      </p>
    </>
  );
}

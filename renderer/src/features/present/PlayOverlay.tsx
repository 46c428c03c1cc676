import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { slideTitle } from './deck-model';
import type { Deck } from '../../../../shared/domain/present/deck';
import { playKey, resizePlay, startPlay, type PlayState } from './play-keys';
import { SlideView } from './SlideView';
import { useSlideData } from './use-slide-data';

type PlayOverlayProps = { deck: Deck; startAt: number; workspace: AppInfo | null; onExit: () => void };

type Mode = 'starting' | 'fullscreen' | 'window';

/**
 * Plays a deck: full screen through the Fullscreen API, or over the whole window when that is
 * refused (main grants it to the app's own page only; browsers refuse without a user gesture). Every slide's figures are fetched on start and again when the workspace's data changes,
 * so moving between slides never waits. Keys: see play-keys.ts. The app behind is inert meanwhile.
 */
export function PlayOverlay({ deck, startAt, workspace, onExit }: PlayOverlayProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [stored, setStored] = useState<PlayState>(() => startPlay(deck.slides.length, startAt));
  const [mode, setMode] = useState<Mode>('starting');
  const play = resizePlay(stored, deck.slides.length);
  const views = useMemo(() => deck.slides.map((s) => s.view), [deck.slides]);
  const dataFor = useSlideData(views);
  const exitRef = useRef(onExit);
  useEffect(() => {
    exitRef.current = onExit;
  });

  // Full screen if allowed; the overlay already covers the window, so a refusal changes nothing visible.
  useEffect(() => {
    const element = rootRef.current;
    if (element === null) return;
    element.focus();
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === element) entered = true;
      // Leaving full screen by the browser's own means (Esc, F11) ends the show, as presenters expect.
      else if (entered) exitRef.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (document.fullscreenEnabled && typeof element.requestFullscreen === 'function') {
      element.requestFullscreen({ navigationUI: 'hide' }).then(
        () => setMode('fullscreen'),
        () => setMode('window'),
      );
    } else {
      queueMicrotask(() => setMode('window'));
    }
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      root?.removeAttribute('inert');
      if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const result = playKey(play, event);
      if (!result.handled) return;
      event.preventDefault();
      event.stopPropagation();
      if (result.exit) exitRef.current();
      else setStored(result.state);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [play]);

  const slide = deck.slides[play.index];
  const go = (index: number) => setStored({ ...play, index: Math.max(0, Math.min(deck.slides.length - 1, index)), pending: '' });

  return createPortal(
    <div ref={rootRef} className="present-player" role="dialog" aria-modal="true" aria-label={`Presenting “${deck.name}”`} data-testid="present-player" data-mode={mode} data-index={play.index} tabIndex={-1}>
      {slide === undefined ? (
        <p className="slide-message">This deck has no slides.</p>
      ) : (
        <SlideView
          key={slide.id}
          slide={slide}
          state={dataFor(slide.view)}
          index={play.index}
          count={deck.slides.length}
          workspace={workspace}
          controls={
            <span className="player-controls">
              <button type="button" className="player-button" aria-label="Previous slide (←)" disabled={play.index === 0} onClick={() => go(play.index - 1)}>
                ‹
              </button>
              <button type="button" className="player-button" aria-label="Next slide (→)" disabled={play.index >= deck.slides.length - 1} onClick={() => go(play.index + 1)}>
                ›
              </button>
              <button type="button" className="player-button" data-testid="player-exit" aria-label="End the show (Esc)" onClick={() => exitRef.current()}>
                ×
              </button>
            </span>
          }
        />
      )}
      {play.pending !== '' && (
        <div className="player-goto" data-testid="player-goto" aria-live="assertive">
          Go to slide {play.pending}… <kbd>Enter</kbd>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {slide === undefined ? '' : `Slide ${play.index + 1} of ${deck.slides.length}: ${slideTitle(slide)}`}
      </p>
    </div>,
    document.body,
  );
}

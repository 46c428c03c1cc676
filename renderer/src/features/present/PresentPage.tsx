import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { appInfoResource } from '../workspace/workspace-store';
import { AddSlideForm } from './AddSlideForm';
import { DeckBar } from './DeckBar';
import { currentDeck, lastChange } from './deck-model';
import { loadDecks, undoDeck, useDeckStore } from './deck-store';
import { DeckSaveState, DeckSaveProblems } from './DeckSaveState';
import { PlayOverlay } from './PlayOverlay';
import { PrintDeck } from './PrintDeck';
import { SlideEditor } from './SlideEditor';
import { SlideList } from './SlideList';
import { useSlideData } from './use-slide-data';

/** The deck editor: its slides in order, the chosen slide's settings and live preview, Play and Export to PDF. */
export function PresentPage() {
  const status = useDeckStore((s) => s.status);
  const problem = useDeckStore((s) => s.problem);
  const editor = useDeckStore((s) => s.editor);
  const workspace = appInfoResource.useStore((s) => s.data);
  useEffect(() => {
    void loadDecks();
  }, []);
  useEffect(() => appInfoResource.watch(), []);

  const deck = currentDeck(editor.decks);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const [printing, setPrinting] = useState(false);
  const playButton = useRef<HTMLButtonElement>(null);
  const slides = useMemo(() => deck?.slides ?? [], [deck]);
  const selectedIndex = Math.max(0, slides.findIndex((s) => s.id === chosenId));
  const selected = slides[selectedIndex] ?? null;
  const views = useMemo(() => (selected === null ? [] : [selected.view]), [selected]);
  const dataFor = useSlideData(views);
  const change = lastChange(editor);

  const refocus = useRef(false);
  const play = (from: number) => setPlaying(from);
  const stop = () => {
    refocus.current = true;
    setPlaying(null);
  };
  // After the player is gone: while it shows, the page is inert and cannot take focus.
  useEffect(() => {
    if (playing !== null || !refocus.current) return;
    refocus.current = false;
    playButton.current?.focus();
  }, [playing]);

  return (
    <section className="page present-page" aria-labelledby="page-title">
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Present</h1>
          <p className="page-subtitle">A deck of the app’s charts and figures that plays full screen, in a light theme for projectors, with live numbers from this workspace.</p>
        </div>
        <div className="page-actions">
          {status === 'ready' && <DeckSaveState />}
          <button type="button" className="button" data-testid="present-undo" disabled={change === null} title={change === null ? 'Nothing to undo' : `Undo: ${change}`} onClick={undoDeck}>
            Undo
          </button>
          <button type="button" className="button" data-testid="present-export-pdf" disabled={slides.length === 0} onClick={() => setPrinting(true)}>
            Export to PDF
          </button>
          <button type="button" className="button button-primary" data-testid="present-play" ref={playButton} disabled={slides.length === 0} onClick={() => play(0)} title="Full screen; ←/→ to move, Esc to leave">
            Play
          </button>
        </div>
      </header>

      {problem !== null && status !== 'error' && <Notice tone="warning">{problem}</Notice>}
      {status === 'ready' && <DeckSaveProblems />}
      {change !== null && (
        <p className="present-last-change muted" data-testid="present-last-change" role="status">
          Last change: {change}. <span className="small">(Undo reverts it.)</span>
        </p>
      )}

      {status === 'error' ? (
        <ErrorState title="Could not read the decks" message={problem ?? ''} onRetry={() => void loadDecks()} />
      ) : status !== 'ready' ? (
        <div className="card">
          <Skeleton height="14rem" />
        </div>
      ) : (
        <>
          <DeckBar decks={editor.decks} deck={deck} />
          <div className="present-layout">
            <div className="stack">
              {deck !== null ? (
                <section className="card" aria-labelledby="slides-title">
                  <h2 className="card-title" id="slides-title">
                    Slides <span className="muted">({slides.length})</span>
                  </h2>
                  <SlideList deck={deck} selectedId={selected?.id ?? null} onSelect={setChosenId} />
                </section>
              ) : (
                <p className="muted present-empty" data-testid="present-no-deck">
                  No deck yet. <strong>Pin to deck</strong> on a chart, or add a slide here, starts one.
                </p>
              )}
              <AddSlideForm onAdded={(id) => id !== null && setChosenId(id)} />
            </div>
            {deck !== null && selected !== null ? (
              <SlideEditor key={selected.id} deck={deck} slide={selected} index={selectedIndex} state={dataFor(selected.view)} workspace={workspace} onPlayFrom={() => play(selectedIndex)} />
            ) : (
              <div className="card present-placeholder muted">The chosen slide’s title, period and notes appear here, with a preview.</div>
            )}
          </div>
        </>
      )}

      {playing !== null && deck !== null && <PlayOverlay deck={deck} startAt={playing} workspace={workspace} onExit={stop} />}
      {printing && deck !== null && <PrintDeck deck={deck} workspace={workspace} onClose={() => setPrinting(false)} />}
    </section>
  );
}

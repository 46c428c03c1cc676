import { useMemo, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { PIVOT_SLIDE_CHARTS, type Deck, type PivotSlideChart, type Slide, type SlidePeriod } from '../../../../shared/domain/present/deck';
import { dispatchDeck } from './deck-store';
import { defaultTitle, PIVOT_CHART_LABELS, quarterLabel, quartersBetween, viewSummary } from './slide-catalog';
import { SlideView } from './SlideView';
import type { SlideDataState } from './use-slide-data';

type SlideEditorProps = { deck: Deck; slide: Slide; index: number; state: SlideDataState; workspace: AppInfo | null; onPlayFrom: () => void };

const LATEST = 'latest';

/** The chosen slide: its title, its period (Overview slides) or how it draws its pivot, the speaker's notes, and a preview with live figures. */
export function SlideEditor({ deck, slide, index, state, workspace, onPlayFrom }: SlideEditorProps) {
  // Drafts live until blur or Enter; null shows the slide as stored (which Undo may have changed).
  const [title, setTitle] = useState<string | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const at = { deckId: deck.id, slideId: slide.id };
  const commitTitle = () => {
    if (title !== null) dispatchDeck({ type: 'rename-slide', ...at, title });
    setTitle(null);
  };
  const commitNotes = () => {
    if (notes !== null) dispatchDeck({ type: 'set-notes', ...at, notes });
    setNotes(null);
  };

  const view = slide.view;
  const range = state.data?.source === 'overview' ? state.data.overview.dataRange : null;
  const quarters = useMemo(() => (range === null ? [] : quartersBetween(range.from, range.to)), [range]);
  const periodValue = 'period' in view && view.period !== null ? `${view.period.from}/${view.period.to}` : LATEST;
  const setPeriod = (value: string) => {
    if (!('period' in view)) return;
    const [from, to] = value.split('/');
    const period: SlidePeriod | null = value === LATEST || from === undefined || to === undefined ? null : { from, to };
    dispatchDeck({ type: 'set-view', ...at, view: { ...view, period } });
  };

  return (
    <section className="card slide-editor" aria-labelledby="slide-editor-title" data-testid="slide-editor" data-slide-id={slide.id}>
      <header className="slide-editor-header">
        <h2 className="card-title" id="slide-editor-title">
          Slide {index + 1}
        </h2>
        <span className="muted">{viewSummary(view)}</span>
        <button type="button" className="button button-small" data-testid="present-play-from" onClick={onPlayFrom}>
          Play from here
        </button>
      </header>
      <div className="slide-editor-fields">
        <div className="field">
          <label className="field-label" htmlFor="slide-title-input">
            Title
          </label>
          <input
            id="slide-title-input"
            className="input"
            data-testid="slide-title-input"
            value={title ?? slide.title ?? ''}
            placeholder={defaultTitle(view)}
            maxLength={120}
            spellCheck={false}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={commitTitle}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitTitle();
              else if (e.key === 'Escape' && title !== null) {
                e.preventDefault();
                setTitle(null);
              }
            }}
          />
        </div>
        {'period' in view && (
          <div className="field">
            <label className="field-label" htmlFor="slide-period">
              Period
            </label>
            <select id="slide-period" className="input select" data-testid="slide-period" aria-describedby="slide-period-hint" value={periodValue} onChange={(e) => setPeriod(e.target.value)}>
              <option value={LATEST}>Latest full quarter</option>
              {view.period !== null && !quarters.some((q) => `${q.period.from}/${q.period.to}` === periodValue) && (
                <option value={periodValue}>{quarterLabel(view.period) ?? `${view.period.from} – ${view.period.to}`}</option>
              )}
              {quarters.map((q) => (
                <option key={q.label} value={`${q.period.from}/${q.period.to}`}>
                  {q.label}
                </option>
              ))}
            </select>
            <p className="field-hint" id="slide-period-hint">
              The latest full quarter moves on as new data comes in; a chosen quarter stays.
            </p>
          </div>
        )}
        {view.view === 'pivot' && (
          <div className="field">
            <label className="field-label" htmlFor="slide-pivot-chart">
              Show as
            </label>
            <select
              id="slide-pivot-chart"
              className="input select"
              data-testid="slide-pivot-chart"
              value={view.chart}
              onChange={(e) => dispatchDeck({ type: 'set-view', ...at, view: { ...view, chart: e.target.value as PivotSlideChart } })}
            >
              {PIVOT_SLIDE_CHARTS.map((c) => (
                <option key={c} value={c}>
                  {PIVOT_CHART_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field slide-notes-field">
          <label className="field-label" htmlFor="slide-notes">
            Notes <span className="field-optional">(for you; not shown on the slide)</span>
          </label>
          <textarea id="slide-notes" className="input" data-testid="slide-notes" rows={3} value={notes ?? slide.notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} onBlur={commitNotes} />
        </div>
      </div>
      <div className="slide-preview" aria-label="Preview" data-testid="slide-preview">
        <div className="slide-preview-frame">
          <SlideView slide={slide} state={state} index={index} count={deck.slides.length} workspace={workspace} />
        </div>
      </div>
    </section>
  );
}

import { useMemo, type ReactNode } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { slideTitle } from './deck-model';
import type { Slide } from '../../../../shared/domain/present/deck';
import { slideContent, type SlideFigure } from './slide-content';
import { SlideChart } from './SlideChart';
import { SlideTable } from './SlideTable';
import type { SlideDataState } from './use-slide-data';

type SlideViewProps = {
  slide: Slide;
  state: SlideDataState;
  /** 0-based position and the deck's length, for the counter. */
  index: number;
  count: number;
  workspace: AppInfo | null;
  /** The player's buttons, in the footer between the source and the counter (never over the figures). */
  controls?: ReactNode;
};

const timeOf = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * One slide in the projector theme: title and what it covers, the headline figures, the chart or
 * the figures grid, and a footnote naming where the figures come from and when they were read.
 * Type is sized to the slide's own box (container units), so a slide reads the same on a projector,
 * on paper and in the editor's preview.
 */
export function SlideView({ slide, state, index, count, workspace, controls }: SlideViewProps) {
  const content = useMemo(() => (state.data === null ? null : slideContent(slide.view, state.data)), [slide.view, state.data]);
  const title = slideTitle(slide);
  const source = workspace === null ? null : `${workspace.workspaceName}${workspace.isDemo ? ' (demo data)' : ''}`;
  const footnote = [content?.period ?? null, source === null ? null : `Source: ${source}`, state.at === null ? null : `live figures as of ${timeOf(state.at)}`].filter((p) => p !== null).join(' · ');
  const body = content?.body ?? null;

  return (
    <article className="slide" data-testid="slide" data-slide-id={slide.id} data-view={slide.view.view} data-index={index} aria-roledescription="slide" aria-label={`Slide ${index + 1} of ${count}: ${title}`} aria-busy={state.loading || state.refreshing}>
      <header className="slide-header">
        <div className="slide-heading">
          <h2 className="slide-title" data-testid="slide-title">
            {title}
          </h2>
          {content?.subtitle != null && <p className="slide-subtitle">{content.subtitle}</p>}
        </div>
        {body?.kind === 'chart' && body.headlines.length > 0 && (
          <div className="slide-headlines">
            {body.headlines.map((figure) => (
              <Headline key={figure.id} figure={figure} />
            ))}
          </div>
        )}
      </header>
      {content?.warning != null && (
        <p className="slide-warning" role="note">
          {content.warning}
        </p>
      )}
      <div className="slide-body">
        {state.loading ? (
          <p className="slide-message" data-testid="slide-loading">
            Reading the figures…
          </p>
        ) : state.error !== null ? (
          <p className={`slide-message${state.gone ? '' : ' slide-message-error'}`} data-testid="slide-error">
            {state.gone ? state.error : `The figures could not be read: ${state.error}`}
          </p>
        ) : body === null ? null : body.kind === 'message' ? (
          <p className="slide-message">{body.text}</p>
        ) : body.kind === 'table' ? (
          <SlideTable table={body.table} />
        ) : body.kind === 'figures' ? (
          <div className={`slide-figures slide-figures-${body.figures.length > 6 ? 'nine' : body.figures.length > 4 ? 'six' : 'four'}`}>
            {body.figures.map((figure) => (
              <div key={figure.id} className={`slide-figure slide-tone-${figure.tone}`} data-testid={`slide-figure-${figure.id}`} data-value={figure.value ?? ''}>
                <span className="slide-figure-label">{figure.label}</span>
                <span className="slide-figure-value" data-testid="slide-figure-value">
                  {figure.display}
                </span>
                {figure.sub !== null && <span className="slide-figure-sub">{figure.sub}</span>}
                {figure.caption !== null && <span className="slide-figure-caption">{figure.caption}</span>}
              </div>
            ))}
          </div>
        ) : (
          <>
            <SlideChart option={body.option} label={body.label} testId="slide-chart" />
            <p className="slide-legend">{body.legend}</p>
          </>
        )}
      </div>
      <footer className="slide-footer">
        <span className="slide-source" data-testid="slide-source">
          {footnote}
        </span>
        {controls}
        <span className="slide-counter" data-testid="slide-counter">
          {index + 1} / {count}
        </span>
      </footer>
    </article>
  );
}

function Headline({ figure }: { figure: SlideFigure }) {
  return (
    <div className="slide-headline" data-testid={`slide-headline-${figure.id}`} data-value={figure.value ?? ''}>
      <span className="slide-headline-label">{figure.label}</span>
      <span className="slide-headline-value" data-testid="slide-headline-value">
        {figure.display}
      </span>
      {figure.sub !== null && <span className="slide-headline-sub">{figure.sub}</span>}
    </div>
  );
}

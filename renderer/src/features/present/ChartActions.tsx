import { useEffect, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartImageMenu } from './ChartImageMenu';
import { currentDeck } from './deck-model';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { loadDecks, pinnedAt, pinView, useDeckStore } from './deck-store';
import { defaultTitle } from './slide-catalog';
import { periodOf } from './chart-image';

type ChartActionsProps = {
  /** What a slide pinned from here shows: the chart and its parameters, never its numbers. */
  view: SlideView;
  /** The option the card draws, exported as it is. */
  option: EChartsCoreOption;
  /** The months the chart draws, for the period in the image's footnote and file name. */
  months: readonly { month: string }[];
};

/**
 * "Pin to deck" and "Export image" for one chart card: one line in the card, floated to its top
 * right. Pinning adds a slide to the current deck (see the Present page); the image is the card's
 * own option with a title and a footnote naming the workspace and the period.
 */
export function ChartActions({ view, option, months }: ChartActionsProps) {
  const title = defaultTitle(view);
  const period = periodOf(
    months.map((m) => m.month),
    view.view === 'scenario-cost',
  );
  useEffect(() => {
    void loadDecks();
  }, []);
  const status = useDeckStore((s) => s.status);
  const deck = useDeckStore((s) => currentDeck(s.editor.decks));
  const [message, setMessage] = useState<{ text: string; link: boolean } | null>(null);
  const at = pinnedAt(deck, view);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  const pin = () => {
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
        disabled={status !== 'ready'}
        title={
          status === 'error'
            ? 'The decks could not be read; see the Present page'
            : at === null
              ? `Add this chart to the deck${deck === null ? '' : ` “${deck.name}”`}; its figures stay live`
              : `Already slide ${at} of “${deck?.name ?? ''}”`
        }
        onClick={pin}
      >
        {at === null ? 'Pin to deck' : `Pinned · slide ${at}`}
      </button>
      <ChartImageMenu option={option} title={title} period={period} onMessage={(text) => setMessage({ text, link: false })} />
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

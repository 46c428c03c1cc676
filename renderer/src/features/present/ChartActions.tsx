import { useEffect, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { MenuButton } from '../../components/MenuButton';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/ipc';
import { appInfoResource } from '../workspace/workspace-store';
import { exportChartImage } from './chart-image';
import { currentDeck } from './deck-model';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { loadDecks, pinnedAt, pinView, useDeckStore } from './deck-store';
import { defaultTitle } from './slide-catalog';
import { monthsLabel } from './slide-content';

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
  const span = monthsLabel(months.map((m) => m.month));
  const period = span === null ? null : view.view === 'scenario-cost' ? `${span} (projection)` : span;
  useEffect(() => {
    void loadDecks();
  }, []);
  const status = useDeckStore((s) => s.status);
  const deck = useDeckStore((s) => currentDeck(s.editor.decks));
  const info = appInfoResource.useStore((s) => s.data);
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

  const exportImage = (format: 'png' | 'svg') => {
    const source = info === null ? 'Yardstick' : `${info.workspaceName}${info.isDemo ? ' (demo data)' : ''}`;
    const footnote = [period, `Source: ${source}`, `Exported from Yardstick on ${formatDate(new Date().toISOString())}`].filter((p) => p !== null).join(' · ');
    exportChartImage(format, { option, title, footnote, fileName: span === null ? title : `${title} ${span}` }).then(
      (fileName) => setMessage({ text: `Saved ${fileName}.`, link: false }),
      (error: unknown) => setMessage({ text: `Could not export the image: ${errorMessage(error)}`, link: false }),
    );
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
      <MenuButton
        label="Export image"
        className="button button-small"
        testId="export-image"
        align="end"
        items={[
          { label: 'PNG (2×, for slides)', onSelect: () => exportImage('png'), testId: 'export-image-png' },
          { label: 'SVG (vector)', onSelect: () => exportImage('svg'), testId: 'export-image-svg' },
        ]}
      >
        Export image
      </MenuButton>
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

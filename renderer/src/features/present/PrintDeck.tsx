import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { AppInfo } from '../../../../shared/ipc/contract';
import type { Deck } from '../../../../shared/domain/present/deck';
import { SlideView } from './SlideView';
import { useSlideData } from './use-slide-data';

type PrintDeckProps = { deck: Deck; workspace: AppInfo | null; onClose: () => void };

/**
 * The deck as pages to print or save as PDF: every slide at a fixed landscape size that fits A4
 * and Letter, one per page (styles.css, "Presentation"). Once every slide's figures are in and
 * drawn it calls window.print(): the system dialog in a browser (Save as PDF), and in Electron the
 * hook where main can print to PDF instead. TODO(export:report): a deck channel in main would make
 * this a file without a dialog, as the pilot report will be.
 */
export function PrintDeck({ deck, workspace, onClose }: PrintDeckProps) {
  const views = useMemo(() => deck.slides.map((s) => s.view), [deck.slides]);
  const dataFor = useSlideData(views);
  const ready = deck.slides.every((s) => !dataFor(s.view).loading);
  const printed = useRef(false);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    document.body.classList.add('present-printing');
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    const after = () => closeRef.current();
    window.addEventListener('afterprint', after);
    return () => {
      root?.removeAttribute('inert');
      document.body.classList.remove('present-printing');
      window.removeEventListener('afterprint', after);
    };
  }, []);

  useEffect(() => {
    if (!ready || printed.current) return;
    // Two frames: the charts are set up in effects after this render and drawn on the next frame.
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => {
        printed.current = true;
        window.print();
      });
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [ready]);

  return createPortal(
    <div className="present-print" data-testid="present-print" data-ready={ready ? 'true' : 'false'} role="dialog" aria-modal="true" aria-label={`“${deck.name}” as pages`}>
      <div className="present-print-toolbar">
        <span>{ready ? `“${deck.name}”: ${deck.slides.length} ${deck.slides.length === 1 ? 'page' : 'pages'}, landscape.` : 'Reading the figures…'}</span>
        <button type="button" className="button button-primary" disabled={!ready} onClick={() => window.print()}>
          Print or save as PDF…
        </button>
        <button type="button" className="button" data-testid="present-print-close" onClick={onClose}>
          Close
        </button>
      </div>
      {deck.slides.map((slide, index) => (
        <section key={slide.id} className="present-print-page">
          <SlideView slide={slide} state={dataFor(slide.view)} index={index} count={deck.slides.length} workspace={workspace} />
        </section>
      ))}
    </div>,
    document.body,
  );
}

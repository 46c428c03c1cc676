import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { AppInfo } from '../../../../shared/ipc/contract';
import type { Deck } from '../../../../shared/domain/present/deck';
import { downloadBase64 } from '../../lib/download';
import { errorMessage } from '../../lib/ipc';
import { printWindowPdf } from './print-api';
import { SlideView } from './SlideView';
import { useSlideData } from './use-slide-data';

type PrintDeckProps = { deck: Deck; workspace: AppInfo | null; onClose: () => void };

/**
 * The deck as pages to print or save as PDF: every slide at a fixed landscape size that fits A4
 * and Letter, one per page (styles.css, "Presentation"). In a browser, once every slide's figures
 * are in and drawn, it opens the print dialog (Save as PDF). In the desktop app it offers "Save
 * PDF" on A4 or Letter: main prints this window with Electron's printToPDF (export:window-pdf),
 * the same Chromium printing of the same pages, straight to a file.
 */
export function PrintDeck({ deck, workspace, onClose }: PrintDeckProps) {
  const views = useMemo(() => deck.slides.map((s) => s.view), [deck.slides]);
  const dataFor = useSlideData(views);
  const ready = deck.slides.every((s) => !dataFor(s.view).loading);
  const desktop = workspace?.host === 'electron';
  const [paper, setPaper] = useState<'a4' | 'letter'>('a4');
  const [saving, setSaving] = useState<{ state: 'idle' | 'saving' } | { state: 'saved'; fileName: string } | { state: 'error'; message: string }>({ state: 'idle' });
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
    // The desktop app waits for "Save PDF" (and the paper); a browser opens its print dialog at once.
    if (!ready || printed.current || desktop) return;
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
  }, [ready, desktop]);

  const savePdf = async () => {
    setSaving({ state: 'saving' });
    try {
      const pdf = await printWindowPdf(deck.name, paper);
      downloadBase64(pdf.fileName, pdf.base64, 'application/pdf');
      setSaving({ state: 'saved', fileName: pdf.fileName });
    } catch (error) {
      setSaving({ state: 'error', message: errorMessage(error) });
    }
  };

  const status = !ready
    ? 'Reading the figures…'
    : saving.state === 'saving'
      ? 'Printing to PDF…'
      : saving.state === 'saved'
        ? `Saved ${saving.fileName}.`
        : saving.state === 'error'
          ? `Could not save the PDF: ${saving.message}`
          : `“${deck.name}”: ${deck.slides.length} ${deck.slides.length === 1 ? 'page' : 'pages'}, landscape.`;

  return createPortal(
    <div className="present-print" data-testid="present-print" data-ready={ready ? 'true' : 'false'} role="dialog" aria-modal="true" aria-label={`“${deck.name}” as pages`}>
      <div className="present-print-toolbar">
        <span role="status" data-testid="present-print-status">
          {status}
        </span>
        {desktop && (
          <>
            <label className="present-print-paper">
              Paper{' '}
              <select value={paper} onChange={(e) => setPaper(e.target.value === 'letter' ? 'letter' : 'a4')} data-testid="present-print-paper">
                <option value="a4">A4</option>
                <option value="letter">Letter</option>
              </select>
            </label>
            <button type="button" className="button button-primary" data-testid="present-save-pdf" disabled={!ready || saving.state === 'saving'} onClick={() => void savePdf()}>
              Save PDF
            </button>
          </>
        )}
        <button type="button" className={desktop ? 'button' : 'button button-primary'} disabled={!ready} onClick={() => window.print()}>
          {desktop ? 'Print…' : 'Print or save as PDF…'}
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

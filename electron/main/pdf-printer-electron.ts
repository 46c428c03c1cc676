import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/result';
import type { PdfPrinter } from '../export/report/pdf-printer';

/**
 * In the app: the report printed by Electron's own Chromium (webContents.printToPDF) in a hidden
 * window with no preload and scripts off, loaded from a private temp file. The page size and
 * margins come from the document's @page rule (preferCSSPageSize), as with headless Chromium.
 */
export const electronPdfPrinter: PdfPrinter = async (html, opts) => {
  if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-print-'));
  // Written out literally, like the app window's, so scanners can read each one; no preload, no scripts.
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      javascript: false,
    },
  });
  try {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({
      pageSize: opts.paper === 'letter' ? 'Letter' : 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
    });
    if (opts.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
    return pdf;
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
};

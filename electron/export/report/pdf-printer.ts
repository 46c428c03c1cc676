import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/ipc/result';

export type Paper = 'a4' | 'letter';

/**
 * Prints an HTML document to PDF bytes. The page size, margins, header and footer come from the
 * document's own print CSS (@page), so every printer gives the same pages.
 */
export type PdfPrinter = (html: string, opts: { paper: Paper; signal?: AbortSignal | undefined }) => Promise<Buffer>;

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The Chromium binary: $CHROMIUM_PATH, else the usual install locations; a clear error when none exists. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const given = env['CHROMIUM_PATH'];
  if (given) {
    if (!existsSync(given)) throw new AppError('UNAVAILABLE', `CHROMIUM_PATH points to ${given}, which does not exist.`);
    return given;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new AppError('UNAVAILABLE', 'PDF export outside the app needs Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.');
  return found;
}

const PRINT_TIMEOUT_MS = 60_000;

/**
 * Outside Electron (the CLI, the browser host, tests): the same HTML printed by the system's
 * headless Chromium. The document is written to a private temp folder and loaded from a file URL;
 * it has no scripts and no outside resources, and its Content-Security-Policy forbids both (the
 * blink switch that turns scripts off also stops --print-to-pdf from writing anything). The sandbox
 * is off because Chromium refuses it as root (containers, CI) and the page is our own escaped HTML.
 */
export const chromiumPdfPrinter: PdfPrinter = async (html, opts) => {
  const binary = chromiumPath();
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-print-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    writeFileSync(input, html);
    const args = [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(opts.signal ? { signal: opts.signal } : {}) });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        if (stderr.length < 20_000) stderr += c.toString();
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e.name === 'AbortError' ? new AppError('CANCELLED', 'The export was cancelled.') : new AppError('UNAVAILABLE', `Chromium could not be started (${binary}): ${e.message}`));
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(output)) resolve();
        else {
          const reason = stderr.split('\n').filter((l) => /error|fatal/i.test(l)).slice(-2).join(' ').trim();
          reject(new AppError('INTERNAL', `Chromium did not print the report (${signal ? `signal ${signal}` : `exit ${code}`})${reason ? `: ${reason}` : ''}.`));
        }
      });
    });
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Pages in a PDF as Chromium writes it: page objects are plain (not in compressed object streams). */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

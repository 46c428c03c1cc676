import type { WindowPdfResult } from '../../../../shared/ipc/contract-print';
import { invoke } from '../../lib/ipc';

/** The desktop app's printToPDF of this window as laid out for print; UNAVAILABLE outside Electron. */
export const printWindowPdf = (title: string, paper: 'a4' | 'letter'): Promise<WindowPdfResult> => invoke('export:window-pdf', { title, paper });

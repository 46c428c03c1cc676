import { AppError } from '../../../../shared/ipc/result';
import type { HandlerMap } from '../handler-types';

/** "Q3 review: Payments!" → "Q3-review-Payments.pdf"; only characters every file system accepts. */
export function deckPdfFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80);
  return `${slug || 'deck'}.pdf`;
}

export const windowPdfHandlers: Pick<HandlerMap, 'export:window-pdf'> = {
  'export:window-pdf': async (input, ctx) => {
    if (ctx.printWindow === undefined) {
      throw new AppError('UNAVAILABLE', 'Only the desktop app prints its window to a PDF file; use the print dialog (Save as PDF) instead.');
    }
    const pdf = await ctx.printWindow({ paper: input.paper });
    if (ctx.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
    const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    return { fileName: deckPdfFileName(input.title), bytes: bytes.length, base64: bytes.toString('base64') };
  },
};

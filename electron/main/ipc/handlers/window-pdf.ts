import { fileSlug } from '../../../../shared/domain/export-file-name';
import { AppError } from '../../../../shared/ipc/result';
import type { HandlerMap } from '../handler-types';

/** "Q3 review: Payments!" → "q3-review-payments.pdf", as every other export names its file. */
export const deckPdfFileName = (title: string): string => `${fileSlug(title, 'deck', 80)}.pdf`;

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

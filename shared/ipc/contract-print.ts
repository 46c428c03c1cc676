import { z } from 'zod';

export const WindowPdfInputSchema = z
  .object({
    /** The deck's name, for the file name offered. */
    title: z.string().trim().min(1).max(80),
    paper: z.enum(['a4', 'letter']).default('a4'),
  })
  .strict();

export const WindowPdfResultSchema = z.object({ fileName: z.string(), bytes: z.number().int(), base64: z.string() });
export type WindowPdfResult = z.infer<typeof WindowPdfResultSchema>;

export const PRINT_CONTRACT = {
  /**
   * Prints the app window as it is laid out for print (the deck's pages; the app itself is hidden
   * by the print styles) to a PDF in landscape, with Electron's printToPDF, and returns its bytes.
   * Only the desktop app has a window to print: elsewhere it answers UNSUPPORTED and the page uses
   * the browser's own print dialog, which prints the same pages.
   */
  'export:window-pdf': { input: WindowPdfInputSchema, output: WindowPdfResultSchema },
} as const;

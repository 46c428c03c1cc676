import { exportFileName, localDay } from '../../../../shared/domain/export-file-name';
import { deliverExport } from '../../../export/deliver';
import type { PdfPrinter } from '../../../export/report/pdf-printer';
import type { HandlerContext, HandlerMap } from '../handler-types';

/**
 * Electron's own printToPDF in the app; the system's headless Chromium everywhere else (CLI,
 * browser host, tests). The Electron printer is never loaded outside Electron.
 */
async function printerFor(ctx: HandlerContext): Promise<PdfPrinter> {
  if (ctx.host !== 'electron') return (await import('../../../export/report/pdf-printer')).chromiumPdfPrinter;
  return (await import('../../pdf-printer-electron')).electronPdfPrinter;
}

/** The file name an export without a path suggests: what it is, the pilot (or workspace) and today. */
const suggestedName = (ctx: HandlerContext, kind: string, pilot: string | undefined, extension: 'pdf' | 'png' | 'svg') =>
  exportFileName({ kind, subject: pilot ?? ctx.workspace.settings().name, day: localDay(new Date()), extension });

// The export modules (echarts, resvg) load on first use: every other command and the app's start
// would otherwise parse a megabyte of charting code they never run.
export const exportHandlers: Pick<HandlerMap, 'export:chart' | 'export:report'> = {
  'export:chart': async (input, ctx) => {
    const [{ chartSpec, exportSources }, { writeChart }] = await Promise.all([import('../../../export/charts/chart-data'), import('../../../export/charts/write-chart')]);
    const src = exportSources(ctx, { pilot: input.pilot, scenario: input.scenario });
    const spec = await chartSpec(input.chart, src, { width: input.width, height: input.height });
    const fileName = suggestedName(ctx, input.chart, input.pilot, input.format);
    return deliverExport(input.path, fileName, (path) => writeChart(spec, { format: input.format, path, scale: input.scale, signal: ctx.signal }));
  },
  'export:report': async (input, ctx) => {
    const { writeReport } = await import('../../../export/report/write-report');
    const printer = await printerFor(ctx);
    const fileName = suggestedName(ctx, 'yardstick-report', input.pilot, 'pdf');
    return deliverExport(input.path, fileName, (path) => writeReport(ctx, { pilot: input.pilot, paper: input.paper, path }, printer));
  },
};

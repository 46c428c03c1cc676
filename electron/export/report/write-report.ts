import { randomUUID } from 'node:crypto';
import type { ChartId } from '../../../shared/domain/charts/ids';
import type { HandlerContext } from '../../main/ipc/handler-types';
import { chartSpec, exportSources } from '../charts/chart-data';
import { renderChartSvg } from '../charts/render-svg';
import { checkOutPath, writeAtomically } from '../charts/write-chart';
import { pdfPageCount, type Paper, type PdfPrinter } from './pdf-printer';
import { reportChartSize, reportHtml } from './report-html';
import { reportModel, type ReportModel } from './report-model';

export type ReportOptions = { pilot?: string | undefined; paper: Paper; now?: string };

/** The report's model and its HTML document, ready to print (also what tests and the bench look at). */
export async function buildReport(ctx: HandlerContext, opts: ReportOptions): Promise<{ model: ReportModel; html: string }> {
  const src = exportSources(ctx, { pilot: opts.pilot });
  const model = await reportModel(ctx, src, { paper: opts.paper, now: opts.now ?? new Date().toISOString() });
  const charts = new Map<ChartId, string>();
  const columns = src.scenarios().columns.length;
  for (const id of model.charts) {
    const spec = await chartSpec(id, src, reportChartSize(id, columns));
    charts.set(id, renderChartSvg(spec.option, spec.frame));
  }
  return { model, html: reportHtml(model, charts) };
}

/**
 * Builds the report of a pilot (or the workspace), prints it with `printer` and writes the PDF,
 * reporting each step as job:progress.
 */
export async function writeReport(ctx: HandlerContext, input: { pilot?: string | undefined; paper: Paper; path: string }, printer: PdfPrinter): Promise<{ path: string; bytes: number; pages: number }> {
  checkOutPath(input.path, ['.pdf']);
  const jobId = `export-${randomUUID()}`;
  const steps = ['Gathering figures and drawing charts', 'Printing the PDF', 'Report written'];
  const progress = (done: number) => ctx.emit('job:progress', { jobId, kind: 'export', step: steps[done]!, done, total: steps.length - 1, finished: done === steps.length - 1 });
  progress(0);
  const { html } = await buildReport(ctx, input);
  progress(1);
  const pdf = await printer(html, { paper: input.paper, signal: ctx.signal });
  const bytes = writeAtomically(input.path, pdf);
  progress(2);
  return { path: input.path, bytes, pages: pdfPageCount(pdf) };
}

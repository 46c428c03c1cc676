import type { EChartsCoreOption } from 'echarts/core';
import { DEFAULT_PALETTE } from '../../lib/chart-options';
import { formatMonthLong } from '../../lib/format';
import { echarts } from '../../lib/echarts';
import { downloadBlob, fileSlug } from '../../lib/download';

/*
 * Chart images made in the renderer: echarts renders the chart's own option server-side style
 * (no DOM) to an SVG string, which gets a title above and a footnote of the data's period and
 * source below; PNG is that SVG drawn on a canvas at twice the size, for slides.
 * Why not main's export:chart: that channel draws the report's six key charts from workspace data
 * (for the CLI and the PDF report); here the image is the chart exactly as the user has it on
 * screen (an Explore pivot, a scenario with unsaved edits, the team picked in the capacity plan).
 */

/** `fileName` without extension; the title, slugged, when left out. */
export type ChartImageSpec = { option: EChartsCoreOption; title: string; footnote: string; fileName?: string };

/** 16:9 at the size slide programs place images; PNG doubles it. */
export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 675;
export const PNG_PIXEL_RATIO = 2;

const PAD = 32;
const TITLE_SIZE = 26;
const FOOT_SIZE = 14;
const CHART_TOP = PAD + TITLE_SIZE + 20;
const CHART_BOTTOM = PAD + FOOT_SIZE + 16;

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart drawn by echarts without a DOM (its SSR mode), at the given size, as SVG markup. */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The whole image: white ground, title, the chart, and the footnote, as one standalone SVG document. */
export function chartImageSvg(spec: ChartImageSpec, width = IMAGE_WIDTH, height = IMAGE_HEIGHT): string {
  const chartWidth = width - 2 * PAD;
  const chartHeight = height - CHART_TOP - CHART_BOTTOM;
  // The nested <svg> is placed by x/y; echarts writes its own width, height and namespace.
  const chart = renderChartSvg(spec.option, chartWidth, chartHeight).replace(/^<svg\b/, `<svg x="${PAD}" y="${CHART_TOP}"`);
  const font = xml(DEFAULT_PALETTE.fontFamily);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + TITLE_SIZE - 4}" font-family="${font}" font-size="${TITLE_SIZE}" font-weight="650" fill="${DEFAULT_PALETTE.text}">${xml(spec.title)}</text>`,
    chart,
    `<text x="${PAD}" y="${height - PAD + 2}" font-family="${font}" font-size="${FOOT_SIZE}" fill="${DEFAULT_PALETTE.muted}">${xml(spec.footnote)}</text>`,
    '</svg>',
  ].join('\n');
}

/** Draws SVG markup onto a canvas `pixelRatio` times its size and returns the PNG. */
export async function svgToPng(svg: string, width: number, height: number, pixelRatio = PNG_PIXEL_RATIO): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This window cannot draw images (no 2D canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob === null ? reject(new Error('The PNG could not be encoded.')) : resolve(blob)), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The months a chart's figures cover ("2026-01" … "2026-06"); a projection is a scenario's future months. */
export type ChartPeriod = { from: string; to: string; projection: boolean };

/** "January 2026 – June 2026", with "(projection)" for a scenario's months. */
export function periodLabel(period: ChartPeriod): string {
  const span = period.from === period.to ? formatMonthLong(period.from) : `${formatMonthLong(period.from)} – ${formatMonthLong(period.to)}`;
  return period.projection ? `${span} (projection)` : span;
}

/** The period of a list of months in order, or null for none. */
export function periodOf(months: readonly string[], projection = false): ChartPeriod | null {
  const from = months[0];
  const to = months[months.length - 1];
  return from === undefined || to === undefined ? null : { from, to, projection };
}

/**
 * "cost-over-the-horizon-scenarios-and-2026-10-2027-09": the title cut at a word to leave room, then
 * the months, so two exports of the same chart over different periods never share a name.
 */
export function imageFileName(title: string, period: ChartPeriod | null): string {
  if (period === null) return title;
  const words = title.split(/\s+/);
  let short = '';
  for (const word of words) {
    if (`${short} ${word}`.trim().length > 48) break;
    short = `${short} ${word}`.trim();
  }
  return `${short || title.slice(0, 48)} ${period.from} ${period.to}`;
}

/** Where the image's figures come from, for its footnote: the workspace and whether it is the demo. */
export type ImageSource = { workspaceName: string; isDemo: boolean } | null;

/** "Jan 2026 – Jun 2026 · Source: Northwind (demo data) · Exported from Yardstick on 22 Nov 2026". */
export function chartFootnote(period: ChartPeriod | null, source: ImageSource, exportedOn: string): string {
  const from = source === null ? 'Yardstick' : `${source.workspaceName}${source.isDemo ? ' (demo data)' : ''}`;
  return [period === null ? null : periodLabel(period), `Source: ${from}`, `Exported from Yardstick on ${exportedOn}`].filter((p) => p !== null).join(' · ');
}

/** Saves the chart as `<title>.png` (2×) or `.svg`; returns the file name offered. */
export async function exportChartImage(format: 'png' | 'svg', spec: ChartImageSpec): Promise<string> {
  const svg = chartImageSvg(spec);
  const fileName = `${fileSlug(spec.fileName ?? spec.title)}.${format}`;
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg, IMAGE_WIDTH, IMAGE_HEIGHT);
  downloadBlob(fileName, blob);
  return fileName;
}

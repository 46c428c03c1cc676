import type { GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';

/**
 * Colours and font of the exported charts: the app's light palette (renderer/src/lib/chart-options.ts),
 * so a chart on a slide looks like the one on screen. The font is named outright and is Arial's
 * metrics (Liberation Sans where Arial is missing): echarts lays text out with its own estimate of
 * Arial widths when no canvas exists (server-side rendering), so a wider font would overlap.
 */
export type ExportPalette = {
  fontFamily: string;
  text: string;
  muted: string;
  gridLine: string;
  axisLine: string;
  background: string;
  /** Series colours in the app's order: blue, orange, teal, then the tornado's light blue. */
  series: readonly [string, string, string, string];
};

export const EXPORT_PALETTE: ExportPalette = {
  fontFamily: "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif",
  text: '#1f2933',
  muted: '#52606d',
  gridLine: '#e6eaee',
  axisLine: '#cfd6de',
  background: '#ffffff',
  series: ['#2f5f96', '#c2700f', '#3f8f82', '#6f93c6'],
};

/** What frames every exported chart: its title, an optional subtitle, and the footnote of period and source. */
export type ChartFrame = {
  title: string;
  /** e.g. the pilot or scenario the chart is about. */
  subtitle?: string;
  /** "Data Jan 2026 – Sep 2026 · Northwind Logistics, synced 22 Nov 2026, 05:38". */
  footnote: string;
  width: number;
  height: number;
  /** Shown in the middle of the plot when there is nothing to draw ("No months with data yet"). */
  emptyNote?: string;
};

export const TITLE_SIZE = 16;
export const FOOTNOTE_SIZE = 10;
const SIDE = 16;

/**
 * Text broken into lines at spaces so each fits `width` pixels. Widths are estimated as echarts
 * would without a canvas (Arial-like widths; other characters count wider), on the safe side, so
 * echarts never re-breaks a line and the frame knows how many lines the footnote takes.
 */
export function wrapLines(text: string, width: number, fontSize: number): string[] {
  const charWidth = (c: string) => (c === ' ' ? 0.28 : /[ilI.,:;'|!]/.test(c) ? 0.3 : /[A-Z]/.test(c) ? 0.68 : c.charCodeAt(0) < 128 ? 0.56 : 0.8) * fontSize;
  const measure = (t: string) => [...t].reduce((w, c) => w + charWidth(c), 0);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const footnoteText = (frame: ChartFrame): string[] => wrapLines(frame.footnote, frame.width - 2 * SIDE, FOOTNOTE_SIZE);

/** How many lines the footnote takes at this width (the plot leaves room for them). */
export const footnoteLines = (frame: ChartFrame): number => footnoteText(frame).length;

/** Where the frame's parts sit, in pixels from the top and bottom of the chart. */
export function frameLayout(frame: ChartFrame, opts: { legend: boolean }) {
  const titleBottom = 12 + TITLE_SIZE + 6 + (frame.subtitle ? 18 : 0);
  const legendTop = titleBottom + 6;
  const plotTop = opts.legend ? legendTop + 30 : titleBottom + 16;
  const plotBottom = 14 + footnoteLines(frame) * (FOOTNOTE_SIZE + 4) + 12;
  return { legendTop, plotTop, plotBottom, side: SIDE };
}

/** Title and subtitle top left, the footnote bottom left, broken into lines that fit the chart's width. */
export function frameTitles(frame: ChartFrame, palette: ExportPalette = EXPORT_PALETTE): TitleComponentOption[] {
  return [
    {
      text: frame.title,
      left: SIDE,
      top: 12,
      textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: TITLE_SIZE, fontWeight: 'bold' },
      ...(frame.subtitle ? { subtext: frame.subtitle, itemGap: 6, subtextStyle: { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 12 } } : {}),
    },
    {
      text: footnoteText(frame).join('\n'),
      left: SIDE,
      bottom: 12,
      textStyle: { fontFamily: palette.fontFamily, color: palette.muted, fontSize: FOOTNOTE_SIZE, fontWeight: 'normal', lineHeight: FOOTNOTE_SIZE + 4 },
    },
    ...(frame.emptyNote
      ? [{ text: frame.emptyNote, left: 'center', top: 'middle', textStyle: { fontFamily: palette.fontFamily, color: palette.muted, fontSize: 14, fontWeight: 'normal' as const } }]
      : []),
  ];
}

/** What every exported chart starts from: no animation, a white background and the export font. */
export const exportBase = (palette: ExportPalette = EXPORT_PALETTE) => ({
  animation: false,
  backgroundColor: palette.background,
  textStyle: { fontFamily: palette.fontFamily, color: palette.text },
});

/** The style of axis tick labels: small and muted, so the data stands out. */
export const axisText = (palette: ExportPalette = EXPORT_PALETTE) => ({ fontFamily: palette.fontFamily, color: palette.muted, fontSize: 11 });

/** The plot inside the frame; outerBounds keeps the axis labels inside the chart (echarts 6). */
export function frameGrid(frame: ChartFrame, opts: { legend: boolean; right?: number }): GridComponentOption {
  const l = frameLayout(frame, opts);
  return { left: l.side, right: opts.right ?? l.side, top: l.plotTop, bottom: l.plotBottom, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' };
}

/** The legend under the title, left aligned. */
export function frameLegend(frame: ChartFrame, data: LegendComponentOption['data'], palette: ExportPalette = EXPORT_PALETTE): LegendComponentOption {
  return {
    top: frameLayout(frame, { legend: true }).legendTop,
    left: SIDE,
    itemWidth: 14,
    itemHeight: 8,
    itemGap: 20,
    textStyle: { fontFamily: palette.fontFamily, color: palette.text, fontSize: 12 },
    data,
  };
}

import { describe, expect, it } from 'vitest';
import { costPerAcceptedChartOption } from '../overview/cost-per-accepted-chart-option';
import { sampleOverview } from '../overview/overview-fixture';
import { chartFootnote, chartImageSvg, IMAGE_HEIGHT, IMAGE_WIDTH, imageFileName, periodLabel, periodOf } from './chart-image';
import { fileSlug } from '../../lib/download';

describe('chart image', () => {
  it('is one SVG document: the chart nested under its title, with the footnote below, text escaped', () => {
    const overview = sampleOverview();
    const svg = chartImageSvg({ option: costPerAcceptedChartOption(overview.monthly, overview.currency), title: 'Cost per accepted PR/MR by month', footnote: 'Q3 2026 · Source: R&D <demo>' });
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${IMAGE_HEIGHT}"`)).toBe(true);
    expect(svg).toContain('>Cost per accepted PR/MR by month</text>');
    expect(svg).toContain('Source: R&amp;D &lt;demo&gt;</text>');
    // The chart itself: nested, placed below the title, with its month labels and legend.
    expect(svg).toMatch(/<svg x="32" y="\d+" width="1136"/);
    expect(svg).toContain('Sep 26');
    expect(svg).toContain('Accepted PR/MRs');
    expect(svg.match(/<svg\b/g)).toHaveLength(2);
  });

  it('names files after the title', () => {
    expect(fileSlug('Payments maintenance: by month October 2025 – September 2026')).toBe('payments-maintenance-by-month-october-2025-september-2026');
    expect(fileSlug('Café ÷ ✓')).toBe('cafe');
    expect(fileSlug('***')).toBe('chart');
  });
});

describe('chart image names and footnotes', () => {
  it('label the period, a projection as such, and keep the months in the file name', () => {
    const p = periodOf(['2026-10', '2026-11', '2027-09'], true)!;
    expect(p).toEqual({ from: '2026-10', to: '2027-09', projection: true });
    expect(periodLabel(p)).toBe('October 2026 – September 2027 (projection)');
    expect(periodLabel({ from: '2026-07', to: '2026-07', projection: false })).toBe('July 2026');
    expect(periodOf([])).toBeNull();
    expect(imageFileName('Cost over the horizon: scenarios and the human-only baseline', p)).toBe('Cost over the horizon: scenarios and the 2026-10 2027-09');
    expect(imageFileName('Short title', null)).toBe('Short title');
    expect(chartFootnote(p, { workspaceName: 'Northwind', isDemo: true }, '22 Nov 2026')).toBe(
      'October 2026 – September 2027 (projection) · Source: Northwind (demo data) · Exported from Yardstick on 22 Nov 2026',
    );
    expect(chartFootnote(null, null, '22 Nov 2026')).toBe('Source: Yardstick · Exported from Yardstick on 22 Nov 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { costPerAcceptedChartOption } from '../overview/cost-per-accepted-chart-option';
import { sampleOverview } from '../overview/overview-fixture';
import { chartImageSvg, IMAGE_HEIGHT, IMAGE_WIDTH } from './chart-image';
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

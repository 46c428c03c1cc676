import { expect, type Locator, type Page } from '@playwright/test';
import { savedFile, type SavedFile } from './export-menu';

/** A chart card's "Export image" menu (present/ChartImageMenu.tsx): PNG at 2× or SVG, saved as a download. */
export async function exportChartImage(page: Page, card: Locator, format: 'png' | 'svg'): Promise<SavedFile> {
  await card.getByTestId('export-image').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menu').getByTestId(`export-image-${format}`).click();
  const file = await savedFile(await downloading);
  await expect(card.getByTestId('chart-actions-status')).toContainText(`Saved ${file.name}`);
  return file;
}

/** Width and height from a PNG's header. */
export const pngSize = (png: Buffer): [number, number] => [png.readUInt32BE(16), png.readUInt32BE(20)];

/** The text drawn in an SVG, entities decoded, white space folded. */
export const svgText = (svg: Buffer): string =>
  [...svg.toString('utf8').matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"))
    .join(' ')
    .replace(/\s+/g, ' ');

import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExplorePage, gridKey, type Member } from './pages/explore-page';
import { PresentPage } from './pages/present-page';
import { serveDemoCopy, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

const CHART_SLIDE = 'Accepted PR/MRs by Team and Quarter';
const TABLE_SLIDE = 'Accepted PR/MRs, Cost per accepted PR/MR and Acceptance rate by Issue type and Quarter';
const SAVED_VIEW = 'Issue types by quarter';
const TOTAL_COLUMN = gridKey([]);

/** The text of a PDF, white space folded (a long title wraps), through poppler's pdftotext. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-e2e-pivot-deck-'));
  const file = join(dir, 'deck.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('Explore pivots pinned as a chart and as a table play and print with the grid’s own live figures', async ({ page }) => {
  // window.print() opens the system dialog; here it does nothing, and Chromium prints the same page to PDF.
  await page.addInitScript('window.print = () => undefined;');
  const explore = new ExplorePage(page);
  const present = new PresentPage(page);

  // The default pivot (team by quarter), its grand total of accepted PR/MRs as the grid shows it.
  await explore.open(served.url);
  await explore.expectPivot({ rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });
  const accepted = await explore.count(explore.totalRow(), 'accepted', []);
  expect(accepted).toBeGreaterThan(0);

  // Pinned as the bar chart it shows: the chart's measure, titled as its image is.
  await explore.showChart('bar');
  const chartActions = present.chartActions('explore-chart');
  expect(await present.pin('explore-chart')).toBe(1);
  await expect(chartActions.getByTestId('pin-to-deck')).toHaveAttribute('title', /Already slide 1/);
  // Another chart type is another slide's worth: the button offers it again.
  await explore.showChart('line');
  await expect(chartActions.getByTestId('pin-to-deck')).toHaveText('Pin to deck');

  // Rows changed in the grid, then pinned as a table: every measure, rows by columns.
  await page.getByTestId('show-grid').check();
  await explore.chipAction('rows', 'team', 'chip-remove');
  await explore.addField('issue_type', 'rows');
  await explore.expectPivot({ rows: ['issue_type'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });
  const firstRow = JSON.parse((await explore.renderedRowIds())[0]!) as Member[];
  const rowAccepted = await explore.count(explore.row(firstRow), 'accepted', []);
  const rowCost = ((await explore.cell(explore.row(firstRow), 'cost_per_accepted', []).textContent()) ?? '').trim();
  expect(await explore.count(explore.totalRow(), 'accepted', [])).toBe(accepted);
  expect(await present.pinWith(explore.gridPinActions())).toBe(2);
  await explore.saveViewAs(SAVED_VIEW);

  // The Present page lists them; a saved Explore view is a source too, drawn as a line chart.
  await present.openFromHeader();
  expect(await present.titles()).toEqual([CHART_SLIDE, TABLE_SLIDE]);
  await expect(present.item(CHART_SLIDE)).toContainText('Explore · bar · Team × Quarter');
  await present.addSlide('pivot', { savedView: SAVED_VIEW, chart: 'line' });
  expect(await present.titles()).toEqual([CHART_SLIDE, TABLE_SLIDE, SAVED_VIEW]);
  const preview = page.getByTestId('slide-editor').getByTestId('slide');
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await expect(preview.getByTestId('slide-chart').locator('svg')).toBeVisible();
  await present.item(TABLE_SLIDE).locator('.slide-item-select').click();
  await expect(preview.getByTestId('slide-table')).toBeVisible();

  // Play: the chart's headline is the grid's grand total; the table's cells are the grid's cells.
  mkdirSync('/tmp/shots', { recursive: true });
  await present.play();
  await page.keyboard.press('Home');
  await present.expectSlide(1, 3, CHART_SLIDE);
  await expect(present.slide().getByTestId('slide-chart').locator('svg')).toBeVisible();
  await expect(present.slide().getByTestId('slide-chart').locator('svg text', { hasText: /^Q\d 20\d\d$/ }).first()).toBeVisible();
  expect(await present.headlineValue('accepted')).toBe(accepted);
  await page.screenshot({ path: '/tmp/shots/pivot-chart-slide.png' });

  await page.keyboard.press('ArrowRight');
  await present.expectSlide(2, 3, TABLE_SLIDE);
  await expect(present.slide().getByTestId('slide-table')).toBeVisible();
  expect(await present.tableValue('total', `accepted|${TOTAL_COLUMN}`)).toBe(accepted);
  expect(await present.tableValue(gridKey(firstRow), `accepted|${TOTAL_COLUMN}`)).toBe(rowAccepted);
  await expect(present.slide().locator(`[data-row-id="${gridKey(firstRow)}"] td[data-col-id="cost_per_accepted|${TOTAL_COLUMN}"]`)).toHaveText(rowCost);
  await page.screenshot({ path: '/tmp/shots/pivot-slide.png' });

  await page.keyboard.press('ArrowRight');
  await present.expectSlide(3, 3, SAVED_VIEW);
  await expect(present.slide().getByTestId('slide-chart').locator('svg')).toBeVisible();
  expect(await present.headlineValue('accepted')).toBe(accepted);
  await page.keyboard.press('Escape');
  await expect(present.player()).toHaveCount(0);

  // Printed, every pivot slide is a page with its title and figures.
  await present.expectSaved();
  await present.exportPdf().click();
  await expect(present.printView()).toHaveAttribute('data-ready', 'true');
  await expect(present.printView().getByTestId('slide')).toHaveCount(3);
  await expect(present.printView().locator('[data-testid="slide-table-row"][data-row-id="total"]')).toBeVisible();
  const text = pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(text).toContain(CHART_SLIDE);
  expect(text).toContain(TABLE_SLIDE);
  expect(text).toContain(SAVED_VIEW);
  expect(text).toContain(accepted!.toLocaleString('en-GB'));
  // Printing ends with "afterprint", which closes the pages.
  await expect(present.printView()).toHaveCount(0);
});

import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OverviewPage } from './pages/overview-page';
import { PilotsPage } from './pages/pilots-page';
import { PresentPage } from './pages/present-page';
import { serveDemoCopy, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

const OVERVIEW_SLIDE = 'Cost per accepted PR/MR by month';
const PILOT = 'Payments maintenance';
const PILOT_SLIDE = `${PILOT}: by month`;

/** A project with accepted work outside the demo pilot's (PAY), from the database. */
function anotherProject(): string {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT project_key FROM records WHERE project_key IS NOT NULL AND project_key <> 'PAY' GROUP BY project_key HAVING sum(accepted) > 0 ORDER BY sum(accepted) DESC").pluck().get() as string;
  } finally {
    db.close();
  }
}

/** The text of one page of a PDF, through poppler's pdftotext. */
function pdfPages(pdf: Buffer): { pages: number; text: (page: number) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-e2e-deck-'));
  const file = join(dir, 'deck.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const texts = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
  rmSync(dir, { recursive: true, force: true });
  return { pages, text: (page) => texts[page - 1] ?? '' };
}

test('charts pinned to a deck play full screen with the pages’ own live figures, navigate by keys, and the deck persists', async ({ page }) => {
  const overview = new OverviewPage(page);
  const pilots = new PilotsPage(page);
  const present = new PresentPage(page);

  // The Overview's figures are what its own spec checks against the database; the slides must show them.
  await overview.open(served.url);
  const costPerAccepted = await overview.rawValue('cost-per-accepted');
  const costText = await overview.shownText('cost-per-accepted');
  const accepted = await overview.rawValue('accepted');
  expect(costPerAccepted).not.toBeNull();
  expect(await present.pin('chart-cost-per-accepted')).toBe(1);

  await page.getByTestId('nav-pilots').click();
  await pilots.select(PILOT);
  const pilotAccepted = await pilots.figure(PILOT, 'accepted');
  expect(pilotAccepted).toBeGreaterThan(0);
  expect(await present.pin('pilot-chart')).toBe(2);
  // Pinning the same chart again does not add it twice.
  await present.chartActions('pilot-chart').getByTestId('pin-to-deck').click();
  await expect(present.chartActions('pilot-chart').getByTestId('chart-actions-status')).toContainText('Already slide 2');

  // Reorder with a button, then with the keyboard, then undo the keyboard move.
  await present.openFromHeader();
  expect(await present.titles()).toEqual([OVERVIEW_SLIDE, PILOT_SLIDE]);
  await present.moveUp(PILOT_SLIDE);
  await expect.poll(() => present.titles()).toEqual([PILOT_SLIDE, OVERVIEW_SLIDE]);
  await present.moveWithKeys(OVERVIEW_SLIDE, 'up');
  await expect.poll(() => present.titles()).toEqual([OVERVIEW_SLIDE, PILOT_SLIDE]);
  await expect(present.item(OVERVIEW_SLIDE).locator('.slide-item-select')).toBeFocused();
  await expect(page.getByTestId('present-last-change')).toContainText(`Moved “${OVERVIEW_SLIDE}” to position 1`);
  await present.undo().click();
  await expect.poll(() => present.titles()).toEqual([PILOT_SLIDE, OVERVIEW_SLIDE]);

  // Play: the first slide is the pilot's, with the accepted count its scorecard shows.
  await present.play();
  await present.expectSlide(1, 2, PILOT_SLIDE);
  await expect(present.slide().getByTestId('slide-chart').locator('svg')).toBeVisible();
  expect(await present.headlineValue('accepted')).toBe(pilotAccepted);

  // Live: the pilot's scope is changed in another window; the playing slide follows without a reload.
  const project = anotherProject();
  const other = await page.context().newPage();
  const otherPilots = new PilotsPage(other);
  await otherPilots.open(served.url);
  await otherPilots.select(PILOT);
  await otherPilots.edit(PILOT, { name: PILOT, projects: ['PAY', project] });
  const editedAccepted = await otherPilots.figure(PILOT, 'accepted');
  await other.close();
  await expect(present.slide().locator('.slide-subtitle')).toContainText(`Projects PAY, ${project}`);
  await expect.poll(() => present.headlineValue('accepted')).toBe(editedAccepted);
  await present.expectSlide(1, 2, PILOT_SLIDE);

  // → to the Overview's chart: its headline is the Overview page's cost per accepted, to the micro and as shown.
  await page.keyboard.press('ArrowRight');
  await present.expectSlide(2, 2, OVERVIEW_SLIDE);
  expect(await present.headlineValue('cost-per-accepted')).toBe(costPerAccepted);
  expect(await present.headlineText('cost-per-accepted')).toBe(costText);
  expect(await present.headlineValue('accepted')).toBe(accepted);
  await expect(present.slide().getByTestId('slide-chart').locator('svg text', { hasText: /^[A-Z][a-z]{2} \d\d$/ }).first()).toBeVisible();
  await expect(present.slide().getByTestId('slide-source')).toContainText('live figures as of');

  // Past the end stays; ←, Home, End, PageUp/PageDown and slide numbers move.
  await page.keyboard.press('Space');
  await present.expectSlide(2, 2, OVERVIEW_SLIDE);
  await page.keyboard.press('ArrowLeft');
  await present.expectSlide(1, 2, PILOT_SLIDE);
  await page.keyboard.press('End');
  await present.expectSlide(2, 2, OVERVIEW_SLIDE);
  await page.keyboard.press('Home');
  await present.expectSlide(1, 2, PILOT_SLIDE);
  await page.keyboard.press('PageDown');
  await present.expectSlide(2, 2, OVERVIEW_SLIDE);
  await page.keyboard.press('1');
  await present.expectSlide(1, 2, PILOT_SLIDE);

  // Esc ends the show and gives the Play button its focus back.
  await page.keyboard.press('Escape');
  await expect(present.player()).toHaveCount(0);
  await expect(present.playButton()).toBeFocused();

  // The deck outlives a reload, in its order.
  await page.reload();
  await expect(page.getByTestId('deck-bar')).toBeVisible();
  await expect.poll(() => present.titles()).toEqual([PILOT_SLIDE, OVERVIEW_SLIDE]);
});

test('slides added on the Present page export as landscape pages, one slide a page, with the live figures', async ({ page }) => {
  const present = new PresentPage(page);
  // window.print() opens the system dialog; here it only counts, and Chromium prints the same page to PDF.
  await page.addInitScript('window.print = () => { window.__printCalls = (window.__printCalls || 0) + 1; };');
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const costText = await overview.shownText('cost-per-accepted');
  const acceptedText = await overview.shownText('accepted');

  // Each test has its own browser storage, so this deck starts empty and is built from the form.
  await present.openFromHeader();
  await expect(page.getByTestId('present-no-deck')).toBeVisible();
  await present.addSlide('overview-figures');
  await present.addSlide('pilot-figures', { pilot: PILOT });
  expect(await present.titles()).toEqual(['Headline figures', `${PILOT}: headline figures`]);

  await present.exportPdf().click();
  await expect(present.printView()).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => page.evaluate('window.__printCalls')).toBe(1);
  await expect(present.printView().getByTestId('slide')).toHaveCount(2);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const { pages, text } = pdfPages(pdf);
  expect(pages).toBe(2);
  expect(text(1)).toContain('Headline figures');
  expect(text(1)).toContain(costText);
  expect(text(1)).toContain(acceptedText);
  expect(text(1)).toMatch(/1\s*\/\s*2\s*$/);
  expect(text(2)).toContain(`${PILOT}: headline figures`);
  expect(text(2)).toMatch(/2\s*\/\s*2\s*$/);

  // Printing ends with "afterprint", which closes the pages; Close does too, without printing.
  await expect(present.printView()).toHaveCount(0);
  await present.exportPdf().click();
  await expect.poll(() => page.evaluate('window.__printCalls')).toBe(2);
  await present.printView().getByTestId('present-print-close').click();
  await expect(present.printView()).toHaveCount(0);
  await expect(present.exportPdf()).toBeEnabled();
});

test('where full screen is refused (as Electron does by default) the show covers the window instead', async ({ page }) => {
  await page.addInitScript('Element.prototype.requestFullscreen = function () { return Promise.reject(new TypeError("Permissions check failed")); };');
  const present = new PresentPage(page);
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const accepted = await overview.rawValue('accepted');
  await present.openFromHeader();
  await present.addSlide('overview-figures');
  await present.addSlide('overview-cost');
  await present.playButton().click();
  await expect(present.player()).toHaveAttribute('data-mode', 'window');
  const box = await present.player().boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 1400, height: 900 });
  await present.expectSlide(1, 2, 'Headline figures');
  await expect(present.slide().getByTestId('slide-figure-accepted')).toHaveAttribute('data-value', String(accepted));
  await page.keyboard.press('2');
  await present.expectSlide(2, 2, OVERVIEW_SLIDE);
  await page.keyboard.press('Escape');
  await expect(present.player()).toHaveCount(0);
  await expect(present.playButton()).toBeFocused();
});

import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OverviewPage } from './pages/overview-page';
import { PilotsPage } from './pages/pilots-page';
import { PresentPage } from './pages/present-page';
import { serveDemoCopy, serveWorkspace, type Served } from './serve';

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

/** The decks in the workspace's database, in the order they were made. */
function storedDecks(workspace: string): { name: string; slides: number }[] {
  const db = new Database(join(workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    const rows = db.prepare("SELECT name, spec_json FROM saved_views WHERE kind = 'deck' ORDER BY created_at, id").all() as { name: string; spec_json: string }[];
    return rows.map((r) => ({ name: r.name, slides: (JSON.parse(r.spec_json) as { slides: unknown[] }).slides.length }));
  } finally {
    db.close();
  }
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

  // The deck is kept in the workspace: it outlives a reload, in its order...
  await present.expectSaved();
  expect(storedDecks(served.workspace)).toEqual([{ name: 'Presentation', slides: 2 }]);
  await page.reload();
  await expect(page.getByTestId('deck-bar')).toBeVisible();
  await expect.poll(() => present.titles()).toEqual([PILOT_SLIDE, OVERVIEW_SLIDE]);

  // ...and a new launch of the browser host on the same workspace: another port, so another origin
  // whose browser storage is empty; the deck comes from the workspace.
  const port = new URL(served.url).port;
  served = await served.restart();
  expect(new URL(served.url).port).not.toBe(port);
  await page.goto(served.url);
  await present.openFromHeader();
  await expect.poll(() => present.titles()).toEqual([PILOT_SLIDE, OVERVIEW_SLIDE]);
  await expect(present.deckName()).toHaveValue('Presentation');
  expect(await page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('yardstick.decks.v1:'))")).toEqual([]);
  await present.expectSaved();
  await expect(page.getByTestId('slide-editor').getByTestId('slide')).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: 'test-results/present-deck.png' });
});

test('slides added on the Present page export as landscape pages, one slide a page, with the live figures', async ({ page }) => {
  const present = new PresentPage(page);
  // window.print() opens the system dialog; here it only counts, and Chromium prints the same page to PDF.
  await page.addInitScript('window.print = () => { window.__printCalls = (window.__printCalls || 0) + 1; };');
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const costText = await overview.shownText('cost-per-accepted');
  const acceptedText = await overview.shownText('accepted');

  // Decks are the workspace's, so the first test's deck is here: this one starts a deck of its own.
  await present.openFromHeader();
  await present.newDeck();
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

test('where full screen is refused (a browser without a user gesture, a window manager that says no) the show covers the window instead', async ({ page }) => {
  await page.addInitScript('Element.prototype.requestFullscreen = function () { return Promise.reject(new TypeError("Permissions check failed")); };');
  const present = new PresentPage(page);
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const accepted = await overview.rawValue('accepted');
  await present.openFromHeader();
  await present.newDeck();
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

test('an edit whose save fails stays on screen, says so, and is saved by Retry', async ({ page }) => {
  const present = new PresentPage(page);
  await page.goto(served.url);
  await present.openFromHeader();
  await present.newDeck();
  await present.expectSaved();
  const name = await present.deckName().inputValue();

  // The workspace cannot be reached for saves (the host stopped answering them).
  const saves = /\/api\/ipc\/decks(%3A|:)save$/;
  await page.route(saves, (route) => route.abort('connectionrefused'));
  await present.addSlide('overview-figures');
  await expect(present.saveState()).toHaveText('Not saved');
  await expect(page.getByTestId('deck-save-error')).toContainText('could not be saved to the workspace');
  await expect(page.getByTestId('deck-save-error')).toContainText('kept in this window');
  expect(await present.titles()).toEqual(['Headline figures']);
  expect(storedDecks(served.workspace).find((d) => d.name === name)).toEqual({ name, slides: 0 });
  await page.screenshot({ path: 'test-results/present-save-failed.png' });

  await page.unroute(saves);
  await page.getByTestId('deck-save-retry').click();
  await present.expectSaved();
  await expect(page.getByTestId('deck-save-error')).toHaveCount(0);
  expect(storedDecks(served.workspace).find((d) => d.name === name)).toEqual({ name, slides: 1 });
});

test('a window whose save would overwrite another window’s change is refused, and the user chooses', async ({ page }) => {
  const one = new PresentPage(page);
  await page.goto(served.url);
  await one.openFromHeader();
  await one.newDeck();
  await one.expectSaved();
  const name = await one.deckName().inputValue();

  // A second window on the same deck (the current deck is a preference both windows share).
  const otherPage = await page.context().newPage();
  const two = new PresentPage(otherPage);
  await otherPage.goto(served.url);
  await two.openFromHeader();
  await expect(two.deckName()).toHaveValue(name);

  // Window two's save is held on its way until window one has saved its own rename.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  const saves = /\/api\/ipc\/decks(%3A|:)save$/;
  await otherPage.route(saves, async (route) => {
    await held;
    await route.continue();
  });
  await two.deckName().fill('Renamed in window two');
  await two.deckName().press('Enter');
  await expect(two.saveState()).toHaveText('Saving…');
  await one.deckName().fill('Renamed in window one');
  await one.deckName().press('Enter');
  await one.expectSaved();
  release();

  const conflict = otherPage.getByTestId('deck-conflict');
  await expect(conflict).toContainText('was changed elsewhere since it was opened here');
  await expect(two.saveState()).toHaveText('Not saved');
  expect(storedDecks(served.workspace).map((d) => d.name)).toContain('Renamed in window one');
  await otherPage.screenshot({ path: 'test-results/present-conflict.png' });

  await otherPage.unroute(saves);
  await conflict.getByTestId('deck-conflict-mine').click();
  await two.expectSaved();
  expect(storedDecks(served.workspace).map((d) => d.name)).toContain('Renamed in window two');
  // Window one had no unsaved edit: it takes window two's version when told of the change.
  await expect(one.deckName()).toHaveValue('Renamed in window two');
  await otherPage.close();
});

test('decks an earlier version kept in this browser move into an empty workspace once, and the old entry is kept aside', async ({ page }) => {
  const empty = await serveWorkspace();
  try {
    const key = `yardstick.decks.v1:${empty.workspace}`;
    const legacy = {
      version: 1,
      currentId: 'old-2',
      decks: [
        { id: 'old-1', name: 'Kept in the browser', updatedAt: '2026-09-01T09:00:00.000Z', slides: [{ id: 's1', view: { view: 'overview-figures', period: null }, title: 'Where we stand', notes: 'From before.' }] },
        { id: 'old-2', name: 'Second', updatedAt: '2026-09-02T09:00:00.000Z', slides: [{ id: 's2', view: { view: 'overview-cost', period: null }, title: null, notes: '' }] },
      ],
    };
    // As an earlier version left it: written before the app starts, once (the migration renames it).
    const [k, v] = [JSON.stringify(key), JSON.stringify(JSON.stringify(legacy))];
    await page.addInitScript(`if (localStorage.getItem(${k}) === null && localStorage.getItem(${k} + ':migrated') === null) localStorage.setItem(${k}, ${v});`);
    const present = new PresentPage(page);
    await page.goto(empty.url);
    await present.openFromHeader();
    await expect(present.deckName()).toHaveValue('Second');
    await expect.poll(() => present.titles()).toEqual([OVERVIEW_SLIDE]);
    await expect(page.getByTestId('deck-choice').locator('option')).toHaveText(['Kept in the browser (1)', 'Second (1)']);
    expect(storedDecks(empty.workspace)).toEqual([
      { name: 'Kept in the browser', slides: 1 },
      { name: 'Second', slides: 1 },
    ]);
    const storage = await page.evaluate(`({ old: localStorage.getItem(${k}), migrated: localStorage.getItem(${k} + ':migrated') })`);
    expect(storage).toEqual({ old: null, migrated: JSON.stringify(legacy) });

    // Deleting every deck does not bring the browser's copies back.
    await page.getByTestId('deck-delete').click();
    await page.getByTestId('deck-delete').click();
    await expect(page.getByTestId('present-no-deck')).toBeVisible();
    await present.expectSaved();
    await page.reload();
    await expect(page.getByTestId('present-no-deck')).toBeVisible();
    expect(storedDecks(empty.workspace)).toEqual([]);
  } finally {
    await empty.stop();
  }
});

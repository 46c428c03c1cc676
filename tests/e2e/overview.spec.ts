import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { expectedOverview } from '../support/expected-overview';
import { OverviewPage } from './pages/overview-page';
import { serveDemoCopy, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

test('the Overview shows the demo figures of the latest full quarter, as the database has them', async ({ page }) => {
  const expected = expectedOverview(join(served.workspace, 'yardstick.sqlite'));
  expect(expected.accepted).toBeGreaterThan(0);
  const overview = new OverviewPage(page);
  await overview.open(served.url);

  await expect(overview.period()).toContainText(/Q\d 20\d\d/);
  expect(await overview.rawValue('accepted')).toBe(expected.accepted);
  expect(await overview.shownText('accepted')).toBe(expected.accepted.toLocaleString('en-GB'));

  const cost = await overview.rawValue('cost-per-accepted');
  expect(cost).not.toBeNull();
  // Per-line rounding of converted amounts may differ by a micro-unit per line, never by a penny in total.
  expect(Math.abs(cost! * expected.accepted - expected.costMicros)).toBeLessThan(10_000);
  expect(await overview.shownText('cost-per-accepted')).toMatch(/^£[\d,]+\.\d\d$/);

  expect(await overview.rawValue('acceptance-rate')).toBeCloseTo(expected.accepted / expected.reachedReview, 12);
  expect(await overview.rawValue('hours-freed')).toBeCloseTo(expected.baselineHours - expected.humanHours, 6);
});

test('the cost-per-accepted chart renders the months up to the quarter, with labels and bars', async ({ page }) => {
  const expected = expectedOverview(join(served.workspace, 'yardstick.sqlite'));
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const chart = overview.chart();
  await expect(chart.locator('svg')).toBeVisible();
  expect(Number(await chart.getAttribute('data-months'))).toBe(12);
  // The quarter's last month is labelled on the axis ("Sep 26"), and a bar is drawn per month with data.
  const [year, month] = expected.months[2]!.split('-').map(Number) as [number, number];
  const label = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${String(year).slice(2)}`;
  await expect(chart.locator('svg text', { hasText: label })).toHaveCount(1);
  expect(await chart.locator('svg path').count()).toBeGreaterThan(12);
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
});

test('the shell has the navigation the product needs, and every page is built', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  for (const name of ['overview', 'explore', 'records', 'pilots', 'scenarios', 'sources', 'settings']) await expect(overview.nav(name)).toBeVisible();
  await overview.nav('explore').click();
  await expect(page).toHaveURL(/#\/explore/);
  await expect(page.getByRole('heading', { name: 'Explore', level: 1 })).toBeVisible();
  await expect(page.getByText(/not built yet/i)).toHaveCount(0);
  // Keyboard: Alt+1 goes back to the Overview.
  await page.keyboard.press('Alt+1');
  await expect(overview.kpi('accepted')).toBeVisible();
  await overview.nav('sources').click();
  await page.getByText('Workspace data').click();
  await expect(page.getByText('work_items')).toBeVisible();
});

test('without the token the page explains how to get in instead of failing silently', async ({ page }) => {
  await page.goto(served.url.replace(/#token=.*/, ''));
  await expect(page.getByText(/yardstick serve/)).toBeVisible();
});

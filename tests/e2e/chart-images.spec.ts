import { expect, test } from '@playwright/test';
import { exportChartImage, pngSize, svgText } from './pages/chart-image';
import { ExplorePage } from './pages/explore-page';
import { ScenariosPage } from './pages/scenarios-page';
import { serveDemoCopy, type Served } from './serve';

// Every chart exports as an image, as shown: PNG at 2× for slides and SVG, each with its title and
// a footnote of the period and the source. The files arrive as downloads and are read back.

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('the scenario charts (cost, side by side, tornado, capacity) export with their title, projection period and source', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  await scenarios.open(served.url);
  await scenarios.create('Chart images');

  const cost = await exportChartImage(page, page.locator('.chart-card', { has: page.getByTestId('cost-chart') }), 'png');
  expect(cost.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(pngSize(cost.bytes)).toEqual([2400, 1350]);

  await scenarios.tab('compare');
  const compare = await exportChartImage(page, page.getByTestId('comparison'), 'svg');
  expect(compare.name).toMatch(/^cost-over-the-horizon-scenarios-and-the-\d{4}-\d{2}-\d{4}-\d{2}\.svg$/);
  const compareText = svgText(compare.bytes);
  expect(compareText).toContain('Cost over the horizon: scenarios and the human-only baseline');
  expect(compareText).toMatch(/[A-Z][a-z]+ \d{4} – [A-Z][a-z]+ \d{4} \(projection\) · Source: .+ \(demo data\) · Exported from Yardstick on /);

  await scenarios.tab('sensitivity');
  const tornado = await exportChartImage(page, page.getByTestId('tornado'), 'svg');
  expect(svgText(tornado.bytes)).toContain('What moves the result most (Net saving over the horizon): Chart images');

  await scenarios.tab('capacity');
  const capacity = await exportChartImage(page, page.getByTestId('capacity'), 'png');
  expect(pngSize(capacity.bytes)).toEqual([2400, 1350]);
  expect(capacity.name).toMatch(/^backlog-by-month-with-and-without-the-ai-path-\d{4}-\d{2}-\d{4}-\d{2}\.png$/);
});

test('the Explore chart exports as shown, titled by its measure and dimensions', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await explore.showChart('bar');
  const card = page.getByTestId('explore-chart-panel');
  const svg = await exportChartImage(page, card, 'svg');
  const text = svgText(svg.bytes);
  // The default view: accepted PR/MRs by team and quarter, every quarter on the axis.
  expect(text).toMatch(/^Accepted PR\/MRs by Team and Quarter /);
  expect(text).toMatch(/Q\d 20\d\d/);
  // The footnote names the months of the data the pivot sums, and so does the file name.
  expect(text).toMatch(/[A-Z][a-z]+ 20\d\d – [A-Z][a-z]+ 20\d\d · Source: .+ \(demo data\) · Exported from Yardstick on /);
  expect(svg.name).toMatch(/-\d{4}-\d{2}-\d{4}-\d{2}\.svg$/);
  const png = await exportChartImage(page, card, 'png');
  expect(pngSize(png.bytes)).toEqual([2400, 1350]);
});

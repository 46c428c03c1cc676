import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { serveWorkspace, type Served } from './serve';

const fixtures = fileURLToPath(new URL('../fixtures/imports/', import.meta.url));
let served: Served;
test.beforeAll(async () => {
  served = await serveWorkspace();
});
test.afterAll(async () => {
  await served?.stop();
});

test('a user drops a billing export, reads the preview, imports it, sees it listed and undoes it', async ({ page }) => {
  await page.goto(served.url);
  await page.getByTestId('nav-sources').click();
  // Choosing files through the (hidden) input is what a drop or "Choose files…" ends in; the browser host uploads them.
  await page.getByTestId('import-file-input').setInputFiles(join(fixtures, 'run-credits-example.csv'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toHaveAttribute('data-format', 'run-credits');
  await expect(page.getByTestId('import-preview-row')).toHaveCount(6);
  await expect(preview).toContainText('0.3125 USD');
  await page.screenshot({ path: 'test-results/import-preview.png', fullPage: true });
  await page.getByTestId('import-run').click();
  const row = page.locator('[data-testid="import-history-row"][data-file="run-credits-example.csv"]');
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'succeeded');

  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  expect(db.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(6);

  await row.getByTestId('import-undo').click();
  await page.getByTestId('confirm-undo').click();
  await expect(row).toHaveAttribute('data-status', 'undone');
  expect(db.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(0);
  db.close();
});

test('a binary file renamed .csv is refused with a plain reason and cannot be imported', async ({ page }) => {
  await page.goto(served.url);
  await page.getByTestId('nav-sources').click();
  await page.getByTestId('import-file-input').setInputFiles({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(2048, 0)]) });
  await expect(page.getByText(/binary file, not a CSV or JSON export/)).toBeVisible();
  await expect(page.getByTestId('import-run')).toBeDisabled();
});

import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveWorkspace, type Served } from './serve';

// "Any CSV via a column mapping", as a user does it: a file no format knows (semicolons, decimal
// commas, day.month.year dates, German headers) is mapped column by column in the preview, the
// mapping is saved, the file imported; next month's file is read with the saved mapping. What
// landed is read back from the workspace's database.

const fixtures = fileURLToPath(new URL('../fixtures/imports/mapping/', import.meta.url));
let served: Served;
test.beforeAll(async () => {
  served = await serveWorkspace();
});
test.afterAll(async () => {
  await served?.stop();
});

type Line = { occurred_on: string; amount_micros: number; currency: string; ledger: string; vendor: string; description: string; file: string };
function importedLines(): Line[] {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db
      .prepare('SELECT b.occurred_on, b.amount_micros, b.currency, b.ledger, b.vendor, b.description, i.file_name AS file FROM billing_lines b JOIN imports i ON i.id = b.import_id ORDER BY b.occurred_on, b.id')
      .all() as Line[];
  } finally {
    db.close();
  }
}

test('a CSV no format knows is imported through a column mapping the user builds and saves for next month', async ({ page }) => {
  await page.goto(served.url);
  await page.getByTestId('nav-sources').click();
  await page.getByTestId('import-file-input').setInputFiles(join(fixtures, 'european-semicolon.csv'));
  await expect(page.getByText('Not recognised — map its columns')).toBeVisible();
  await expect(page.getByTestId('import-run')).toBeDisabled();

  await page.getByRole('button', { name: 'Map its columns…' }).click();
  const editor = page.getByTestId('mapping-editor');
  await editor.getByTestId('mapping-field-date').selectOption('Datum');
  await editor.getByTestId('mapping-field-amount').selectOption('Betrag');
  await editor.getByTestId('mapping-field-currency').selectOption('Währung');
  await editor.getByTestId('mapping-field-description').selectOption('Beschreibung');
  await editor.getByTestId('mapping-decimal').selectOption(',');
  await editor.getByTestId('mapping-thousands').selectOption('.');
  await editor.getByTestId('mapping-ledger').selectOption('provider');
  await editor.getByTestId('mapping-vendor').fill('eu-reseller');

  // The preview follows the mapping: decimal commas, thousands dots and dd.mm.yyyy dates read right.
  const rows = page.getByTestId('import-preview-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('2026-09-01');
  await expect(rows.first()).toContainText('1,234.56 EUR');
  await expect(rows.nth(2)).toContainText('-100.00 EUR');

  await editor.getByTestId('mapping-name').fill('EU reseller');
  await editor.getByTestId('mapping-save').click();
  await expect(editor.getByTestId('mapping-save-result')).toHaveClass(/text-ok/);
  await page.screenshot({ path: 'test-results/import-mapping.png', fullPage: true });

  await page.getByTestId('import-run').click();
  await expect(page.locator('[data-testid="import-history-row"][data-file="european-semicolon.csv"]')).toHaveAttribute('data-status', 'succeeded');
  expect(importedLines()).toEqual([
    { occurred_on: '2026-09-01', amount_micros: 1_234_560_000, currency: 'EUR', ledger: 'provider', vendor: 'eu-reseller', description: 'Anthropic API', file: 'european-semicolon.csv' },
    { occurred_on: '2026-09-02', amount_micros: 12_500_000, currency: 'EUR', ledger: 'provider', vendor: 'eu-reseller', description: 'OpenAI API', file: 'european-semicolon.csv' },
    { occurred_on: '2026-09-03', amount_micros: -100_000_000, currency: 'EUR', ledger: 'provider', vendor: 'eu-reseller', description: 'Gutschrift', file: 'european-semicolon.csv' },
  ]);

  // Next month's file, same layout: the saved mapping is offered under "Read as" and reads it.
  const october = readFileSync(join(fixtures, 'european-semicolon.csv'), 'utf8').replace(/\.09\.2026/g, '.10.2026').replace('1.234,56', '2.000,00');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'eu-reseller-2026-10.csv', mimeType: 'text/csv', buffer: Buffer.from(october, 'utf8') });
  await page.getByTestId('import-read-as').selectOption('mapping:EU reseller');
  await expect(page.getByTestId('import-preview-row')).toHaveCount(3);
  await expect(page.getByTestId('import-preview-row').first()).toContainText('2,000.00 EUR');
  await page.getByTestId('import-run').click();
  await expect(page.locator('[data-testid="import-history-row"][data-file="eu-reseller-2026-10.csv"]')).toHaveAttribute('data-status', 'succeeded');
  const october_lines = importedLines().filter((l) => l.file === 'eu-reseller-2026-10.csv');
  expect(october_lines.map((l) => [l.occurred_on, l.amount_micros, l.vendor])).toEqual([
    ['2026-10-01', 2_000_000_000, 'eu-reseller'],
    ['2026-10-02', 12_500_000, 'eu-reseller'],
    ['2026-10-03', -100_000_000, 'eu-reseller'],
  ]);
});

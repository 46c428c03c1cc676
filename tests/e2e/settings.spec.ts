import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SettingsPage } from './pages/settings-page';
import { serveDemoCopy, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

type Counts = { records: number; unlinked: number; linkedMrs: number; accepted: number };

/** What the served workspace's database holds now, read straight from the file. */
function dbCounts(): Counts {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    const count = (sql: string): number => db.prepare(sql).pluck().get() as number;
    return {
      records: count('SELECT count(*) FROM records'),
      unlinked: count('SELECT count(*) FROM unlinked_items'),
      linkedMrs: count('SELECT count(*) FROM record_merge_requests'),
      accepted: count('SELECT coalesce(sum(accepted), 0) FROM records'),
    };
  } finally {
    db.close();
  }
}

test('the ticket-key pattern is checked as a regular expression and tried on a sample before saving', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open(served.url);
  await expect(settings.save('linking')).toBeDisabled();
  await settings.pattern().fill('([A-Z]+-\\d+');
  await expect(settings.patternError()).toContainText('Not a valid regular expression');
  await expect(settings.save('linking')).toBeDisabled();
  await settings.pattern().fill('\\b(PLAT-\\d{1,7})\\b');
  await expect(settings.patternError()).toHaveCount(0);
  await expect(settings.save('linking')).toBeEnabled();
  await settings.sample().fill('feature/pay-1234-fix-rounding');
  await expect(settings.example()).toContainText('No ticket key found');
  await settings.sample().fill('fix/plat-77-gateway-timeouts');
  await expect(settings.example()).toHaveText('Finds PLAT-77');
  await page.getByTestId('linking-discard').click();
  await expect(settings.save('linking')).toBeDisabled();
});

test('narrower AI rules re-link without re-syncing, the counts follow the database, and Undo restores them', async ({ page }) => {
  const before = dbCounts();
  expect(before.linkedMrs).toBeGreaterThan(0);
  const settings = new SettingsPage(page);
  await settings.open(served.url);
  expect(await settings.shownRecordCount()).toBe(before.records);
  expect(await settings.shownUnlinkedTotal()).toBe(before.unlinked);

  // No MR counts as AI-generated any more (in the demo every AI MR matches all four rules), and the
  // provider account's spend is no longer shared out over the records.
  for (const list of ['linking-bots', 'linking-labels', 'linking-prefixes', 'linking-provider-accounts']) await settings.clearList(list);
  await settings.runEventsSwitch().uncheck();
  await settings.save('linking').click();

  const relinked = await settings.relinked('linking');
  const after = dbCounts();
  expect(relinked.records).toBe(after.records);
  expect(relinked.unlinked).toBe(after.unlinked);
  expect(relinked.updated).toBeGreaterThan(0);
  expect(after.linkedMrs).toBeLessThan(before.linkedMrs);
  expect(after.accepted).toBeLessThan(before.accepted);
  expect(after.unlinked).toBeGreaterThan(before.unlinked);
  expect(relinked.text).toMatch(/^Saved\. Re-linked: [\d,]+ records? \([\d,]+ updated, [\d,]+ new, [\d,]+ removed\), [\d,]+ unlinked items?\.$/);
  await expect(settings.recordCount()).toHaveAttribute('data-value', String(after.records));
  await expect.poll(() => settings.shownUnlinkedTotal()).toBe(after.unlinked);
  // The form now starts from what was saved.
  await expect(settings.list('linking-labels').getByTestId('chip')).toHaveCount(0);
  await expect(settings.save('linking')).toBeDisabled();

  await settings.undo('linking').click();
  await expect(settings.feedback('linking')).toContainText('Restored the previous values.');
  const restored = await settings.relinked('linking');
  expect(restored.records).toBe(before.records);
  expect(restored.unlinked).toBe(before.unlinked);
  expect(dbCounts()).toEqual(before);
  await expect(settings.list('linking-labels').getByTestId('chip')).toHaveCount(1);
  await expect(settings.runEventsSwitch()).toBeChecked();
  await expect(settings.recordCount()).toHaveAttribute('data-value', String(before.records));
  await expect.poll(() => settings.shownUnlinkedTotal()).toBe(before.unlinked);
  await expect(settings.undo('linking')).toHaveCount(0);
});

test('person-level views are off by default, say why, and ask before turning on', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open(served.url);
  const toggle = settings.peopleToggle();
  await expect(toggle).not.toBeChecked();
  await expect(settings.peopleExplanation()).toBeVisible();
  await expect(settings.peopleExplanation()).toContainText('not individuals');
  await expect(settings.peopleExplanation()).toContainText('works-council');
  await expect(settings.peopleExplanation()).toContainText('GDPR');
  await expect(settings.peopleExplanation()).toContainText('pseudonymise');

  // Keyboard: Space on the switch asks first; "Keep off" (focused) leaves it off.
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(settings.peopleDialog()).toBeVisible();
  await expect(settings.peopleDialog()).toContainText('works-council');
  await page.keyboard.press('Enter');
  await expect(settings.peopleDialog()).toBeHidden();
  await expect(toggle).not.toBeChecked();

  await toggle.click();
  await page.getByTestId('people-confirm').click();
  await expect(settings.peopleDialog()).toBeHidden();
  await expect(toggle).toBeChecked();
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    const stored = JSON.parse(db.prepare("SELECT value_json FROM settings WHERE key = 'workspace'").pluck().get() as string) as { peopleViewsEnabled: boolean };
    expect(stored.peopleViewsEnabled).toBe(true);
  } finally {
    db.close();
  }
  // Turning it off again needs no confirmation.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
});

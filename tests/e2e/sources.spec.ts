import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateDemo } from '../../electron/demo/generate';
import type { FakeServer } from '../servers/fake-server';
import { gitlabDatasetFromBundle, startGitLabServer, type GitLabDataset } from '../servers/gitlab-server';
import { jiraDatasetFromBundle, startJiraServer, type JiraDataset } from '../servers/jira-server';
import { SourcesPage } from './pages/sources-page';
import { serveWorkspace, type Served } from './serve';

// Real browser, real browser host, real keychain (npm test runs a private Secret Service), and local
// Jira and GitLab servers that follow the documented APIs.
const bundle = generateDemo({ seed: 9, scale: 0.04 });
const EMAIL = 'lead@northwind.example';
const jiraToken = `jira-${Date.now()}-e2e-token`;
const glToken = `glpat-${Date.now()}-e2e`;
let jira: FakeServer<JiraDataset>;
let gitlab: FakeServer<GitLabDataset>;
let served: Served;

test.beforeAll(async () => {
  jira = await startJiraServer({ flavour: 'cloud', auth: { email: EMAIL, token: jiraToken }, data: jiraDatasetFromBundle(bundle) });
  gitlab = await startGitLabServer({ basePath: '/gitlab', token: glToken, data: gitlabDatasetFromBundle(bundle) });
  served = await serveWorkspace();
});
test.afterAll(async () => {
  await served?.stop();
  await jira?.close();
  await gitlab?.close();
});

test('a user adds Jira Cloud and GitLab, tests the connections, syncs, and removes one', async ({ page }) => {
  const sources = new SourcesPage(page);
  await sources.open(served.url);

  await sources.fillJiraCloud({ name: 'Northwind Jira', url: jira.url, email: EMAIL, token: 'wrong-token', projects: 'PLAT, PAY, MOB, DATA' });
  const bad = await sources.testDraft();
  await expect(bad).toHaveAttribute('data-ok', 'false');
  await expect(bad).toContainText('401');
  await page.getByTestId('source-token').fill(jiraToken);
  const good = await sources.testDraft();
  await expect(good).toHaveAttribute('data-ok', 'true');
  await expect(good).toContainText(/Connected as/);
  await sources.save();
  await expect(sources.card('Northwind Jira')).toContainText(/keychain/i);

  await sources.fillGitLab({ name: 'Northwind GitLab', url: gitlab.url, token: glToken, groups: 'northwind' });
  await sources.save();

  await sources.syncAll();
  await expect(page.getByTestId('sync-progress').first()).toBeVisible();
  await expect(sources.history()).toContainText('Northwind Jira', { timeout: 120_000 });
  await expect(sources.history().getByText(/succeeded/i)).toHaveCount(2, { timeout: 120_000 });
  await page.screenshot({ path: 'test-results/sources.png', fullPage: true });

  // The workspace now holds what the servers hold, and never the tokens.
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  expect(db.prepare('SELECT count(*) FROM work_items').pluck().get()).toBe(jira.data.issues.size);
  expect(db.prepare('SELECT count(*) FROM merge_requests').pluck().get()).toBe([...gitlab.data.mergeRequests.values()].flat().length);
  const refs = db.prepare('SELECT secret_ref FROM sources').pluck().all() as string[];
  db.close();
  expect(refs.every((r) => r.startsWith('source:'))).toBe(true);

  await sources.remove('Northwind GitLab');
  await expect(sources.card('Northwind Jira')).toBeVisible();
});

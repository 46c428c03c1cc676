import { expect, type Locator, type Page } from '@playwright/test';

export type JiraCloudForm = { name: string; url: string; email: string; token: string; projects: string };
export type GitLabForm = { name: string; url: string; token: string; groups: string };

/** The Sources page: add, test, sync and remove sources the way a user does. */
export class SourcesPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-sources').click();
    await expect(this.page.getByTestId('add-source')).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.locator(`[data-testid="source-card"][data-source-name="${name}"]`);
  }

  private field(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async fillJiraCloud(f: JiraCloudForm): Promise<void> {
    await this.page.getByTestId('add-source').click();
    await this.field('source-kind-jira').check();
    await this.field('source-flavour-cloud').check();
    await this.field('source-name').fill(f.name);
    await this.field('source-url').fill(f.url);
    await this.field('source-email').fill(f.email);
    await this.field('source-token').fill(f.token);
    await this.field('source-projects').fill(f.projects);
  }

  async fillGitLab(f: GitLabForm): Promise<void> {
    await this.page.getByTestId('add-source').click();
    await this.field('source-kind-gitlab').check();
    await this.field('source-name').fill(f.name);
    await this.field('source-url').fill(f.url);
    await this.field('source-token').fill(f.token);
    await this.field('source-groups').fill(f.groups);
  }

  async testDraft(): Promise<Locator> {
    await this.page.getByTestId('source-test').click();
    const result = this.page.getByTestId('connection-result');
    await expect(result).toBeVisible();
    return result;
  }

  async save(): Promise<void> {
    await this.page.getByTestId('source-save').click();
    await expect(this.page.getByTestId('source-dialog')).toBeHidden();
  }

  async syncAll(): Promise<void> {
    await this.page.getByTestId('sync-all').click();
  }

  history(): Locator {
    return this.page.getByTestId('sync-history');
  }

  async remove(name: string): Promise<void> {
    await this.card(name).getByTestId('source-remove').click();
    await expect(this.page.getByTestId('remove-source-consequences')).toContainText('keychain');
    await this.page.getByTestId('confirm-remove').click();
    await expect(this.card(name)).toHaveCount(0);
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export type PilotForm = { name: string; owner?: string; projects?: string[]; stopRules?: string; repairBudget?: string };

/** The Pilots page: the list, the editor and the selected pilot's scorecard. */
export class PilotsPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-pilots').click();
    await expect(this.page.getByTestId('pilot-new')).toBeVisible();
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="pilot-item"][data-pilot="${name}"]`);
  }

  scorecard(name: string): Locator {
    return this.page.locator(`[data-testid="pilot-scorecard"][data-pilot="${name}"]`);
  }

  async select(name: string): Promise<Locator> {
    await this.item(name).click();
    return this.fresh(name);
  }

  /** Waits until the scorecard shown is the one of the pilot as saved now (not an answer from before an edit). */
  async fresh(name: string): Promise<Locator> {
    const card = this.scorecard(name);
    await expect(card.getByTestId('scorecard-records')).toBeVisible();
    await expect(card).toHaveAttribute('aria-busy', 'false');
    await expect.poll(async () => (await card.getAttribute('data-card-updated')) === (await card.getAttribute('data-updated'))).toBe(true);
    return card;
  }

  /** A headline figure's raw value (data-value); null when the figure is "—". */
  async figure(name: string, metric: string): Promise<number | null> {
    const raw = await this.scorecard(name).getByTestId(`figure-${metric}`).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  async records(name: string): Promise<number> {
    return Number(await this.scorecard(name).getByTestId('scorecard-records').getAttribute('data-value'));
  }

  private field(id: string): Locator {
    return this.page.getByTestId('pilot-dialog').getByTestId(id);
  }

  async fill(form: PilotForm): Promise<void> {
    await this.field('pilot-name').fill(form.name);
    if (form.owner !== undefined) await this.field('pilot-owner').fill(form.owner);
    if (form.projects !== undefined) {
      const projects = this.field('pilot-projects');
      // Remove the chips there are, then type the new ones (Enter adds each).
      for (const chip of await projects.getByTestId('chip').all()) await chip.getByRole('button').click();
      await expect(projects.getByTestId('chip')).toHaveCount(0);
      for (const project of form.projects) {
        await this.field('pilot-projects-input').fill(project);
        await this.field('pilot-projects-input').press('Enter');
      }
      await expect(projects.getByTestId('chip')).toHaveCount(form.projects.length);
    }
    if (form.stopRules !== undefined) await this.field('pilot-decision-stopRules').fill(form.stopRules);
    if (form.repairBudget !== undefined) await this.field('pilot-decision-repairBudget').fill(form.repairBudget);
  }

  async create(form: PilotForm): Promise<Locator> {
    await this.page.getByTestId('pilot-new').click();
    await expect(this.page.getByTestId('pilot-dialog')).toBeVisible();
    await this.fill(form);
    await this.field('pilot-save').click();
    await expect(this.page.getByTestId('pilot-dialog')).toBeHidden();
    return this.fresh(form.name);
  }

  async edit(current: string, form: PilotForm): Promise<Locator> {
    await this.scorecard(current).getByTestId('pilot-edit').click();
    await expect(this.page.getByTestId('pilot-dialog')).toBeVisible();
    await this.fill(form);
    await this.field('pilot-save').click();
    await expect(this.page.getByTestId('pilot-dialog')).toBeHidden();
    return this.fresh(form.name);
  }

  async delete(name: string): Promise<void> {
    await this.scorecard(name).getByTestId('pilot-delete').click();
    await expect(this.page.getByTestId('delete-pilot-dialog')).toContainText(name);
    await this.page.getByTestId('confirm-delete-pilot').click();
    await expect(this.item(name)).toHaveCount(0);
  }

  undoDelete(): Locator {
    return this.page.getByTestId('pilot-undo-delete');
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings page: linking rules, plans, rates and the people switch, edited the way a user does. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-settings').click();
    await expect(this.linkingCard()).toBeVisible();
    await expect(this.recordCount()).toBeVisible();
  }

  linkingCard(): Locator {
    return this.page.getByTestId('linking-card');
  }

  pattern(): Locator {
    return this.page.getByTestId('linking-pattern');
  }

  patternError(): Locator {
    return this.page.locator('#linking-pattern-error');
  }

  sample(): Locator {
    return this.page.getByTestId('linking-sample');
  }

  example(): Locator {
    return this.page.getByTestId('linking-example');
  }

  save(section: 'linking' | 'plans' | 'rates'): Locator {
    return this.page.getByTestId(`${section}-save`);
  }

  feedback(section: 'linking' | 'plans' | 'rates'): Locator {
    return this.page.getByTestId(`${section}-relinked`);
  }

  undo(section: 'linking' | 'plans' | 'rates'): Locator {
    return this.page.getByTestId(`${section}-undo`);
  }

  /** The records and unlinked figures beside the linking rules, as the page holds them (data-value). */
  recordCount(): Locator {
    return this.page.getByTestId('record-count');
  }

  async shownRecordCount(): Promise<number> {
    return Number(await this.recordCount().getAttribute('data-value'));
  }

  async shownUnlinkedTotal(): Promise<number> {
    const values = await this.page.getByTestId('unlinked-count').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
    return values.reduce((sum, n) => sum + n, 0);
  }

  /** The re-link figures of the last save, from the feedback line. */
  async relinked(section: 'linking' | 'plans' | 'rates'): Promise<{ records: number; updated: number; unlinked: number; text: string }> {
    const line = this.feedback(section);
    await expect(line).toContainText('Re-linked:');
    const figure = async (name: string) => Number(await line.getAttribute(`data-${name}`));
    return { records: await figure('records'), updated: await figure('updated'), unlinked: await figure('unlinked'), text: (await line.innerText()).trim() };
  }

  /** A list field of the linking rules ('linking-labels', 'linking-bots', …). */
  list(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** Empties a chip list from the keyboard: Backspace in its empty input removes the last chip. */
  async clearList(testId: string): Promise<void> {
    const input = this.page.getByTestId(`${testId}-input`);
    await input.focus();
    const chips = this.list(testId).getByTestId('chip');
    while ((await chips.count()) > 0) await input.press('Backspace');
    await expect(chips).toHaveCount(0);
  }

  runEventsSwitch(): Locator {
    return this.page.getByTestId('linking-run-events');
  }

  peopleToggle(): Locator {
    return this.page.getByTestId('people-toggle');
  }

  peopleExplanation(): Locator {
    return this.page.getByTestId('people-explanation');
  }

  peopleDialog(): Locator {
    return this.page.getByTestId('people-dialog');
  }
}

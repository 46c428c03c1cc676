import { expect, type Locator, type Page } from '@playwright/test';

/** The chart cards' "Pin to deck" and "Export image" actions, and the Present page: the deck editor and the player. */
export class PresentPage {
  constructor(private readonly page: Page) {}

  /** The actions of the chart card holding the chart with this test id (e.g. "chart-cost-per-accepted", "pilot-chart"). */
  chartActions(chartTestId: string): Locator {
    return this.page.locator('.chart-card', { has: this.page.getByTestId(chartTestId) }).getByTestId('chart-actions');
  }

  /** Pins the chart and waits for the card to say which slide it became; returns that slide number. */
  async pin(chartTestId: string): Promise<number> {
    return this.pinWith(this.chartActions(chartTestId));
  }

  /** Pins through any "Pin to deck" line (a chart card's, Explore's grid toolbar's); returns the slide number it reports. */
  async pinWith(actions: Locator): Promise<number> {
    const button = actions.getByTestId('pin-to-deck');
    await expect(button).toBeEnabled();
    await button.click();
    await expect(actions.getByTestId('chart-actions-status')).toContainText(/Added as slide \d+/);
    await expect(button).toHaveAttribute('data-pinned', /^\d+$/);
    return Number(await button.getAttribute('data-pinned'));
  }

  /** Goes to the Present page through the header's button, from any page. */
  async openFromHeader(): Promise<void> {
    await this.page.getByTestId('header-present').click();
    await expect(this.page).toHaveURL(/#\/present$/);
    await expect(this.page.getByTestId('deck-bar')).toBeVisible();
  }

  items(): Locator {
    return this.page.getByTestId('slide-item');
  }

  item(title: string): Locator {
    return this.items().filter({ has: this.page.getByTestId('slide-item-title').getByText(title, { exact: true }) });
  }

  async titles(): Promise<string[]> {
    return (await this.items().getByTestId('slide-item-title').allInnerTexts()).map((t) => t.trim());
  }

  async moveUp(title: string): Promise<void> {
    await this.item(title).getByTestId('slide-move-up').click();
  }

  /** Focuses the slide in the list and moves it with Alt+↑ / Alt+↓. */
  async moveWithKeys(title: string, direction: 'up' | 'down'): Promise<void> {
    await this.item(title).locator('.slide-item-select').focus();
    await this.page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }

  /** Adds a slide from the form: a view id ("overview-figures", "pilot-figures", "pivot", ...) and its pilot, scenario or saved Explore view. */
  async addSlide(view: string, choice: { pilot?: string; scenario?: string; savedView?: string; chart?: string } = {}): Promise<void> {
    const form = this.page.getByTestId('add-slide');
    const before = await this.items().count();
    await form.getByTestId('add-slide-kind').selectOption(view);
    if (choice.pilot !== undefined) await form.getByTestId('add-slide-pilot').selectOption({ label: choice.pilot });
    if (choice.scenario !== undefined) await form.getByTestId('add-slide-scenario').selectOption({ label: choice.scenario });
    if (choice.savedView !== undefined) await form.getByTestId('add-slide-saved-view').selectOption({ label: choice.savedView });
    if (choice.chart !== undefined) await form.getByTestId('add-slide-chart').selectOption(choice.chart);
    await form.getByTestId('add-slide-submit').click();
    await expect(this.items()).toHaveCount(before + 1);
  }

  undo(): Locator {
    return this.page.getByTestId('present-undo');
  }

  /** "Saved", "Saving…" or "Not saved": whether the workspace holds the edits yet. */
  saveState(): Locator {
    return this.page.getByTestId('deck-save-state');
  }

  /** Waits until every edit is in the workspace (saves follow edits after a short pause). */
  async expectSaved(): Promise<void> {
    await expect(this.saveState()).toHaveAttribute('data-state', 'saved');
    await expect(this.saveState()).toHaveText('Saved');
  }

  /** Starts a new, empty deck and makes it the current one. */
  async newDeck(): Promise<void> {
    const name = this.page.getByTestId('deck-name');
    const before = (await name.count()) === 0 ? null : await name.inputValue();
    await this.page.getByTestId('deck-new').click();
    await expect(this.items()).toHaveCount(0);
    if (before !== null) await expect(name).not.toHaveValue(before);
  }

  deckName(): Locator {
    return this.page.getByTestId('deck-name');
  }

  playButton(): Locator {
    return this.page.getByTestId('present-play');
  }

  player(): Locator {
    return this.page.getByTestId('present-player');
  }

  slide(): Locator {
    return this.player().getByTestId('slide');
  }

  async play(): Promise<void> {
    await this.playButton().click();
    await expect(this.player()).toBeVisible();
    // Full screen where the browser grants it, the whole window where it does not: either is a show.
    await expect(this.player()).toHaveAttribute('data-mode', /^(fullscreen|window)$/);
  }

  /** Waits for the slide "n / count" showing `title`, with its figures read. */
  async expectSlide(n: number, count: number, title: string): Promise<void> {
    await expect(this.slide().getByTestId('slide-counter')).toHaveText(`${n} / ${count}`);
    await expect(this.slide().getByTestId('slide-title')).toHaveText(title);
    await expect(this.slide()).toHaveAttribute('aria-busy', 'false');
  }

  headline(id: string): Locator {
    return this.slide().getByTestId(`slide-headline-${id}`);
  }

  async headlineValue(id: string): Promise<number | null> {
    const raw = await this.headline(id).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  /** A figure of a pivot slide's table: its row (Explore's grid row id, "total" for the grand total) and column (the grid's col-id). */
  async tableValue(rowId: string, colId: string): Promise<number | null> {
    const raw = await this.slide().locator(`[data-testid="slide-table-row"][data-row-id="${rowId}"] td[data-col-id="${colId}"]`).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  async headlineText(id: string): Promise<string> {
    return (await this.headline(id).getByTestId('slide-headline-value').innerText()).trim();
  }

  exportPdf(): Locator {
    return this.page.getByTestId('present-export-pdf');
  }

  printView(): Locator {
    return this.page.getByTestId('present-print');
  }
}

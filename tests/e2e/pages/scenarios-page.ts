import { expect, type Locator, type Page } from '@playwright/test';

/** The Scenarios page: the saved list, the selected scenario's toolbar, figures, chart and tabs. */
export class ScenariosPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-scenarios').click();
    await expect(this.page.getByTestId('scenario-new')).toBeVisible();
  }

  item(name: string): Locator {
    return this.page.locator(`[data-testid="scenario-item"][data-name="${name}"]`);
  }

  get workbench(): Locator {
    return this.page.getByTestId('scenario-workbench');
  }

  /** Waits until `name` is the scenario shown, its figures drawn. */
  async shown(name: string): Promise<void> {
    await expect(this.item(name)).toHaveAttribute('aria-current', 'true');
    await expect(this.workbench).toHaveAttribute('data-name', name);
    await expect(this.page.getByTestId('scenario-title')).toHaveText(name);
    await expect(this.figureLocator('net_saving')).toBeVisible();
  }

  async select(name: string): Promise<void> {
    await this.item(name).click();
    await this.shown(name);
  }

  /** New → calibrated on the workspace (or a pilot) → created and shown. Returns the preview's record count. */
  async create(name: string, pilot?: string): Promise<number> {
    await this.page.getByTestId('scenario-new').click();
    const dialog = this.page.getByTestId('new-scenario-dialog');
    await expect(dialog).toBeVisible();
    if (pilot !== undefined) await dialog.getByTestId('new-scenario-source').selectOption(pilot);
    await dialog.getByTestId('new-scenario-name').fill(name);
    const preview = dialog.getByTestId('new-scenario-preview');
    await expect(preview).not.toHaveAttribute('data-records', '');
    const records = Number(await preview.getAttribute('data-records'));
    await dialog.getByTestId('new-scenario-create').click();
    await expect(dialog).toBeHidden();
    await this.shown(name);
    return records;
  }

  row(key: string): Locator {
    return this.workbench.locator(`[data-testid="assumption-row"][data-key="${key}"]`);
  }

  async assumption(key: string): Promise<number> {
    return Number(await this.row(key).getAttribute('data-value'));
  }

  /** Types a value (in the input's unit: per cent for shares) and leaves the field. */
  async setValue(key: string, text: string): Promise<void> {
    const input = this.row(key).getByTestId('assumption-value');
    await input.fill(text);
    await input.blur();
  }

  figureLocator(id: string): Locator {
    return this.workbench.getByTestId(`figure-${id}`);
  }

  /** A headline figure's raw value (micros, a rate, hours); null when it shows "—". */
  async figure(id: string): Promise<number | null> {
    const raw = await this.figureLocator(id).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  /** Waits for the Monte Carlo bands of the scenario as it is now. */
  async bandsReady(): Promise<void> {
    await expect(this.workbench.getByTestId('mc-state')).toHaveAttribute('data-state', 'ready');
    await expect(this.workbench.getByTestId('cost-chart')).toHaveAttribute('data-bands', 'ready');
  }

  async band(id: string): Promise<{ p10: number; p90: number }> {
    const band = this.figureLocator(id).getByTestId('figure-band');
    await expect(band).toBeVisible();
    return { p10: Number(await band.getAttribute('data-p10')), p90: Number(await band.getAttribute('data-p90')) };
  }

  saveState(): Locator {
    return this.workbench.getByTestId('save-state');
  }

  async save(): Promise<void> {
    await this.workbench.getByTestId('scenario-save').click();
    await expect(this.saveState()).toHaveText('All changes saved');
    await expect(this.page.getByTestId('scenario-last-change-text')).toContainText('Saved');
  }

  undoButton(): Locator {
    return this.workbench.getByTestId('scenario-undo');
  }

  async nameDialog(action: 'duplicate' | 'rename', newName: string): Promise<void> {
    await this.workbench.getByTestId(`scenario-${action}`).click();
    const dialog = this.page.getByTestId(`${action}-scenario-dialog`);
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('name-input').fill(newName);
    await dialog.getByTestId('name-submit').click();
    await expect(dialog).toBeHidden();
    await this.shown(newName);
  }

  async delete(name: string): Promise<void> {
    await this.workbench.getByTestId('scenario-delete').click();
    const dialog = this.page.getByTestId('delete-scenario-dialog');
    await expect(dialog).toContainText(name);
    await this.page.getByTestId('confirm-delete-scenario').click();
    await expect(dialog).toBeHidden();
    await expect(this.item(name)).toHaveCount(0);
  }

  lastChange(): Locator {
    return this.page.getByTestId('scenario-last-change-text');
  }

  /** The Undo of the notice about the last change. */
  async undoLast(): Promise<void> {
    await this.page.getByTestId('scenario-undo-last').click();
    await expect(this.lastChange()).toContainText('Undid the');
  }

  async tab(id: 'assumptions' | 'months' | 'compare' | 'sensitivity' | 'capacity'): Promise<void> {
    await this.workbench.getByTestId(`tab-${id}`).click();
    await expect(this.workbench.getByTestId(`tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** Goal seek for break-even on one assumption; the value found (engine units). */
  async breakEven(assumption: string): Promise<number> {
    await this.tab('sensitivity');
    const card = this.workbench.getByTestId('goal-seek');
    await card.getByTestId('goal-assumption').selectOption(assumption);
    await card.getByTestId('goal-kind').selectOption('break_even');
    const answer = card.getByTestId('goal-answer');
    await expect(answer).toContainText(assumption === 'acceptance_rate' ? 'What acceptance rate' : 'What price per run credit');
    await expect(answer).toHaveAttribute('data-found', 'true');
    return Number(await answer.getAttribute('data-value'));
  }
}

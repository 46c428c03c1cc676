import { expect, type Locator, type Page } from '@playwright/test';

export type Zone = 'rows' | 'cols' | 'values' | 'filters';
export type Member = string | null;

/**
 * A row or column path as the grid's row-id / col-id carry it: the JSON of the path, URI-encoded
 * (ag-grid escapes quotes in those attributes, so the app keeps them out).
 */
export const gridKey = (path: readonly Member[]): string =>
  encodeURIComponent(JSON.stringify(path)).replace(/['()*!~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The Explore page as a user works it: the field list, the four zones, the grid, chart, views and drill-through. */
export class ExplorePage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-explore').click();
    await expect(this.page).toHaveURL(/#\/explore/);
  }

  status(): Locator {
    return this.page.getByTestId('pivot-status');
  }

  /** Waits until the grid shows the answer for exactly these rows, columns and values, and nothing newer is on its way. */
  async expectPivot(spec: { rows: string[]; cols: string[]; values: string[] }): Promise<void> {
    await expect(this.status()).toHaveAttribute('data-rows', spec.rows.join(','));
    await expect(this.status()).toHaveAttribute('data-cols', spec.cols.join(','));
    await expect(this.status()).toHaveAttribute('data-values', spec.values.join(','));
    await expect(this.status()).toHaveAttribute('data-running', 'false');
  }

  field(id: string): Locator {
    return this.page.getByTestId('explore-fields').getByTestId(`field-${id}`);
  }

  /** The click path: the field's + menu, then "Add to …". */
  async addField(id: string, zone: Zone): Promise<void> {
    await this.field(id).getByTestId('field-menu').click();
    await this.page.getByRole('menu').getByTestId(`field-add-${zone}`).click();
  }

  zone(zone: Zone): Locator {
    return this.page.getByTestId(`zone-${zone}`);
  }

  chip(zone: Zone, id: string): Locator {
    return this.zone(zone).getByTestId(`chip-${id}`);
  }

  /** The ids of the chips in a zone, in order. */
  async chipIds(zone: Zone): Promise<string[]> {
    return this.zone(zone)
      .locator('[data-chip-id]')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-chip-id') ?? ''));
  }

  /** Opens a chip's menu and picks an action (chip-up, chip-down, chip-to-cols, chip-remove…). */
  async chipAction(zone: Zone, id: string, action: string): Promise<void> {
    await this.chip(zone, id).getByTestId('chip-menu').click();
    await this.page.getByRole('menu').getByTestId(action).click();
  }

  grid(): Locator {
    return this.page.getByTestId('pivot-grid');
  }

  /** A body row by its path (["Data"], ["Data", "Bug"]); the grand total is `totalRow()`. */
  row(path: readonly Member[]): Locator {
    return this.grid().locator(`.ag-row[row-id="${gridKey(path)}"]`);
  }

  totalRow(): Locator {
    return this.grid().locator('.ag-row-pinned[row-id="total"]');
  }

  /** The cell of a measure in a column (its path; [] for the total column) of a row. */
  cell(row: Locator, measure: string, colPath: readonly Member[]): Locator {
    return row.locator(`.ag-cell[col-id="${measure}|${gridKey(colPath)}"]`);
  }

  /** A cell's text as a number ("1,234" → 1234); null when empty. */
  async count(row: Locator, measure: string, colPath: readonly Member[]): Promise<number | null> {
    const text = (await this.cell(row, measure, colPath).textContent())?.trim() ?? '';
    return text === '' ? null : Number(text.replace(/,/g, ''));
  }

  /** The keys (JSON paths) of the body rows ag-grid rendered, in display order (it virtualises: only those in view). */
  async renderedRowIds(): Promise<string[]> {
    const rows = await this.grid()
      .locator('.ag-row:not(.ag-row-pinned)[row-id]')
      .evaluateAll((els) => els.map((r) => ({ id: decodeURIComponent(r.getAttribute('row-id') ?? ''), index: Number(r.getAttribute('row-index')) })));
    return [...new Map(rows.sort((a, b) => a.index - b.index).map((r) => [r.id, r.id])).keys()];
  }

  toggle(path: readonly Member[]): Locator {
    return this.row(path).getByTestId('pivot-toggle');
  }

  drillPanel(): Locator {
    return this.page.getByTestId('drill-panel');
  }

  /** Double-clicks a cell and waits for the records behind it. */
  async drill(row: Locator, measure: string, colPath: readonly Member[]): Promise<void> {
    await this.cell(row, measure, colPath).dblclick();
    await expect(this.drillPanel()).toHaveAttribute('data-status', 'ready');
  }

  async drilledIds(): Promise<number[]> {
    return this.drillPanel()
      .getByTestId('drill-record')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-record-id'))));
  }

  viewsSelect(): Locator {
    return this.page.getByTestId('views-select');
  }

  async saveViewAs(name: string): Promise<void> {
    await this.page.getByTestId('view-save-as').click();
    const dialog = this.page.getByTestId('view-save-dialog');
    await dialog.getByTestId('view-name').fill(name);
    await dialog.getByTestId('view-name-submit').click();
    await expect(dialog).toBeHidden();
  }

  async loadView(name: string): Promise<void> {
    await this.viewsSelect().selectOption({ label: name });
  }

  async showChart(kind: 'bar' | 'stacked' | 'line' | 'heatmap'): Promise<Locator> {
    await this.page.getByTestId('show-chart').check();
    await this.page.getByTestId(`chart-kind-${kind}`).check();
    const chart = this.page.getByTestId('explore-chart');
    await expect(chart).toHaveAttribute('data-kind', kind);
    return chart;
  }

  /** The grid's "Pin to deck" line beside the pivot's status (pins the pivot as a table); the chart's is in its card. */
  gridPinActions(): Locator {
    return this.page.getByTestId('pivot-status-row').getByTestId('chart-actions');
  }

  /** Clicks Export CSV and returns the file's text (without its byte-order mark). */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-csv').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '') };
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

export type RecordsTabName = 'records' | 'signals' | 'unlinked' | 'reconciliation';

/** The Records page as a user works it: the list with its filters, the record drawer, and the other tabs. */
export class RecordsPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('nav-records').click();
    await expect(this.page).toHaveURL(/#\/records/);
  }

  tab(name: RecordsTabName): Locator {
    return this.page.getByTestId(`records-tab-${name}`);
  }

  async showTab(name: RecordsTabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  countLine(): Locator {
    return this.page.getByTestId('records-count');
  }

  /** Waits until the list says it matches `total` records, and returns how many it holds. */
  async expectTotal(total: number): Promise<number> {
    await expect(this.countLine()).toHaveAttribute('data-total', String(total));
    return Number(await this.countLine().getAttribute('data-shown'));
  }

  search(): Locator {
    return this.page.getByTestId('records-search');
  }

  grid(): Locator {
    return this.page.getByTestId('records-grid');
  }

  /** The ticket cells of the rows ag-grid has rendered (it virtualises: only those in view). */
  renderedTickets(): Locator {
    return this.grid().getByTestId('record-ticket');
  }

  /** The record ids of the rows ag-grid has rendered. */
  async renderedIds(): Promise<number[]> {
    return this.grid()
      .locator('.ag-row[row-id]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('row-id'))));
  }

  /** A rendered row's ticket cell, by its exact ticket key. */
  ticketCell(key: string): Locator {
    return this.renderedTickets().filter({ hasText: new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  /** One rendered row, by record id. */
  row(recordId: number): Locator {
    return this.grid().locator(`.ag-row[row-id="${recordId}"]`);
  }

  signalSelect(): Locator {
    return this.page.getByTestId('records-signal');
  }

  drawer(): Locator {
    return this.page.getByTestId('record-drawer');
  }

  async openRecord(key: string): Promise<void> {
    await this.ticketCell(key).click();
    await expect(this.drawer().getByTestId('record-drawer-ticket')).toHaveText(key);
    await expect(this.drawer().getByTestId('record-timeline')).toBeVisible();
  }

  async costTotalMicros(): Promise<number> {
    return Number(await this.drawer().getByTestId('record-cost-total').getAttribute('data-micros'));
  }

  costTotalText(): Locator {
    return this.drawer().getByTestId('record-cost-total');
  }

  /** Each cost group (kind) with its subtotal in the workspace currency and its lines in their own currencies. */
  async costGroups(): Promise<{ kind: string; micros: number; lines: { micros: number; currency: string; convertedMicros: number | null }[] }[]> {
    return this.drawer()
      .getByTestId('record-cost-group')
      .evaluateAll((groups) =>
        groups.map((g) => ({
          kind: g.getAttribute('data-kind') ?? '',
          micros: Number(g.getAttribute('data-micros')),
          lines: [...g.querySelectorAll('[data-testid="record-cost-line"]')].map((l) => {
            const converted = l.getAttribute('data-converted-micros');
            return { micros: Number(l.getAttribute('data-micros')), currency: l.getAttribute('data-currency') ?? '', convertedMicros: converted === null || converted === '' ? null : Number(converted) };
          }),
        })),
      );
  }

  timelineSteps(kind?: string): Locator {
    const steps = this.drawer().getByTestId('timeline-step');
    return kind === undefined ? steps : steps.and(this.page.locator(`[data-kind="${kind}"]`));
  }

  signalCard(code: string): Locator {
    return this.page.getByTestId(`signal-${code}`);
  }

  unlinkedCard(kind: string): Locator {
    return this.page.getByTestId(`unlinked-${kind}`);
  }

  reconciliationRows(): Locator {
    return this.page.getByTestId('reconciliation-row');
  }
}

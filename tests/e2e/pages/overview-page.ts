import { expect, type Locator, type Page } from '@playwright/test';

/** The Overview page as a user sees it: four headline figures and the monthly chart. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.kpi('accepted')).toBeVisible();
  }

  kpi(name: 'accepted' | 'cost-per-accepted' | 'acceptance-rate' | 'hours-freed'): Locator {
    return this.page.getByTestId(`kpi-${name}`);
  }

  async rawValue(name: Parameters<OverviewPage['kpi']>[0]): Promise<number | null> {
    const raw = await this.kpi(name).getAttribute('data-value');
    return raw === null || raw === '' ? null : Number(raw);
  }

  async shownText(name: Parameters<OverviewPage['kpi']>[0]): Promise<string> {
    return (await this.kpi(name).getByTestId('kpi-value').innerText()).trim();
  }

  period(): Locator {
    return this.page.getByTestId('overview-period');
  }

  chart(): Locator {
    return this.page.getByTestId('chart-cost-per-accepted');
  }

  nav(name: string): Locator {
    return this.page.getByTestId(`nav-${name}`);
  }
}

import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ExportChoice = 'worksheet' | 'report-a4' | 'report-letter';

export type SavedFile = { name: string; bytes: Buffer };

/** Reads a finished download whole. */
export async function savedFile(download: Download): Promise<SavedFile> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/**
 * The Export menu of the Pilots and Overview pages (components/ExportMenu.tsx): the button
 * (`menuTestId`), its items export-worksheet / export-report-a4 / export-report-letter, and the
 * status line (`statusTestId`, data-status busy | done | error).
 */
export class ExportMenu {
  constructor(
    private readonly page: Page,
    private readonly menuTestId: string,
    private readonly statusTestId: string,
  ) {}

  button(): Locator {
    return this.page.getByTestId(this.menuTestId);
  }

  status(): Locator {
    return this.page.getByTestId(this.statusTestId);
  }

  item(choice: ExportChoice): Locator {
    return this.page.getByRole('menu').getByTestId(`export-${choice}`);
  }

  async open(): Promise<void> {
    await this.button().click();
    await expect(this.item('worksheet')).toBeVisible();
  }

  /** Picks an export from the menu and returns the file the browser saved. */
  async export(choice: ExportChoice): Promise<SavedFile> {
    await this.open();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.item(choice).click()]);
    return savedFile(download);
  }
}

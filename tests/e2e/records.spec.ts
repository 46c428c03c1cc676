import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { savedFile } from './pages/export-menu';
import { RecordsPage } from './pages/records-page';
import { serveDemoCopy, serveWorkspace, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

/** Reads the served workspace's database directly, independently of the app's code. */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const scalar = (sql: string, ...params: unknown[]): number => Object.values(query<Record<string, number>>(sql, ...params)[0] ?? {})[0] ?? 0;

const workspaceCurrency = (): string => {
  const [row] = query<{ value_json: string }>("SELECT value_json FROM settings WHERE key = 'workspace'");
  return (JSON.parse(row!.value_json) as { currency: string }).currency;
};

/**
 * A record with a merge request whose ticket key, searched as the app searches (ticket, title,
 * repository, MR link), finds only that record. `foreignLines` asks for one with cost lines in
 * another currency than the workspace's, or for one with none.
 */
function searchableRecord(foreignLines: boolean): { id: number; key: string; mrUrl: string; totalMicros: number } {
  const currency = workspaceCurrency();
  const [row] = query<{ id: number; key: string; mrUrl: string; totalMicros: number }>(
    `SELECT r.id, r.ticket_key AS key, r.mr_url AS mrUrl,
            r.cost_run_credits + r.cost_ai_credits + r.cost_provider + r.cost_ci + r.cost_human AS totalMicros
       FROM records r
      WHERE r.ticket_key IS NOT NULL AND r.mr_url IS NOT NULL AND r.outcome = 'accepted'
        AND ${foreignLines ? '' : 'NOT'} EXISTS (SELECT 1 FROM record_cost_lines c WHERE c.record_id = r.id AND c.currency <> @currency)
        AND (SELECT count(*) FROM records x
              WHERE x.ticket_key LIKE '%' || r.ticket_key || '%' OR x.title LIKE '%' || r.ticket_key || '%'
                 OR x.repository LIKE '%' || r.ticket_key || '%' OR x.mr_url LIKE '%' || r.ticket_key || '%') = 1
      ORDER BY r.id LIMIT 1`,
    { currency },
  );
  if (row === undefined) throw new Error('the demo has no record to search for');
  return row;
}

const money = (micros: number, currency: string): string => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(micros / 1_000_000);

test('the list shows every record of the demo, and searching for a ticket key narrows it to that record', async ({ page }) => {
  const total = scalar('SELECT count(*) FROM records');
  expect(total).toBeGreaterThan(0);
  const records = new RecordsPage(page);
  await records.open(served.url);

  const shown = await records.expectTotal(total);
  expect(shown).toBe(Math.min(total, 5000));
  await expect(records.countLine()).toContainText(`${total.toLocaleString('en-GB')} records`);
  await expect(records.tab('records')).toContainText(total.toLocaleString('en-GB'));
  await expect(records.renderedTickets().first()).toBeVisible();

  const { key } = searchableRecord(false);
  await records.search().fill(key);
  expect(await records.expectTotal(1)).toBe(1);
  await expect(records.renderedTickets()).toHaveCount(1);
  await expect(records.ticketCell(key)).toBeVisible();

  // A search nothing matches says so, and clearing the filters brings every record back.
  await records.search().fill('no-such-ticket-zz');
  await expect(page.getByTestId('records-no-match')).toBeVisible();
  await page.getByTestId('records-clear-filters').click();
  await records.expectTotal(total);
});

test('opening a record shows cost lines that add up to its total, and its evidence chain with links to the sources', async ({ page, context }) => {
  const currency = workspaceCurrency();
  const record = searchableRecord(false);
  const records = new RecordsPage(page);
  await records.open(served.url);
  await records.search().fill(record.key);
  await records.expectTotal(1);
  await records.openRecord(record.key);

  // Every line is in the workspace currency here: the lines alone add up to the total shown.
  const groups = await records.costGroups();
  const lines = groups.flatMap((g) => g.lines);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.currency === currency)).toBe(true);
  expect(lines.reduce((sum, l) => sum + l.micros, 0)).toBe(record.totalMicros);
  expect(await records.costTotalMicros()).toBe(record.totalMicros);
  await expect(records.costTotalText()).toHaveText(money(record.totalMicros, currency));
  await expect(records.drawer().getByTestId('record-cost-line').first()).toContainText(/Measured|Estimated/);

  // The chain starts at the ticket, in Jira, and reaches the merge request, in GitLab.
  const ticketLink = records.timelineSteps('ticket_created').getByTestId('timeline-source-link');
  await expect(ticketLink).toHaveCount(1);
  expect(await ticketLink.getAttribute('href')).toMatch(new RegExp(`^https?://[^ ]+${record.key}$`));
  const mrLink = records.timelineSteps('mr_opened').getByTestId('timeline-source-link').first();
  await expect(mrLink).toHaveAttribute('href', record.mrUrl);
  await expect(mrLink).toHaveAttribute('target', '_blank');
  await expect(mrLink).toHaveAttribute('rel', 'noreferrer');
  await expect(records.drawer().getByTestId('record-mr-link')).toHaveAttribute('href', record.mrUrl);
  await expect(records.drawer().getByTestId('record-jira-link')).toHaveAttribute('href', (await ticketLink.getAttribute('href'))!);
  // Imported run events name their file and line.
  await expect(records.timelineSteps('run_event').getByTestId('timeline-source-text').first()).toHaveText(/\.(csv|xlsx|jsonl?) line \d+$/);

  // The MR link opens the merge request in a new tab (the demo's hosts are fictional: answered here).
  await context.route(/^https?:\/\/[^/]*\.example\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>merge request</title>' }));
  const [popup] = await Promise.all([page.waitForEvent('popup'), mrLink.click()]);
  expect(popup.url()).toBe(record.mrUrl);
  await popup.close();

  // Esc closes the drawer and gives the list the focus back.
  await page.keyboard.press('Escape');
  await expect(records.drawer()).toHaveCount(0);
});

test('a record with lines in another currency shows them converted: subtotals add up to the total', async ({ page }) => {
  const currency = workspaceCurrency();
  const record = searchableRecord(true);
  const records = new RecordsPage(page);
  await records.open(served.url);
  await records.search().fill(record.key);
  await records.expectTotal(1);

  // Keyboard only: focus the row, Enter opens it. The click opens the drawer; Esc is pressed once
  // it is there (as a user sees it), not before its key handler exists on a slow machine.
  await records.ticketCell(record.key).click();
  await expect(records.drawer().getByTestId('record-drawer-ticket')).toHaveText(record.key);
  await page.keyboard.press('Escape');
  await expect(records.drawer()).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(records.drawer().getByTestId('record-drawer-ticket')).toHaveText(record.key);
  await expect(records.drawer().getByTestId('record-timeline')).toBeVisible();

  const groups = await records.costGroups();
  expect(groups.reduce((sum, g) => sum + g.micros, 0)).toBe(record.totalMicros);
  expect(await records.costTotalMicros()).toBe(record.totalMicros);
  expect(groups.some((g) => g.lines.some((l) => l.currency !== currency))).toBe(true);
  for (const group of groups.filter((g) => g.lines.every((l) => l.currency === currency))) {
    expect(group.lines.reduce((sum, l) => sum + l.micros, 0), group.kind).toBe(group.micros);
  }
  // Each foreign line shows what its subtotal holds of it, and those add up to the subtotal.
  for (const group of groups) {
    expect(group.lines.reduce((sum, l) => sum + (l.convertedMicros ?? 0), 0), group.kind).toBe(group.micros);
  }
  const foreignLine = records.drawer().locator(`[data-testid="record-cost-line"]:not([data-currency="${currency}"])`).first();
  // In the workspace currency, never "no … rate": the demo has a rate for every currency it bills in.
  await expect(foreignLine.getByTestId('record-cost-converted')).toHaveText(/^[^\d\s]*\d[\d,]*\.\d\d$/);
  await records.drawer().screenshot({ path: 'test-results/record-foreign-lines.png' });
});

test('the Unlinked tab counts what linking could not attach, kind by kind, as the database has it', async ({ page }) => {
  const counts = new Map(query<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM unlinked_items GROUP BY kind').map((r) => [r.kind, r.n]));
  const records = new RecordsPage(page);
  await records.open(served.url);
  await records.showTab('unlinked');
  for (const kind of ['run_without_ticket', 'run_without_mr', 'ai_mr_without_ticket', 'billing_line_without_run']) {
    const expected = counts.get(kind) ?? 0;
    await expect(records.unlinkedCard(kind)).toHaveAttribute('data-count', String(expected));
    await expect(records.unlinkedCard(kind).getByTestId('unlinked-count')).toHaveText(expected.toLocaleString('en-GB'));
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  await expect(records.tab('unlinked')).toContainText(total.toLocaleString('en-GB'));

  // Choosing a kind lists only items of that kind.
  const kind = [...counts.entries()].find(([, n]) => n > 0)![0];
  await records.unlinkedCard(kind).click();
  await expect(records.unlinkedCard(kind)).toHaveAttribute('aria-pressed', 'true');
  const items = page.getByTestId('unlinked-items').locator('tbody tr');
  await expect(items.first()).toBeVisible();
  expect(await items.evaluateAll((rows) => rows.every((r) => r.getAttribute('data-kind') === rows[0]?.getAttribute('data-kind')))).toBe(true);
  await expect(items.first()).toHaveAttribute('data-kind', kind);

  // Export CSV holds every item of that kind the database has, each once.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('unlinked-export-csv').click();
  const file = await savedFile(await downloading);
  expect(file.name).toMatch(new RegExp(`^yardstick-unlinked-${kind.replace(/_/g, '-')}-`));
  const lines = parse(file.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(lines).toHaveLength(counts.get(kind)!);
  expect(new Set(lines.map((l) => l['kind']))).toEqual(new Set([kind]));
  expect(new Set(lines.map((l) => l['item'])).size).toBe(lines.length);
  expect(lines.map((l) => l['item']).sort()).toEqual(query<{ ref: string }>('SELECT ref FROM unlinked_items WHERE kind = ?', kind).map((r) => r.ref).sort());
});

test('the Reconciliation tab has one row per month and vendor workspace, and a difference opens its records', async ({ page }) => {
  const rows = scalar('SELECT count(*) FROM reconciliation');
  const differing = scalar('SELECT count(*) FROM reconciliation WHERE mismatched_events > 0 OR billed_micros <> implied_micros OR billed_credits <> implied_credits');
  const records = new RecordsPage(page);
  await records.open(served.url);
  await records.showTab('reconciliation');
  await expect(records.reconciliationRows()).toHaveCount(rows);
  await expect(records.reconciliationRows().and(page.locator('[data-status="match"]'))).toHaveCount(rows - differing);

  // Export CSV: a line per row shown, with the raw figures the database holds.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('reconciliation-export-csv').click();
  const file = await savedFile(await downloading);
  expect(file.name).toMatch(/^yardstick-reconciliation-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parse(file.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(csv).toHaveLength(rows);
  expect(csv.filter((r) => r['status'] !== 'match')).toHaveLength(differing);
  const billed = csv.reduce((sum, r) => sum + Math.round(Number(r['billed_amount']) * 100), 0);
  expect(billed).toBe(Math.round(scalar('SELECT sum(round(billed_micros / 10000.0)) FROM reconciliation')));

  const open = page.getByTestId('reconciliation-open');
  if ((await open.count()) === 0) return;
  await open.first().click();
  await expect(records.tab('records')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('records-drill')).toContainText('Billing differences');
  const shown = Number(await records.countLine().getAttribute('data-total'));
  expect(shown).toBeGreaterThan(0);
  // The records behind a billing difference carry the billing-mismatch signal.
  const flagged = scalar("SELECT count(*) FROM record_signals WHERE code = 'billing_mismatch'");
  expect(shown).toBeLessThanOrEqual(flagged);
  await expect(records.grid().getByText('Billing mismatch').first()).toBeVisible();
});

test('each risk signal counts its records, and opening one filters the list to exactly those', async ({ page }) => {
  const expected = scalar("SELECT count(*) FROM record_signals WHERE code = 'repair_over_budget'");
  expect(expected).toBeGreaterThan(0);
  const ids = query<{ id: number }>("SELECT record_id AS id FROM record_signals WHERE code = 'repair_over_budget' ORDER BY record_id").map((r) => r.id);
  const records = new RecordsPage(page);
  await records.open(served.url);
  await records.showTab('signals');

  const card = records.signalCard('repair_over_budget');
  await expect(card).toHaveAttribute('data-count', String(expected));
  await expect(card.getByTestId('signal-count')).toHaveText(expected.toLocaleString('en-GB'));
  await card.getByTestId('signal-open').click();

  await expect(records.tab('records')).toHaveAttribute('aria-selected', 'true');
  await records.expectTotal(expected);
  await expect(records.signalSelect()).toHaveValue('repair_over_budget');
  // Every rendered row is one of the signal's records and shows its badge.
  const rendered = await records.renderedIds();
  expect(rendered.length).toBeGreaterThan(0);
  expect(rendered.every((id) => ids.includes(id))).toBe(true);
  await expect(records.row(rendered[0]!).getByText('Repairs over budget')).toHaveCount(1);
});

test('an empty workspace explains where records come from and links to Sources', async ({ page }) => {
  const empty = await serveWorkspace();
  try {
    const records = new RecordsPage(page);
    await records.open(empty.url);
    await expect(page.getByTestId('records-empty')).toBeVisible();
    await page.getByTestId('records-empty').getByRole('link', { name: 'Sources' }).click();
    await expect(page).toHaveURL(/#\/sources/);
  } finally {
    // Leave first: the page's live event socket would keep the server waiting to shut down.
    await page.goto('about:blank');
    await empty.stop();
  }
});

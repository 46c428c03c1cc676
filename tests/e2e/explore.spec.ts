import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExplorePage, type Member } from './pages/explore-page';
import { RecordsPage } from './pages/records-page';
import { serveDemoCopy, serveWorkspace, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

const root = fileURLToPath(new URL('../..', import.meta.url));

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

type CliPivot = { currency: string; columns: { path: Member[]; kind: string }[]; rows: { path: Member[]; kind: string; values: (number | null)[] }[]; measures: { id: string }[] };

/** `yardstick pivot` on the served workspace: the numbers the grid must show. */
function cliPivot(rows: string, cols: string, values: string): CliPivot {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'yardstick.js'), 'pivot', '--workspace', served.workspace, '--rows', rows, '--cols', cols, '--values', values, '--format', 'json'], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as CliPivot;
}

const countText = (n: number | null): string => (n === null ? '' : n.toLocaleString('en-GB'));
const moneyText = (micros: number | null, currency: string): string =>
  micros === null ? '' : new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(micros / 1_000_000);

/** RFC 4180 lines into fields (quotes doubled inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The click and keyboard path from the first visit's pivot (team by quarter) to team by month with
 * accepted and cost per accepted: a chip removed with Delete, one through its menu, a field added
 * through its menu.
 */
async function buildTeamByMonth(page: Page, explore: ExplorePage): Promise<void> {
  await explore.expectPivot({ rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });
  await explore.chip('values', 'acceptance_rate').focus();
  await page.keyboard.press('Delete');
  await expect(explore.chip('values', 'acceptance_rate')).toHaveCount(0);
  await explore.chipAction('cols', 'quarter', 'chip-remove');
  await explore.addField('month', 'cols');
  await explore.expectPivot({ rows: ['team'], cols: ['month'], values: ['accepted', 'cost_per_accepted'] });
}

test('a pivot built with the menus and keys shows the database’s totals and the CLI’s numbers, cell for cell', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await buildTeamByMonth(page, explore);

  // The grand total and each team's total are the records table's own sums.
  const accepted = scalar('SELECT sum(accepted) FROM records');
  expect(accepted).toBeGreaterThan(0);
  expect(await explore.count(explore.totalRow(), 'accepted', [])).toBe(accepted);
  const teams = query<{ team: string; accepted: number }>('SELECT team, sum(accepted) AS accepted FROM records WHERE team IS NOT NULL GROUP BY team ORDER BY team');
  expect(teams.length).toBeGreaterThan(1);
  for (const t of teams) expect(await explore.count(explore.row([t.team]), 'accepted', [])).toBe(t.accepted);

  // Every cell, the team totals and the grand total read as `yardstick pivot` prints them.
  const cli = cliPivot('team', 'month', 'accepted,cost_per_accepted');
  const monthsShown = cli.columns.length;
  expect(monthsShown).toBeGreaterThan(2);
  let compared = 0;
  for (const row of cli.rows) {
    const gridRow = row.kind === 'total' ? explore.totalRow() : explore.row(row.path);
    for (const [c, column] of cli.columns.entries()) {
      const [a, cost] = [row.values[c * 2]!, row.values[c * 2 + 1]!];
      await expect(explore.cell(gridRow, 'accepted', column.path)).toHaveText(countText(a));
      await expect(explore.cell(gridRow, 'cost_per_accepted', column.path)).toHaveText(moneyText(cost, cli.currency));
      compared += 2;
    }
  }
  expect(compared).toBe(cli.rows.length * cli.columns.length * 2);
});

test('row groups collapse and expand, their subtotals are the database’s, and a header click sorts the groups', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await buildTeamByMonth(page, explore);
  await explore.addField('issue_type', 'rows');
  await explore.expectPivot({ rows: ['team', 'issue_type'], cols: ['month'], values: ['accepted', 'cost_per_accepted'] });

  const [busiest] = query<{ team: string; accepted: number }>('SELECT team, sum(accepted) AS accepted FROM records WHERE team IS NOT NULL GROUP BY team ORDER BY accepted DESC LIMIT 1');
  const types = query<{ issue_type: string | null }>('SELECT DISTINCT issue_type FROM records WHERE team = ?', busiest!.team).map((r) => r.issue_type);
  expect(await explore.count(explore.row([busiest!.team]), 'accepted', [])).toBe(busiest!.accepted);
  const child = explore.row([busiest!.team, types[0] ?? null]);
  await expect(child).toBeVisible();

  await explore.toggle([busiest!.team]).click();
  await expect(explore.toggle([busiest!.team])).toHaveAttribute('aria-expanded', 'false');
  await expect(child).toHaveCount(0);
  // The subtotal and the grand total stay: they come from the database, not from the rows shown.
  expect(await explore.count(explore.row([busiest!.team]), 'accepted', [])).toBe(busiest!.accepted);
  expect(await explore.count(explore.totalRow(), 'accepted', [])).toBe(scalar('SELECT sum(accepted) FROM records'));
  await explore.toggle([busiest!.team]).click();
  await expect(child).toBeVisible();

  await page.getByTestId('collapse-all').click();
  const teamIds = (await explore.renderedRowIds()).map((id) => JSON.parse(id) as Member[]);
  expect(teamIds.every((p) => p.length === 1)).toBe(true);
  await page.getByTestId('expand-all').click();
  await expect(child).toBeVisible();

  // Sorting by the total accepted, descending: the busiest team comes first.
  await page.getByTestId('collapse-all').click();
  await explore.grid().locator('.ag-header-cell[col-id^="accepted|"]').last().click();
  await expect(explore.status()).toHaveAttribute('data-sort', /"by":"value"/);
  await expect(explore.status()).toHaveAttribute('data-running', 'false');
  const first = JSON.parse((await explore.renderedRowIds())[0]!) as Member[];
  expect(first).toEqual([busiest!.team]);
});

test('double-clicking a cell lists exactly the records behind it, and they open in Records', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await buildTeamByMonth(page, explore);

  const [cell] = query<{ team: string; month: string; n: number }>(
    'SELECT team, period_month AS month, count(*) AS n FROM records WHERE team IS NOT NULL GROUP BY team, period_month HAVING n <= 500 ORDER BY n DESC LIMIT 1',
  );
  const expected = query<{ id: number }>('SELECT id FROM records WHERE team = ? AND period_month = ? ORDER BY id', cell!.team, cell!.month).map((r) => r.id);
  expect(expected.length).toBeGreaterThan(1);

  await explore.drill(explore.row([cell!.team]), 'accepted', [cell!.month]);
  await expect(explore.drillPanel()).toHaveAttribute('data-total', String(expected.length));
  expect((await explore.drilledIds()).sort((a, b) => a - b)).toEqual(expected);
  await expect(explore.drillPanel().getByTestId('drill-label')).toContainText(cell!.team);

  // A record opens in Records, in its drawer (the evidence chain), with the list limited to the cell's records.
  const chosen = expected[expected.length - 1]!;
  await explore.drillPanel().locator(`[data-testid="drill-record"][data-record-id="${chosen}"]`).getByTestId('drill-record-open').click();
  await expect(page).toHaveURL(/#\/records/);
  const records = new RecordsPage(page);
  await expect(records.drawer()).toHaveAttribute('data-record-id', String(chosen));
  await expect(records.drawer().getByTestId('record-timeline')).toBeVisible();
  await expect(page.getByTestId('records-drill')).toContainText(`${expected.length} records`);
  expect(await records.expectTotal(expected.length)).toBe(expected.length);
});

test('a saved view survives a reload and loads back; the chart and the CSV export show the same pivot', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await buildTeamByMonth(page, explore);
  const name = `Team by month ${Date.now()}`;
  await explore.saveViewAs(name);
  await expect(explore.viewsSelect().locator('option:checked')).toHaveText(name);

  await page.reload();
  await expect(explore.status()).toHaveAttribute('data-cols', 'quarter');
  await explore.loadView(name);
  await explore.expectPivot({ rows: ['team'], cols: ['month'], values: ['accepted', 'cost_per_accepted'] });

  // One click shows it as a chart; each kind draws.
  const chart = await explore.showChart('bar');
  await expect(chart.locator('svg')).toBeVisible();
  await explore.showChart('heatmap');
  await expect(chart.locator('svg')).toBeVisible();
  await page.getByTestId('show-grid').check();

  // The export holds the grid's rows and columns, with the database's totals.
  const { name: fileName, text } = await explore.exportCsv();
  expect(fileName).toMatch(/\.csv$/);
  const csv = parseCsv(text);
  const header = csv[0]!;
  const totalAccepted = header.indexOf('Total · Accepted PR/MRs');
  expect(totalAccepted).toBeGreaterThan(0);
  const totalLine = csv.find((r) => r[0] === 'Total')!;
  expect(Number(totalLine[totalAccepted]!.replace(/,/g, ''))).toBe(scalar('SELECT sum(accepted) FROM records'));
  for (const t of query<{ team: string; accepted: number }>('SELECT team, sum(accepted) AS accepted FROM records WHERE team IS NOT NULL GROUP BY team')) {
    const line = csv.find((r) => r[0] === t.team)!;
    expect(Number(line[totalAccepted]!.replace(/,/g, ''))).toBe(t.accepted);
  }
  const cli = cliPivot('team', 'month', 'accepted,cost_per_accepted');
  expect(csv.length).toBe(1 + cli.rows.length);
  expect(header.length).toBe(1 + cli.columns.length * 2);
  const cliTotal = cli.rows.find((r) => r.kind === 'total')!;
  expect(totalLine[header.indexOf('Total · Cost per accepted PR/MR')]).toBe(moneyText(cliTotal.values.at(-1)!, cli.currency));

  // Deleting the view takes it off the list; the pivot stays.
  await page.getByTestId('view-delete').click();
  await page.getByTestId('view-delete-confirm').click();
  await expect(explore.viewsSelect().locator('option', { hasText: name })).toHaveCount(0);
  await explore.expectPivot({ rows: ['team'], cols: ['month'], values: ['accepted', 'cost_per_accepted'] });
});

test('fields dragged onto the zones and chips moved with the keyboard reshape the pivot; a filter narrows it to the members chosen', async ({ page }) => {
  const explore = new ExplorePage(page);
  await explore.open(served.url);
  await explore.expectPivot({ rows: ['team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });

  // HTML5 drag and drop from the field list, then a reorder with the arrow keys.
  await explore.field('size').dragTo(explore.zone('rows'));
  await explore.expectPivot({ rows: ['team', 'size'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });
  await explore.chip('rows', 'size').focus();
  await page.keyboard.press('ArrowUp');
  expect(await explore.chipIds('rows')).toEqual(['size', 'team']);
  await expect(explore.chip('rows', 'size')).toBeFocused();
  await explore.expectPivot({ rows: ['size', 'team'], cols: ['quarter'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });
  // A chip dragged from Rows to Columns moves there.
  await explore.chip('rows', 'team').dragTo(explore.zone('cols'));
  await explore.expectPivot({ rows: ['size'], cols: ['quarter', 'team'], values: ['accepted', 'cost_per_accepted', 'acceptance_rate'] });

  // A filter on outcome, one member chosen: the total is that member's records only.
  await explore.addField('outcome', 'filters');
  const editor = page.getByTestId('filter-editor');
  await expect(editor.getByTestId('filter-member').first()).toBeVisible();
  await editor.getByTestId('filter-none').click();
  await editor.locator('[data-testid="filter-member"][data-value="rolled_back"]').check();
  await editor.getByTestId('filter-apply').click();
  await expect(explore.status()).toHaveAttribute('data-filters', JSON.stringify([{ dim: 'outcome', values: ['rolled_back'] }]));
  await expect(explore.status()).toHaveAttribute('data-running', 'false');
  await explore.chipAction('values', 'cost_per_accepted', 'chip-remove');
  await explore.chipAction('values', 'acceptance_rate', 'chip-remove');
  await explore.addField('records', 'values');
  await expect(explore.status()).toHaveAttribute('data-values', 'accepted,records');
  await expect(explore.status()).toHaveAttribute('data-running', 'false');
  expect(await explore.count(explore.totalRow(), 'records', [])).toBe(scalar("SELECT count(*) FROM records WHERE outcome = 'rolled_back'"));
});

test('an empty workspace explains where records come from', async ({ page }) => {
  const empty = await serveWorkspace();
  try {
    const explore = new ExplorePage(page);
    await explore.open(empty.url);
    await expect(page.getByTestId('explore-empty')).toBeVisible();
    await expect(page.getByTestId('explore-empty').getByRole('link', { name: 'Sources' })).toHaveAttribute('href', '#/sources');
  } finally {
    // Leave first: the page's live event socket would keep the server waiting to shut down.
    await page.goto('about:blank');
    await empty.stop();
  }
});

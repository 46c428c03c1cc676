import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDeterministic, type Scenario } from '../../shared/domain/scenario';
import { savedFile } from './pages/export-menu';
import { ScenariosPage } from './pages/scenarios-page';
import { serveDemoCopy, serveWorkspace, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The real CLI on the served workspace (the browser host and the CLI share its SQLite file). */
function cli<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, [join(root, 'bin', 'yardstick.js'), 'scenario', ...args, '--workspace', served.workspace, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out) as T;
}
const show = (name: string) => cli<{ scenario: Scenario; canUndo: boolean }>('show', name).scenario;
const run = (name: string, ...sets: string[]) => cli<{ totals: ReturnType<typeof runDeterministic>['totals'] }>('run', name, ...sets.flatMap((s) => ['--set', s]));
const names = () => cli<{ name: string }[]>('list').map((s) => s.name);

/** Accepted ÷ PR/MRs that reached review over the months given, straight from the records table. */
function dbAcceptance(from: string, to: string): number {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    const r = db.prepare('SELECT sum(accepted) AS accepted, sum(mrs_reached_review) AS reviewed FROM records WHERE period_month BETWEEN ? AND ?').get(from, to) as { accepted: number; reviewed: number };
    return r.accepted / r.reviewed;
  } finally {
    db.close();
  }
}

const withAcceptance = (s: Scenario, value: number): Scenario => ({ ...s, assumptions: { ...s.assumptions, acceptance_rate: { value, evidence: s.assumptions.acceptance_rate.evidence, source: 'override' } } });
const percentText = (share: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(share * 100)}%`;

test('a calibrated scenario shows the workspace’s acceptance rate; editing it moves cost per accepted as the engine does, with bands, save and undo', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  await scenarios.open(served.url);
  const records = await scenarios.create('E2E calibrated');
  expect(records).toBeGreaterThan(0);

  // The calibrated acceptance rate is the records' own over the window its evidence names.
  const row = scenarios.row('acceptance_rate');
  const period = row.getByTestId('assumption-period');
  const from = (await period.getAttribute('data-from'))!;
  const to = (await period.getAttribute('data-to'))!;
  expect(from).toMatch(/^\d{4}-\d{2}$/);
  const expected = dbAcceptance(from, to);
  const calibrated = await scenarios.assumption('acceptance_rate');
  expect(calibrated).toBeCloseTo(expected, 12);
  await expect(row.getByTestId('assumption-shown')).toHaveText(percentText(expected));
  await expect(row).toHaveAttribute('data-source', 'calibrated');
  await expect(row.getByTestId('assumption-evidence')).toContainText(`${records} records`);
  const saved = show('E2E calibrated');
  expect(saved.assumptions.acceptance_rate.value).toBeCloseTo(expected, 12);

  // Monte Carlo bands come back from the worker.
  await scenarios.bandsReady();
  const band = await scenarios.band('net_saving');
  expect(band.p10).toBeLessThan(band.p90);

  // Edit the acceptance rate: the figures follow at once, as the engine computes them.
  const before = await scenarios.figure('cost_per_accepted');
  expect(before).toBeCloseTo(runDeterministic(saved).totals.costPerAcceptedMicros!, 0);
  // A whole percentage, typed as such: the value the page stores is that number ÷ 100.
  const editedPercent = Math.min(95, Math.round(calibrated * 100) + 15);
  const edited = editedPercent / 100;
  const engineAfter = runDeterministic(withAcceptance(saved, edited)).totals.costPerAcceptedMicros!;
  await scenarios.setValue('acceptance_rate', String(editedPercent));
  await expect.poll(() => scenarios.figure('cost_per_accepted')).toBeCloseTo(engineAfter, 0);
  const after = (await scenarios.figure('cost_per_accepted'))!;
  expect(Math.sign(after - before!)).toBe(Math.sign(engineAfter - runDeterministic(saved).totals.costPerAcceptedMicros!));
  expect(Math.sign(after - before!)).not.toBe(0);
  await expect(row).toHaveAttribute('data-source', 'override');
  await expect(row.getByTestId('assumption-overridden')).toBeVisible();
  await expect(scenarios.saveState()).toContainText('Unsaved changes: Acceptance rate');
  await expect(scenarios.item('E2E calibrated').getByTestId('scenario-item-unsaved')).toBeVisible();
  await scenarios.bandsReady();

  // Unsaved edits undo and redo locally; the reset goes back to the calibrated value.
  await expect(scenarios.undoButton()).toHaveAttribute('data-kind', 'local');
  await scenarios.undoButton().click();
  await expect(row).toHaveAttribute('data-value', String(calibrated));
  await expect(scenarios.saveState()).toHaveText('All changes saved');
  await scenarios.workbench.getByTestId('scenario-redo').click();
  await expect(row).toHaveAttribute('data-value', String(edited));
  await row.getByTestId('assumption-reset').click();
  await expect(row).toHaveAttribute('data-source', 'calibrated');
  expect(await scenarios.assumption('acceptance_rate')).toBeCloseTo(calibrated, 12);
  await scenarios.setValue('acceptance_rate', String(editedPercent));
  await expect(row).toHaveAttribute('data-value', String(edited));

  // Save writes it to the workspace; the next Undo goes to main and takes the save back.
  await scenarios.save();
  expect(show('E2E calibrated').assumptions.acceptance_rate).toMatchObject({ value: edited, source: 'override' });
  expect(run('E2E calibrated').totals.costPerAcceptedMicros).toBeCloseTo(after, 0);
  await expect(scenarios.undoButton()).toHaveAttribute('data-kind', 'saved');
  await scenarios.undoButton().click();
  await expect(row).toHaveAttribute('data-source', 'calibrated');
  expect(await scenarios.assumption('acceptance_rate')).toBeCloseTo(calibrated, 12);
  expect(show('E2E calibrated').assumptions.acceptance_rate).toMatchObject({ value: calibrated, source: 'calibrated' });
  await expect(scenarios.lastChange()).toContainText('Undid the last save of “E2E calibrated”');
});

test('goal seek finds the acceptance rate and the price per PR/MR at break-even, as the CLI computes them', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  await scenarios.open(served.url);
  await scenarios.create('E2E goal');

  const rate = await scenarios.breakEven('acceptance_rate');
  expect(rate).toBeGreaterThan(0);
  expect(rate).toBeLessThan(1);
  const plain = run('E2E goal').totals;
  expect(rate).toBeCloseTo(plain.breakEven.acceptanceRate!, 6);
  // At the rate found, the AI path costs what the human path does: no net saving, either way.
  const atRate = run('E2E goal', `acceptance_rate=${rate}`).totals;
  expect(Math.abs(atRate.netSavingMicros)).toBeLessThan(plain.humanPathCostMicros * 1e-9);
  expect(await scenarios.figure('break_even_acceptance')).toBeCloseTo(plain.breakEven.acceptanceRate!, 9);

  const price = await scenarios.breakEven('price_per_credit');
  expect(price).toBeGreaterThan(0);
  const atPrice = run('E2E goal', `price_per_credit=${price}`).totals;
  expect(Math.abs(atPrice.netSavingMicros)).toBeLessThan(plain.humanPathCostMicros * 1e-9);
  expect(price).toBeCloseTo(plain.breakEven.pricePerCredit!, 4);
});

test('the Months tab saves the figures shown, unsaved edits included, as the CSV `yardstick scenario run` prints; the capacity plan saves its table', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  await scenarios.open(served.url);
  await scenarios.create('E2E months');
  await scenarios.setValue('acceptance_rate', '80');
  await scenarios.bandsReady();
  await scenarios.tab('months');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('months-export-csv').click();
  const file = await savedFile(await downloading);
  expect(file.name).toMatch(/^yardstick-scenario-e2e-months-\d{4}-\d{2}-\d{2}\.csv$/);
  const saved = file.bytes.toString('utf8').replace(/^\uFEFF/, '');

  // The CLI on the saved scenario with the same edit: the same columns and figures; the page adds
  // the bands it computed (its own draws), which the CLI prints only with --draws.
  const printed = execFileSync(process.execPath, [join(root, 'bin', 'yardstick.js'), 'scenario', 'run', 'E2E months', '--set', 'acceptance_rate=0.8', '--workspace', served.workspace], { encoding: 'utf8' });
  const lines = (text: string) => text.trim().split(/\r?\n/).map((l) => l.split(','));
  const [pageHeader, ...pageRows] = lines(saved);
  const [cliHeader, ...cliRows] = lines(printed);
  expect(pageHeader!.slice(0, cliHeader!.length)).toEqual(cliHeader);
  expect(pageHeader).toContain('net_saving_p90_gbp');
  expect(pageRows.map((r) => r.slice(0, cliHeader!.length))).toEqual(cliRows);
  expect(pageRows.at(-1)![0]).toBe('TOTAL');
  expect(Number(pageRows.at(-1)![cliHeader!.indexOf('net_saving_gbp')])).toBeCloseTo(run('E2E months', 'acceptance_rate=0.8').totals.netSavingMicros / 1e6, 2);

  // The capacity plan's table too: a line per month of the horizon, for the teams shown.
  await scenarios.tab('capacity');
  const capacityDownload = page.waitForEvent('download');
  await page.getByTestId('capacity-export-csv').click();
  const capacity = parse((await savedFile(await capacityDownload)).bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(capacity).toHaveLength(cliRows.length - 1);
  expect(capacity.map((r) => r['month'])).toEqual(cliRows.slice(0, -1).map((r) => r[0]));
  expect(new Set(capacity.map((r) => r['team']))).toEqual(new Set(['All teams']));
  expect(capacity.every((r) => Number(r['available_hours']) > 0)).toBe(true);
});

test('duplicate, rename, compare and delete a scenario, and undo each', async ({ page }) => {
  const scenarios = new ScenariosPage(page);
  await scenarios.open(served.url);
  await scenarios.create('E2E base');

  await scenarios.nameDialog('duplicate', 'E2E copy');
  expect(names()).toEqual(expect.arrayContaining(['E2E base', 'E2E copy']));
  await expect(scenarios.lastChange()).toHaveText('Duplicated “E2E base” as “E2E copy”.');

  // Compared side by side with the original and the human-only baseline: a copy has the same figures.
  await page.locator('[data-testid="compare-option"][data-name="E2E base"]').check();
  await scenarios.tab('compare');
  const columns = scenarios.workbench.getByTestId('compare-column');
  await expect(columns).toHaveText([/Human-only baseline/, /E2E copy/, /E2E base/]);
  const saving = scenarios.workbench.locator('[data-testid="compare-row"][data-row="net_saving"] td');
  await expect(saving).toHaveCount(3);
  expect(Math.abs(Number(await saving.nth(0).getAttribute('data-value')))).toBeLessThan(1);
  expect(Number(await saving.nth(1).getAttribute('data-value'))).toBeCloseTo(Number(await saving.nth(2).getAttribute('data-value')), 3);
  expect(Number(await saving.nth(1).getAttribute('data-value'))).toBeCloseTo(run('E2E base').totals.netSavingMicros, 0);

  // Export CSV saves the table as shown: the same columns, the net saving the CLI computes.
  const downloading = page.waitForEvent('download');
  await scenarios.workbench.getByTestId('compare-export-csv').click();
  const [head, ...figures] = parse((await savedFile(await downloading)).bytes.toString('utf8'), { bom: true }) as string[][];
  expect(head).toEqual(['figure', 'unit', 'Human-only baseline', 'E2E copy', 'E2E base']);
  const savingLine = figures.find((f) => f[0] === 'Net saving')!;
  expect(Number(savingLine[4])).toBeCloseTo(run('E2E base').totals.netSavingMicros / 1e6, 2);

  // Rename, then undo the rename.
  await scenarios.nameDialog('rename', 'E2E renamed');
  expect(names()).toContain('E2E renamed');
  expect(names()).not.toContain('E2E copy');
  await scenarios.undoLast();
  await scenarios.shown('E2E copy');
  await expect(scenarios.item('E2E renamed')).toHaveCount(0);
  expect(names()).toContain('E2E copy');

  // Delete asks first; Undo brings it back as it was.
  await scenarios.delete('E2E copy');
  expect(names()).not.toContain('E2E copy');
  await scenarios.undoLast();
  await scenarios.shown('E2E copy');
  expect(show('E2E copy').assumptions.acceptance_rate.value).toBe(show('E2E base').assumptions.acceptance_rate.value);

  // Undoing the duplication removes the copy.
  await expect(scenarios.undoButton()).toHaveText('Undo creation');
  await scenarios.undoButton().click();
  await expect(scenarios.item('E2E copy')).toHaveCount(0);
  expect(names()).not.toContain('E2E copy');
  await expect(scenarios.item('E2E base')).toBeVisible();
});

test('without records, the page says where data comes from', async ({ page }) => {
  const empty = await serveWorkspace();
  try {
    const scenarios = new ScenariosPage(page);
    await scenarios.open(empty.url);
    await expect(page.getByTestId('scenarios-no-records')).toBeVisible();
    await expect(page.getByTestId('scenarios-no-records').getByRole('link', { name: 'Sources' })).toHaveAttribute('href', '#/sources');
  } finally {
    await empty.stop();
  }
});

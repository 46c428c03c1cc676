import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportMenu, savedFile } from './pages/export-menu';
import { OverviewPage } from './pages/overview-page';
import { PilotsPage } from './pages/pilots-page';
import { RecordsPage } from './pages/records-page';
import { serveDemoCopy, type Served } from './serve';

// The Export menus (Pilots, Overview) and Records → Export CSV, clicked as a user would: the file
// arrives as a browser download, and what is in it is checked against the served workspace's
// database, read directly.

const PILOT = 'Payments maintenance';
const SHEETS = ['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources'];
const SHOTS = '/tmp/shots';
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

let served: Served;
let scratch: string;
test.beforeAll(async () => {
  served = await serveDemoCopy();
  scratch = mkdtempSync(join(tmpdir(), 'yardstick-e2e-exports-'));
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await served.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as number;
  } finally {
    db.close();
  }
}
const pilotRecords = (name: string) =>
  count('SELECT count(*) FROM records r JOIN record_pilots rp ON rp.record_id = r.id JOIN pilots p ON p.id = rp.pilot_id WHERE p.name = ?', name);

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
/** The PDF's words, white space folded, as poppler reads them. */
function pdfWords(bytes: Buffer): string {
  const file = join(scratch, `report-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.replace(/\s+/g, ' ');
}

test('Pilots → Export → Cost worksheet saves the pilot’s workbook with one cost line per record', async ({ page }) => {
  const pilots = new PilotsPage(page);
  await pilots.open(served.url);
  await pilots.select(PILOT);
  const menu = new ExportMenu(page, 'pilot-export', 'pilot-export-status');
  await menu.open();
  await expect(menu.item('report-letter')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'pilots-export.png') });
  await page.keyboard.press('Escape');

  const file = await menu.export('worksheet');
  expect(file.name).toMatch(/^yardstick-worksheet-payments-maintenance-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = await workbook(file.bytes);
  expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS);
  // A header row, one row per record, the total row.
  const records = pilotRecords(PILOT);
  expect(records).toBeGreaterThan(0);
  expect(wb.getWorksheet('Cost lines')!.rowCount - 2).toBe(records);
  expect(await pilots.records(PILOT)).toBe(records);
  await expect(menu.status()).toHaveAttribute('data-status', 'done');
  await expect(menu.status()).toContainText(`Saved ${file.name}`);
  await expect(menu.button()).toBeEnabled();
});

test('Pilots → Export → Report (PDF, A4) shows its progress, then saves a PDF naming the pilot', async ({ page }) => {
  test.skip(!hasPdftotext, 'pdftotext (poppler-utils) is not installed');
  const pilots = new PilotsPage(page);
  await pilots.open(served.url);
  await pilots.select(PILOT);
  const menu = new ExportMenu(page, 'pilot-export', 'pilot-export-status');
  await menu.open();
  const downloaded = page.waitForEvent('download');
  await menu.item('report-a4').click();
  // Printing takes a moment: the button is disabled and the line says what is happening meanwhile.
  await expect(menu.status()).toHaveAttribute('data-status', 'busy');
  // The step comes from main's job:progress events, over the browser host's event socket.
  await expect(menu.status()).toContainText(/Exporting the report… (Gathering figures and drawing charts|Printing the PDF)/);
  await expect(menu.button()).toBeDisabled();
  const file = await savedFile(await downloaded);
  expect(file.name).toMatch(/^yardstick-report-payments-maintenance-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfWords(file.bytes)).toContain(PILOT);
  await expect(menu.status()).toContainText(`Saved ${file.name}`);
  await expect(menu.button()).toBeEnabled();
});

test('Overview → Export → Cost worksheet saves the whole workspace’s workbook', async ({ page }) => {
  const overview = new OverviewPage(page);
  await overview.open(served.url);
  const menu = new ExportMenu(page, 'overview-export', 'overview-export-status');
  const file = await menu.export('worksheet');
  expect(file.name).toMatch(/^yardstick-worksheet-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = await workbook(file.bytes);
  expect(wb.worksheets.map((s) => s.name)).toEqual(SHEETS);
  expect(wb.getWorksheet('Cost lines')!.rowCount - 2).toBe(count('SELECT count(*) FROM records'));
  expect(wb.getWorksheet('Decisions')!.getCell('B2').value).toBe('The whole workspace (no pilot)');
  await expect(menu.status()).toContainText(`Saved ${file.name}`);
  await page.screenshot({ path: join(SHOTS, 'overview-export.png') });
});

test('Records → Export CSV saves the rows the list shows, under the grid’s headers', async ({ page }) => {
  const records = new RecordsPage(page);
  await records.open(served.url);
  const total = count('SELECT count(*) FROM records');
  const shown = await records.expectTotal(total);

  const exportCsv = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('records-export-csv').click()]);
    const file = await savedFile(download);
    const rows = parse(file.bytes.toString('utf8'), { bom: true }) as string[][];
    return { name: file.name, header: rows[0]!, data: rows.slice(1) };
  };
  const all = await exportCsv();
  expect(all.name).toMatch(/^yardstick-records-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(all.data).toHaveLength(shown);
  expect(all.header.slice(0, 6)).toEqual(['Ticket', 'Title', 'Team', 'Repository', 'Outcome', 'Month']);
  expect(all.header).toContain('Total');
  // Money as plain numbers: no currency signs, no thousands separators.
  const totalAt = all.header.indexOf('Total');
  expect(all.data.every((r) => /^-?\d+(\.\d+)?$/.test(r[totalAt]!))).toBe(true);

  // Narrowed to the pilot, the file holds just the pilot's records and is named after it.
  await page.getByTestId('records-pilot').selectOption({ label: PILOT });
  const narrowed = await records.expectTotal(pilotRecords(PILOT));
  const pilot = await exportCsv();
  expect(pilot.name).toMatch(/^yardstick-records-payments-maintenance-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(pilot.data).toHaveLength(narrowed);
});

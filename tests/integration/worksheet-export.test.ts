import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { ASSUMPTION_IDS } from '../../shared/domain/scenario/schema';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, JobProgress } from '../../shared/ipc/contract';
import { assertBuilt, runCli } from '../support/cli';
import { tempDir } from '../support/temp';

// The worksheet as a file: sheets, named ranges, frozen headers, formats, links, people, the
// saved-scenario path, refusals, and the CLI. The numbers are checked in worksheet-recompute.test.ts.

const PILOT = 'Payments maintenance';
let ws: Workspace;
let root: string;
let cleanup: () => void;
const progress: JobProgress[] = [];

beforeAll(async () => {
  const t = tempDir('yardstick-worksheet-');
  cleanup = t.cleanup;
  root = t.dir;
  await createDemoWorkspace(join(root, 'demo'), { host: 'cli' });
  ws = openWorkspace(join(root, 'demo'), { create: false });
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup?.();
});

async function send<C extends Channel>(channel: C, input: ChannelInput<C>) {
  return dispatch(handlers, channel, input, makeContext('cli', ws, (event, payload) => event === 'job:progress' && progress.push(payload as JobProgress)));
}
async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await send(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}
async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('export:worksheet', () => {
  it('writes the six sheets with named assumptions, frozen headers, formats and the records’ links', async () => {
    const path = join(root, 'pilot.xlsx');
    const result = await call('export:worksheet', { pilot: PILOT, path });
    const metrics = await call('metrics:get', { pilot: PILOT });
    expect(result).toMatchObject({ path, records: metrics.total.sums.records, sheets: ['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources'] });
    expect(result.bytes).toBeGreaterThan(10_000);
    expect(progress.some((p) => p.kind === 'export' && p.finished)).toBe(true);

    const wb = await read(path);
    for (const name of result.sheets) {
      const view = wb.getWorksheet(name)!.views[0]!;
      expect(view.state, name).toBe('frozen');
    }
    expect(wb.getWorksheet('Scenario')!.views[0]).toMatchObject({ xSplit: 1, ySplit: 1 });

    // Every assumption is a workbook name on its value cell, holding the calibrated value.
    const scenario = await call('scenarios:calibrate', { pilot: PILOT });
    const assumptions = wb.getWorksheet('Assumptions')!;
    for (const id of ASSUMPTION_IDS) {
      const [range] = wb.definedNames.getRanges(id).ranges;
      expect(range, id).toMatch(/^Assumptions!\$D\$\d+$/);
      const cell = assumptions.getCell(range!.split('!')[1]!.replace(/\$/g, ''));
      expect(cell.value, id).toBe(scenario.assumptions[id].value);
      expect(assumptions.getCell(`B${cell.row}`).value).toBe(id);
    }
    expect(assumptions.getCell('D25').numFmt).toContain('GBP');

    const costLines = wb.getWorksheet('Cost lines')!;
    const header = headerOf(costLines);
    expect(header).toEqual(expect.arrayContaining(['Ticket', 'Title', 'Team', 'Repository', 'Outcome', 'Month', 'MR URL', 'Jira link', 'Runs', 'Repair runs', 'Review rounds', 'CI minutes', 'Total (GBP)']));
    expect(header).not.toContain('Person (pseudonym)');
    expect(costLines.rowCount).toBe(result.records + 2);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = costLines.getRow(2);
    expect(row.getCell(col('Jira link')).value).toMatchObject({ hyperlink: expect.stringMatching(/^https:\/\/northwind\.atlassian\.net\/browse\/PAY-\d+$/) });
    expect(row.getCell(col('Month')).numFmt).toBe('yyyy-mm');
    expect(row.getCell(col('Total (GBP)')).numFmt).toContain('GBP');
    expect(row.getCell(col('Total (GBP)')).value).toMatchObject({ formula: expect.stringMatching(/^SUM\([A-Z]+2:[A-Z]+2\)$/) });
    const links = Array.from({ length: result.records }, (_, i) => costLines.getRow(i + 2).getCell(col('MR URL')).value).filter((v) => typeof v === 'object' && v !== null && 'hyperlink' in v);
    expect(links.length).toBeGreaterThan(result.records / 2);
    expect(costLines.getColumn(col('Title')).width).toBeGreaterThan(20);

    const decisions = wb.getWorksheet('Decisions')!;
    const texts = decisions.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['Owner', 'Eligible queue state', 'Merge authority', 'Stop rules', 'Repair budget (runs per record)']));
    const sources = wb.getWorksheet('Sources')!;
    const sourceTexts = sources.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(sourceTexts).toEqual(expect.arrayContaining(['Northwind Jira', 'Northwind GitLab', 'USD', 'relay-events-all-202609.csv']));
  });

  it('carries a saved scenario by name, and the whole workspace without a pilot', async () => {
    const calibrated = await call('scenarios:calibrate', { name: 'Finance base', pilot: PILOT });
    const saved = { ...calibrated, assumptions: { ...calibrated.assumptions, price_per_credit: { ...calibrated.assumptions.price_per_credit, value: 3.25, source: 'override' as const } } };
    await call('scenarios:save', saved);
    const path = join(root, 'workspace.xlsx');
    const result = await call('export:worksheet', { scenario: 'Finance base', path });
    const metrics = await call('metrics:get', {});
    expect(result.records).toBe(metrics.total.sums.records);
    const wb = await read(path);
    const [range] = wb.definedNames.getRanges('price_per_credit').ranges;
    expect(wb.getWorksheet('Assumptions')!.getCell(range!.split('!')[1]!.replace(/\$/g, '')).value).toBe(3.25);
    const summary = wb.getWorksheet('Summary')!;
    const about = summary.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(about).toContain('Finance base (saved scenario)');
    expect(wb.getWorksheet('Decisions')!.getCell('B2').value).toBe('The whole workspace (no pilot)');
  });

  it('shows people only with person views on, and then only as pseudonyms', async () => {
    const names = ws.db.prepare('SELECT DISTINCT person FROM records r JOIN record_pilots rp ON rp.record_id = r.id WHERE person IS NOT NULL').pluck().all() as string[];
    expect(names.length).toBeGreaterThan(0);
    await call('settings:update', { peopleViewsEnabled: true });
    try {
      const path = join(root, 'people.xlsx');
      await call('export:worksheet', { pilot: PILOT, path });
      const wb = await read(path);
      const costLines = wb.getWorksheet('Cost lines')!;
      const at = headerOf(costLines).indexOf('Person (pseudonym)') + 1;
      expect(at).toBeGreaterThan(0);
      const people = new Set(Array.from({ length: costLines.rowCount - 2 }, (_, i) => costLines.getRow(i + 2).getCell(at).value));
      expect([...people].every((p) => p === null || /^Person [0-9a-f]{6}$/.test(String(p)))).toBe(true);
      const everything = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
      for (const name of names) expect(everything, name).not.toContain(name);
    } finally {
      await call('settings:update', { peopleViewsEnabled: false });
    }
  });

  it('refuses relative paths, other extensions, missing folders, unknown pilots and scenarios, and leaves no partial file', async () => {
    const bad = async (input: ChannelInput<'export:worksheet'>) => {
      const r = await send('export:worksheet', input);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(await bad({ path: 'out.xlsx' })).toBe('INVALID_INPUT');
    expect(await bad({ path: join(root, 'out.csv') })).toBe('INVALID_INPUT');
    expect(await bad({ path: join(root, 'missing', 'out.xlsx') })).toBe('INVALID_INPUT');
    expect(await bad({ path: join(root, 'x.xlsx'), pilot: 'No such pilot' })).toBe('NOT_FOUND');
    expect(await bad({ path: join(root, 'x.xlsx'), scenario: 'No such scenario' })).toBe('NOT_FOUND');
    expect(readdirSync(root).filter((f) => f.includes('.partial-'))).toEqual([]);
    expect(existsSync(join(root, 'x.xlsx'))).toBe(false);
  });

  it('replaces an existing file only with a complete workbook', async () => {
    const path = join(root, 'replace.xlsx');
    writeFileSync(path, 'old');
    await call('export:worksheet', { pilot: PILOT, path });
    const wb = await read(path);
    expect(wb.worksheets).toHaveLength(6);
  });
});

describe('export:worksheet on an empty workspace', () => {
  it('still writes a workbook: no cost lines, a scenario on placeholder values, no sources', async () => {
    const empty = openWorkspace(join(root, 'empty'), { create: true });
    try {
      const path = join(root, 'empty.xlsx');
      const r = await dispatch(handlers, 'export:worksheet', { path }, makeContext('cli', empty));
      expect(r.ok && (r.data as ChannelOutput<'export:worksheet'>).records).toBe(0);
      const wb = await read(path);
      expect(wb.getWorksheet('Cost lines')!.getCell('A2').value).toBe('Total (0 records)');
      expect(wb.getWorksheet('Sources')!.getColumn(1).values).toContain('none');
    } finally {
      empty.close();
    }
  });
});

describe('yardstick export worksheet', () => {
  it('writes the worksheet from the command line and says what it wrote', async () => {
    assertBuilt();
    const out = join(root, 'cli.xlsx');
    const r = await runCli(['export', 'worksheet', '--workspace', join(root, 'demo'), '--pilot', PILOT, '--out', out, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: out, sheets: ['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources'] });
    expect((await read(out)).worksheets).toHaveLength(6);
    const wrong = await runCli(['export', 'worksheet', '--workspace', join(root, 'demo')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('--out');
  }, 60_000);
});

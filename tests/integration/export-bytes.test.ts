import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHART_META } from '../../shared/domain/charts/ids';
import { fileSlug } from '../../shared/domain/export-file-name';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, JobProgress } from '../../shared/ipc/contract';
import { AppError, type Result } from '../../shared/ipc/result';
import { chromiumPath } from '../../electron/export/report/pdf-printer';
import { deliverExport, EXPORT_TEMP_PREFIX, sweepStaleExportFolders } from '../../electron/export/deliver';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { call, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// The exports the app's Export menus use: no path, the file comes back as base64 with a suggested
// name. The bytes must be the same file the path-based (CLI) call writes, and the private temp
// folder each call makes must be gone afterwards, whether the export worked, failed or was cancelled.

const PILOT = 'Payments maintenance';
const tool = (name: string) => spawnSync(name, ['-v'], { encoding: 'utf8' }).error === undefined;
const missingPdfTools = [...(tool('pdftotext') ? [] : ['pdftotext (poppler-utils)'])];
try {
  chromiumPath();
} catch {
  missingPdfTools.push('chromium');
}
const skipPdf = missingPdfTools.length > 0 && !process.env['CI'];
const pdfReason = skipPdf ? ` (SKIPPED: ${missingPdfTools.join(', ')} not installed; run scripts/install-system-deps.sh)` : '';

let t: TestWorkspace;
let out: string;
// A temp folder of this file's own as os.tmpdir() (it reads TMPDIR on every call), so counting the
// export folders is exact even while other test files or the app export at the same time.
let privateTmp: string;
const savedTmp = process.env['TMPDIR'];
const progress: JobProgress[] = [];

const exportFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith(EXPORT_TEMP_PREFIX));

async function send<C extends Channel>(channel: C, input: ChannelInput<C>, extra: Partial<HandlerContext> = {}): Promise<Result<ChannelOutput<C>>> {
  const ctx: HandlerContext = { ...t.ctx, emit: (event, payload) => event === 'job:progress' && progress.push(payload as JobProgress), ...extra };
  return (await dispatch(handlers, channel, input, ctx)) as Result<ChannelOutput<C>>;
}
async function bytesOf<C extends 'export:worksheet' | 'export:report' | 'export:chart'>(channel: C, input: ChannelInput<C>) {
  const r = await send(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  const data = r.data as ChannelOutput<C>;
  expect(data.path).toBeNull();
  expect(data.fileName).toMatch(/^[\w.-]+$/);
  expect(typeof data.base64).toBe('string');
  const bytes = Buffer.from(data.base64!, 'base64');
  expect(bytes.length).toBe(data.bytes);
  return { data, bytes };
}
async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

beforeAll(async () => {
  privateTmp = mkdtempSync(join(tmpdir(), 'ys-export-bytes-'));
  process.env['TMPDIR'] = privateTmp;
  t = testWorkspace();
  out = join(t.dir, '..');
  await call(t, 'demo:create', { scale: 1, seed: 42 });
}, 180_000);
afterAll(() => {
  t?.cleanup();
  if (savedTmp === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = savedTmp;
  if (privateTmp) rmSync(privateTmp, { recursive: true, force: true });
});
afterEach(() => {
  // Every test, whatever it did, leaves no export folder behind.
  expect(exportFolders()).toEqual([]);
});

describe('export:worksheet without a path', () => {
  it('returns the same workbook the path-based call writes, named after the pilot and today', async () => {
    expect(tmpdir()).toBe(privateTmp);
    const written = await call(t, 'export:worksheet', { pilot: PILOT, path: join(out, 'pilot.xlsx') });
    expect(written).toMatchObject({ path: join(out, 'pilot.xlsx'), fileName: 'pilot.xlsx' });
    expect(written).not.toHaveProperty('base64');

    progress.length = 0;
    const { data, bytes } = await bytesOf('export:worksheet', { pilot: PILOT });
    expect(data.fileName).toMatch(/^yardstick-worksheet-payments-maintenance-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(data.sheets).toEqual(['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources']);
    expect(data.records).toBe(written.records);
    expect(progress.some((p) => p.kind === 'export' && p.finished)).toBe(true);

    const wb = await workbook(bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(data.sheets);
    // A header, one row per record, the total.
    expect(wb.getWorksheet('Cost lines')!.rowCount).toBe(written.records + 2);
    expect(wb.definedNames.getRanges('price_per_credit').ranges).toHaveLength(1);
  });

  it('names the workspace when there is no pilot', async () => {
    const { data, bytes } = await bytesOf('export:worksheet', {});
    expect(data.fileName).toMatch(new RegExp(`^yardstick-worksheet-${fileSlug(t.ws.settings().name, 'workspace')}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const metrics = await call(t, 'metrics:get', {});
    expect(data.records).toBe(metrics.total.sums.records);
    expect((await workbook(bytes)).getWorksheet('Decisions')!.getCell('B2').value).toBe('The whole workspace (no pilot)');
  });

  it('stops when cancelled, and fails on an unknown pilot, leaving no temp folder either way', async () => {
    const cancelled = await send('export:worksheet', { pilot: PILOT }, { signal: AbortSignal.abort() });
    expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('CANCELLED');
    expect(exportFolders()).toEqual([]);
    const unknown = await send('export:worksheet', { pilot: 'No such pilot' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('export:chart without a path', () => {
  it('returns a PNG at twice the CSS size and a well-formed SVG', async () => {
    const png = await bytesOf('export:chart', { chart: 'cost-per-accepted', pilot: PILOT, format: 'png' });
    expect(png.data.fileName).toMatch(/^cost-per-accepted-payments-maintenance-\d{4}-\d{2}-\d{2}\.png$/);
    expect(png.bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.bytes.readUInt32BE(16)).toBe(CHART_META['cost-per-accepted'].width * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(CHART_META['cost-per-accepted'].height * 2);
    expect([png.data.width, png.data.height]).toEqual([CHART_META['cost-per-accepted'].width * 2, CHART_META['cost-per-accepted'].height * 2]);

    const svg = await bytesOf('export:chart', { chart: 'tornado', format: 'svg', width: 800, height: 600 });
    expect(svg.data.fileName).toMatch(/^tornado-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(text).toContain('viewBox="0 0 800 600"');
  });

  it('fails without a temp folder left when the chart cannot be drawn', async () => {
    const r = await send('export:chart', { chart: 'pilot-monthly', format: 'png' });
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_INPUT');
  });
});

describe.skipIf(skipPdf)(`export:report without a path${pdfReason}`, () => {
  const words = (pdf: Buffer) => {
    const file = join(out, `report-${Date.now()}.pdf`);
    writeFileSync(file, pdf);
    const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return r.stdout.replace(/\s+/g, ' ');
  };

  it('returns the PDF printed on A4, with the pilot’s name in it', async () => {
    if (missingPdfTools.length) throw new Error(`CI needs ${missingPdfTools.join(', ')}: scripts/install-system-deps.sh installs them.`);
    progress.length = 0;
    const { data, bytes } = await bytesOf('export:report', { pilot: PILOT, paper: 'a4' });
    expect(data.fileName).toMatch(/^yardstick-report-payments-maintenance-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(data.pages).toBeGreaterThan(1);
    expect(words(bytes)).toContain(PILOT);
    expect(progress.filter((p) => p.kind === 'export').map((p) => p.step)).toEqual(['Gathering figures and drawing charts', 'Printing the PDF', 'Report written']);
  });

  it('leaves no temp folder when cancelled or when Chromium is missing', async () => {
    const cancelled = await send('export:report', { pilot: PILOT, paper: 'a4' }, { signal: AbortSignal.abort() });
    expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('CANCELLED');
    expect(exportFolders()).toEqual([]);
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = join(out, 'no-chromium-here');
    try {
      const r = await send('export:report', { paper: 'letter' });
      expect(r.ok ? 'ok' : r.error.code).toBe('UNAVAILABLE');
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    }
  });
});

describe('deliverExport', () => {
  it('refuses to hand over more than the limit as bytes, and removes the file it wrote', async () => {
    let wrote = '';
    const big = deliverExport(undefined, 'big.pdf', async (path) => {
      wrote = path;
      writeFileSync(path, Buffer.alloc(2048));
      return { path, bytes: 2048 };
    }, { maxBytes: 1024 });
    await expect(big).rejects.toBeInstanceOf(AppError);
    await expect(big).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/more than the 0\.0 MB.*--out/) });
    expect(wrote.startsWith(join(privateTmp, EXPORT_TEMP_PREFIX))).toBe(true);

    const failing = deliverExport(undefined, 'x.pdf', async () => {
      throw new AppError('INTERNAL', 'boom');
    });
    await expect(failing).rejects.toMatchObject({ code: 'INTERNAL' });

    const small = await deliverExport(undefined, 'small.pdf', async (path) => {
      writeFileSync(path, 'hello');
      return { path, bytes: 5, pages: 1 };
    });
    expect(small).toEqual({ path: null, fileName: 'small.pdf', bytes: 5, pages: 1, base64: Buffer.from('hello').toString('base64') });
  });
});

describe('export folders a killed process left behind', () => {
  it('are removed by the next export once a day old; a recent one (a live export) is kept', async () => {
    const old = join(privateTmp, `${EXPORT_TEMP_PREFIX}killed`);
    const recent = join(privateTmp, `${EXPORT_TEMP_PREFIX}running`);
    const other = join(privateTmp, 'someone-else-old');
    for (const dir of [old, recent, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'half.xlsx'), 'partial');
    }
    const dayAndAHalfAgo = new Date(Date.now() - 36 * 3600 * 1000);
    utimesSync(old, dayAndAHalfAgo, dayAndAHalfAgo);
    utimesSync(other, dayAndAHalfAgo, dayAndAHalfAgo);
    await deliverExport(undefined, 'small.pdf', async (path) => {
      writeFileSync(path, 'hello');
      return { path, bytes: 5 };
    });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(await sweepStaleExportFolders(Date.now() + 48 * 3600 * 1000, privateTmp)).toEqual([recent]);
    rmSync(other, { recursive: true });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatMonthSpan } from '../../shared/domain/charts/format';
import { CHART_IDS, CHART_META, type ChartId } from '../../shared/domain/charts/ids';
import { chartSpec, exportSources } from '../../electron/export/charts/chart-data';
import { rasterise } from '../../electron/export/charts/rasterise';
import { renderChartSvg } from '../../electron/export/charts/render-svg';
import { assertBuilt, runCli } from '../support/cli';
import { call, callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// Every key chart as an image: SVG from echarts' server-side renderer, PNG from resvg at 2×.
// The SVG must be well-formed XML (parsed by resvg's XML parser, which rejects malformed input)
// and carry its title and footnote as text; the PNG must be a PNG of twice the CSS size, with
// its text actually drawn (fonts found).

const PILOT = 'Payments maintenance';
let t: TestWorkspace;
let out: string;

const xmlText = (svg: string): string =>
  svg
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from the IHDR chunk, which must come first. */
function ihdr(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Independently of the app's code: the pilot's months, the latest successful sync and import, from SQL. */
function expectedSource() {
  const db = t.ws.db;
  const span = db
    .prepare('SELECT min(r.period_month) AS a, max(r.period_month) AS b FROM records r JOIN record_pilots rp ON rp.record_id = r.id JOIN pilots p ON p.id = rp.pilot_id WHERE p.name = ?')
    .get(PILOT) as { a: string; b: string };
  const synced = db.prepare("SELECT max(coalesce(finished_at, started_at)) FROM sync_runs WHERE status = 'succeeded'").pluck().get() as string;
  const imported = db.prepare("SELECT coalesce(finished_at, started_at) FROM imports WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1").pluck().get() as string;
  return { period: formatMonthSpan(span.a, span.b), synced: formatDateTime(synced), imported: formatDateTime(imported), name: t.ws.settings().name };
}

beforeAll(async () => {
  t = testWorkspace();
  out = join(t.dir, '..');
  await call(t, 'demo:create', { scale: 1, seed: 42 });
}, 180_000);
afterAll(() => t?.cleanup());

describe('chart images: SVG and PNG at 2×, with title and footnote', () => {
  it.each(CHART_IDS)('%s as SVG: well-formed XML with its title and its footnote of period and source', async (chart) => {
    const path = join(out, `${chart}.svg`);
    const result = await call(t, 'export:chart', { chart, pilot: PILOT, format: 'svg', path });
    const svg = readFileSync(path, 'utf8');
    expect(result).toEqual({ path, fileName: `${chart}.svg`, bytes: Buffer.byteLength(svg), width: CHART_META[chart].width, height: CHART_META[chart].height });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(() => new Resvg(svg)).not.toThrow();
    expect(new Resvg(svg).width).toBe(960);

    const text = xmlText(svg);
    expect(text).toContain(CHART_META[chart].title);
    // The footnote, whole (it is broken into lines at spaces, so the text reads back the same).
    const spec = await chartSpec(chart, exportSources(t.ctx, { pilot: PILOT }));
    expect(text).toContain(spec.frame.footnote);
    const source = expectedSource();
    expect(spec.frame.footnote).toContain(`Source: ${source.name}, synced`);
    expect(spec.frame.footnote).toContain(`synced ${source.synced}, last import ${source.imported}`);
    expect(spec.frame.footnote).toContain('Money in GBP');
    if (CHART_META[chart].basis === 'data') expect(spec.frame.footnote).toMatch(new RegExp(`^Data ${source.period} · `));
    else expect(spec.frame.footnote).toMatch(/^Projection \w{3} \d{4} – \w{3} \d{4} · Scenario “Calibrated on Payments maintenance”, calibrated on \d+ records of /);
  });

  it.each(CHART_IDS)('%s as PNG: a PNG at twice the CSS size', async (chart: ChartId) => {
    const path = join(out, `${chart}.png`);
    const result = await call(t, 'export:chart', { chart, pilot: PILOT, format: 'png', path });
    const png = readFileSync(path);
    expect(ihdr(png)).toEqual({ width: 1920, height: 1080 });
    expect(result).toEqual({ path, fileName: `${chart}.png`, bytes: png.length, width: 1920, height: 1080 });
  });

  it('draws the text in the PNG with real fonts (the title band has ink only when fonts load)', async () => {
    const spec = await chartSpec('cost-by-kind', exportSources(t.ctx, { pilot: PILOT }));
    const svg = renderChartSvg(spec.option, spec.frame);
    const ink = (pixels: Buffer, width: number, rows: [number, number]) => {
      let n = 0;
      for (let y = rows[0]; y < rows[1]; y++) for (let x = 0; x < width; x++) if (pixels[(y * width + x) * 4]! < 128) n++;
      return n;
    };
    const withFonts = await rasterise(svg, 2);
    const noFonts = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false } }).render();
    // The title sits 12–30 CSS px from the top: 24–60 px at 2×.
    const titleRows: [number, number] = [20, 64];
    expect(ink(noFonts.pixels, noFonts.width, titleRows)).toBe(0);
    expect(ink(withFonts.pixels, withFonts.width, titleRows)).toBeGreaterThan(2_000);
  });

  it('sizes and scales as asked', async () => {
    await call(t, 'export:chart', { chart: 'cost-per-accepted', format: 'png', path: join(out, 'one.png'), scale: 1 });
    expect(ihdr(readFileSync(join(out, 'one.png')))).toEqual({ width: 960, height: 540 });
    await call(t, 'export:chart', { chart: 'tornado', format: 'png', path: join(out, 'custom.png'), width: 800, height: 600 });
    expect(ihdr(readFileSync(join(out, 'custom.png')))).toEqual({ width: 1600, height: 1200 });
    const svg = await call(t, 'export:chart', { chart: 'tornado', format: 'svg', path: join(out, 'custom.svg'), width: 800, height: 600 });
    expect([svg.width, svg.height]).toEqual([800, 600]);
    expect(readFileSync(join(out, 'custom.svg'), 'utf8')).toContain('viewBox="0 0 800 600"');
  });

  it('charts a saved scenario beside the pilot’s other saved scenarios and the human-only baseline', async () => {
    const base = await call(t, 'scenarios:calibrate', { name: 'Pilot base', pilot: PILOT });
    await call(t, 'scenarios:save', base);
    await call(t, 'scenarios:save', { ...base, name: 'Pilot cheaper', assumptions: { ...base.assumptions, price_per_credit: { ...base.assumptions.price_per_credit, value: 1, source: 'override' } } });
    const path = join(out, 'compare.svg');
    await call(t, 'export:chart', { chart: 'scenario-comparison', scenario: 'Pilot base', format: 'svg', path });
    const text = xmlText(readFileSync(path, 'utf8'));
    for (const name of ['Human-only baseline', 'Pilot base', 'Pilot cheaper']) expect(text).toContain(name);
    expect(text).toContain('Scenario “Pilot base”');
  });

  it('escapes names in the SVG, so any pilot name still gives well-formed XML', async () => {
    const name = 'R&D <north> "quoted"';
    await call(t, 'pilots:save', { name, scope: { projects: ['PAY'] } });
    const path = join(out, 'escaped.svg');
    await call(t, 'export:chart', { chart: 'cost-by-kind', pilot: name, format: 'svg', path });
    const svg = readFileSync(path, 'utf8');
    expect(() => new Resvg(svg)).not.toThrow();
    expect(svg).not.toContain(name);
    expect(xmlText(svg)).toContain(`Pilot: ${name}`);
  });

  it('refuses what it cannot draw or write', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const r = await callRaw(t, 'export:chart', input as never);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await bad({ chart: 'pilot-monthly', format: 'png', path: join(out, 'x.png') })).toMatch(/^INVALID_INPUT: .*one pilot/);
    expect(await bad({ chart: 'tornado', scenario: 'Nope', format: 'png', path: join(out, 'x.png') })).toMatch(/^NOT_FOUND: No scenario named "Nope"/);
    expect(await bad({ chart: 'tornado', format: 'png', path: join(out, 'x.svg') })).toMatch(/^INVALID_INPUT: .*\.png/);
    expect(await bad({ chart: 'pie', format: 'png', path: join(out, 'x.png') })).toMatch(/^INVALID_INPUT/);
    expect(await bad({ chart: 'tornado', format: 'png', path: join(out, 'x.png'), scale: 10 })).toMatch(/^INVALID_INPUT/);
  });

  it('yardstick export chart takes the format from the file extension', async () => {
    assertBuilt();
    const png = join(out, 'cli.png');
    const r = await runCli(['export', 'chart', '--workspace', t.dir, '--chart', 'pilot-monthly', '--pilot', PILOT, '--out', png]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1920 × 1080 pixels/);
    expect(ihdr(readFileSync(png))).toEqual({ width: 1920, height: 1080 });
    const svg = join(out, 'cli.svg');
    const s = await runCli(['export', 'chart', '--workspace', t.dir, '--chart', 'cost-by-kind', '--out', svg, '--format', 'json']);
    expect(s.status, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ path: svg, width: 960, height: 540 });
    const wrong = await runCli(['export', 'chart', '--workspace', t.dir, '--chart', 'cost-by-kind', '--out', join(out, 'x.jpg')]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/must end in \.png or \.svg/);
    const unknown = await runCli(['export', 'chart', '--workspace', t.dir, '--chart', 'pie', '--out', png]);
    expect(unknown.stderr).toMatch(/--chart must be one of cost-per-accepted, /);
  });
});

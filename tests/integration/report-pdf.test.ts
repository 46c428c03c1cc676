import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiCards } from '../../renderer/src/features/overview/overview-view-model';
import { decisionItems, headlineFigures } from '../../renderer/src/features/pilots/scorecard-view-model';
import { PILOT_DECISION_LABELS } from '../../shared/domain/pilots';
import { chromiumPath } from '../../electron/export/report/pdf-printer';
import { buildReport } from '../../electron/export/report/write-report';
import { assertBuilt, runCli } from '../support/cli';
import { call, callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// The PDF report as a reader gets it: printed by headless Chromium, then read back with poppler
// (pdfinfo for pages and paper, pdftotext for the words, pdftoppm for page images). Figures must
// read exactly as the app's own view models format them. Poppler and Chromium are system packages
// (scripts/install-system-deps.sh): missing under CI is a failure, missing locally skips with why.

const tool = (name: string) => spawnSync(name, ['-v'], { encoding: 'utf8' }).error === undefined;
const missing = [...['pdfinfo', 'pdftotext', 'pdftoppm'].filter((t) => !tool(t)).map((t) => `${t} (poppler-utils)`)];
try {
  chromiumPath();
} catch {
  missing.push('chromium');
}
const CI = !!process.env['CI'];
const skip = missing.length > 0 && !CI;
const reason = skip ? ` (SKIPPED: ${missing.join(', ')} not installed; run scripts/install-system-deps.sh)` : '';

const PILOT = 'Payments maintenance';
let t: TestWorkspace;
let out: string;

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
};
const info = (pdf: string) => {
  const text = run('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text)!;
  return { pages: Number(/Pages:\s+(\d+)/.exec(text)![1]), width: Number(size[1]), height: Number(size[2]) };
};
/** The PDF's words with every run of white space as one space (pdftotext breaks lines where the page does). */
const words = (pdf: string) => run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, ' ');
const pngSize = (file: string) => {
  const b = readFileSync(file);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe.skipIf(skip)(`PDF report of a pilot and of the workspace${reason}`, () => {
  beforeAll(async () => {
    if (missing.length) throw new Error(`CI needs ${missing.join(', ')}: scripts/install-system-deps.sh installs them.`);
    t = testWorkspace();
    out = join(t.dir, 'out');
    mkdirSync(out);
    await call(t, 'demo:create', { scale: 1, seed: 42 });
  }, 180_000);
  afterAll(() => t?.cleanup());

  it('prints the pilot report on A4: several pages with the headline figures, decisions and sources as the app shows them', async () => {
    const path = join(out, 'pilot-a4.pdf');
    const result = await call(t, 'export:report', { pilot: PILOT, paper: 'a4', path });
    expect(result.path).toBe(path);
    expect(result.bytes).toBe(readFileSync(path).length);
    const pdf = info(path);
    expect(result.pages).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(1);
    // A4 is 595.28 × 841.89 pt.
    expect(pdf.width).toBeCloseTo(595.3, 0);
    expect(pdf.height).toBeCloseTo(841.9, 0);

    const text = words(path);
    const pilots = await call(t, 'pilots:list', {});
    const pilot = pilots.find((p) => p.name === PILOT)!;
    const card = await call(t, 'pilots:scorecard', { id: pilot.id });
    expect(text).toContain(PILOT);
    expect(text).toContain(pilot.owner);
    // Every headline figure, label and value, as the scorecard's view model formats it.
    for (const figure of headlineFigures(card)) {
      expect(text, figure.label).toContain(figure.label);
      expect(text, figure.label).toContain(figure.display);
    }
    // Every rollout decision, label and answer, as the scorecard lists them.
    for (const item of decisionItems(card.pilot.decisions)) {
      expect(text).toContain(item.term);
      expect(text).toContain(item.value.replace(/\s+/g, ' '));
    }
    for (const label of Object.values(PILOT_DECISION_LABELS)) expect(text).toContain(label);
    // Sources, sync runs, imports and exchange rates.
    for (const source of await call(t, 'sources:list', {})) expect(text).toContain(source.name);
    for (const heading of ['Connected sources', 'Sync runs', 'Imported files, by format', 'Exchange rates']) expect(text).toContain(heading);
    for (const rate of await call(t, 'rates:list', {})) expect(text).toContain(`${rate.from} ${rate.to}`);
    expect(text).toContain('Run-credit event log');
    // The key charts are in, as text (inline SVG), with their footnotes.
    for (const title of ['Accepted PR/MRs and cost per accepted by month', 'AI-path cost by kind', 'AI-path and human-path cost by month, with P10–P90', 'What moves the net saving most']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Human-only baseline');
    expect(text).toMatch(/Page 1 of \d+/);

    // Pages as images at 60 dpi: one per page, A4-shaped (8.27 × 11.69 in), none of them blank.
    const images = join(out, 'a4-pages');
    mkdirSync(images);
    run('pdftoppm', ['-png', '-r', '60', path, join(images, 'page')]);
    const files = readdirSync(images).sort();
    expect(files).toHaveLength(pdf.pages);
    for (const f of files) {
      expect(pngSize(join(images, f))).toEqual({ width: 496, height: 702 });
      expect(readFileSync(join(images, f)).length).toBeGreaterThan(3_000);
    }
    for (let page = 1; page <= pdf.pages; page++) expect(run('pdftotext', ['-f', String(page), '-l', String(page), path, '-']).trim().length, `page ${page}`).toBeGreaterThan(50);
  });

  it('prints on Letter-sized pages when asked', async () => {
    const path = join(out, 'pilot-letter.pdf');
    const result = await call(t, 'export:report', { pilot: PILOT, paper: 'letter', path });
    const pdf = info(path);
    expect(result.pages).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(run('pdfinfo', [path])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const images = join(out, 'letter-pages');
    mkdirSync(images);
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(images, 'page')]);
    expect(pngSize(join(images, readdirSync(images)[0]!))).toEqual({ width: 510, height: 660 });
  });

  it('reports on the whole workspace with the Overview figures and every pilot', async () => {
    const path = join(out, 'workspace.pdf');
    const result = await call(t, 'export:report', { paper: 'letter', path });
    expect(result.pages).toBeGreaterThan(1);
    const text = words(path);
    const overview = await call(t, 'metrics:get-overview', {});
    for (const kpi of kpiCards(overview)) {
      expect(text).toContain(kpi.label);
      expect(text).toContain(kpi.display);
    }
    expect(text).toContain(overview.period!.label);
    expect(text).toContain('Cost per accepted PR/MR by month');
    expect(text).toContain(PILOT);
    expect(text).toContain('Northwind Logistics');
  });

  it('builds one self-contained document: inline SVG charts, no scripts, print CSS for the paper', async () => {
    const { html, model } = await buildReport(t.ctx, { pilot: PILOT, paper: 'letter' });
    expect(model.charts).toHaveLength(5);
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toMatch(/<script|src="http|href="http/i);
    expect(html).toContain('size: letter');
    expect(html).toContain('counter(pages)');
  });

  it('refuses what it cannot write and names what is missing', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const r = await callRaw(t, 'export:report', input as never);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    };
    expect(await bad({ pilot: 'No such pilot', path: join(out, 'x.pdf') })).toMatch(/^NOT_FOUND: No pilot named "No such pilot"/);
    expect(await bad({ path: 'relative.pdf' })).toMatch(/^INVALID_INPUT: .*absolute/);
    expect(await bad({ path: join(out, 'x.png') })).toMatch(/^INVALID_INPUT: .*\.pdf/);
    expect(await bad({ path: join(out, 'no-folder', 'x.pdf') })).toMatch(/^INVALID_INPUT: .*does not exist/);
    expect(await bad({ path: join(out, 'x.pdf'), paper: 'a3' })).toMatch(/^INVALID_INPUT/);
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = join(out, 'no-chromium-here');
    try {
      expect(await bad({ path: join(out, 'x.pdf') })).toMatch(/^UNAVAILABLE: CHROMIUM_PATH points to .*no-chromium-here/);
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    }
    expect(existsSync(join(out, 'x.pdf'))).toBe(false);
  });

  it('reports on an empty workspace too, saying there is no data yet', async () => {
    const empty = testWorkspace();
    try {
      const path = join(out, 'empty.pdf');
      const result = await call(empty, 'export:report', { paper: 'a4', path });
      expect(result.pages).toBe(info(path).pages);
      const text = words(path);
      expect(text).toContain('No data yet');
      expect(text).toContain('No months with data yet');
      expect(text).toContain('No pilots are defined in this workspace.');
    } finally {
      empty.cleanup();
    }
  });

  it('yardstick export report writes the PDF from the command line', async () => {
    assertBuilt();
    const path = join(out, 'cli.pdf');
    const r = await runCli(['export', 'report', '--workspace', t.dir, '--pilot', PILOT, '--paper', 'letter', '--out', path]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\d+ pages, \\d+ KB\\n$`));
    expect(info(path).pages).toBeGreaterThan(1);
    const wrong = await runCli(['export', 'report', '--workspace', t.dir, '--paper', 'a3', '--out', path]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--paper must be a4 or letter/);
  });
});

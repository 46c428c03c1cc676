import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import { WORKSHEET_CALIBRATION } from '../../electron/main/ipc/handlers/worksheet';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { COST_MEASURES } from '../../shared/domain/metrics';
import { runDeterministic } from '../../shared/domain/scenario/engine';
import { planRules } from '../../shared/domain/plans';
import { applyOverrides } from '../../shared/domain/scenario/overrides';
import type { Scenario } from '../../shared/domain/scenario/schema';
import { costLinesColumns, costLinesLayout, type CostLinesColumnId } from '../../shared/domain/worksheet/cost-lines-sheet';
import { hasTotal, SCENARIO_COLUMN_IDS, scenarioCell, scenarioValues, type ColumnId } from '../../shared/domain/worksheet/scenario-sheet';
import { summaryCell, type SummaryFigure } from '../../shared/domain/worksheet/summary-sheet';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { tempDir } from '../support/temp';

// The pilot cost worksheet recomputed by a real spreadsheet engine: LibreOffice (Debian's
// libreoffice-calc-nogui) opens the written file, recalculates every formula and saves it; exceljs
// reads the results back and every figure is compared with the app's. LibreOffice trusts the
// cached values of an XLSX by default, so it runs with its own profile whose
// registrymodifications.xcu sets OOXMLRecalcMode to 0 (always recalculate).

const execFileAsync = promisify(execFile);
const PILOT = 'Payments maintenance';

const SOFFICE = (process.env['PATH'] ?? '')
  .split(delimiter)
  .flatMap((dir) => ['soffice', 'libreoffice'].map((name) => join(dir, name)))
  .find((path) => existsSync(path));

// CI installs LibreOffice (scripts/install-system-deps.sh): there a missing one is a failure, not a skip.
if (process.env['CI'] && !SOFFICE) throw new Error('LibreOffice (soffice) is not installed; CI must recompute the worksheet in it (scripts/install-system-deps.sh installs libreoffice-calc-nogui).');

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let ws: Workspace;
let root: string;
let cleanup: () => void;

beforeAll(async () => {
  if (!SOFFICE) return;
  const t = tempDir('yardstick-worksheet-');
  cleanup = t.cleanup;
  root = t.dir;
  await createDemoWorkspace(join(root, 'demo'), { host: 'cli' });
  ws = openWorkspace(join(root, 'demo'), { create: false });
  mkdirSync(join(root, 'profile', 'user'), { recursive: true });
  writeFileSync(join(root, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup?.();
});

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await dispatch(handlers, channel, input, makeContext('cli', ws));
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

/** Opens the files in LibreOffice headless with the always-recalculate profile and saves them as XLSX in `outDir`; returns the saved files. */
async function recomputeAll(files: string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  await execFileAsync(SOFFICE!, [`-env:UserInstallation=file://${join(root, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { timeout: 180_000 });
  return files.map((file) => {
    const out = join(outDir, file.split('/').pop()!);
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
    return out;
  });
}
const recompute = async (file: string, outDir: string) => (await recomputeAll([file], outDir))[0]!;

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * A formula cell's recomputed result. exceljs reads a formula's cached value as `.result`; an empty
 * string result (`IF(…,"",…)`, the app's null) comes back as undefined.
 */
function resultOf(wb: ExcelJS.Workbook, sheet: string, a1: string): number | null {
  const cell = wb.getWorksheet(sheet)!.getCell(a1);
  if (cell.type !== ExcelJS.ValueType.Formula) throw new Error(`${sheet}!${a1} is not a formula`);
  const r = cell.result;
  if (r === undefined || r === '') return null;
  if (typeof r !== 'number') throw new Error(`${sheet}!${a1} recomputed to ${JSON.stringify(r)}`);
  return r;
}

const TOLERANCE = 1e-9;
function expectClose(got: number | null, want: number | null, what: string): void {
  if (want === null || got === null) {
    expect(got, what).toBe(want);
    return;
  }
  expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(want)));
}

const money = (micros: number | null) => (micros === null ? null : micros / 1e6);

/** Every Scenario cell (each month and the totals) against the engine's run of `scenario`, and the headline figures against scenarios:run. */
async function expectScenarioSheet(wb: ExcelJS.Workbook, scenario: Scenario, set: Record<string, number> | undefined, label: string): Promise<void> {
  const expected = applyOverrides(scenario, set ?? {});
  const values = scenarioValues(expected, runDeterministic(expected));
  const horizon = expected.horizonMonths;
  const ids = SCENARIO_COLUMN_IDS.filter((id) => id !== 'month');
  values.months.forEach((m, i) => {
    for (const id of ids) expectClose(resultOf(wb, 'Scenario', scenarioCell(horizon, id, i)), m[id], `${label}: ${id}, month ${i + 1}`);
  });
  for (const id of ids.filter(hasTotal)) expectClose(resultOf(wb, 'Scenario', scenarioCell(horizon, id, 'totals')), values.totals[id], `${label}: ${id}, totals`);

  // The same figures as the app's scenarios:run channel gives them (engine + metric definitions).
  const run = await call('scenarios:run', { scenario, ...(set ? { set } : {}), tornado: false, capacity: false });
  const cell = (id: ColumnId, i: number | 'totals') => resultOf(wb, 'Scenario', scenarioCell(horizon, id, i));
  run.periods.forEach((p, i) => {
    expectClose(cell('accepted', i), p.accepted, `${label}: accepted, ${p.month}`);
    expectClose(cell('ai_path_cost', i), money(p.aiPathCostMicros), `${label}: AI-path cost, ${p.month}`);
    expectClose(cell('cost_per_accepted', i), money(p.costPerAcceptedMicros), `${label}: cost per accepted, ${p.month}`);
    expectClose(cell('net_saving', i), money(p.netSavingMicros), `${label}: net saving, ${p.month}`);
    expectClose(cell('hours_freed', i), p.hoursFreed, `${label}: hours freed, ${p.month}`);
    expectClose(cell('fte_freed', i), p.fteFreed, `${label}: FTE freed, ${p.month}`);
    expectClose(cell('break_even_acceptance', i), p.breakEven.acceptanceRate, `${label}: break-even acceptance, ${p.month}`);
    expectClose(cell('break_even_price', i), p.breakEven.pricePerCredit, `${label}: break-even price, ${p.month}`);
    expectClose(cell('cumulative_net_saving', i), money(p.cumulative.netSavingMicros), `${label}: cumulative net saving, ${p.month}`);
  });
  const t = run.totals;
  const summary = (figure: SummaryFigure) => resultOf(wb, 'Summary', summaryCell(figure, 'scenario'));
  expectClose(summary('accepted'), t.accepted, `${label}: Summary accepted`);
  expectClose(summary('acceptance_rate'), t.acceptanceRate, `${label}: Summary acceptance rate`);
  expectClose(summary('ai_path_cost'), money(t.aiPathCostMicros), `${label}: Summary AI-path cost`);
  expectClose(summary('cost_per_accepted'), money(t.costPerAcceptedMicros), `${label}: Summary cost per accepted`);
  expectClose(summary('human_path_cost'), money(t.humanPathCostMicros), `${label}: Summary human-path cost`);
  expectClose(summary('net_saving'), money(t.netSavingMicros), `${label}: Summary net saving`);
  expectClose(summary('hours_freed'), t.hoursFreed, `${label}: Summary hours freed`);
  expectClose(summary('fte_freed'), t.fteFreed, `${label}: Summary FTE freed`);
  expectClose(summary('break_even_acceptance'), t.breakEven.acceptanceRate, `${label}: Summary break-even acceptance`);
  expectClose(summary('break_even_price'), t.breakEven.pricePerCredit, `${label}: Summary break-even price`);
}

describe.skipIf(!SOFFICE)(`the pilot cost worksheet, recomputed in LibreOffice${SOFFICE ? '' : ' (SKIPPED: soffice not found; apt-get install libreoffice-calc-nogui)'}`, () => {
  let scenario: Scenario;
  let written: string;
  let recomputed: ExcelJS.Workbook;

  beforeAll(async () => {
    written = join(root, 'payments.xlsx');
    const result = await call('export:worksheet', { pilot: PILOT, path: written });
    expect(result.sheets).toEqual(['Summary', 'Assumptions', 'Scenario', 'Cost lines', 'Decisions', 'Sources']);
    // The scenario the export calibrates: scenarios:calibrate on the same pilot with the same window and horizon.
    scenario = await call('scenarios:calibrate', { pilot: PILOT, ...WORKSHEET_CALIBRATION });
    recomputed = await read(await recompute(written, join(root, 'recomputed')));
  }, 180_000);

  it('recomputes every Scenario figure, per month and in total, to the engine’s numbers', async () => {
    expect(scenario.plan.shape).toBe('per_outcome');
    await expectScenarioSheet(recomputed, scenario, undefined, 'as written');
  });

  it('adds up the Cost lines to what metrics:get says for the pilot, and the Summary’s observed figures with it', async () => {
    const metrics = await call('metrics:get', { pilot: PILOT });
    const s = metrics.total.sums;
    const layout = costLinesLayout(s.records, costLinesColumns({ people: false, missingRates: false, currency: 'GBP' }));
    const total = (id: CostLinesColumnId) => resultOf(recomputed, 'Cost lines', layout.cell(id, layout.totals));
    expect(recomputed.getWorksheet('Cost lines')!.getCell(layout.cell('ticket', layout.totals)).value).toBe(`Total (${s.records} records)`);
    const kinds: Record<(typeof COST_MEASURES)[number], CostLinesColumnId> = {
      cost_run_credits: 'costRunCreditsMicros',
      cost_ai_credits: 'costAiCreditsMicros',
      cost_provider: 'costProviderMicros',
      cost_ci: 'costCiMicros',
      cost_human: 'costHumanMicros',
    };
    for (const m of COST_MEASURES) expectClose(total(kinds[m]), s[m] / 1e6, `cost lines total of ${m}`);
    expectClose(total('total'), money(metrics.total.metrics.ai_path_cost), 'cost lines total');
    expectClose(total('runs'), s.runs, 'runs');
    expectClose(total('repairRuns'), s.repair_runs, 'repair runs');
    expectClose(total('reviewRounds'), s.review_rounds, 'review rounds');
    expectClose(total('ciMinutes'), s.ci_minutes, 'CI minutes');
    expectClose(total('accepted'), s.accepted, 'accepted');
    expectClose(total('reachedReview'), s.mrs_reached_review, 'reached review');
    expectClose(total('humanHours'), s.human_hours, 'human hours');
    expectClose(total('baselineHours'), s.baseline_hours, 'baseline hours');

    const observed = (figure: SummaryFigure) => resultOf(recomputed, 'Summary', summaryCell(figure, 'observed'));
    expectClose(observed('records'), s.records, 'Summary records');
    expectClose(observed('accepted'), metrics.total.metrics.accepted, 'Summary accepted');
    expectClose(observed('acceptance_rate'), metrics.total.metrics.acceptance_rate, 'Summary acceptance rate');
    expectClose(observed('ai_path_cost'), money(metrics.total.metrics.ai_path_cost), 'Summary AI-path cost');
    expectClose(observed('cost_per_accepted'), money(metrics.total.metrics.cost_per_accepted), 'Summary cost per accepted');
    expectClose(observed('hours_freed'), metrics.total.metrics.hours_freed, 'Summary hours freed');
    // FTE over the months the pilot's records cover, as the pilot's scorecard divides.
    const pilot = (await call('pilots:list', {})).find((p) => p.name === PILOT)!;
    const scorecard = await call('pilots:scorecard', { id: pilot.id });
    expectClose(observed('fte_freed'), scorecard.metrics.fte_freed, 'Summary FTE freed');
  });

  it('moves exactly as runDeterministic with the override says when acceptance_rate is edited in the file', async () => {
    const before = scenario.assumptions.acceptance_rate.value;
    const edited = Math.min(0.95, Math.round((before + 0.15) * 100) / 100);
    const wb = await read(written);
    const [range] = wb.definedNames.getRanges('acceptance_rate').ranges;
    expect(range).toBe('Assumptions!$D$9');
    const cell = wb.getWorksheet('Assumptions')!.getCell('D9');
    expect(cell.value).toBe(before);
    cell.value = edited;
    const editedFile = join(root, 'payments-edited.xlsx');
    await wb.xlsx.writeFile(editedFile);

    // The edited file still caches the old results: whatever matches the override below, LibreOffice computed.
    const cached = (w: ExcelJS.Workbook) => w.getWorksheet('Summary')!.getCell(summaryCell('cost_per_accepted', 'scenario')).result;
    expect(cached(await read(editedFile))).toBe(cached(wb));

    const again = await read(await recompute(editedFile, join(root, 'recomputed-edited')));
    expect(again.getWorksheet('Assumptions')!.getCell('D9').value).toBe(edited);
    await expectScenarioSheet(again, scenario, { acceptance_rate: edited }, `acceptance_rate ${before} → ${edited}`);

    // It really moved: more accepted, a lower cost per accepted, more hours freed; the records did not change.
    const summary = (w: ExcelJS.Workbook, figure: SummaryFigure, side: 'observed' | 'scenario' = 'scenario') => resultOf(w, 'Summary', summaryCell(figure, side))!;
    expect(summary(again, 'accepted')).toBeGreaterThan(summary(recomputed, 'accepted'));
    expect(summary(again, 'cost_per_accepted')).toBeLessThan(summary(recomputed, 'cost_per_accepted'));
    expect(summary(again, 'hours_freed')).toBeGreaterThan(summary(recomputed, 'hours_freed'));
    expect(summary(again, 'cost_per_accepted', 'observed')).toBe(summary(recomputed, 'cost_per_accepted', 'observed'));
  }, 180_000);

  it('recomputes the run-credit formulas of every plan shape to the engine’s numbers', async () => {
    const shapes = [
      planRules({ name: 'Per merged', shape: 'per_merged', creditsPerMerged: 1.5, currency: 'GBP' }),
      planRules({ name: 'Prepaid', shape: 'prepaid_balance', marginPercent: 20, currency: 'GBP' }),
      planRules({ name: 'One-off allowance', allowanceResets: 'never', freeCredits: 120, creditsPerEvent: { pr_created: 1, pr_updated: 1, continuation_run: 0.5 }, currency: 'GBP' }),
    ];
    const saved: Scenario[] = [];
    const files: string[] = [];
    for (const plan of shapes) {
      const s: Scenario = { ...scenario, name: plan.name, plan };
      await call('scenarios:save', s);
      saved.push(s);
      const file = join(root, `${plan.name.replace(/\W+/g, '-')}.xlsx`);
      await call('export:worksheet', { pilot: PILOT, scenario: plan.name, path: file });
      files.push(file);
    }
    const outs = await recomputeAll(files, join(root, 'recomputed-shapes'));
    for (let i = 0; i < outs.length; i++) await expectScenarioSheet(await read(outs[i]!), saved[i]!, undefined, shapes[i]!.name);
  }, 180_000);
});

import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Scenario } from '../../../../shared/domain/scenario/schema';
import { exportFileName, localDay } from '../../../../shared/domain/export-file-name';
import { buildWorksheetPlan } from '../../../../shared/domain/worksheet/plan';
import { AppError } from '../../../../shared/ipc/result';
import { requirePilot } from '../../../db/repositories/pilots';
import { requireScenario } from '../../../db/repositories/scenarios';
import { deliverExport } from '../../../export/deliver';
import { worksheetInput } from '../../../export/worksheet/gather';
import { writeWorkbookPlan } from '../../../export/worksheet/xlsx-writer';
import type { HandlerContext, HandlerMap } from '../handler-types';
import { calibrate } from './scenarios';

/** What a worksheet without a saved scenario is calibrated with: the defaults of scenarios:calibrate. */
export const WORKSHEET_CALIBRATION = { windowMonths: 6, horizonMonths: 12 } as const;

function checkTarget(path: string): string {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `Give an absolute path for the worksheet, not "${path.slice(0, 200)}".`);
  if (!/\.xlsx$/i.test(path)) throw new AppError('INVALID_INPUT', 'The worksheet file name must end in .xlsx.');
  const target = resolve(path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `${dir} is not a folder; choose where to save the worksheet.`);
  if (existsSync(target) && !statSync(target).isFile()) throw new AppError('INVALID_INPUT', `${target} is not a file.`);
  return target;
}

/** The scenario the worksheet carries: a saved one by name, or one calibrated on the same records as scenarios:calibrate would. */
function scenarioFor(ctx: HandlerContext, input: { pilot?: string | undefined; scenario?: string | undefined }): { scenario: Scenario; origin: 'saved' | 'calibrated' } {
  if (input.scenario) return { scenario: requireScenario(ctx.workspace.db, input.scenario).scenario, origin: 'saved' };
  const name = `Calibrated on ${input.pilot ?? 'the workspace'}`.slice(0, 80);
  return { scenario: calibrate(ctx, { name, pilot: input.pilot, ...WORKSHEET_CALIBRATION }), origin: 'calibrated' };
}

export const worksheetHandlers: Pick<HandlerMap, 'export:worksheet'> = {
  'export:worksheet': async (input, ctx) => {
    // The user's path is checked before any work; without one the bytes come back (deliverExport).
    const userPath = input.path === undefined ? undefined : checkTarget(input.path);
    const { db } = ctx.workspace;
    const jobId = randomUUID();
    const step = (text: string, done: number, total: number | null, finished = false) => ctx.emit('job:progress', { jobId, kind: 'export', step: text, done, total, finished });
    step('Reading records and calibrating the scenario', 0, null);
    const pilot = input.pilot ? requirePilot(db, { name: input.pilot }) : null;
    const { scenario, origin } = scenarioFor(ctx, { pilot: pilot?.name, scenario: input.scenario });
    const data = worksheetInput(db, ctx.workspace.settings(), { pilot, scenario, origin, appVersion: ctx.version });
    const plan = buildWorksheetPlan(data);
    const fileName = exportFileName({ kind: 'yardstick-worksheet', subject: pilot?.name ?? ctx.workspace.settings().name, day: localDay(new Date()), extension: 'xlsx' });
    const written = await deliverExport(userPath, fileName, async (target) => {
      const { bytes } = await writeWorkbookPlan(plan, target, {
        signal: ctx.signal,
        creator: `Yardstick ${ctx.version}`,
        progress: (sheet, done, total) => step(`Writing ${sheet}`, done, total),
      });
      return { path: target, bytes };
    });
    step('Worksheet written', 1, 1, true);
    return { ...written, sheets: plan.sheets.map((s) => s.name), records: data.records.length };
  },
};

import { extname, resolve } from 'node:path';
import { CHART_IDS, type ChartId } from '../../../shared/domain/charts/ids';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace } from '../../workspace/workspace';
import { call, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';
import { exportWorksheetCommand } from './export-worksheet';

const str = (args: CliArgs, name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);

function numberArg(args: CliArgs, name: string): number | undefined {
  const v = str(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new AppError('INVALID_INPUT', `--${name} must be a positive number, got "${v}"`);
  return n;
}

const requireOut = (args: CliArgs, what: string): string => {
  const out = str(args, 'out');
  if (!out) throw new AppError('INVALID_INPUT', `missing --out ${what}`);
  return resolve(out);
};

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** `yardstick export report --workspace DIR [--pilot NAME] [--paper a4|letter] --out FILE.pdf` */
async function reportCommand(args: CliArgs): Promise<void> {
  const path = requireOut(args, 'FILE.pdf');
  const paper = str(args, 'paper') ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter') throw new AppError('INVALID_INPUT', `--paper must be a4 or letter, got "${paper}"`);
  const pilot = str(args, 'pilot');
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const result = await call(workspace, 'export:report', { path, paper, ...(pilot ? { pilot } : {}) });
    if (args['format'] === 'json') printJson(result);
    else process.stdout.write(`${result.path}\n${result.pages} pages, ${size(result.bytes)}\n`);
  } finally {
    workspace.close();
  }
}

/** `yardstick export chart --workspace DIR --chart ID [--pilot NAME] [--scenario NAME] [--scale N] [--width W --height H] --out FILE.png|svg` */
async function chartCommand(args: CliArgs): Promise<void> {
  const path = requireOut(args, 'FILE.png|FILE.svg');
  const format = extname(path).toLowerCase().slice(1);
  if (format !== 'png' && format !== 'svg') throw new AppError('INVALID_INPUT', `--out must end in .png or .svg (the format follows the extension), got "${path}"`);
  const chart = str(args, 'chart');
  if (!chart || !(CHART_IDS as readonly string[]).includes(chart)) throw new AppError('INVALID_INPUT', `--chart must be one of ${CHART_IDS.join(', ')}${chart ? `, got "${chart}"` : ''}`);
  const pilot = str(args, 'pilot');
  const scenario = str(args, 'scenario');
  const scale = numberArg(args, 'scale');
  const width = numberArg(args, 'width');
  const height = numberArg(args, 'height');
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const result = await call(workspace, 'export:chart', {
      chart: chart as ChartId,
      format,
      path,
      ...(pilot ? { pilot } : {}),
      ...(scenario ? { scenario } : {}),
      ...(scale !== undefined ? { scale } : {}),
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
    });
    if (args['format'] === 'json') printJson(result);
    else process.stdout.write(`${result.path}\n${result.width} × ${result.height} ${format === 'png' ? 'pixels' : 'CSS pixels'}, ${size(result.bytes)}\n`);
  } finally {
    workspace.close();
  }
}

/** `yardstick export worksheet|report|chart ...`: each kind through its own channel. */
export async function exportCommand(kind: string | undefined, args: CliArgs): Promise<void> {
  switch (kind) {
    case 'worksheet':
      return exportWorksheetCommand(args);
    case 'report':
      return reportCommand(args);
    case 'chart':
      return chartCommand(args);
    default:
      throw new AppError('INVALID_INPUT', `unknown export "${kind ?? ''}": worksheet, report or chart (see yardstick --help)`);
  }
}

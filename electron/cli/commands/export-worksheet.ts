import { resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace } from '../../workspace/workspace';
import { call, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

const str = (args: CliArgs, name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);

/**
 * `yardstick export worksheet --workspace DIR [--pilot NAME] [--scenario NAME] --out FILE.xlsx`:
 * the pilot cost worksheet through the export:worksheet channel. Without --scenario the scenario is
 * calibrated on the pilot's (or workspace's) records. What was written goes to stdout; progress to stderr.
 */
export async function exportWorksheetCommand(args: CliArgs): Promise<void> {
  const out = str(args, 'out');
  if (!out) throw new AppError('INVALID_INPUT', 'missing --out FILE.xlsx');
  const pilot = str(args, 'pilot');
  const scenario = str(args, 'scenario');
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const result = await call(workspace, 'export:worksheet', { path: resolve(out), ...(pilot ? { pilot } : {}), ...(scenario ? { scenario } : {}) });
    if (args['format'] === 'json') printJson(result);
    else process.stdout.write(`${result.path}\n${result.records} records, ${(result.bytes / 1024).toFixed(0)} KB; sheets: ${result.sheets.join(', ')}\n`);
  } finally {
    workspace.close();
  }
}

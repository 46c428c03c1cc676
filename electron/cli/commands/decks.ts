import { toCsv } from '../../../shared/domain/csv';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace } from '../../workspace/workspace';
import { call, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

/** `yardstick decks list`: the workspace's presentation decks through decks:list (JSON has every slide). */
export async function decksCommand(sub: string | undefined, args: CliArgs): Promise<void> {
  if (sub !== 'list') throw new AppError('INVALID_INPUT', 'use yardstick decks list (see yardstick --help)');
  const format = args['format'] ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new AppError('INVALID_INPUT', '--format must be csv or json');
  const ws = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const list = await call(ws, 'decks:list', {});
    if (format === 'json') return void printJson(list);
    process.stdout.write(toCsv(['id', 'name', 'slides', 'updated_at'], list.decks.map((d) => [d.id, d.name, d.slides.length, d.updatedAt])));
    // Unreadable decks are not data rows; say so where a person reads it.
    for (const u of list.unreadable) process.stderr.write(`Not listed: the deck "${u.name}". ${u.problem}\n`);
  } finally {
    ws.close();
  }
}

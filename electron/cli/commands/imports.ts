import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ColumnMappingSchema } from '../../../shared/domain/column-mapping';
import type { ImportPreview, ImportSummary, ImportView } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace } from '../../workspace/workspace';
import { call, cliContext, intArg, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

function readMapping(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AppError('INVALID_INPUT', `--mapping ${path}: not a readable JSON file (${(e as Error).message})`);
  }
  const parsed = ColumnMappingSchema.safeParse(json);
  if (!parsed.success) throw new AppError('INVALID_INPUT', `--mapping ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const describeSummary = (s: ImportSummary): string =>
  `${s.fileName}: ${s.format}; ${s.rowsImported} rows added, ${s.rowsSkipped} already there, ${s.rowsRejected} rejected (import #${s.importId}, sha256 ${s.sha256.slice(0, 12)}…)${s.rejections.map((r) => `\n  line ${r.line}: ${r.reason}`).join('')}`;

function describePreview(p: ImportPreview): string {
  if (p.problem) return `${p.fileName}: ${p.problem}`;
  const widths = p.columns.map((c) => Math.min(28, Math.max(c.length, ...p.rows.map((r) => (r.values[c] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ');
  return [
    `${p.fileName}: ${p.format?.label ?? 'not recognised'} · ${p.encoding}${p.delimiter ? ` · delimiter ${JSON.stringify(p.delimiter)}` : ''} · ${p.estimateExact ? '' : 'about '}${p.estimatedRows.toLocaleString('en-GB')} rows`,
    ...(p.looksLike ? [`  looks like: ${p.looksLike}`] : []),
    ...(p.alreadyImported ? [`  already imported as #${p.alreadyImported.importId} (${p.alreadyImported.at}); nothing new would be added`] : []),
    `  ${line(p.columns)}`,
    ...p.rows.map((r) => `  ${line(p.columns.map((c) => r.values[c] ?? ''))}`),
    ...p.rejections.map((r) => `  line ${r.line}: ${r.reason}`),
  ].join('\n');
}

/** `yardstick import FILE...`: the same import channel as the app; Ctrl+C cancels the running file. */
export async function importCommand(files: string[], args: CliArgs): Promise<boolean> {
  if (files.length === 0) throw new AppError('INVALID_INPUT', 'usage: yardstick import --workspace DIR [--preset NAME | --mapping FILE] [--accept-valid-rows] [--preview] FILE...');
  const mapping = typeof args['mapping'] === 'string' ? readMapping(args['mapping']) : undefined;
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: true });
  if (args['preview'] === true) {
    try {
      for (const file of files) {
        const preview = await call(workspace, 'imports:preview', { path: resolve(file), ...(typeof args['preset'] === 'string' ? { preset: args['preset'] as 'run-credits' } : {}), ...(mapping ? { mapping } : {}) });
        process.stdout.write(args['format'] === 'json' ? `${JSON.stringify(preview, null, 2)}\n` : `${describePreview(preview)}\n`);
      }
    } finally {
      workspace.close();
    }
    return true;
  }
  const results: { file: string; summary: ImportSummary | null; error: string | null }[] = [];
  try {
    const jobs = cliContext(workspace).services.imports;
    for (const file of files) {
      let jobId: string;
      try {
        ({ jobId } = await call(workspace, 'imports:run', {
        path: resolve(file),
        ...(typeof args['preset'] === 'string' ? { preset: args['preset'] as 'run-credits' } : {}),
        ...(mapping ? { mapping } : {}),
        acceptValidRows: args['accept-valid-rows'] === true,
        }));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        results.push({ file, summary: null, error: message });
        if (args['format'] !== 'json') process.stdout.write(`${file}: ${message}\n`);
        continue;
      }
      const stop = () => jobs.cancel(jobId);
      process.once('SIGINT', stop);
      const summary = await jobs.wait(jobId);
      process.off('SIGINT', stop);
      const failure = summary ? null : ((await call(workspace, 'imports:list', {}))[0] as ImportView | undefined)?.error ?? 'failed';
      results.push({ file, summary, error: failure });
      if (args['format'] !== 'json') process.stdout.write(summary ? `${describeSummary(summary)}\n` : `${file}: ${failure}\n`);
    }
  } finally {
    workspace.close();
  }
  if (args['format'] === 'json') printJson(results);
  return results.every((r) => r.summary !== null);
}

/** `yardstick imports list|undo`. */
export async function importsCommand(sub: string | undefined, args: CliArgs): Promise<void> {
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    if (sub === 'list') {
      const list = await call(workspace, 'imports:list', {});
      if (args['format'] === 'json') printJson(list);
      else
        process.stdout.write(
          list.length === 0
            ? 'No imports.\n'
            : `${list.map((i) => `#${String(i.id).padEnd(5)} ${i.status.padEnd(11)} ${i.startedAt.slice(0, 19)}  ${i.fileName}  (${i.format}; +${i.rowsImported} =${i.rowsSkipped} ✗${i.rowsRejected}; ${i.sha256.slice(0, 12)})${i.error ? `\n       ${i.error}` : ''}`).join('\n')}\n`,
        );
      return;
    }
    if (sub === 'undo') {
      const id = intArg(args, 'id', -1);
      if (id < 0) throw new AppError('INVALID_INPUT', 'usage: yardstick imports undo --workspace DIR --id N');
      const { rowsRemoved } = await call(workspace, 'imports:undo', { importId: id });
      process.stdout.write(`Undid import #${id}: removed ${rowsRemoved} rows.\n`);
      return;
    }
    throw new AppError('INVALID_INPUT', 'usage: yardstick imports list|undo --workspace DIR [--id N]');
  } finally {
    workspace.close();
  }
}

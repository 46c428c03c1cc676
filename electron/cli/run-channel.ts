import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, ImportProgress, JobProgress, SyncProgressEvent } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { makeContext } from '../main/app-context';
import { dispatch } from '../main/ipc/dispatch';
import { handlers } from '../main/ipc/handlers';
import type { HandlerContext } from '../main/ipc/handler-types';
import type { Workspace } from '../workspace/workspace';

export type CliArgs = Record<string, string | boolean | undefined>;

const fmtEta = (s: number | null) => (s === null ? '' : s >= 90 ? `, ~${Math.round(s / 60)} min left` : `, ~${s} s left`);

/** Progress goes to stderr, one line per step change or every few seconds, so data on stdout stays clean. */
export function stderrProgress(): HandlerContext['emit'] {
  let lastLine = '';
  let lastAt = 0;
  return (event, payload) => {
    let line: string | null = null;
    if (event === 'job:progress') {
      const p = payload as JobProgress;
      line = `${p.finished ? '✓' : '…'} ${p.step}${p.total ? ` ${p.done}/${p.total}` : ''}`;
    } else if (event === 'sync:progress') {
      const p = payload as SyncProgressEvent;
      const count = p.total !== null ? ` ${p.done}/${p.total}` : p.done ? ` ${p.done}` : '';
      line = p.state === 'running' ? `… ${p.source}: ${p.step}${count}${fmtEta(p.etaSeconds)}${p.waiting ? ` (${p.waiting})` : ''}` : `${p.state === 'succeeded' ? '✓' : '✗'} ${p.source}: ${p.state}${p.message ? ` — ${p.message}` : ''}`;
    }
    else if (event === 'import:progress') {
      const p = payload as ImportProgress;
      const pct = p.totalBytes > 0 ? ` ${Math.floor((100 * p.bytesRead) / p.totalBytes)}%` : '';
      line = p.state === 'running' ? `… ${p.fileName}: ${p.rows.toLocaleString('en-GB')} rows${pct}` : `${p.state === 'succeeded' ? '✓' : '✗'} ${p.fileName}: ${p.state}`;
    }
    if (!line) return;
    const stepChanged = line.split(/ \d/)[0] !== lastLine.split(/ \d/)[0];
    if (stepChanged || Date.now() - lastAt > 2000 || !line.startsWith('…')) {
      process.stderr.write(`${line}\n`);
      lastAt = Date.now();
    }
    lastLine = line;
  };
}

const emitter = stderrProgress();

export const cliContext = (workspace: Workspace): HandlerContext => makeContext('cli', workspace, emitter);

/** Calls one channel through the same dispatch as the app; an error Result becomes a thrown AppError. */
export async function call<C extends Channel>(workspace: Workspace, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(handlers, channel, input, cliContext(workspace));
  if (!result.ok) {
    const details = Array.isArray(result.error.details) ? ` (${(result.error.details as { path?: string; message?: string }[]).map((d) => `${d.path ? `${d.path}: ` : ''}${d.message}`).join('; ')})` : '';
    throw new AppError(result.error.code, `${result.error.message}${details}`);
  }
  return result.data as ChannelOutput<C>;
}

export const requireWorkspaceArg = (args: CliArgs): string => {
  if (typeof args['workspace'] !== 'string') throw new AppError('INVALID_INPUT', 'missing --workspace DIR');
  return args['workspace'];
};

export const listArg = (args: CliArgs, name: string): string[] =>
  typeof args[name] === 'string' ? (args[name] as string).split(',').map((s) => s.trim()).filter(Boolean) : [];

export const intArg = (args: CliArgs, name: string, fallback: number): number => {
  const v = args[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new AppError('INVALID_INPUT', `--${name} must be a whole number, got "${String(v)}"`);
  return n;
};

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new AppError('INVALID_INPUT', '--token-stdin reads the token from standard input; pipe it in (e.g. `pass show jira | yardstick source add …`).');
  let text = '';
  for await (const chunk of process.stdin) text += chunk.toString();
  return text.trim();
}

export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

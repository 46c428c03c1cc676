import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, JobProgress } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { APP_VERSION, createDemoWorkspace, makeContext, openDemoWorkspace } from '../main/app-context';
import { dispatch } from '../main/ipc/dispatch';
import { handlers } from '../main/ipc/handlers';
import { startHost } from '../host/server';
import { openWorkspace, type Workspace } from '../workspace/workspace';
import { defaultDemoWorkspaceDir } from '../workspace/paths';
import { formatStatus } from './format';

const USAGE = `yardstick ${APP_VERSION}: what AI-assisted software work costs, measured in accepted work

Usage:
  yardstick demo   --workspace DIR [--scale N] [--seed N]   create the demo workspace in an empty folder
  yardstick status --workspace DIR [--format text|json]     what the workspace holds
  yardstick serve  [--workspace DIR] [--port P]             serve the app to a browser on 127.0.0.1
                                                            (no --workspace: the built-in demo workspace)
Data goes to stdout, progress to stderr; on error the exit code is non-zero with a one-line reason.`;

type Args = Record<string, string | boolean | undefined>;

const progressToStderr = (event: string, payload: unknown) => {
  if (event !== 'job:progress') return;
  const p = payload as JobProgress;
  const count = p.total ? ` ${p.done}/${p.total}` : '';
  process.stderr.write(`${p.finished ? '✓' : '…'} ${p.step}${count}\n`);
};

async function call<C extends Channel>(workspace: Workspace, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(handlers, channel, input, makeContext('cli', workspace, progressToStderr));
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.data as ChannelOutput<C>;
}

const requireWorkspace = (args: Args): string => {
  if (typeof args['workspace'] !== 'string') throw new AppError('INVALID_INPUT', 'missing --workspace DIR');
  return args['workspace'];
};

const intArg = (args: Args, name: string, fallback: number): number => {
  const v = args[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new AppError('INVALID_INPUT', `--${name} must be a whole number, got "${String(v)}"`);
  return n;
};

const COMMANDS: Record<string, (args: Args) => Promise<void>> = {
  async demo(args) {
    const dir = requireWorkspace(args);
    const started = performance.now();
    const status = await createDemoWorkspace(dir, { host: 'cli', scale: intArg(args, 'scale', 1), seed: intArg(args, 'seed', 42), emit: progressToStderr });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`Demo workspace created in ${seconds} s\n`);
    process.stdout.write(args['format'] === 'json' ? `${JSON.stringify(status, null, 2)}\n` : `${formatStatus(status)}\n`);
  },
  async status(args) {
    const workspace = openWorkspace(requireWorkspace(args), { create: false });
    try {
      const status = await call(workspace, 'workspace:get-status', {});
      process.stdout.write(args['format'] === 'json' ? `${JSON.stringify(status, null, 2)}\n` : `${formatStatus(status)}\n`);
    } finally {
      workspace.close();
    }
  },
  async serve(args) {
    const dir = typeof args['workspace'] === 'string' ? args['workspace'] : defaultDemoWorkspaceDir();
    const workspace = typeof args['workspace'] === 'string' ? openWorkspace(dir, { create: true }) : await openDemoWorkspace(dir, 'cli', progressToStderr);
    const host = await startHost({
      workspace,
      handlers,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      version: APP_VERSION,
      port: intArg(args, 'port', 0),
    });
    process.stderr.write(`Serving workspace ${workspace.dir}\nOpen this link in a browser (it carries this session's access token); Ctrl+C stops.\n`);
    process.stdout.write(`${host.url}\n`);
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    workspace.close();
  },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`yardstick: unknown command "${command}" (see yardstick --help)\n`);
    return 2;
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        workspace: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        format: { type: 'string' },
      },
      strict: true,
    });
    if (values.format !== undefined && !['text', 'json', 'csv'].includes(values.format)) throw new AppError('INVALID_INPUT', `--format must be text, json or csv`);
    await run(values);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`yardstick ${command}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

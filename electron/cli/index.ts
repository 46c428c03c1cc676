import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/ipc/result';
import { APP_VERSION, createDemoWorkspace, makeContext, openDemoWorkspace } from '../main/app-context';
import { handlers } from '../main/ipc/handlers';
import { APP_BUILD } from '../main/build-info';
import { startHost } from '../host/server';
import { openWorkspace } from '../workspace/workspace';
import { defaultDemoWorkspaceDir } from '../workspace/paths';
import { formatStatus } from './format';
import { sourceCommand } from './commands/sources';
import { syncCommand } from './commands/sync';
import { importCommand, importsCommand } from './commands/imports';
import { metricsCommand, recordsCommand } from './commands/records';
import { factsCommand, pivotCommand } from './commands/pivot';
import { scenarioCommand } from './commands/scenario';
import { backupCommand, restoreCommand } from './commands/backup';
import { exportCommand } from './commands/export';
import { decksCommand } from './commands/decks';
import { call, intArg, requireWorkspaceArg, stderrProgress, type CliArgs } from './run-channel';

const USAGE = `yardstick ${APP_VERSION}: what AI-assisted software work costs, measured in accepted work

Usage:
  yardstick demo   --workspace DIR [--scale N] [--seed N]   create the demo workspace in an empty folder
  yardstick status --workspace DIR [--format text|json]     what the workspace holds
  yardstick serve  [--workspace DIR] [--port P]             serve the app to a browser on 127.0.0.1
                                                            (no --workspace: the built-in demo workspace)
  yardstick backup  --workspace DIR --out FILE [--force] [--format json]
                                                            copy the workspace into one file (online backup; --force replaces FILE)
  yardstick restore --workspace DIR --from FILE [--force] [--format json]
                                                            into a new or empty folder; over a workspace only with --force
                                                            (its data is kept in DIR/backups first)
  yardstick source add jira --workspace DIR --name NAME --url URL [--email E (Cloud)] [--flavour cloud|datacenter]
                   [--projects A,B | --jql JQL] [--start-date YYYY-MM-DD] --token-stdin
  yardstick source add gitlab --workspace DIR --name NAME --url URL [--groups G,H] [--projects P,Q] [--start-date D] --token-stdin
  yardstick source list|test|remove --workspace DIR [--name NAME]   tokens live in the OS keychain only
  yardstick sync   --workspace DIR [--source NAME] [--full] [--format json]
  yardstick import --workspace DIR [--preset NAME | --mapping FILE.json] [--accept-valid-rows] [--preview] FILE...
  yardstick imports list|undo --workspace DIR [--id N]
  yardstick records --workspace DIR [--pilot NAME] [--format csv|json] [--real-names]
  yardstick metrics --workspace DIR [--by team|project|repository|issue_type|size|outcome|month|quarter|workspace|plan]
                    [--pilot NAME] [--from YYYY-MM] [--to YYYY-MM] [--format csv|json]
  yardstick pivot  --workspace DIR [--rows a,b] [--cols c] --values m1,m2 [--filter dim=value ...] [--format csv|json] [--real-names]
                                                            rows per row group, subtotals and totals marked (--filter dim= is "(none)")
  yardstick pivot  --list-fields [--workspace DIR] [--format csv|json]   every dimension and measure with its kind
  yardstick facts  --workspace DIR [--format csv] [--real-names]         the fact rows the pivot sums, under the same names
  yardstick scenario list --workspace DIR [--format csv|json]
  yardstick scenario show NAME --workspace DIR [--format csv|json]      every assumption: value, range, evidence
  yardstick scenario run NAME --workspace DIR [--set ASSUMPTION=VALUE ...] [--horizon MONTHS]
                    [--draws N [--seed N]] [--format csv|json]          per-month results and totals (VALUE: 0.8, 80% or low:likely:high)
  yardstick scenario seek NAME --workspace DIR --vary ASSUMPTION [--target break-even | net-saving=AMOUNT | cost-per-accepted=AMOUNT
                    | ai-path-cost=AMOUNT | hours-freed=H | fte-freed=N | accepted=N] [--set ...] [--horizon MONTHS] [--format csv|json]
                                                            the value of one assumption that reaches the target (default break-even)
  yardstick scenario calibrate NAME --workspace DIR [--pilot NAME] [--horizon MONTHS] [--window MONTHS]
                                                            save a scenario calibrated on the workspace's (or a pilot's) records
  yardstick scenario rename|duplicate NAME NEW_NAME --workspace DIR
  yardstick scenario delete|undo NAME --workspace DIR                   every change to a scenario can be undone
  yardstick decks list --workspace DIR [--format csv|json]              the Present page's decks (JSON: with their slides)
  yardstick export worksheet --workspace DIR [--pilot NAME] [--scenario NAME] --out FILE.xlsx
                                                            the pilot cost worksheet (no --scenario: calibrated on the pilot's records)
  yardstick export report --workspace DIR [--pilot NAME] [--paper a4|letter] --out FILE.pdf
                                                            PDF report of a pilot (or the workspace), printed by Chromium
  yardstick export chart --workspace DIR --chart ID [--pilot NAME] [--scenario NAME] [--scale N] [--width W --height H] --out FILE.png|svg
                                                            one key chart with title and footnote; PNG at --scale (default 2)
                                                            ID: cost-per-accepted, cost-by-kind, pilot-monthly, scenario-cost, tornado, scenario-comparison
Data goes to stdout, progress to stderr; on error the exit code is non-zero with a one-line reason.`;

type Args = CliArgs;
const progressToStderr = stderrProgress();

/** Options given more than once (parseArgs `multiple`), apart from the single-valued ones. */
type Lists = { filter: string[]; set: string[] };

const COMMANDS: Record<string, (args: Args, positional: string[], lists: Lists) => Promise<void | boolean>> = {
  source: (args, positional) => sourceCommand(positional[0], positional[1], args),
  sync: (args) => syncCommand(args),
  import: (args, positional) => importCommand(positional, args),
  imports: (args, positional) => importsCommand(positional[0], args),
  records: (args) => recordsCommand(args),
  metrics: (args) => metricsCommand(args),
  pivot: (args, _positional, lists) => pivotCommand(args, lists.filter),
  facts: (args) => factsCommand(args),
  scenario: (args, positional, lists) => scenarioCommand(positional[0], positional.slice(1), args, lists.set),
  backup: (args) => backupCommand(args),
  restore: (args) => restoreCommand(args),
  // worksheet (commands/export-worksheet.ts), report and chart: commands/export.ts routes each to its channel.
  export: (args, positional) => exportCommand(positional[0], args),
  decks: (args, positional) => decksCommand(positional[0], args),
  async demo(args) {
    const dir = requireWorkspaceArg(args);
    const started = performance.now();
    const status = await createDemoWorkspace(dir, { host: 'cli', scale: intArg(args, 'scale', 1), seed: intArg(args, 'seed', 42), emit: progressToStderr });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`Demo workspace created in ${seconds} s\n`);
    process.stdout.write(args['format'] === 'json' ? `${JSON.stringify(status, null, 2)}\n` : `${formatStatus(status)}\n`);
  },
  async status(args) {
    const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
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
      handlers,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      context: (emit) => makeContext('browser', workspace, emit),
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
  // `yardstick records | head`: a closed pipe ends the output, it is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    process.stdout.write(`${APP_VERSION}${APP_BUILD.commit ? ` (${APP_BUILD.commit}, built ${APP_BUILD.date ?? 'unknown'})` : ''}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`yardstick: unknown command "${command}" (see yardstick --help)\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        workspace: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        format: { type: 'string' },
        name: { type: 'string' },
        url: { type: 'string' },
        email: { type: 'string' },
        flavour: { type: 'string' },
        projects: { type: 'string' },
        groups: { type: 'string' },
        jql: { type: 'string' },
        'start-date': { type: 'string' },
        'token-stdin': { type: 'boolean' },
        source: { type: 'string' },
        full: { type: 'boolean' },
        preset: { type: 'string' },
        mapping: { type: 'string' },
        'accept-valid-rows': { type: 'boolean' },
        preview: { type: 'boolean' },
        id: { type: 'string' },
        pilot: { type: 'string' },
        by: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'real-names': { type: 'boolean' },
        rows: { type: 'string' },
        cols: { type: 'string' },
        values: { type: 'string' },
        filter: { type: 'string', multiple: true },
        'list-fields': { type: 'boolean' },
        set: { type: 'string', multiple: true },
        horizon: { type: 'string' },
        draws: { type: 'string' },
        window: { type: 'string' },
        out: { type: 'string' },
        paper: { type: 'string' },
        chart: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        scenario: { type: 'string' },
        vary: { type: 'string' },
        target: { type: 'string' },
        force: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.format !== undefined && !['text', 'json', 'csv'].includes(values.format)) throw new AppError('INVALID_INPUT', `--format must be text, json or csv`);
    const { filter, set, ...single } = values;
    const succeeded = await run(single, positionals, { filter: filter ?? [], set: set ?? [] });
    return succeeded === false ? 1 : 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`yardstick ${command}: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

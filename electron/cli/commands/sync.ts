import { openWorkspace } from '../../workspace/workspace';
import { call, cliContext, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

/**
 * `yardstick sync`: starts a sync through sync:start, waits for it, prints what changed. Ctrl+C
 * cancels cleanly: what was fetched is kept and the next sync resumes from there.
 */
export async function syncCommand(args: CliArgs): Promise<boolean> {
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const { jobId } = await call(workspace, 'sync:start', { ...(typeof args['source'] === 'string' ? { source: args['source'] } : {}), full: args['full'] === true });
    const engine = cliContext(workspace).services.sync;
    const onSignal = () => engine.cancel(jobId);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const outcomes = await engine.wait(jobId);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (args['format'] === 'json') printJson({ jobId, sources: outcomes });
    else for (const o of outcomes) process.stdout.write(`${o.source}: ${o.status}${o.error ? ` — ${o.error}` : ''}\n${Object.entries(o.stats).map(([k, v]) => `  ${k.padEnd(30)} ${v}`).join('\n')}\n`);
    return outcomes.every((o) => o.status === 'succeeded');
  } finally {
    workspace.close();
  }
}

import { AppError } from '../../../shared/ipc/result';
import type { SourceView } from '../../../shared/ipc/contract';
import { openWorkspace } from '../../workspace/workspace';
import { call, listArg, printJson, readStdin, requireWorkspaceArg, type CliArgs } from '../run-channel';

const describeSource = (s: SourceView): string => {
  const scope = s.scope
    ? 'groups' in s.scope
      ? [...s.scope.groups.map((g) => `group ${g}`), ...s.scope.projects.map((p) => `project ${p}`)].join(', ')
      : [...s.scope.projects.map((p) => `project ${p}`), ...(s.scope.jql ? [`JQL ${s.scope.jql}`] : [])].join(', ')
    : '';
  const last = s.lastRun ? `${s.lastRun.status} ${s.lastRun.finishedAt ?? s.lastRun.startedAt}` : 'never synced';
  return `${s.name.padEnd(24)} ${(s.kind + (s.flavour ? `/${s.flavour}` : '')).padEnd(16)} ${s.baseUrl ?? ''}\n${''.padEnd(25)}${scope || '-'}; token ${s.hasToken ? 'in keychain' : 'none'}; ${last}`;
};

/** `yardstick source add|list|test|remove`: the Sources page's operations, from a script. */
export async function sourceCommand(sub: string | undefined, kind: string | undefined, args: CliArgs): Promise<void> {
  // Adding the first source may start a new workspace; every other operation needs an existing one.
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: sub === 'add' });
  try {
    switch (sub) {
      case 'list': {
        const sources = await call(workspace, 'sources:list', {});
        if (args['format'] === 'json') printJson(sources);
        else process.stdout.write(sources.length ? `${sources.map(describeSource).join('\n')}\n` : 'No sources.\n');
        return;
      }
      case 'add': {
        if (kind !== 'jira' && kind !== 'gitlab') throw new AppError('INVALID_INPUT', 'usage: yardstick source add jira|gitlab --workspace DIR --name NAME --url URL ... --token-stdin');
        if (args['token-stdin'] !== true) throw new AppError('INVALID_INPUT', 'pass the token on standard input with --token-stdin (never as an argument, where it would land in shell history)');
        const token = await readStdin();
        const startDate = typeof args['start-date'] === 'string' ? args['start-date'] : undefined;
        const common = { name: String(args['name'] ?? ''), baseUrl: String(args['url'] ?? ''), token };
        const draft =
          kind === 'jira'
            ? {
                ...common,
                kind: 'jira' as const,
                flavour: (args['flavour'] === 'datacenter' || (args['flavour'] === undefined && !args['email']) ? 'datacenter' : 'cloud') as 'cloud' | 'datacenter',
                ...(typeof args['email'] === 'string' ? { email: args['email'] } : {}),
                scope: { projects: listArg(args, 'projects'), ...(typeof args['jql'] === 'string' ? { jql: args['jql'] } : {}), ...(startDate ? { startDate } : {}) },
              }
            : { ...common, kind: 'gitlab' as const, scope: { groups: listArg(args, 'groups'), projects: listArg(args, 'projects'), ...(startDate ? { startDate } : {}) } };
        const added = await call(workspace, 'sources:add', draft);
        if (args['format'] === 'json') printJson(added);
        else process.stdout.write(`Added ${describeSource(added)}\n`);
        return;
      }
      case 'test': {
        const result = await call(workspace, 'sources:test', { name: String(args['name'] ?? '') });
        if (args['format'] === 'json') printJson(result);
        if (!result.ok) throw new AppError('REMOTE_ERROR', result.message);
        if (args['format'] !== 'json') process.stdout.write(`Connected as ${result.identity}${result.server ? ` (${result.server})` : ''}\n`);
        return;
      }
      case 'remove': {
        await call(workspace, 'sources:remove', { name: String(args['name'] ?? '') });
        process.stdout.write(`Removed ${String(args['name'])} and its keychain entry.\n`);
        return;
      }
      default:
        throw new AppError('INVALID_INPUT', 'usage: yardstick source add|list|test|remove --workspace DIR ...');
    }
  } finally {
    workspace.close();
  }
}

import type { ConnectionTest } from '../../shared/ipc/contract';
import type { SourceConfig } from '../../shared/domain/sources';
import { AppError } from '../../shared/ipc/result';
import { RemoteError } from './http/errors';
import { jiraClient } from './jira/jira-sync';
import { gitlabClient } from './gitlab/gitlab-sync';

// A fresh timeout per test: a signal made once at load time would expire for every later test.
const quiet = () => ({ signal: AbortSignal.timeout(20_000), log: () => undefined, progress: () => undefined });

/**
 * "Test connection": who the credentials connect as, or one plain reason they do not (bad token,
 * no permission, host unreachable, TLS, or not a Jira/GitLab URL at all).
 */
export async function testConnection(baseUrl: string, config: SourceConfig, token: string): Promise<ConnectionTest> {
  try {
    if (config.kind === 'jira') {
      const api = jiraClient(quiet(), baseUrl, config, token);
      const [me, info] = await (async () => {
        try {
          return [await api.myself(), await api.serverInfo().catch(() => null)] as const;
        } finally {
          await api.close();
        }
      })();
      return { ok: true, identity: me.displayName ?? me.emailAddress ?? me.name ?? me.accountId ?? 'unknown user', server: info ? `Jira ${info.deploymentType ?? ''} ${info.version ?? ''}`.replace(/\s+/g, ' ').trim() : null };
    }
    const api = gitlabClient(quiet(), baseUrl, token);
    const [me, version] = await (async () => {
      try {
        return [await api.user(), await api.version().catch(() => null)] as const;
      } finally {
        await api.close();
      }
    })();
    return { ok: true, identity: `${me.name ?? me.username} (@${me.username})`, server: version?.version ? `GitLab ${version.version}` : null };
  } catch (e) {
    const product = config.kind === 'jira' ? 'Jira' : 'GitLab';
    if (e instanceof RemoteError && (e.failure === 'not-found' || e.failure === 'protocol' || e.failure === 'bad-request')) {
      return { ok: false, code: 'NOT_THIS_PRODUCT', message: `${baseUrl} does not answer like a ${product} ${config.kind === 'jira' ? 'site' : 'instance'} (${e.message}). Check the base URL; a server under a path needs it, e.g. https://host/${config.kind}.` };
    }
    if (e instanceof RemoteError && config.kind === 'jira' && e.failure === 'auth') {
      return { ok: false, code: e.code, message: config.flavour === 'cloud' ? `${e.message} Jira Cloud needs the account e-mail and an API token.` : `${e.message} Jira Data Center needs a personal access token.` };
    }
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
  }
}

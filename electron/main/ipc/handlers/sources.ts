import { randomUUID } from 'node:crypto';
import { configOfDraft, GitLabScopeSchema, JiraScopeSchema, SourceConfigSchema, type SourceConfig } from '../../../../shared/domain/sources';
import type { SourceView } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/result';
import type { Db } from '../../../db/connection';
import { deleteSource, insertSource, listSources, setSecretRef, sourceByName, updateSource, type DbSource } from '../../../db/repositories/sources';
import { syncHistory } from '../../../db/repositories/sync-runs';
import { rebuildRecords } from '../../../records/rebuild';
import { testConnection } from '../../../sync/connection-test';
import type { HandlerContext, HandlerMap } from '../handler-types';

function view(db: Db, s: DbSource): SourceView {
  const config = s.kind === 'import' ? null : SourceConfigSchema.safeParse({ kind: s.kind, ...JSON.parse(s.config_json) });
  const parsed = config?.success ? config.data : null;
  const last = syncHistory(db, { source: s.name, limit: 1 })[0];
  return {
    name: s.name,
    kind: s.kind,
    baseUrl: s.base_url,
    flavour: parsed?.kind === 'jira' ? parsed.flavour : null,
    email: parsed?.kind === 'jira' ? (parsed.email ?? null) : null,
    scope: parsed?.scope ?? null,
    hasToken: s.secret_ref !== null,
    syncable: parsed !== null && s.secret_ref !== null,
    createdAt: s.created_at,
    lastRun: last ? { startedAt: last.started_at, finishedAt: last.finished_at, status: last.status, stats: JSON.parse(last.stats_json) as Record<string, number>, error: last.error } : null,
  };
}

const mustGet = (db: Db, name: string): DbSource => {
  const s = sourceByName(db, name);
  if (!s) throw new AppError('NOT_FOUND', `No source named "${name}".`);
  return s;
};

/** Keychain first: if it is unavailable nothing is saved, and the token is never kept anywhere else. */
async function ensureKeychain(ctx: HandlerContext): Promise<void> {
  const check = await ctx.services.secrets.check();
  if (!check.available) throw new AppError('UNAVAILABLE', check.reason);
}

export const sourcesHandlers: Pick<HandlerMap, 'sources:list' | 'sources:add' | 'sources:update' | 'sources:remove' | 'sources:test'> = {
  'sources:list': (_input, ctx) => listSources(ctx.workspace.db).map((s) => view(ctx.workspace.db, s)),

  'sources:add': async (draft, ctx) => {
    const { db } = ctx.workspace;
    if (sourceByName(db, draft.name)) throw new AppError('CONFLICT', `A source named "${draft.name}" already exists.`);
    await ensureKeychain(ctx);
    const secretRef = `source:${randomUUID()}`;
    await ctx.services.secrets.set(secretRef, draft.token);
    try {
      insertSource(db, { kind: draft.kind, name: draft.name, baseUrl: draft.baseUrl, config: configOfDraft(draft), secretRef });
    } catch (e) {
      await ctx.services.secrets.delete(secretRef);
      throw e;
    }
    return view(db, mustGet(db, draft.name));
  },

  'sources:update': async (input, ctx) => {
    const { db } = ctx.workspace;
    const s = mustGet(db, input.name);
    if (s.kind === 'import') throw new AppError('INVALID_INPUT', 'Import sources have no connection settings.');
    const current = SourceConfigSchema.parse({ kind: s.kind, ...JSON.parse(s.config_json) });
    if (input.scope) {
      const scope = (current.kind === 'jira' ? JiraScopeSchema : GitLabScopeSchema).safeParse(input.scope);
      if (!scope.success) throw new AppError('INVALID_INPUT', `That scope does not fit a ${current.kind === 'jira' ? 'Jira' : 'GitLab'} source.`, scope.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const merged = SourceConfigSchema.safeParse({
      ...current,
      ...(input.email && current.kind === 'jira' ? { email: input.email } : {}),
      ...(input.scope ? { scope: input.scope } : {}),
    });
    if (!merged.success) throw new AppError('INVALID_INPUT', 'The new scope does not fit this kind of source.', merged.error.issues);
    if (input.token) {
      await ensureKeychain(ctx);
      const ref = s.secret_ref ?? `source:${randomUUID()}`;
      await ctx.services.secrets.set(ref, input.token);
      if (!s.secret_ref) setSecretRef(db, s.id, ref);
    }
    updateSource(db, s.id, { baseUrl: (input.baseUrl ?? s.base_url ?? '').replace(/\/+$/, ''), config: merged.data as SourceConfig });
    return view(db, mustGet(db, input.name));
  },

  'sources:remove': async (input, ctx) => {
    const { db } = ctx.workspace;
    const s = mustGet(db, input.name);
    if (ctx.services.sync.status()) throw new AppError('BUSY', 'A sync is running; cancel it before removing a source.');
    if (s.secret_ref) await ctx.services.secrets.delete(s.secret_ref);
    deleteSource(db, s.id);
    rebuildRecords(db, ctx.workspace.settings());
    ctx.emit('workspace:data-changed', { tables: ['*'] });
    return { removed: true };
  },

  'sources:test': async (input, ctx) => {
    if ('draft' in input) return testConnection(input.draft.baseUrl, configOfDraft(input.draft), input.draft.token);
    const s = mustGet(ctx.workspace.db, input.name);
    if (s.kind === 'import' || !s.base_url) throw new AppError('INVALID_INPUT', `"${s.name}" is not a Jira or GitLab source.`);
    if (!s.secret_ref) return { ok: false, code: 'NOT_FOUND', message: 'No token is stored for this source.' };
    const token = await ctx.services.secrets.get(s.secret_ref);
    if (!token) return { ok: false, code: 'NOT_FOUND', message: 'The token is not in the keychain any more; edit the source and enter it again.' };
    return testConnection(s.base_url, SourceConfigSchema.parse({ kind: s.kind, ...JSON.parse(s.config_json) }), token);
  },
};

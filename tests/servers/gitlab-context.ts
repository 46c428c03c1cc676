import { json, type FakeReply } from './fake-server';
import type { GitLabDataset, GitLabNamespace, GitLabProjectRecord } from './gitlab-dataset';
import type { PagingOptions } from './gitlab-paging';

/** What every GitLab route handler needs; built per request around the live dataset. */
export type GitLabContext = {
  data: GitLabDataset;
  paging: PagingOptions;
  /** Undefined: each MR's /approvals as the bundle has it (licence per project). */
  approvalsProfile: 'free' | 'premium' | undefined;
};

/** GitLab's resource 404: `{"message":"404 Project Not Found"}` (unknown routes use `{"error"}` instead). */
export const notFound = (what: string): FakeReply => json(404, { message: `404 ${what} Not Found` });

/** `:id` is a numeric id or a URL-encoded full path (`northwind%2Fledger-service`), reference §2.1. */
function byIdOrPath<T extends { id: number }>(items: readonly T[], raw: string, path: (x: T) => string): T | undefined {
  if (/^\d+$/.test(raw)) return items.find((x) => x.id === Number(raw));
  const decoded = decodeURIComponent(raw).toLowerCase();
  return items.find((x) => path(x).toLowerCase() === decoded);
}

export const findProject = (ctx: GitLabContext, raw: string): GitLabProjectRecord | undefined =>
  byIdOrPath(ctx.data.projects, raw, (p) => p.path_with_namespace);

export const findGroup = (ctx: GitLabContext, raw: string): GitLabNamespace | undefined =>
  byIdOrPath(ctx.data.groups, raw, (g) => g.full_path);

import { json, type FakeReply, type FakeRequest } from './fake-server';
import { findIssue, type JiraDataset, type JiraIssueRecord } from './jira-dataset';

export type JiraFlavour = 'cloud' | 'datacenter';

/** A frozen result list behind one enhanced-search cursor, so later pages neither skip nor repeat issues. */
export type SearchSnapshot = { jql: string; ids: string[] };

/** What every Jira route handler needs; built per request around the live dataset. */
export type JiraContext = {
  flavour: JiraFlavour;
  /** `3` on Cloud, `2` on Data Center. */
  api: '3' | '2';
  data: JiraDataset;
  now(): number;
  /** Upper-case project keys the user may not browse. */
  hidden: Set<string>;
  snapshots: Map<string, SearchSnapshot>;
  limits: { worklogFeedPageSize: number; maxResultWindow: number };
};

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

/** Jira's error body: `{"errorMessages":[],"errors":{}}` (reference §1.7). */
export function errorCollection(status: number, messages: string[], errors: Record<string, string> = {}, headers?: Record<string, string>): FakeReply {
  return json(status, { errorMessages: messages, errors }, headers);
}

export function isVisible(ctx: JiraContext, rec: JiraIssueRecord): boolean {
  return !ctx.hidden.has(rec.bean.fields.project.key.toUpperCase());
}

/** An issue the user can see; hidden and missing issues are indistinguishable, as in Jira. */
export function visibleIssue(ctx: JiraContext, idOrKey: string): JiraIssueRecord | undefined {
  const rec = findIssue(ctx.data, idOrKey);
  return rec && isVisible(ctx, rec) ? rec : undefined;
}

export function visibleIssues(ctx: JiraContext): JiraIssueRecord[] {
  return [...ctx.data.issues.values()].filter((rec) => isVisible(ctx, rec));
}

/** Jira's paging integers: absent -> default; anything non-numeric -> null so the route can refuse. */
export function intParam(req: FakeRequest, name: string, fallback: number): number | null {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : null;
}

/** `<server url>/rest/api/<n>/<rest>`: the self and nextPage links Jira builds from its base URL. */
export function apiUrl(req: FakeRequest, ctx: JiraContext, rest: string): string {
  return `${req.baseUrl}/rest/api/${ctx.api}/${rest}`;
}

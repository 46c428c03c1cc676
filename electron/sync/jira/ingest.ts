import type { JiraWriter } from '../../db/repositories/jira';
import { embeddedChangelogComplete, mapIssue, mapWorklog } from './map';
import { ChangelogPageSchema, SearchPageSchema, WorklogPageSchema } from './schemas';

export type SearchPageResult = {
  issues: { externalId: string; key: string; itemId: number; changelogComplete: boolean }[];
  nextPageToken: string | null;
  isLast: boolean;
};

/**
 * Parses one search page (Cloud enhanced search or Data Center offset search) and upserts its
 * issues with their embedded changelogs. Issues whose embedded changelog was truncated are
 * reported so the caller pages the changelog endpoint for them.
 */
export function ingestSearchPage(writer: JiraWriter, json: unknown, ctx: { storyPointsField: string | null; siteUrl: string | null }): SearchPageResult {
  const page = SearchPageSchema.parse(json);
  const issues = page.issues.map((issue) => {
    const itemId = writer.upsertIssue(mapIssue(issue, ctx.storyPointsField, ctx.siteUrl));
    const changelogComplete = embeddedChangelogComplete(issue);
    if (changelogComplete && issue.changelog) writer.upsertChangelog(itemId, issue.changelog.histories);
    return { externalId: issue.id, key: issue.key, itemId, changelogComplete };
  });
  const isLast = page.isLast ?? (page.nextPageToken === undefined || page.nextPageToken === null);
  return { issues, nextPageToken: page.nextPageToken ?? null, isLast };
}

/** One page of `/issue/{id}/changelog` (oldest first). Returns whether more pages follow. */
export function ingestChangelogPage(writer: JiraWriter, itemId: number, json: unknown): { isLast: boolean; nextStartAt: number } {
  const page = ChangelogPageSchema.parse(json);
  writer.upsertChangelog(itemId, page.values);
  const nextStartAt = page.startAt + page.values.length;
  const isLast = page.isLast ?? (page.total === undefined ? page.values.length === 0 : nextStartAt >= page.total);
  return { isLast, nextStartAt };
}

export function ingestWorklogPage(writer: JiraWriter, itemId: number, json: unknown): { isLast: boolean; nextStartAt: number; count: number } {
  const page = WorklogPageSchema.parse(json);
  for (const w of page.worklogs) writer.upsertWorklog(itemId, mapWorklog(w));
  const nextStartAt = page.startAt + page.worklogs.length;
  return { isLast: nextStartAt >= page.total || page.worklogs.length === 0, nextStartAt, count: page.worklogs.length };
}

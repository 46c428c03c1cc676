import type { JiraWriter } from '../../db/repositories/jira';
import { embeddedChangelogComplete, mapIssue, mapWorklog } from './map';
import type { z } from 'zod';
import { ChangelogPageSchema, SearchPageSchema, WorklogPageSchema } from './schemas';

export type SearchPageResult = {
  issues: { externalId: string; key: string; itemId: number; changelogComplete: boolean; updatedAt: string }[];
  nextPageToken: string | null;
  isLast: boolean;
};

export type ParsedSearchPage = z.infer<typeof SearchPageSchema>;

export const parseSearchPage = (json: unknown): ParsedSearchPage => SearchPageSchema.parse(json);

/** Issues of a page whose embedded changelog was cut short (enhanced search keeps 20 entries). */
export const truncatedChangelogIssues = (page: ParsedSearchPage): string[] => page.issues.filter((i) => !embeddedChangelogComplete(i)).map((i) => i.id);

/**
 * Upserts a parsed search page's issues with their embedded changelogs. Issues whose embedded
 * changelog was truncated are reported so the caller writes the paged changelog for them.
 */
export function writeSearchPage(writer: JiraWriter, page: ParsedSearchPage, ctx: { storyPointsField: string | null; siteUrl: string | null }): SearchPageResult {
  const issues = page.issues.map((issue) => {
    const itemId = writer.upsertIssue(mapIssue(issue, ctx.storyPointsField, ctx.siteUrl));
    const changelogComplete = embeddedChangelogComplete(issue);
    if (changelogComplete && issue.changelog) writer.upsertChangelog(itemId, issue.changelog.histories);
    return { externalId: issue.id, key: issue.key, itemId, changelogComplete, updatedAt: issue.fields.updated };
  });
  const isLast = page.isLast ?? (page.startAt !== undefined && page.total !== undefined ? page.startAt + page.issues.length >= page.total || page.issues.length === 0 : !page.nextPageToken);
  return { issues, nextPageToken: page.nextPageToken ?? null, isLast };
}

/** Parses and writes one search page (the demo's path; the sync engine parses first to fetch changelogs). */
export const ingestSearchPage = (writer: JiraWriter, json: unknown, ctx: { storyPointsField: string | null; siteUrl: string | null }): SearchPageResult =>
  writeSearchPage(writer, parseSearchPage(json), ctx);

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

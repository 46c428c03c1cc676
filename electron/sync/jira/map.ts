import { toIsoUtc, toIsoUtcOrNull } from '../../../shared/domain/time';
import type { JiraIssue, JiraUser, JiraWorklog } from './schemas';
import type { FieldsSchema } from './schemas';
import type { z } from 'zod';

const STORY_POINTS_TYPE = 'com.pyxis.greenhopper.jira:jsw-story-points';
const STORY_POINTS_NAMES = ['story point estimate', 'story points'];

/**
 * The site's story-points field id (instance-specific, reference §1.5). When several match, the
 * Jira Software story-points type wins, then the first by name.
 */
export function findStoryPointsField(fields: z.infer<typeof FieldsSchema>): string | null {
  const candidates = fields.filter(
    (f) => f.custom && (f.schema?.custom === STORY_POINTS_TYPE || STORY_POINTS_NAMES.includes(f.name.toLowerCase())),
  );
  candidates.sort((a, b) => Number(b.schema?.custom === STORY_POINTS_TYPE) - Number(a.schema?.custom === STORY_POINTS_TYPE));
  return candidates[0]?.id ?? null;
}

/** Cloud identifies people by accountId, Data Center by name/key. */
export const userExternalId = (user: JiraUser | undefined): string | null => user?.accountId ?? user?.key ?? user?.name ?? null;

/** Story points arrive as numbers, numeric strings, "-1" placeholders or null; keep only real estimates. */
export function storyPointsOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const STATUS_CATEGORIES = new Set(['new', 'indeterminate', 'done']);

/** Status is mapped by category key, never by the (localised) status name. */
export const statusCategoryOf = (key: string | undefined | null): 'new' | 'indeterminate' | 'done' | 'unknown' =>
  key && STATUS_CATEGORIES.has(key) ? (key as 'new' | 'indeterminate' | 'done') : 'unknown';

export type WorkItemRow = {
  externalId: string;
  key: string;
  projectExternalId: string;
  projectKey: string;
  projectName: string | null;
  issueType: string;
  summary: string;
  statusId: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'unknown';
  resolution: string | null;
  storyPoints: number | null;
  labels: string[];
  components: string[];
  assignee: JiraUser | undefined;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  webUrl: string | null;
  links: { externalId: string; linkType: string; direction: 'inward' | 'outward'; description: string; otherKey: string }[];
};

export function mapIssue(issue: JiraIssue, storyPointsField: string | null, siteUrl: string | null): WorkItemRow {
  const f = issue.fields;
  const links = (f.issuelinks ?? []).flatMap((l): WorkItemRow['links'] => {
    if (l.inwardIssue) return [{ externalId: l.id, linkType: l.type.name, direction: 'inward', description: l.type.inward, otherKey: l.inwardIssue.key }];
    if (l.outwardIssue) return [{ externalId: l.id, linkType: l.type.name, direction: 'outward', description: l.type.outward, otherKey: l.outwardIssue.key }];
    return [];
  });
  return {
    externalId: issue.id,
    key: issue.key,
    projectExternalId: f.project.id,
    projectKey: f.project.key,
    projectName: f.project.name ?? null,
    issueType: f.issuetype.name,
    summary: f.summary ?? '',
    statusId: f.status.id,
    status: f.status.name,
    statusCategory: statusCategoryOf(f.status.statusCategory?.key),
    resolution: f.resolution?.name ?? null,
    storyPoints: storyPointsField ? storyPointsOf(f[storyPointsField]) : null,
    labels: f.labels ?? [],
    components: (f.components ?? []).map((c) => c.name),
    assignee: f.assignee,
    createdAt: toIsoUtc(f.created),
    updatedAt: toIsoUtc(f.updated),
    resolvedAt: toIsoUtcOrNull(f.resolutiondate),
    webUrl: siteUrl ? `${siteUrl.replace(/\/$/, '')}/browse/${issue.key}` : null,
    links,
  };
}

/**
 * True when the search page's embedded changelog is complete; enhanced search caps it at 20
 * entries (reference §1.2), and then the changelog endpoint must be paged instead.
 */
export const embeddedChangelogComplete = (issue: JiraIssue): boolean =>
  issue.changelog !== undefined && (issue.changelog.total ?? issue.changelog.histories.length) <= issue.changelog.histories.length;

export type WorklogRow = { externalId: string; issueExternalId: string; author: JiraUser | undefined; startedAt: string; seconds: number; createdAt: string; updatedAt: string };

export const mapWorklog = (w: JiraWorklog): WorklogRow => ({
  externalId: w.id,
  issueExternalId: w.issueId,
  author: w.author,
  startedAt: toIsoUtc(w.started),
  seconds: w.timeSpentSeconds,
  createdAt: toIsoUtc(w.created),
  updatedAt: toIsoUtc(w.updated),
});

import { z } from 'zod';

// Shapes of the Jira REST payloads we read (reference §1). Unknown keys are allowed and dropped:
// vendors add fields without version bumps. Optional/nullable wherever the spec does not require.

export const JiraUserSchema = z
  .object({
    accountId: z.string().optional(), // Cloud
    name: z.string().optional(), // Data Center
    key: z.string().optional(),
    displayName: z.string().nullish(),
  })
  .nullable();
export type JiraUser = z.infer<typeof JiraUserSchema>;

export const JiraStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  statusCategory: z.object({ key: z.string() }).nullish(),
});

const IssueLinkSchema = z.object({
  id: z.string(),
  type: z.object({ name: z.string(), inward: z.string(), outward: z.string() }),
  inwardIssue: z.object({ key: z.string() }).optional(),
  outwardIssue: z.object({ key: z.string() }).optional(),
});

export const ChangeItemSchema = z.object({
  field: z.string(),
  fieldId: z.string().nullish(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const ChangelogSchema = z.object({
  id: z.string(),
  author: JiraUserSchema.optional(),
  created: z.string(),
  items: z.array(ChangeItemSchema),
});
export type JiraChangelog = z.infer<typeof ChangelogSchema>;

export const JiraIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z
    .object({
      summary: z.string().nullish(),
      status: JiraStatusSchema,
      issuetype: z.object({ name: z.string() }),
      project: z.object({ id: z.string(), key: z.string(), name: z.string().nullish() }),
      assignee: JiraUserSchema.optional(),
      created: z.string(),
      updated: z.string(),
      resolutiondate: z.string().nullish(),
      resolution: z.object({ name: z.string() }).nullish(),
      labels: z.array(z.string()).nullish(),
      components: z.array(z.object({ name: z.string() })).nullish(),
      issuelinks: z.array(IssueLinkSchema).nullish(),
    })
    .catchall(z.unknown()),
  changelog: z
    .object({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number().optional(),
      histories: z.array(ChangelogSchema),
    })
    .optional(),
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

/** Cloud enhanced search (`/rest/api/3/search/jql`) and Data Center `/rest/api/2/search` pages. */
export const SearchPageSchema = z.object({
  issues: z.array(JiraIssueSchema).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

export const ChangelogPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  nextPage: z.string().nullish(),
  values: z.array(ChangelogSchema),
});

export const WorklogSchema = z.object({
  id: z.string(),
  issueId: z.string(),
  author: JiraUserSchema.optional(),
  comment: z.unknown().optional(),
  created: z.string(),
  updated: z.string(),
  started: z.string(),
  timeSpentSeconds: z.number().int().nonnegative(),
});
export type JiraWorklog = z.infer<typeof WorklogSchema>;

export const WorklogPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  worklogs: z.array(WorklogSchema),
});

export const FieldsSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean(),
    schema: z.object({ type: z.string().optional(), custom: z.string().optional() }).nullish(),
  }),
);

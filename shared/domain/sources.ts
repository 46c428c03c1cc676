import { z } from 'zod';

const BaseUrl = z
  .string()
  .trim()
  .url('must be a full URL such as https://example.atlassian.net')
  .refine((u) => /^https?:\/\//.test(u), 'must start with https:// (or http:// for a local server)')
  .transform((u) => u.replace(/\/+$/, ''));

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Name = z.string().trim().min(1).max(80);

/** What to sync from a Jira site: projects, or a JQL filter; from a start date. */
export const JiraScopeSchema = z
  .object({
    projects: z.array(z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'project keys are upper-case, e.g. ENG')).default([]),
    jql: z.string().trim().max(4000).optional(),
    startDate: IsoDate.optional(),
  })
  .strict()
  .refine((s) => s.projects.length > 0 || (s.jql !== undefined && s.jql !== ''), 'choose at least one project or a JQL filter');

export const GitLabScopeSchema = z
  .object({
    groups: z.array(z.string().trim().min(1)).default([]),
    projects: z.array(z.string().trim().min(1)).default([]),
    startDate: IsoDate.optional(),
  })
  .strict()
  .refine((s) => s.groups.length > 0 || s.projects.length > 0, 'choose at least one group or project');

export const JiraSourceConfigSchema = z.object({
  kind: z.literal('jira'),
  flavour: z.enum(['cloud', 'datacenter']),
  /** Cloud only: the Atlassian account e-mail that goes with the API token. */
  email: z.string().trim().email().optional(),
  scope: JiraScopeSchema,
});

export const GitLabSourceConfigSchema = z.object({
  kind: z.literal('gitlab'),
  scope: GitLabScopeSchema,
});

export const SourceConfigSchema = z.discriminatedUnion('kind', [JiraSourceConfigSchema, GitLabSourceConfigSchema]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

/**
 * A new or edited source as entered by the user. The token goes straight to the keychain. Strict
 * at every level, like every channel input: a misspelt field is refused, not silently dropped.
 */
export const SourceDraftSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('jira'), name: Name, baseUrl: BaseUrl, flavour: z.enum(['cloud', 'datacenter']), email: z.string().trim().email().optional(), token: z.string().min(1).max(4096), scope: JiraScopeSchema }).strict(),
    z.object({ kind: z.literal('gitlab'), name: Name, baseUrl: BaseUrl, token: z.string().min(1).max(4096), scope: GitLabScopeSchema }).strict(),
  ])
  .superRefine((d, ctx) => {
    if (d.kind === 'jira' && d.flavour === 'cloud' && !d.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Jira Cloud needs the account e-mail that goes with the API token' });
  });
export type SourceDraft = z.infer<typeof SourceDraftSchema>;

export const configOfDraft = (d: SourceDraft): SourceConfig =>
  d.kind === 'jira' ? { kind: 'jira', flavour: d.flavour, ...(d.email ? { email: d.email } : {}), scope: d.scope } : { kind: 'gitlab', scope: d.scope };

import { z } from 'zod';

// Shapes of the GitLab v4 payloads we read (reference §2). Unknown keys are dropped.

export const GitLabUserSchema = z.object({ id: z.number(), username: z.string(), name: z.string().nullish() });
export type GitLabUser = z.infer<typeof GitLabUserSchema>;

export const ProjectSchema = z.object({
  id: z.number(),
  path_with_namespace: z.string(),
  name: z.string(),
  web_url: z.string().nullish(),
});

export const MergeRequestSchema = z.object({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  description: z.string().nullish(),
  state: z.enum(['opened', 'closed', 'locked', 'merged']),
  draft: z.boolean().nullish(),
  work_in_progress: z.boolean().nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  merged_at: z.string().nullish(),
  closed_at: z.string().nullish(),
  source_branch: z.string(),
  target_branch: z.string(),
  author: GitLabUserSchema.nullish(),
  labels: z.array(z.string()).nullish(),
  sha: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
  squash_commit_sha: z.string().nullish(),
  // A string on the single-MR endpoint ("12", "1000+", "" while computing); absent on lists.
  changes_count: z.union([z.string(), z.number()]).nullish(),
  web_url: z.string(),
});
export type GitLabMergeRequest = z.infer<typeof MergeRequestSchema>;

const ApprovedBySchema = z.object({ user: GitLabUserSchema, approved_at: z.string().nullish() });

/** Free and Premium `/approvals` share `approved_by`; Premium adds rule fields we do not need here. */
export const ApprovalsSchema = z.object({ approved: z.boolean().nullish(), approved_by: z.array(ApprovedBySchema).default([]) });

export const NoteSchema = z.object({
  id: z.number(),
  type: z.string().nullish(),
  body: z.string().nullish(),
  author: GitLabUserSchema.nullish(),
  created_at: z.string(),
  system: z.boolean(),
});
export type GitLabNote = z.infer<typeof NoteSchema>;

export const DiscussionsSchema = z.array(z.object({ id: z.string(), individual_note: z.boolean().nullish(), notes: z.array(NoteSchema) }));

export const CommitsSchema = z.array(
  z.object({ id: z.string(), title: z.string(), message: z.string().nullish(), authored_date: z.string().nullish() }),
);

export const PipelineSchema = z.object({
  id: z.number(),
  project_id: z.number(),
  sha: z.string(),
  ref: z.string(),
  status: z.string(),
  source: z.string().nullish(),
  created_at: z.string(),
  updated_at: z.string(),
  started_at: z.string().nullish(),
  finished_at: z.string().nullish(),
  // Only on the single-pipeline endpoint; list items lack them (reference §2.9).
  duration: z.number().nullish(),
  queued_duration: z.number().nullish(),
  web_url: z.string().nullish(),
});
export type GitLabPipeline = z.infer<typeof PipelineSchema>;

export const JobSchema = z.object({
  id: z.number(),
  name: z.string(),
  stage: z.string(),
  status: z.string(),
  allow_failure: z.boolean().nullish(),
  retried: z.boolean().nullish(),
  failure_reason: z.string().nullish(),
  created_at: z.string(),
  started_at: z.string().nullish(),
  finished_at: z.string().nullish(),
  duration: z.number().nullish(),
  queued_duration: z.number().nullish(),
  web_url: z.string().nullish(),
  pipeline: z.object({ id: z.number() }),
  runner: z.object({ id: z.number(), description: z.string().nullish(), runner_type: z.string().nullish() }).nullish(),
});
export type GitLabJob = z.infer<typeof JobSchema>;

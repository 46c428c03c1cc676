// GitLab REST v4 JSON shapes the demo emits (reference §2). Plain JSON-serialisable data.

export type GitLabUser = {
  id: number;
  username: string;
  name: string;
  state: 'active';
  locked: boolean;
  avatar_url: string | null;
  web_url: string;
};

export type GitLabProject = { id: number; path_with_namespace: string; name: string; web_url: string };

export type GitLabDetailedStatus = {
  icon: string;
  text: string;
  label: string;
  group: string;
  tooltip: string;
  has_details: boolean;
  details_path: string;
  illustration: null;
  favicon: string;
};

export type GitLabPipeline = {
  id: number;
  iid: number;
  project_id: number;
  name: string | null;
  sha: string;
  ref: string;
  status: string;
  source: string;
  created_at: string;
  updated_at: string;
  web_url: string;
  before_sha: string;
  tag: boolean;
  yaml_errors: null;
  user: GitLabUser;
  started_at: string | null;
  finished_at: string | null;
  committed_at: null;
  duration: number | null;
  queued_duration: number | null;
  coverage: string | null;
  detailed_status: GitLabDetailedStatus;
  archived: boolean;
};

export type GitLabBasicPipeline = Pick<GitLabPipeline, 'id' | 'iid' | 'project_id' | 'sha' | 'ref' | 'status' | 'source' |
  'created_at' | 'updated_at' | 'web_url'>;

export type GitLabMergeRequest = {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged';
  imported: boolean;
  imported_from: string;
  created_at: string;
  updated_at: string;
  merged_by: GitLabUser | null;
  merge_user: GitLabUser | null;
  merged_at: string | null;
  merge_after: null;
  prepared_at: string;
  closed_by: GitLabUser | null;
  closed_at: string | null;
  target_branch: string;
  source_branch: string;
  user_notes_count: number;
  upvotes: number;
  downvotes: number;
  author: GitLabUser;
  assignees: GitLabUser[];
  assignee: GitLabUser | null;
  reviewers: GitLabUser[];
  source_project_id: number;
  target_project_id: number;
  labels: string[];
  draft: boolean;
  work_in_progress: boolean;
  milestone: null;
  merge_when_pipeline_succeeds: boolean;
  merge_status: string;
  detailed_merge_status: string;
  sha: string;
  merge_commit_sha: string | null;
  squash_commit_sha: null;
  discussion_locked: null;
  should_remove_source_branch: boolean | null;
  force_remove_source_branch: boolean;
  allow_collaboration: boolean;
  allow_maintainer_to_push: boolean;
  reference: string;
  references: { short: string; relative: string; full: string };
  web_url: string;
  time_stats: { time_estimate: number; total_time_spent: number; human_time_estimate: null; human_total_time_spent: null };
  squash: boolean;
  squash_on_merge: boolean;
  task_completion_status: { count: number; completed_count: number };
  has_conflicts: boolean;
  blocking_discussions_resolved: boolean;
  subscribed: boolean;
  /** A string, capped at "1000+" (reference §2.6). */
  changes_count: string;
  latest_build_started_at: string | null;
  latest_build_finished_at: string | null;
  first_deployed_to_production_at: null;
  pipeline: GitLabBasicPipeline | null;
  head_pipeline: GitLabPipeline | null;
  diff_refs: { base_sha: string; head_sha: string; start_sha: string };
  merge_error: null;
  first_contribution: boolean;
  user: { can_merge: boolean };
};

export type GitLabApproval = { user: GitLabUser; approved_at: string };

export type GitLabApprovalsFree = { user_has_approved: boolean; user_can_approve: boolean; approved: boolean; approved_by: GitLabApproval[] };

export type GitLabApprovalsPremium = GitLabApprovalsFree & {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string;
  state: string;
  created_at: string;
  updated_at: string;
  merge_status: string;
  approvals_required: number;
  approvals_left: number;
  require_password_to_approve: boolean;
  suggested_approvers: GitLabUser[];
  approvers: GitLabUser[];
  approver_groups: unknown[];
  approval_rules_left: { id: number; name: string; rule_type: string }[];
  has_approval_rules: boolean;
  merge_request_approvers_available: boolean;
  multiple_approval_rules_available: boolean;
};

export type GitLabNotePosition = {
  base_sha: string;
  start_sha: string;
  head_sha: string;
  old_path: string;
  new_path: string;
  position_type: 'text';
  old_line: number | null;
  new_line: number;
};

export type GitLabNote = {
  id: number;
  type: 'DiffNote' | 'DiscussionNote' | null;
  body: string;
  attachment: null;
  author: GitLabUser;
  created_at: string;
  updated_at: string;
  system: boolean;
  noteable_id: number;
  noteable_type: 'MergeRequest';
  project_id: number;
  noteable_iid: number;
  commit_id?: string | null;
  position?: GitLabNotePosition;
  resolvable: boolean;
  resolved?: boolean;
  resolved_by?: GitLabUser | null;
  resolved_at?: string | null;
};

export type GitLabDiscussion = { id: string; individual_note: boolean; notes: GitLabNote[] };

export type GitLabCommit = {
  id: string;
  short_id: string;
  created_at: string;
  parent_ids: string[];
  title: string;
  message: string;
  author_name: string;
  author_email: string;
  authored_date: string;
  committer_name: string;
  committer_email: string;
  committed_date: string;
  trailers: Record<string, string>;
  extended_trailers: Record<string, string[]>;
  web_url: string;
};

export type GitLabRunner = {
  id: number;
  description: string;
  ip_address: null;
  active: boolean;
  paused: boolean;
  is_shared: boolean;
  runner_type: 'instance_type' | 'group_type' | 'project_type';
  name: string;
  online: boolean;
  status: 'online';
};

export type GitLabJob = {
  id: number;
  name: string;
  stage: string;
  status: string;
  failure_reason?: string;
  ref: string;
  tag: boolean;
  allow_failure: boolean;
  coverage: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  erased_at: null;
  duration: number | null;
  queued_duration: number | null;
  artifacts_expire_at: string | null;
  tag_list: string[];
  artifacts: { file_type: string; size: number; filename: string; file_format: string | null }[];
  web_url: string;
  commit: { id: string; short_id: string; title: string; author_name: string; author_email: string; created_at: string; message: string };
  pipeline: { id: number; project_id: number; ref: string; sha: string; status: string };
  runner: GitLabRunner | null;
  user: GitLabUser;
};

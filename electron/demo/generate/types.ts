// Public types of the demo generator: options, the bundle, and the vendor JSON shapes it emits
// (reference §1 Jira, §2 GitLab). Plain JSON-serialisable data only.

export type DemoOptions = {
  seed: number;
  /** Multiplies volume: issues and everything hanging off them. People and repos grow with sqrt(scale). */
  scale: number;
};

export type DemoFileKind = 'run-credits' | 'copilot-users-1-day' | 'github-billing' | 'anthropic-cost-report';
export type DemoFile = { name: string; kind: DemoFileKind; content: string };

// ---- Jira Cloud REST v3 --------------------------------------------------------------------------

export type JiraUserDetails = {
  self: string;
  accountId: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  accountType: 'atlassian' | 'app';
};

export type JiraStatusCategory = { self: string; id: number; key: 'new' | 'indeterminate' | 'done'; colorName: string; name: string };
export type JiraStatus = { self: string; description: string; iconUrl: string; name: string; id: string; statusCategory: JiraStatusCategory };

export type JiraIssueType = {
  self: string;
  id: string;
  description: string;
  iconUrl: string;
  name: string;
  subtask: boolean;
  avatarId: number;
  hierarchyLevel: number;
};

export type JiraProject = { self: string; id: string; key: string; name: string; projectTypeKey: 'software'; simplified: boolean };
export type JiraComponent = { self: string; id: string; name: string };
export type JiraResolution = { self: string; id: string; description: string; name: string };

export type JiraChangeItem = {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

export type JiraChangelog = { id: string; author: JiraUserDetails; created: string; items: JiraChangeItem[] };

export type JiraLinkedIssue = {
  id: string;
  key: string;
  self: string;
  fields: { summary: string; status: JiraStatus; issuetype: JiraIssueType };
};

export type JiraIssueLink = {
  id: string;
  self: string;
  type: { id: string; name: string; inward: string; outward: string; self: string };
  inwardIssue?: JiraLinkedIssue;
  outwardIssue?: JiraLinkedIssue;
};

export type JiraIssueFields = {
  summary: string;
  status: JiraStatus;
  issuetype: JiraIssueType;
  project: JiraProject;
  assignee: JiraUserDetails | null;
  reporter: JiraUserDetails;
  created: string;
  updated: string;
  resolutiondate: string | null;
  resolution: JiraResolution | null;
  labels: string[];
  components: JiraComponent[];
  customfield_10016: number | null;
  issuelinks: JiraIssueLink[];
};

export type JiraIssueBean = {
  expand: string;
  id: string;
  self: string;
  key: string;
  fields: JiraIssueFields;
  /** Newest first; the enhanced search embeds at most 20 histories, `total` tells how many exist. */
  changelog: { startAt: number; maxResults: number; total: number; histories: JiraChangelog[] };
};

export type JiraSearchPage = { issues: JiraIssueBean[]; nextPageToken?: string; isLast: boolean };

export type JiraChangelogPage = {
  self: string;
  nextPage?: string;
  maxResults: number;
  startAt: number;
  total: number;
  isLast: boolean;
  values: JiraChangelog[];
};

export type JiraAdf = { type: 'doc'; version: 1; content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[] };

export type JiraWorklog = {
  self: string;
  id: string;
  issueId: string;
  author: Omit<JiraUserDetails, 'timeZone' | 'accountType'>;
  updateAuthor: Omit<JiraUserDetails, 'timeZone' | 'accountType'>;
  comment?: JiraAdf;
  created: string;
  updated: string;
  started: string;
  timeSpent: string;
  timeSpentSeconds: number;
};

export type JiraWorklogPage = { startAt: number; maxResults: number; total: number; worklogs: JiraWorklog[] };

export type JiraField = {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
};

// ---- GitLab REST v4 ------------------------------------------------------------------------------

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

// ---- The bundle ----------------------------------------------------------------------------------

export type DemoBundle = {
  period: { from: string; to: string };
  jira: {
    baseUrl: string;
    fields: JiraField[];
    searchPages: JiraSearchPage[];
    /** Issue id -> full changelog pages (oldest first), for every issue whose embedded changelog was truncated. */
    changelogPages: Record<string, JiraChangelogPage[]>;
    /** Issue id -> worklog page. */
    worklogPages: Record<string, JiraWorklogPage>;
  };
  gitlab: {
    baseUrl: string;
    projects: GitLabProject[];
    /** Project id -> single-MR detail objects. */
    mergeRequests: Record<number, GitLabMergeRequest[]>;
    /** MR global id -> /approvals (Free or Premium shape, by project). */
    approvals: Record<number, GitLabApprovalsFree | GitLabApprovalsPremium>;
    /** MR global id -> /discussions. */
    discussions: Record<number, GitLabDiscussion[]>;
    /** MR global id -> /commits (newest first). */
    commits: Record<number, GitLabCommit[]>;
    /** Project id -> single-pipeline detail objects. */
    pipelines: Record<number, GitLabPipeline[]>;
    /** Pipeline id -> jobs as listed with include_retried=true (id descending). */
    jobs: Record<number, GitLabJob[]>;
  };
  files: DemoFile[];
};

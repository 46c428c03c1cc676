// The generator's internal world: what happened, in epoch milliseconds and object references.
// Vendor payloads are rendered from it only after ids and keys are assigned (see assign-ids.ts),
// because keys and ids follow creation order, which is only known once every ticket, including the
// bugs that reverts spawn, has been simulated.

export type TeamKey = 'PLAT' | 'PAY' | 'MOB' | 'DATA';
export type Plan = 'cloud' | 'self-hosted';

export type Person = {
  name: string;
  username: string;
  email: string;
  timeZone: string;
  team: TeamKey;
  lead: boolean;
  jiraAccountId: string;
  gitlabId: number;
  githubLogin: string;
  githubId: number;
  copilot: boolean;
  ide: 'vscode' | 'jetbrains' | 'xcode' | 'neovim';
};

/** The Relay agent: `relay-bot` in GitLab, an app account in Jira. */
export const RELAY = 'relay' as const;
export type Actor = Person | typeof RELAY;

export type Runner = {
  id: number;
  description: string;
  isShared: boolean;
  type: 'instance_type' | 'group_type' | 'project_type';
  name: string;
};

export type JobTemplate = {
  name: string;
  stage: 'build' | 'test' | 'lint' | 'security' | 'deploy';
  medianSec: number;
  on: 'mr' | 'main' | 'both';
  allowFailure: boolean;
  coverage: boolean;
  manual: boolean;
  /** A dedicated project runner (macOS for iOS builds, the PCI-scoped deployer), else shared/group. */
  runner: Runner | null;
};

export type Repo = {
  id: number;
  name: string;
  path: string;
  webUrl: string;
  team: TeamKey;
  premium: boolean;
  language: string;
  files: string[];
  deps: string[];
  jobs: JobTemplate[];
  iidStart: number;
  pipelineIidStart: number;
};

export type Team = {
  key: TeamKey;
  name: string;
  jiraProjectId: string;
  keyStart: number;
  repos: Repo[];
  members: Person[];
  plan: Plan;
  workspace: string;
  /** When tickets of this team may start going to Relay (Payments piloted two months early). */
  aiStart: number;
  components: string[];
  labels: string[];
  objects: string[];
};

export type Company = {
  teams: Team[];
  people: Person[];
  repos: Repo[];
  sharedRunners: Runner[];
  groupRunners: Runner[];
};

export type StatusKey = 'todo' | 'progress' | 'review' | 'done' | 'wontdo';
export type IssueTypeKey = 'Story' | 'Task' | 'Bug' | 'Spike';

export type HistoryItem =
  | { kind: 'status'; from: StatusKey; to: StatusKey }
  | { kind: 'resolution'; to: 'Done' | "Won't Do" | null }
  | { kind: 'points'; from: number | null; to: number | null }
  | { kind: 'assignee'; from: Person | null; to: Person | null }
  | { kind: 'labels'; from: string[]; to: string[] }
  | { kind: 'link'; other: Ticket; causes: boolean };

export type History = { at: number; author: Actor; items: HistoryItem[]; id: number };

export type WorkLog = { started: number; seconds: number; author: Person; comment: string | null; created: number; id: number };

export type TicketLink = { other: Ticket; causes: boolean; at: number };

export type Ticket = {
  team: Team;
  repo: Repo;
  type: IssueTypeKey;
  summary: string;
  slug: string;
  created: number;
  reporter: Person;
  components: string[];
  /** The estimate the team settles on (set at creation or in refinement). */
  plannedPoints: number | null;
  initial: { assignee: Person | null; points: number | null; labels: string[] };
  /** Running state while simulating; the emitted state is replayed from histories up to the snapshot. */
  state: { status: StatusKey; assignee: Person | null; points: number | null; labels: string[] };
  aiEligible: boolean;
  long: boolean;
  pathological: boolean;
  histories: History[];
  worklogs: WorkLog[];
  links: TicketLink[];
  id: number;
  key: string;
};

export type Commit = {
  sha: string;
  parent: string;
  /** May contain `{key}`, replaced with the ticket key when emitted. */
  title: string;
  at: number;
  author: Actor;
  runId: string | null;
};

export type NoteKind = 'DiffNote' | 'DiscussionNote' | 'individual' | 'system';

export type Note = {
  kind: NoteKind;
  /** May contain `{ref}`: the reference to `ref` (`!12` or `group/project!12`). */
  body: string;
  ref: Mr | null;
  author: Actor;
  at: number;
  resolvable: boolean;
  resolvedBy: Actor | null;
  resolvedAt: number | null;
  position: { path: string; line: number; baseSha: string; headSha: string } | null;
  id: number;
};

export type Thread = { hash: string; individual: boolean; notes: Note[] };

export type Job = {
  template: JobTemplate;
  status: 'success' | 'failed' | 'skipped' | 'manual';
  created: number;
  started: number | null;
  finished: number | null;
  queuedSec: number | null;
  durationSec: number | null;
  runner: Runner | null;
  failureReason: string | null;
  coverage: number | null;
  id: number;
};

export type Pipeline = {
  repo: Repo;
  /** null for default-branch pipelines. */
  mr: Mr | null;
  /** For default-branch pipelines: the MR whose merge commit triggered it. */
  origin: Mr | null;
  source: 'merge_request_event' | 'push';
  sha: string;
  commitTitle: string;
  commitAuthor: Actor;
  commitAt: number;
  user: Actor;
  created: number;
  jobs: Job[];
  coverage: number | null;
  id: number;
  iid: number;
};

export type MrKind = 'feature' | 'fix' | 'chore' | 'revert';

export type Mr = {
  repo: Repo;
  ticket: Ticket | null;
  ai: boolean;
  kind: MrKind;
  author: Actor;
  /** The human accountable for the change (assignee). */
  owner: Person;
  runId: string | null;
  titleVariant: number;
  choreTitle: string;
  choreBranch: string;
  revertOf: Mr | null;
  created: number;
  baseSha: string;
  commits: Commit[];
  threads: Thread[];
  approvals: { by: Person; at: number }[];
  reviewers: Person[];
  mergedAt: number | null;
  mergedBy: Person | null;
  closedAt: number | null;
  closedBy: Person | null;
  mergeCommitSha: string | null;
  changes: number;
  pipelines: Pipeline[];
  id: number;
  iid: number;
};

export type RunEventType =
  | 'ticket_denied'
  | 'run_blocked'
  | 'validation_failed'
  | 'pr_created'
  | 'pr_updated'
  | 'retry_publish'
  | 'continuation_run'
  | 'model_call_reserved'
  | 'model_call_settled';

export type RunEvent = {
  at: number;
  type: RunEventType;
  team: Team;
  ticket: Ticket | null;
  runId: string | null;
  parentRunId: string | null;
  reasonCode: string | null;
  reasonDetail: string | null;
  runCredits: number;
  aiCredits: number;
  aiReserved: number | null;
  reservationId: string | null;
  provider: 'anthropic' | 'openai' | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  mr: Mr | null;
  commitSha: string | null;
  metadata: Record<string, string | number | boolean> | null;
  eventId: string;
};

export type World = {
  company: Company;
  tickets: Ticket[];
  mrs: Mr[];
  pipelines: Pipeline[];
  events: RunEvent[];
};

import type { MeasureSums } from '../metrics';

// Plain inputs and outputs of the record builder. The data layer loads these from SQLite; the
// builder itself is pure, so every rule is testable on hand-built data.

export type WorkItemInput = {
  id: number;
  key: string;
  summary: string;
  assignee: string | null;
  projectKey: string;
  issueType: string;
  storyPoints: number | null;
  statusCategory: string;
  createdAt: string;
  resolvedAt: string | null;
  loggedSeconds: number;
  labels: string[];
  /** Keys of linked issues (either direction), for follow-up bugs. */
  linkedKeys: string[];
  worklogs: { startedAt: string; seconds: number; comment: string | null }[];
};

export type MergeRequestInput = {
  id: number;
  repository: string;
  iid: number;
  title: string;
  description: string;
  sourceBranch: string;
  labels: string[];
  authorUsername: string | null;
  state: 'opened' | 'closed' | 'locked' | 'merged';
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  shas: string[];
  webUrl: string;
  requestedChanges: number;
  reviewActivity: number;
  /** CI minutes of every job of the MR's pipelines (retried ones too), by runner type. */
  ciMinutesByRunner: Record<string, number>;
  /** First review comment, requested change or approval. */
  firstReviewAt: string | null;
  pipelines: number;
  /** A pipeline succeeded before the first review (or before merge when never reviewed). */
  passedPipelineBeforeReview: boolean;
};

export type RunEventInput = {
  eventId: string;
  occurredAt: string;
  type: string;
  ticketKey: string | null;
  runId: string | null;
  parentRunId: string | null;
  runCreditsMicros: number;
  aiCreditsMicros: number;
  amountMicros: number;
  currency: string;
  mrUrl: string | null;
  supersedesEventId: string | null;
  /** Vendor workspace: decides the plan (and its free allowance). */
  workspace: string;
  provider: string | null;
  model: string | null;
  tokens: number;
};

/** A provider cost line (Anthropic/OpenAI cost export) by day, model and provider account. */
export type ProviderLineInput = {
  id: number;
  occurredOn: string;
  amountMicros: number;
  currency: string;
  model: string | null;
  account: string | null;
};

export type RecordInputs = {
  workItems: WorkItemInput[];
  mergeRequests: MergeRequestInput[];
  runEvents: RunEventInput[];
  providerLines: ProviderLineInput[];
};

export type Outcome = 'accepted' | 'rejected' | 'rolled_back' | 'open' | 'denied' | 'blocked' | 'failed' | 'no_change';

export type CostLine = {
  kind: 'run_credits' | 'ai_credits' | 'provider' | 'ci' | 'human';
  basis: 'measured' | 'estimated';
  evidence: string;
  occurredOn: string;
  quantity: number | null;
  unit: string | null;
  amountMicros: number;
  currency: string;
};

export type BuiltRecord = {
  recordKey: string;
  workItemId: number | null;
  ticketKey: string | null;
  projectKey: string | null;
  repository: string | null;
  issueType: string | null;
  size: string | null;
  outcome: Outcome;
  periodMonth: string;
  startedAt: string | null;
  endedAt: string | null;
  title: string | null;
  mrUrl: string | null;
  labels: string[];
  /** Vendor workspace and plan of the record's runs (the first, where runs span several). */
  workspace: string | null;
  plan: string | null;
  /** The ticket's assignee; person-level views are off by default. */
  person: string | null;
  /** Risk signals (PRODUCT.md), each with a plain reason. */
  signals: RecordSignal[];
  /** Non-money measures; money measures come from costLines after currency conversion. */
  measures: Omit<MeasureSums, 'records' | 'cost_run_credits' | 'cost_ai_credits' | 'cost_provider' | 'cost_ci' | 'cost_human'>;
  mergeRequests: { id: number; role: 'change' | 'revert' }[];
  runIds: string[];
  costLines: CostLine[];
};

export const RECORD_SIGNALS = {
  repair_over_budget: 'Repair loop past the repair budget',
  no_review: 'Merged without review',
  review_time_not_captured: 'Review time not captured (estimated from rounds)',
  no_validation_before_review: 'No passing pipeline before review',
  billing_mismatch: 'Billed run credits differ from the plan',
  ticket_not_synced: 'Ticket not found in Jira',
} as const;
export type RecordSignalCode = keyof typeof RECORD_SIGNALS;
export type RecordSignal = { code: RecordSignalCode; detail: string };

export type UnlinkedKind = 'run_without_ticket' | 'run_without_mr' | 'ai_mr_without_ticket' | 'billing_line_without_run';
export type UnlinkedItem = { kind: UnlinkedKind; ref: string; detail: string; url: string | null; occurredAt: string; amountMicros: number | null; currency: string | null };

export type ReconciliationRow = {
  month: string;
  workspace: string;
  plan: string | null;
  currency: string;
  billedCredits: number;
  impliedCredits: number;
  billedMicros: number;
  impliedMicros: number;
  mismatchedEvents: number;
};

export type Unlinked = UnlinkedItem[];

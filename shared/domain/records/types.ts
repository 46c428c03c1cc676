import type { MeasureSums } from '../metrics';

// Plain inputs and outputs of the record builder. The data layer loads these from SQLite; the
// builder itself is pure, so every rule is testable on hand-built data.

export type WorkItemInput = {
  id: number;
  key: string;
  projectKey: string;
  issueType: string;
  storyPoints: number | null;
  statusCategory: string;
  createdAt: string;
  resolvedAt: string | null;
  loggedSeconds: number;
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
};

export type RecordInputs = {
  workItems: WorkItemInput[];
  mergeRequests: MergeRequestInput[];
  runEvents: RunEventInput[];
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
  /** Non-money measures; money measures come from costLines after currency conversion. */
  measures: Omit<MeasureSums, 'records' | 'cost_run_credits' | 'cost_ai_credits' | 'cost_provider' | 'cost_ci' | 'cost_human'>;
  mergeRequests: { id: number; role: 'change' | 'revert' }[];
  runIds: string[];
  costLines: CostLine[];
};

export type Unlinked = {
  runsWithoutTicket: string[];
  aiMergeRequestsWithoutTicket: number[];
};

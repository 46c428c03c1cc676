import { z } from 'zod';
import type { MetricId } from './metrics';

const Names = z.array(z.string().trim().min(1).max(200)).max(500).default([]);
const Text = z.string().max(4000).default('');

/** What a pilot covers. Empty lists mean "any"; a record is in scope when it matches every non-empty list. */
export const PilotScopeSchema = z.object({
  projects: Names,
  repositories: Names,
  teams: Names,
  labels: Names,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type PilotScope = z.infer<typeof PilotScopeSchema>;

/** The decisions a rollout needs written down (PRODUCT.md "Pilot and its worksheet"). */
export const PilotDecisionsSchema = z.object({
  eligibleQueueState: Text,
  blockingStates: Text,
  repositoryMatch: Text,
  contextAllowed: Text,
  contextExcluded: Text,
  gateEvidence: Text,
  repairAndRejectedShown: Text,
  repairBudget: z.number().int().min(0).max(100).nullable().default(null),
  mergeAuthority: Text,
  stopRules: Text,
});
export type PilotDecisions = z.infer<typeof PilotDecisionsSchema>;

export const PILOT_DECISION_LABELS: Record<keyof PilotDecisions, string> = {
  eligibleQueueState: 'Eligible queue state',
  blockingStates: 'Blocking states',
  repositoryMatch: 'Repository match',
  contextAllowed: 'Context allowed',
  contextExcluded: 'Context excluded',
  gateEvidence: 'Gate evidence required before review',
  repairAndRejectedShown: 'How repairs and rejected attempts are shown',
  repairBudget: 'Repair budget (runs per record)',
  mergeAuthority: 'Merge authority',
  stopRules: 'Stop rules',
};

export const PilotDraftSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(80),
    owner: z.string().trim().max(120).default(''),
    // Strict here only: the repository reads stored scope and decisions with the lenient schemas,
    // so a pilot saved by another version still opens, while a draft with a misspelt field is refused.
    scope: PilotScopeSchema.strict().default(PilotScopeSchema.parse({})),
    decisions: PilotDecisionsSchema.strict().default(PilotDecisionsSchema.parse({})),
  })
  .strict();
export type PilotDraft = z.input<typeof PilotDraftSchema>;

export const PilotSchema = PilotDraftSchema.extend({ id: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export type Pilot = z.infer<typeof PilotSchema>;

export type RecordForScope = {
  projectKey: string | null;
  repository: string | null;
  team: string | null;
  labels: readonly string[];
  /** Day the work ended (or started); the record's period. */
  day: string;
};

/** Whether a record falls in a pilot's scope. The one definition: membership is stored from it. */
export function inPilotScope(scope: PilotScope, r: RecordForScope): boolean {
  if (scope.projects.length > 0 && !(r.projectKey && scope.projects.includes(r.projectKey))) return false;
  if (scope.repositories.length > 0 && !(r.repository && scope.repositories.includes(r.repository))) return false;
  if (scope.teams.length > 0 && !(r.team && scope.teams.includes(r.team))) return false;
  if (scope.labels.length > 0 && !r.labels.some((l) => scope.labels.includes(l))) return false;
  if (scope.from && r.day < scope.from) return false;
  if (scope.to && r.day > scope.to) return false;
  return true;
}

/**
 * Records in a pilot's projects, teams and dates whose change landed outside its repositories
 * (PRODUCT.md risk signal "changes outside the pilot's repositories").
 */
export function outsidePilotRepositories(scope: PilotScope, r: RecordForScope): boolean {
  if (scope.repositories.length === 0 || !r.repository || scope.repositories.includes(r.repository)) return false;
  return inPilotScope({ ...scope, repositories: [] }, r);
}

/** A pilot's headline figures, in the order a planning meeting reads them: the scorecard and the PDF report both show these. */
export const HEADLINE_METRICS = [
  'accepted',
  'cost_per_accepted',
  'acceptance_rate',
  'first_pass_validation_rate',
  'repair_attempts_per_accepted',
  'rollback_rate',
  'review_hours',
  'hours_freed',
  'fte_freed',
] as const satisfies readonly MetricId[];

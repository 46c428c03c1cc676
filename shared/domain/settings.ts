import { z } from 'zod';
import { PlanRulesSchema } from './plans';

/** Which merge requests count as AI-generated, and how links are found. Editable data, not code. */
export const LinkingRulesSchema = z.object({
  /** Jira keys in branch names, MR titles and descriptions. */
  ticketKeyPattern: z.string().default('\\b([A-Z][A-Z0-9]{1,9}-\\d{1,7})\\b'),
  aiBotUsernames: z.array(z.string()).default(['relay-bot']),
  aiLabels: z.array(z.string()).default(['ai-generated']),
  aiBranchPrefixes: z.array(z.string()).default(['ai/']),
  /** Run events that name an MR URL mark that MR as AI-generated. */
  aiFromRunEvents: z.boolean().default(true),
  /**
   * Provider accounts (e.g. Anthropic workspace ids) that bill the AI coding tool's model calls
   * directly (self-hosted plans). Their spend is allocated to records; other provider spend is
   * shown as unlinked rather than counted as AI-path cost.
   */
  providerAccountsForRuns: z.array(z.string()).default([]),
});
export type LinkingRules = z.infer<typeof LinkingRulesSchema>;

export const WorkspaceSettingsSchema = z.object({
  name: z.string().min(1).default('Workspace'),
  /** Reports convert into this currency with the exchange-rate table; storage never converts. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('GBP'),
  isDemo: z.boolean().default(false),
  rollbackWindowDays: z.number().int().min(0).max(365).default(14),
  /** Loaded cost of an engineering hour, in micros of the workspace currency. */
  loadedHourlyRateMicros: z.number().int().nonnegative().default(85_000_000),
  productiveHoursPerFtePerMonth: z.number().positive().default(120),
  reviewMinutesPerRound: z.number().nonnegative().default(30),
  /** Price of one CI minute per GitLab runner type, in micros of the workspace currency. */
  ciMinuteRateMicros: z
    .record(z.string(), z.number().int().nonnegative())
    .default({ instance_type: 6_000, group_type: 4_000, project_type: 3_000, unknown: 6_000 }),
  linking: LinkingRulesSchema.default(LinkingRulesSchema.parse({})),
  /** Teams by Jira project key and by repository path, for slicing records by team. */
  teamByProject: z.record(z.string(), z.string()).default({}),
  teamByRepository: z.record(z.string(), z.string()).default({}),
  /** Person-level grouping; off by default because the product measures workflows, not people. */
  peopleViewsEnabled: z.boolean().default(false),
  /** Continuation and retry runs a record may take before it counts as a repair loop (risk signal). */
  repairBudget: z.number().int().min(0).max(100).default(3),
  /** Vendor pricing plans, and which plan each vendor workspace is on. */
  plans: z.array(PlanRulesSchema).default([
    PlanRulesSchema.parse({ name: 'Cloud', pricePerCreditMicros: 4_000_000 }),
    PlanRulesSchema.parse({ name: 'Self-hosted', pricePerCreditMicros: 2_000_000 }),
  ]),
  planByWorkspace: z.record(z.string(), z.string()).default({}),
  /**
   * Where a record's run-credit cost line comes from: what the vendor billed (measured), or what
   * the plan rules imply (estimated; for forecasting a plan the vendor has not billed yet).
   */
  runCreditCostFrom: z.enum(['billed', 'plan']).default('billed'),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;

export const defaultSettings = (): WorkspaceSettings => WorkspaceSettingsSchema.parse({});

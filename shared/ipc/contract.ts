import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { GitLabScopeSchema, JiraScopeSchema, SourceDraftSchema } from '../domain/sources';
import { ColumnMappingSchema } from '../domain/column-mapping';
import { RECORDS_CONTRACT } from './contract-records';
import { TABLE_EXPORT_CONTRACT } from './contract-table-export';
import { SCENARIOS_CONTRACT } from './contract-scenarios';
import { PIVOT_CONTRACT } from './contract-pivot';
import { DECKS_CONTRACT } from './contract-decks';
import { EXPORT_CONTRACT } from './contract-export';
import { WORKSHEET_CONTRACT } from './contract-worksheet';
import { WORKSPACE_BACKUP_CONTRACT } from './contract-workspace-backup';
import { PRINT_CONTRACT } from './contract-print';

const NoInput = z.object({}).strict();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Month = z.string().regex(/^\d{4}-\d{2}$/);

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** The commit and time this build was made from; null when running unbuilt (tests, development). */
  build: z.object({ commit: z.string().nullable(), date: z.string().nullable() }),
  host: z.enum(['electron', 'browser', 'cli']),
  workspaceDir: z.string(),
  workspaceName: z.string(),
  isDemo: z.boolean(),
  currency: z.string(),
  peopleViewsEnabled: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const WorkspaceStatusSchema = z.object({
  dir: z.string(),
  name: z.string(),
  schemaVersion: z.number().int(),
  currency: z.string(),
  isDemo: z.boolean(),
  /** Rows per table, for every table of the model. */
  tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sources: z.array(
    z.object({ name: z.string(), kind: z.enum(['jira', 'gitlab', 'import']), baseUrl: z.string().nullable(), lastSyncAt: z.string().nullable(), lastSyncStatus: z.string().nullable() }),
  ),
  lastSyncAt: z.string().nullable(),
  lastImport: z.object({ fileName: z.string(), at: z.string(), rowsImported: z.number().int() }).nullable(),
  dataRange: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatusSchema>;

export const OverviewInputSchema = z
  .object({
    /** Defaults to the latest full calendar quarter in the data. */
    period: z.object({ from: IsoDate, to: IsoDate }).strict().optional(),
  })
  .strict();

const MetricFigure = z.number().nullable();

export const OverviewSchema = z.object({
  period: z.object({ from: IsoDate, to: IsoDate, label: z.string() }).nullable(),
  currency: z.string(),
  figures: z.object({
    accepted: z.number().int(),
    costPerAcceptedMicros: MetricFigure,
    acceptanceRate: MetricFigure,
    hoursFreed: z.number(),
    fteFreed: MetricFigure,
  }),
  /** What the figures rest on, so every number can be traced. */
  evidence: z.object({
    records: z.number().int(),
    mrsReachedReview: z.number().int(),
    aiPathCostMicros: z.number(),
    costByKindMicros: z.record(z.string(), z.number()),
    baselineHours: z.number(),
    humanHours: z.number(),
    /** Currencies with cost lines but no exchange rate into the workspace currency (left out of totals). */
    missingRates: z.array(z.string()),
  }),
  monthly: z.array(
    z.object({
      month: Month,
      accepted: z.number().int(),
      aiPathCostMicros: z.number(),
      costPerAcceptedMicros: MetricFigure,
    }),
  ),
  dataRange: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type Overview = z.infer<typeof OverviewSchema>;

export const DemoCreateInputSchema = z
  .object({
    scale: z.number().int().min(1).max(1000).default(1),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  })
  .strict();

const SourceName = z.string().trim().min(1).max(80);

/** A Jira or GitLab source as the UI sees it: never its token, only whether one is stored. */
export const SourceViewSchema = z.object({
  name: z.string(),
  kind: z.enum(['jira', 'gitlab', 'import']),
  baseUrl: z.string().nullable(),
  flavour: z.enum(['cloud', 'datacenter']).nullable(),
  email: z.string().nullable(),
  scope: z.union([JiraScopeSchema, GitLabScopeSchema]).nullable(),
  hasToken: z.boolean(),
  /** False for sources the app cannot sync itself (the demo's, imported files). */
  syncable: z.boolean(),
  createdAt: z.string(),
  lastRun: z
    .object({ startedAt: z.string(), finishedAt: z.string().nullable(), status: z.string(), stats: z.record(z.string(), z.number()), error: z.string().nullable() })
    .nullable(),
});
export type SourceView = z.infer<typeof SourceViewSchema>;

export const SourceUpdateSchema = z
  .object({
    name: SourceName,
    baseUrl: z.string().trim().url().optional(),
    email: z.string().trim().email().optional(),
    /** A new token replaces the one in the keychain; omit to keep it. */
    token: z.string().min(1).max(4096).optional(),
    /** Checked against the source's own kind by the handler (a union here would guess the kind). */
    scope: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const ConnectionTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), identity: z.string(), server: z.string().nullable() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const SyncRunSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']),
  full: z.boolean(),
  stats: z.record(z.string(), z.number()),
  error: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;

export const SyncProgressSchema = z.object({
  jobId: z.string(),
  source: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  step: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  /** e.g. "rate limited; retrying in 30 s" */
  waiting: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  message: z.string().nullable(),
});
export type SyncProgressEvent = z.infer<typeof SyncProgressSchema>;

export const SyncJobSchema = z.object({ jobId: z.string(), sources: z.array(z.string()), startedAt: z.string(), progress: z.array(SyncProgressSchema) });

/** A file chosen by the user: a local path (Electron dialog or drop, the CLI), or one the browser host received by upload. */
const FilePath = z.string().min(1).max(4096);
export const PRESET_IDS = ['run-credits', 'copilot-users', 'copilot-org', 'github-billing', 'openai-costs', 'anthropic-cost-report'] as const;
const PresetId = z.enum(PRESET_IDS);
/** How to read a file: a preset, a mapping given inline, or a saved mapping by name; nothing means "recognise it". */
const ReadAs = {
  preset: PresetId.optional(),
  mapping: ColumnMappingSchema.optional(),
  mappingName: z.string().min(1).max(80).optional(),
};

export const RowIssueSchema = z.object({ line: z.number().int(), reason: z.string() });

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number(),
  /** The format the file will be read as, or null when it is not recognised (choose a mapping). */
  format: z.object({ id: z.string(), label: z.string() }).nullable(),
  /** Set when the file looks like another known format than the one chosen. */
  looksLike: z.string().nullable(),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  /** The file's own column names, for building a mapping. */
  fileColumns: z.array(z.string()),
  /** The first rows as they will be read: our field names and formatted values. */
  columns: z.array(z.string()),
  rows: z.array(z.object({ line: z.number().int(), values: z.record(z.string(), z.string()) })),
  /** Rows among those read for the preview that cannot be read, with the reason. */
  rejections: z.array(RowIssueSchema),
  /** Rows read for the preview, and an estimate of the whole file's rows (exact when small). */
  sampledRows: z.number().int(),
  estimatedRows: z.number().int(),
  estimateExact: z.boolean(),
  /** The same bytes were imported before (nothing would be added). */
  alreadyImported: z.object({ importId: z.number().int(), at: z.string() }).nullable(),
  /** Why the file cannot be imported at all (binary, empty, no mapping for an XLSX...). */
  problem: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportSummarySchema = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  format: z.string(),
  sha256: z.string(),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsRejected: z.number().int(),
  /** First rejected rows (the full list stays in the workspace: imports:rejections). */
  rejections: z.array(RowIssueSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportViewSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.string(),
  status: z.enum(['running', 'succeeded', 'failed', 'undone', 'interrupted']),
  /** Why it failed or was cancelled. */
  error: z.string().nullable(),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsRejected: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof ImportViewSchema>;

export const ImportProgressSchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rows: z.number().int(),
  summary: ImportSummarySchema.nullable(),
  error: z.object({ message: z.string(), rejections: z.array(RowIssueSchema) }).nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const ExchangeRateSchema = z.object({
  from: z.string().regex(/^[A-Z]{3}$/),
  to: z.string().regex(/^[A-Z]{3}$/),
  validFrom: IsoDate,
  rate: z.number().positive().finite(),
});
export type ExchangeRate = z.infer<typeof ExchangeRateSchema>;

/**
 * The one contract for the process boundary. Main validates every input with these schemas;
 * the preload bridge, browser host, renderer client and CLI all derive their types from here.
 */
export const CONTRACT = {
  /** Which app build and workspace the renderer is talking to. */
  'app:get-info': { input: NoInput, output: AppInfoSchema },
  /** What the workspace holds: rows per table, sources, last sync and import. */
  'workspace:get-status': { input: NoInput, output: WorkspaceStatusSchema },
  /** Headline figures and the monthly cost per accepted PR/MR, from the metric definitions in shared/domain. */
  'metrics:get-overview': { input: OverviewInputSchema, output: OverviewSchema },
  /** Fills the (empty) workspace with the built-in demo year; long work, reports job:progress. */
  'demo:create': { input: DemoCreateInputSchema, output: WorkspaceStatusSchema },
  /** Jira and GitLab sources (and import families), with their last sync. */
  'sources:list': { input: NoInput, output: z.array(SourceViewSchema) },
  /** Adds a source; its token goes to the OS keychain, the database keeps only a reference. */
  'sources:add': { input: SourceDraftSchema, output: SourceViewSchema },
  'sources:update': { input: SourceUpdateSchema, output: SourceViewSchema },
  /** Removes a source, everything synced from it, and its keychain entry. */
  'sources:remove': { input: z.object({ name: SourceName }).strict(), output: z.object({ removed: z.boolean() }) },
  /** Who the credentials connect as, or a plain reason they do not. A saved source by name, or a draft before saving. */
  'sources:test': { input: z.union([z.object({ name: SourceName }).strict(), z.object({ draft: SourceDraftSchema }).strict()]), output: ConnectionTestSchema },
  /** Starts a sync of one source or all; progress arrives as sync:progress events. Refused while another runs. */
  'sync:start': { input: z.object({ source: SourceName.optional(), full: z.boolean().default(false) }).strict(), output: z.object({ jobId: z.string() }) },
  'sync:cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** The sync running now, if any (so a reloaded window picks up its progress). */
  'sync:status': { input: NoInput, output: SyncJobSchema.nullable() },
  'sync:history': { input: z.object({ source: SourceName.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(), output: z.array(SyncRunSchema) },
  /** The formats the importer recognises, for the "read as" choice. */
  'imports:formats': { input: NoInput, output: z.array(z.object({ id: PresetId, label: z.string() })) },
  /** Reads the start of a file: the format it will be read as, the first rows as parsed, problems by line. Writes nothing. */
  'imports:preview': { input: z.object({ path: FilePath, ...ReadAs }).strict(), output: ImportPreviewSchema },
  /** Imports a file in the background (import:progress events). Whole or nothing unless acceptValidRows. */
  'imports:run': { input: z.object({ path: FilePath, ...ReadAs, acceptValidRows: z.boolean().default(false) }).strict(), output: z.object({ jobId: z.string() }) },
  'imports:cancel': { input: z.object({ jobId: z.string().min(1).max(100) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Every import with its file name, hash, row counts and state. */
  'imports:list': { input: NoInput, output: z.array(ImportViewSchema) },
  'imports:rejections': { input: z.object({ importId: z.number().int() }).strict(), output: z.array(RowIssueSchema.extend({ raw: z.string().nullable() })) },
  /** Removes exactly the rows an import added. */
  'imports:undo': { input: z.object({ importId: z.number().int() }).strict(), output: z.object({ rowsRemoved: z.number().int() }) },
  'mappings:list': { input: NoInput, output: z.array(ColumnMappingSchema) },
  'mappings:save': { input: ColumnMappingSchema, output: ColumnMappingSchema },
  'mappings:delete': { input: z.object({ name: z.string().min(1).max(80) }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Exchange rates into other currencies, each valid from a date; reports convert with them, storage never does. */
  'rates:list': { input: NoInput, output: z.array(ExchangeRateSchema) },
  'rates:set': { input: ExchangeRateSchema.strict(), output: z.array(ExchangeRateSchema) },
  'rates:delete': { input: ExchangeRateSchema.omit({ rate: true }).strict(), output: z.array(ExchangeRateSchema) },
  ...RECORDS_CONTRACT,
  ...TABLE_EXPORT_CONTRACT,
  ...SCENARIOS_CONTRACT,
  ...PIVOT_CONTRACT,
  ...DECKS_CONTRACT,
  ...EXPORT_CONTRACT,
  ...WORKSHEET_CONTRACT,
  ...WORKSPACE_BACKUP_CONTRACT,
  ...PRINT_CONTRACT,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type ChannelInput<C extends Channel> = z.input<(typeof CONTRACT)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof CONTRACT)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof CONTRACT)[C]['output']>;

export const JobProgressSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['demo', 'sync', 'import', 'export', 'rebuild']),
  step: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  finished: z.boolean().default(false),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const EVENT_SCHEMAS = {
  'job:progress': JobProgressSchema,
  /** Tables whose rows changed, so open views refresh. */
  'workspace:data-changed': z.object({ tables: z.array(z.string()) }),
  'sync:progress': SyncProgressSchema,
  'import:progress': ImportProgressSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.infer<(typeof EVENT_SCHEMAS)[E]>;

import { toCsv } from '../../../shared/domain/csv';
import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { pseudonym } from '../../../shared/domain/people';
import { RECORD_DIMENSION_IDS, type RecordRow } from '../../../shared/ipc/contract-records';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace } from '../../workspace/workspace';
import { call, requireWorkspaceArg, type CliArgs } from '../run-channel';

const formatOf = (args: CliArgs): 'csv' | 'json' => {
  const f = args['format'] ?? 'csv';
  if (f !== 'csv' && f !== 'json') throw new AppError('INVALID_INPUT', '--format must be csv or json');
  return f;
};
const str = (args: CliArgs, name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);
const micros = (v: number) => v / 1e6;

const RECORD_COLUMNS: [string, (r: RecordRow) => unknown][] = [
  ['record_id', (r) => r.id],
  ['ticket', (r) => r.ticketKey],
  ['title', (r) => r.title],
  ['team', (r) => r.team],
  ['project', (r) => r.projectKey],
  ['repository', (r) => r.repository],
  ['issue_type', (r) => r.issueType],
  ['size', (r) => r.size],
  ['outcome', (r) => r.outcome],
  ['month', (r) => r.periodMonth],
  ['started_at', (r) => r.startedAt],
  ['ended_at', (r) => r.endedAt],
  ['mr_url', (r) => r.mrUrl],
  ['vendor_workspace', (r) => r.workspace],
  ['plan', (r) => r.plan],
  ['runs', (r) => r.runs],
  ['repair_runs', (r) => r.repairRuns],
  ['review_rounds', (r) => r.reviewRounds],
  ['ci_minutes', (r) => r.ciMinutes],
  ['human_hours', (r) => r.humanHours],
  ['cost_run_credits', (r) => micros(r.costRunCreditsMicros)],
  ['cost_ai_credits', (r) => micros(r.costAiCreditsMicros)],
  ['cost_provider', (r) => micros(r.costProviderMicros)],
  ['cost_ci', (r) => micros(r.costCiMicros)],
  ['cost_human', (r) => micros(r.costHumanMicros)],
  ['cost_total', (r) => micros(r.costTotalMicros)],
  ['missing_rates', (r) => r.missingRates],
  ['signals', (r) => r.signals.join(' ')],
];

/**
 * `yardstick records`: every record of the workspace or a pilot. People appear only when
 * person-level views are enabled in the workspace, and then pseudonymised unless --real-names.
 */
export async function recordsCommand(args: CliArgs): Promise<void> {
  const format = formatOf(args);
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const pilot = str(args, 'pilot');
    const { rows, currency } = await call(workspace, 'records:list', { ...(pilot ? { pilot } : {}), limit: 100_000 });
    const people = workspace.settings().peopleViewsEnabled;
    const salt = workspace.settings().name;
    const personOf = (r: RecordRow) => (r.person === null ? null : args['real-names'] === true ? r.person : pseudonym(r.person, salt));
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify({ currency, records: rows.map((r) => ({ ...r, person: personOf(r) })) }, null, 2)}\n`);
      return;
    }
    const columns = people ? [...RECORD_COLUMNS, ['person', personOf] as [string, (r: RecordRow) => unknown]] : RECORD_COLUMNS;
    process.stdout.write(toCsv(columns.map(([h]) => h), rows.map((r) => columns.map(([, get]) => get(r)))));
  } finally {
    workspace.close();
  }
}

/** `yardstick metrics`: every metric of PRODUCT.md over the workspace or a pilot, optionally per dimension. */
export async function metricsCommand(args: CliArgs): Promise<void> {
  const format = formatOf(args);
  const by = str(args, 'by');
  if (by !== undefined && !(RECORD_DIMENSION_IDS as readonly string[]).includes(by)) throw new AppError('INVALID_INPUT', `--by must be one of ${RECORD_DIMENSION_IDS.join(', ')}`);
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const pilot = str(args, 'pilot');
    const from = str(args, 'from');
    const to = str(args, 'to');
    const result = await call(workspace, 'metrics:get', {
      ...(by ? { by: by as (typeof RECORD_DIMENSION_IDS)[number] } : {}),
      ...(pilot ? { pilot } : {}),
      ...(from ? { fromMonth: from } : {}),
      ...(to ? { toMonth: to } : {}),
    });
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const ids = Object.keys(METRICS) as MetricId[];
    // Money metrics in major units of the workspace currency, named with it.
    const value = (id: MetricId, v: number | null) => (v === null ? null : METRICS[id].format === 'money' ? v / 1e6 : v);
    const header = [by ?? 'slice', 'records', ...ids.map((id) => (METRICS[id].format === 'money' ? `${id}_${result.currency.toLowerCase()}` : id))];
    const line = (key: string | null, r: { sums: { records: number }; metrics: Record<string, number | null> }) => [key, r.sums.records, ...ids.map((id) => value(id, r.metrics[id] ?? null))];
    process.stdout.write(toCsv(header, [...result.rows.map((r) => line(r.key, r)), line('TOTAL', result.total)]));
  } finally {
    workspace.close();
  }
}

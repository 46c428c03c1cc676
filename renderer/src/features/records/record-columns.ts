import { formatMoney } from '../../../../shared/domain/money';
import type { RecordRow } from '../../../../shared/ipc/contract-records';
import { NO_VALUE, formatCount, formatDecimal, formatMonthShort } from '../../lib/format';
import { OUTCOME_LABELS, OUTCOME_ORDER, SIGNAL_SHORT_LABELS } from './records-labels';

/**
 * The records grid's columns, independent of the grid library: what each shows, the raw value it
 * sorts by, and its width. RecordsGrid maps these onto ag-grid column definitions.
 */
export type ColumnRenderer = 'ticket' | 'outcome' | 'signals' | 'text' | 'number';

export type RecordColumn = {
  id: string;
  header: string;
  /** Says what the column counts or prices, for the header tooltip. */
  description: string;
  renderer: ColumnRenderer;
  width: number;
  pinned?: 'left';
  /** The raw value the column sorts by. */
  value: (row: RecordRow) => string | number | null;
  /** The text shown (and read out) for the value. */
  display: (row: RecordRow) => string;
  compare?: (a: RecordRow, b: RecordRow) => number;
};

const naturally = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
};

const orDash = (value: string | null): string => (value === null || value === '' ? NO_VALUE : value);

/** Minutes with one decimal below 100, whole minutes above, as formatHours does for hours. */
export const formatMinutes = (minutes: number): string => (Math.abs(minutes) < 100 && !Number.isInteger(minutes) ? formatDecimal(minutes, 1) : formatCount(Math.round(minutes)));

/** "PAY-12", the record key when the work has no ticket. */
export const ticketLabel = (row: Pick<RecordRow, 'ticketKey' | 'recordKey'>): string => row.ticketKey ?? row.recordKey;

export function recordColumns(currency: string, opts: { person: boolean }): RecordColumn[] {
  const numeric =
    (format: (value: number) => string, defaultWidth: number) =>
    (id: string, header: string, description: string, pick: (r: RecordRow) => number, width = defaultWidth): RecordColumn => ({
      id,
      header,
      description,
      renderer: 'number',
      width,
      value: pick,
      display: (r) => format(pick(r)),
    });
  const money = numeric((micros) => formatMoney(micros, currency), 104);
  const count = numeric(formatCount, 84);

  const columns: RecordColumn[] = [
    {
      id: 'ticket',
      header: 'Ticket',
      description: 'Jira key and title of the work item (the record key when runs named no ticket).',
      renderer: 'ticket',
      width: 300,
      pinned: 'left',
      value: ticketLabel,
      display: (r) => (r.title === null ? ticketLabel(r) : `${ticketLabel(r)} ${r.title}`),
      compare: (a, b) => naturally(ticketLabel(a), ticketLabel(b)),
    },
    { id: 'team', header: 'Team', description: 'Team owning the work item.', renderer: 'text', width: 104, value: (r) => r.team, display: (r) => orDash(r.team), compare: (a, b) => naturally(a.team, b.team) },
    {
      id: 'repository',
      header: 'Repository',
      description: 'Repository of the merge request.',
      renderer: 'text',
      width: 190,
      value: (r) => r.repository,
      display: (r) => orDash(r.repository),
      compare: (a, b) => naturally(a.repository, b.repository),
    },
    {
      id: 'outcome',
      header: 'Outcome',
      description: 'Accepted (merged, not rolled back), rejected, rolled back, open, or stopped before review.',
      renderer: 'outcome',
      width: 132,
      value: (r) => r.outcome,
      display: (r) => OUTCOME_LABELS[r.outcome],
      compare: (a, b) => OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome),
    },
    { id: 'month', header: 'Month', description: 'Month the record counts in.', renderer: 'text', width: 92, value: (r) => r.periodMonth, display: (r) => formatMonthShort(r.periodMonth) },
  ];
  if (opts.person) {
    columns.push({ id: 'person', header: 'Person', description: 'Assignee of the work item (person-level views are on in Settings).', renderer: 'text', width: 150, value: (r) => r.person, display: (r) => orDash(r.person), compare: (a, b) => naturally(a.person, b.person) });
  }
  columns.push(
    count('runs', 'Runs', 'AI runs of the record, including denied, blocked and failed attempts.', (r) => r.runs, 72),
    count('repairRuns', 'Repairs', 'Continuation and retry runs.', (r) => r.repairRuns, 84),
    count('reviewRounds', 'Reviews', 'Review rounds on the merge request.', (r) => r.reviewRounds, 84),
    { id: 'ciMinutes', header: 'CI min', description: 'Pipeline minutes of the merge request, retried jobs included.', renderer: 'number', width: 84, value: (r) => r.ciMinutes, display: (r) => formatMinutes(r.ciMinutes) },
    money('costRunCredits', 'Run credits', 'Per-PR/MR charges of the AI coding tool.', (r) => r.costRunCreditsMicros),
    money('costAiCredits', 'AI credits', 'Cloud AI credits settled from measured usage.', (r) => r.costAiCreditsMicros),
    money('costProvider', 'Provider', 'Model provider spend allocated by token share.', (r) => r.costProviderMicros),
    money('costCi', 'CI', 'CI minutes priced per runner type.', (r) => r.costCiMicros, 92),
    money('costHuman', 'Human', 'Intake, review, repair and rework hours at the loaded rate.', (r) => r.costHumanMicros),
    money('costTotal', 'Total', `All cost lines of the record in ${currency}.`, (r) => r.costTotalMicros, 112),
    {
      id: 'signals',
      header: 'Signals',
      description: 'Risk signals raised on the record.',
      renderer: 'signals',
      width: 320,
      value: (r) => r.signals.length,
      display: (r) => r.signals.map((code) => SIGNAL_SHORT_LABELS[code]).join(', '),
    },
  );
  return columns;
}

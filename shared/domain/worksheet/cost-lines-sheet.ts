import { pseudonym } from '../people';
import { address, cleanText, columnName, fitWidths, linkCell, monthSerial, type Cell, type ColumnPlan, type Format, type RowPlan, type SheetPlan } from './cells';

export const COST_LINES_SHEET = 'Cost lines';

/** One accepted-work record as the Cost lines sheet shows it; money in micros of the workspace currency (converted, as the records table keeps it). */
export type WorksheetRecord = {
  ticketKey: string | null;
  title: string | null;
  team: string | null;
  repository: string | null;
  outcome: string;
  /** The record's period, "2026-04". */
  month: string;
  mrUrl: string | null;
  jiraUrl: string | null;
  person: string | null;
  runs: number;
  repairRuns: number;
  reviewRounds: number;
  ciMinutes: number;
  reachedReview: number;
  accepted: number;
  humanHours: number;
  baselineHours: number;
  costRunCreditsMicros: number;
  costAiCreditsMicros: number;
  costProviderMicros: number;
  costCiMicros: number;
  costHumanMicros: number;
  /** Currencies of cost lines left out of the money for want of an exchange rate. */
  missingRates: string | null;
};

type NumberKey = 'runs' | 'repairRuns' | 'reviewRounds' | 'ciMinutes' | 'reachedReview' | 'accepted' | 'humanHours' | 'baselineHours';
type MoneyKey = 'costRunCreditsMicros' | 'costAiCreditsMicros' | 'costProviderMicros' | 'costCiMicros' | 'costHumanMicros';

export type CostLinesColumnId = 'ticket' | 'title' | 'team' | 'repository' | 'outcome' | 'month' | 'mr' | 'jira' | 'person' | NumberKey | MoneyKey | 'total' | 'missingRates';

type Column = { id: CostLinesColumnId; header: string; format: Format };

const NUMBER_COLUMNS: { id: NumberKey; header: string; format: Format }[] = [
  { id: 'runs', header: 'Runs', format: 'count' },
  { id: 'repairRuns', header: 'Repair runs', format: 'count' },
  { id: 'reviewRounds', header: 'Review rounds', format: 'count' },
  { id: 'ciMinutes', header: 'CI minutes', format: 'tenths' },
  { id: 'reachedReview', header: 'PR/MRs reached review', format: 'count' },
  { id: 'accepted', header: 'Accepted', format: 'count' },
  { id: 'humanHours', header: 'Human hours', format: 'tenths' },
  { id: 'baselineHours', header: 'Baseline hours', format: 'tenths' },
];
const MONEY_COLUMNS: { id: MoneyKey; header: string }[] = [
  { id: 'costRunCreditsMicros', header: 'Run credits' },
  { id: 'costAiCreditsMicros', header: 'Cloud AI credits' },
  { id: 'costProviderMicros', header: 'Provider' },
  { id: 'costCiMicros', header: 'CI' },
  { id: 'costHumanMicros', header: 'Human hours cost' },
];

/** The columns of the sheet: a Person column only with person views on, a Missing rates column only when some record has one. */
export function costLinesColumns(opts: { people: boolean; missingRates: boolean; currency: string }): Column[] {
  return [
    { id: 'ticket', header: 'Ticket', format: 'text' },
    { id: 'title', header: 'Title', format: 'text' },
    { id: 'team', header: 'Team', format: 'text' },
    { id: 'repository', header: 'Repository', format: 'text' },
    { id: 'outcome', header: 'Outcome', format: 'text' },
    { id: 'month', header: 'Month', format: 'month' },
    { id: 'mr', header: 'MR URL', format: 'text' },
    { id: 'jira', header: 'Jira link', format: 'text' },
    ...(opts.people ? [{ id: 'person' as const, header: 'Person (pseudonym)', format: 'text' as const }] : []),
    ...NUMBER_COLUMNS,
    ...MONEY_COLUMNS.map((m) => ({ id: m.id, header: `${m.header} (${opts.currency})`, format: 'money' as const })),
    { id: 'total', header: `Total (${opts.currency})`, format: 'money' },
    ...(opts.missingRates ? [{ id: 'missingRates' as const, header: 'Left out: no exchange rate for', format: 'text' as const }] : []),
  ];
}

/** Where things are: the header in row 1, records from row 2, the totals right after them. */
export type CostLinesLayout = {
  columns: Column[];
  firstRecord: number;
  lastRecord: number;
  totals: number;
  column: (id: CostLinesColumnId) => string;
  cell: (id: CostLinesColumnId, row: number) => string;
  range: (id: CostLinesColumnId) => string;
};

export function costLinesLayout(records: number, columns: Column[]): CostLinesLayout {
  const index = new Map(columns.map((c, i) => [c.id, i + 1]));
  const col = (id: CostLinesColumnId) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`no ${id} column on the Cost lines sheet`);
    return i;
  };
  const firstRecord = 2;
  const lastRecord = records + 1;
  return {
    columns,
    firstRecord,
    lastRecord,
    totals: lastRecord + 1,
    column: (id) => columnName(col(id)),
    cell: (id, row) => address(col(id), row),
    range: (id) => `${address(col(id), firstRecord)}:${address(col(id), Math.max(firstRecord, lastRecord))}`,
  };
}

const OUTCOME_LABELS: Record<string, string> = { rolled_back: 'rolled back', no_change: 'no change' };

/**
 * The Cost lines sheet: one row per accepted-work record with its links, measures and cost by kind
 * (each row's total a SUM of its cost cells), and a totals row of SUM formulas the Summary reads.
 * Totals are cached from the records' sums in micros, as metrics:get adds them.
 */
export function costLinesSheet(records: readonly WorksheetRecord[], opts: { currency: string; people: { salt: string } | null }): { sheet: SheetPlan; layout: CostLinesLayout } {
  const missing = records.some((r) => r.missingRates);
  const columns = costLinesColumns({ people: opts.people !== null, missingRates: missing, currency: opts.currency });
  const layout = costLinesLayout(records.length, columns);
  const firstCost = layout.column('costRunCreditsMicros');
  const lastCost = layout.column('costHumanMicros');
  const text = (s: string | null): Cell => (s === null ? null : cleanText(s));
  const salt = opts.people?.salt ?? '';

  const costOf = (r: WorksheetRecord) => r.costRunCreditsMicros + r.costAiCreditsMicros + r.costProviderMicros + r.costCiMicros + r.costHumanMicros;
  const cellOf: Record<CostLinesColumnId, (r: WorksheetRecord, row: number) => Cell> = {
    ticket: (r) => text(r.ticketKey),
    title: (r) => text(r.title),
    team: (r) => text(r.team),
    repository: (r) => text(r.repository),
    outcome: (r) => OUTCOME_LABELS[r.outcome] ?? r.outcome,
    month: (r) => monthSerial(r.month),
    mr: (r) => linkCell(r.mrUrl),
    jira: (r) => linkCell(r.jiraUrl),
    person: (r) => (r.person === null ? null : pseudonym(r.person, salt)),
    runs: (r) => r.runs,
    repairRuns: (r) => r.repairRuns,
    reviewRounds: (r) => r.reviewRounds,
    ciMinutes: (r) => r.ciMinutes,
    reachedReview: (r) => r.reachedReview,
    accepted: (r) => r.accepted,
    humanHours: (r) => r.humanHours,
    baselineHours: (r) => r.baselineHours,
    costRunCreditsMicros: (r) => r.costRunCreditsMicros / 1e6,
    costAiCreditsMicros: (r) => r.costAiCreditsMicros / 1e6,
    costProviderMicros: (r) => r.costProviderMicros / 1e6,
    costCiMicros: (r) => r.costCiMicros / 1e6,
    costHumanMicros: (r) => r.costHumanMicros / 1e6,
    total: (r, row) => ({ formula: `SUM(${firstCost}${row}:${lastCost}${row})`, result: costOf(r) / 1e6 }),
    missingRates: (r) => text(r.missingRates),
  };
  const getters = columns.map((c) => cellOf[c.id]);
  const rows: RowPlan[] = [{ cells: columns.map((c) => c.header), style: 'header' }];
  records.forEach((r, i) => {
    const row = layout.firstRecord + i;
    rows.push({ cells: getters.map((get) => get(r, row)) });
  });

  const sumOf = (f: (r: WorksheetRecord) => number) => records.reduce((n, r) => n + f(r), 0);
  rows.push({
    style: 'total',
    cells: columns.map((c): Cell => {
      if (c.id === 'ticket') return `Total (${records.length} records)`;
      const isNumber = NUMBER_COLUMNS.some((n) => n.id === c.id);
      const isMoney = MONEY_COLUMNS.some((m) => m.id === c.id);
      if (!isNumber && !isMoney && c.id !== 'total') return null;
      const result =
        c.id === 'total'
          ? sumOf(costOf) / 1e6
          : isMoney
            ? sumOf((r) => r[c.id as MoneyKey]) / 1e6
            : sumOf((r) => r[c.id as NumberKey]);
      return { formula: records.length ? `SUM(${layout.range(c.id)})` : '0', result };
    }),
  });

  const plan: ColumnPlan[] = columns.map((c) => ({ width: 10, format: c.format }));
  const sheet: SheetPlan = { name: COST_LINES_SHEET, columns: plan, rows, frozen: { rows: 1, columns: 1 } };
  const widths = fitWidths(sheet, { max: 60 });
  plan.forEach((c, i) => (c.width = columns[i]!.id === 'title' ? Math.min(widths[i]!, 50) : widths[i]!));
  return { sheet, layout };
}

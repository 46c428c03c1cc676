import { formatMoney } from '../../../../shared/domain/money';
import type { EvidenceStep, RecordDetail, RecordRow } from '../../../../shared/ipc/contract-records';
import { NO_VALUE, formatCount, formatDate, formatDateTime, formatDecimal, formatHours, formatMonthLong } from '../../lib/format';
import { formatMinutes, ticketLabel } from './record-columns';
import { COST_KINDS, OUTCOME_LABELS, OUTCOME_TONES, type CostKind, type Tone } from './records-labels';

/**
 * What the record drawer shows: its header and facts (from the list row, so they appear at once),
 * and from records:get its cost lines grouped by kind, its risk signals and its evidence timeline.
 */

export type RecordHeader = {
  ticket: string;
  title: string;
  outcome: { label: string; tone: Tone };
  mrUrl: string | null;
  /** The Jira link, taken from the timeline's ticket step once the detail has loaded. */
  ticketUrl: string | null;
};

const isWebUrl = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);

export function recordHeader(row: RecordRow, timeline: readonly EvidenceStep[] | null): RecordHeader {
  const ticketStep = timeline?.find((s) => s.source.kind === 'jira' && isWebUrl(s.source.url)) ?? null;
  return {
    ticket: ticketLabel(row),
    title: row.title ?? (row.ticketKey === null ? 'Runs that named no ticket' : 'Ticket not found in Jira'),
    outcome: { label: OUTCOME_LABELS[row.outcome], tone: OUTCOME_TONES[row.outcome] },
    mrUrl: isWebUrl(row.mrUrl) ? row.mrUrl : null,
    ticketUrl: ticketStep?.source.url ?? null,
  };
}

export type Fact = { label: string; value: string };

/** The record's descriptive fields and measures; empty ones are left out. */
export function recordFacts(row: RecordRow): Fact[] {
  const period = row.startedAt !== null && row.endedAt !== null ? `${formatDate(row.startedAt)} – ${formatDate(row.endedAt)}` : row.startedAt !== null ? `from ${formatDate(row.startedAt)}` : null;
  const facts: [string, string | null][] = [
    ['Team', row.team],
    ['Project', row.projectKey],
    ['Repository', row.repository],
    ['Work type', [row.issueType, row.size === null ? null : `size ${row.size}`].filter((p) => p !== null).join(', ') || null],
    ['Counts in', formatMonthLong(row.periodMonth)],
    ['Active', period],
    ['Vendor workspace', row.workspace === null ? null : row.plan === null ? row.workspace : `${row.workspace} (${row.plan} plan)`],
    ['Person', row.person],
    ['Runs', `${formatCount(row.runs)} (${formatCount(row.repairRuns)} repair)`],
    ['Review rounds', formatCount(row.reviewRounds)],
    ['CI minutes', formatMinutes(row.ciMinutes)],
    ['People time', formatHours(row.humanHours)],
  ];
  return facts.filter((f): f is [string, string] => f[1] !== null && f[1] !== '').map(([label, value]) => ({ label, value }));
}

export type CostLineModel = {
  key: string;
  basis: 'measured' | 'estimated';
  evidence: string;
  occurredOn: string;
  quantity: string;
  amountMicros: number;
  currency: string;
  amount: string;
  /** False for lines in another currency, which the subtotal holds converted. */
  inRecordCurrency: boolean;
  /** The line in the workspace currency as the subtotal holds it (null: no rate, left out). */
  convertedMicros: number | null;
  /** For a line in another currency: "£0.79", or why it is not in the subtotal; null otherwise. */
  converted: string | null;
};

export type CostGroup = {
  kind: CostKind;
  label: string;
  /** The kind's total in the workspace currency, as main converted it (the list's column). */
  subtotalMicros: number;
  subtotal: string;
  lines: CostLineModel[];
  /** Set when lines in other currencies are held converted in the subtotal. */
  conversionNote: string | null;
};

export type CostTable = { groups: CostGroup[]; totalMicros: number; total: string; currency: string; missingRatesNote: string | null };

const SUBTOTAL_OF: Record<CostKind, (r: RecordRow) => number> = {
  run_credits: (r) => r.costRunCreditsMicros,
  ai_credits: (r) => r.costAiCreditsMicros,
  provider: (r) => r.costProviderMicros,
  ci: (r) => r.costCiMicros,
  human: (r) => r.costHumanMicros,
};

export const formatQuantity = (quantity: number | null, unit: string | null): string => {
  if (quantity === null) return NO_VALUE;
  const value = Number.isInteger(quantity) ? formatCount(quantity) : formatDecimal(quantity, 2);
  if (unit === null || unit === '') return value;
  // Units come plural ("hours", "run credits"); one of them reads singular.
  return `${value} ${quantity === 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit}`;
};

/**
 * Cost lines grouped by kind. Each line keeps its own currency (a provider invoice in USD stays in
 * USD); each kind's subtotal and the total are in the workspace currency, as main converted them at
 * the rate of each line's date. Kinds with no line and no cost are left out.
 */
export function costTable(row: RecordRow, lines: RecordDetail['costLines'], currency: string): CostTable {
  const groups: CostGroup[] = [];
  for (const { kind, label } of COST_KINDS) {
    const own = lines
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => line.kind === kind)
      .map(({ line, index }) => ({
        key: `${kind}-${index}`,
        basis: line.basis,
        evidence: line.evidence,
        occurredOn: formatDate(line.occurredOn),
        quantity: formatQuantity(line.quantity, line.unit),
        amountMicros: line.amountMicros,
        currency: line.currency,
        amount: formatMoney(line.amountMicros, line.currency),
        inRecordCurrency: line.currency === currency,
        convertedMicros: line.convertedMicros,
        converted: line.currency === currency ? null : line.convertedMicros === null ? `no ${line.currency} rate` : formatMoney(line.convertedMicros, currency),
      }));
    const subtotalMicros = SUBTOTAL_OF[kind](row);
    if (own.length === 0 && subtotalMicros === 0) continue;
    const foreign = [...new Set(own.filter((l) => !l.inRecordCurrency).map((l) => l.currency))].sort();
    groups.push({
      kind,
      label,
      subtotalMicros,
      subtotal: formatMoney(subtotalMicros, currency),
      lines: own,
      conversionNote: foreign.length === 0 ? null : `${foreign.join(', ')} converted into ${currency} at the exchange rate of each line's date.`,
    });
  }
  const missing = row.missingRates === null || row.missingRates === '' ? null : `Costs in ${row.missingRates.split(',').join(', ')} are left out of the total until an exchange rate into ${currency} is entered in Settings.`;
  return { groups, totalMicros: row.costTotalMicros, total: formatMoney(row.costTotalMicros, currency), currency, missingRatesNote: missing };
}

export const BASIS_LABELS = { measured: 'Measured', estimated: 'Estimated' } as const;

export const BASIS_HINTS = {
  measured: 'Taken from a bill, an export or a synced duration.',
  estimated: 'Computed from a rule (rounds × minutes, plan price) because nothing measured it.',
} as const;

const STEP_KIND_LABELS: Record<EvidenceStep['kind'], string> = {
  ticket_created: 'Ticket',
  ticket_status: 'Ticket status',
  worklog: 'Worklog',
  run_event: 'Run',
  mr_opened: 'Merge request',
  pipeline: 'Pipeline',
  review: 'Review',
  approval: 'Approval',
  merged: 'Merged',
  closed: 'Closed',
  reverted: 'Revert',
  follow_up_bug: 'Follow-up bug',
};

/** Glyphs by step kind, so a long chain can be scanned; tone decides the colour. */
const STEP_ICONS: Record<EvidenceStep['kind'], string> = {
  ticket_created: 'J',
  ticket_status: 'J',
  worklog: 'h',
  run_event: 'AI',
  mr_opened: 'MR',
  pipeline: 'CI',
  review: 'R',
  approval: '✓',
  merged: 'M',
  closed: '×',
  reverted: '↺',
  follow_up_bug: '!',
};

export type StepSource = { kind: EvidenceStep['source']['kind']; label: string; href: string | null };

export type TimelineStep = {
  key: string;
  at: string;
  when: string;
  kind: EvidenceStep['kind'];
  kindLabel: string;
  icon: string;
  tone: EvidenceStep['tone'];
  title: string;
  detail: string | null;
  source: StepSource;
};

/**
 * Where a step comes from: a link when the source has a web address, otherwise its text; an import
 * line reads "file line N" so it can be found in the original export.
 */
export function stepSource(source: EvidenceStep['source']): StepSource {
  if (isWebUrl(source.url)) return { kind: source.kind, label: source.label, href: source.url };
  if (source.kind === 'import' && source.file !== null) {
    return { kind: source.kind, label: source.line === null ? source.file : `${source.file} line ${source.line}`, href: null };
  }
  return { kind: source.kind, label: source.label, href: null };
}

/** The evidence chain in time order (main sends it so; equal times keep main's order). */
export function timelineSteps(timeline: readonly EvidenceStep[]): TimelineStep[] {
  return timeline
    .map((step, index) => ({ step, index, ms: Date.parse(step.at) }))
    .sort((a, b) => (Number.isNaN(a.ms) || Number.isNaN(b.ms) || a.ms === b.ms ? a.index - b.index : a.ms - b.ms))
    .map(({ step, index }) => ({
      key: `${index}-${step.kind}`,
      at: step.at,
      when: formatDateTime(step.at),
      kind: step.kind,
      kindLabel: STEP_KIND_LABELS[step.kind],
      icon: STEP_ICONS[step.kind],
      tone: step.tone,
      title: step.title,
      detail: step.detail,
      source: stepSource(step.source),
    }));
}

export const truncatedNote = (steps: number): string => `Showing the latest ${formatCount(steps)} steps of a longer chain.`;

import { toCsv } from '../../../../shared/domain/csv';
import { formatMoney, microsToMajor } from '../../../../shared/domain/money';
import { NO_VALUE, formatCount, formatDate } from '../../lib/format';
import type { Unlinked } from './records-api';

export type UnlinkedKind = keyof Unlinked['counts'];

/** The kinds of things linking could not attach, in the order money leaks matter most. */
export const UNLINKED_KINDS: readonly { kind: UnlinkedKind; label: string; hint: string }[] = [
  { kind: 'run_without_ticket', label: 'Runs without a ticket', hint: 'AI runs whose events name no Jira key: their cost has no piece of work to land on.' },
  { kind: 'run_without_mr', label: 'Runs without a merge request', hint: 'Runs that published no merge request the sync knows of.' },
  { kind: 'ai_mr_without_ticket', label: 'AI merge requests without a ticket', hint: 'Merge requests recognised as AI-generated whose branch, title and description name no synced ticket.' },
  { kind: 'billing_line_without_run', label: 'Billing lines without a run', hint: 'Billed amounts (provider spend, credits) that no AI run accounts for.' },
];

export const unlinkedKindLabel = (kind: UnlinkedKind): string => UNLINKED_KINDS.find((k) => k.kind === kind)?.label ?? kind;

export type UnlinkedCard = { kind: UnlinkedKind; label: string; hint: string; count: number; countDisplay: string; listed: number };

export function unlinkedCards(unlinked: Unlinked): UnlinkedCard[] {
  return UNLINKED_KINDS.map(({ kind, label, hint }) => ({
    kind,
    label,
    hint,
    count: unlinked.counts[kind],
    countDisplay: formatCount(unlinked.counts[kind]),
    listed: unlinked.items.filter((i) => i.kind === kind).length,
  }));
}

export const unlinkedTotal = (unlinked: Unlinked): number => UNLINKED_KINDS.reduce((sum, { kind }) => sum + unlinked.counts[kind], 0);

export type UnlinkedRow = { key: string; kind: UnlinkedKind; kindLabel: string; ref: string; detail: string; href: string | null; when: string; amount: string; amountMicros: number | null };

/** The listed items, of one kind or all; all kinds in the order of the cards, each as main sorted it (latest first). */
function orderedItems(unlinked: Unlinked, kind: UnlinkedKind | null): Unlinked['items'] {
  const order = (k: UnlinkedKind): number => UNLINKED_KINDS.findIndex((u) => u.kind === k);
  return unlinked.items
    .filter((item) => kind === null || item.kind === kind)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => order(a.item.kind) - order(b.item.kind) || a.index - b.index)
    .map(({ item }) => item);
}

/** The table's rows: orderedItems formatted. */
export function unlinkedRows(unlinked: Unlinked, kind: UnlinkedKind | null): UnlinkedRow[] {
  return orderedItems(unlinked, kind).map((item) => ({
      key: `${item.kind}:${item.ref}`,
      kind: item.kind,
      kindLabel: unlinkedKindLabel(item.kind),
      ref: item.ref,
      detail: item.detail,
      href: item.url !== null && /^https?:\/\//i.test(item.url) ? item.url : null,
      when: formatDate(item.occurredAt),
      amount: item.amountMicros === null || item.currency === null ? NO_VALUE : formatMoney(item.amountMicros, item.currency),
      amountMicros: item.amountMicros,
    }));
}

/**
 * The unlinked items of one kind or all, in the table's order, as CSV for follow-up in Jira or
 * GitLab: when, kind, the item and its link, why it is unlinked, the amount in major units.
 */
export function unlinkedCsv(unlinked: Unlinked, kind: UnlinkedKind | null): string {
  return toCsv(
    ['occurred_at', 'kind', 'item', 'url', 'why_unlinked', 'amount', 'currency'],
    orderedItems(unlinked, kind).map((i) => [i.occurredAt, i.kind, i.ref, i.url, i.detail, i.amountMicros === null || i.currency === null ? null : microsToMajor(i.amountMicros, i.currency), i.currency]),
  );
}

/** "Showing 2,000 of 2,384 items" when main listed fewer than it counted. */
export function listedNote(unlinked: Unlinked, kind: UnlinkedKind | null): string | null {
  const listed = unlinked.items.filter((i) => kind === null || i.kind === kind).length;
  const total = kind === null ? unlinkedTotal(unlinked) : unlinked.counts[kind];
  return listed < total ? `Showing ${formatCount(listed)} of ${formatCount(total)} items.` : null;
}

export type WorkflowBillingRow = { key: string; ledger: string; vendor: string; lines: string; amount: string };

const LEDGER_LABELS: Record<string, string> = {
  copilot_usage: 'Copilot usage',
  copilot_seats: 'Copilot seats',
  actions_minutes: 'Actions minutes',
};

export const ledgerLabel = (ledger: string): string => LEDGER_LABELS[ledger] ?? ledger.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function workflowBillingRows(unlinked: Unlinked): WorkflowBillingRow[] {
  return unlinked.workflowBilling.map((w) => ({
    key: `${w.ledger}:${w.vendor}:${w.currency}`,
    ledger: ledgerLabel(w.ledger),
    vendor: w.vendor,
    lines: formatCount(w.lines),
    amount: formatMoney(w.amountMicros, w.currency),
  }));
}

import { toCsv } from '../../../../shared/domain/csv';
import { formatMoney, microsToMajor } from '../../../../shared/domain/money';
import { formatCount, formatDecimal, formatMonthLong } from '../../lib/format';
import type { Reconciliation } from './records-api';

export type ReconciliationRowModel = {
  key: string;
  month: string;
  monthLabel: string;
  workspace: string;
  plan: string;
  billedCredits: string;
  impliedCredits: string;
  creditDifference: string;
  billed: string;
  implied: string;
  difference: string;
  differenceMicros: number;
  mismatchedEvents: string;
  status: 'match' | 'over' | 'under';
  /** The records behind a difference, to filter the list by; null when the bill matches. */
  drill: { ids: number[]; label: string } | null;
};

const credits = (n: number): string => (Number.isInteger(n) ? formatCount(n) : formatDecimal(n, 2));
const signed = (text: string, n: number): string => (n > 0 ? `+${text}` : text);

/** Billed against implied per month and vendor workspace; "over" means the vendor billed more than the plan implies. */
export function reconciliationRows(rec: Reconciliation): ReconciliationRowModel[] {
  return rec.rows.map((r) => {
    const creditDiff = r.billedCredits - r.impliedCredits;
    const moneyDiff = r.billedMicros - r.impliedMicros;
    const status = creditDiff === 0 && moneyDiff === 0 && r.mismatchedEvents === 0 ? 'match' : moneyDiff > 0 || (moneyDiff === 0 && creditDiff > 0) ? 'over' : 'under';
    return {
      key: `${r.month}:${r.workspace}:${r.currency}`,
      month: r.month,
      monthLabel: formatMonthLong(r.month),
      workspace: r.workspace,
      plan: r.plan ?? 'No plan',
      billedCredits: credits(r.billedCredits),
      impliedCredits: credits(r.impliedCredits),
      creditDifference: creditDiff === 0 ? '0' : signed(credits(creditDiff), creditDiff),
      billed: formatMoney(r.billedMicros, r.currency),
      implied: formatMoney(r.impliedMicros, r.currency),
      difference: moneyDiff === 0 ? formatMoney(0, r.currency) : signed(formatMoney(moneyDiff, r.currency), moneyDiff),
      differenceMicros: moneyDiff,
      mismatchedEvents: formatCount(r.mismatchedEvents),
      status,
      drill: r.recordIds.length === 0 ? null : { ids: r.recordIds, label: `Billing differences of ${r.workspace}, ${formatMonthLong(r.month)}` },
    };
  });
}

export type ReconciliationTotal = { currency: string; billed: string; implied: string; difference: string; differenceMicros: number; billedCredits: string; impliedCredits: string };

/** Totals per currency (a workspace billed in two currencies gets two lines, never a mixed sum). */
export function reconciliationTotals(rec: Reconciliation): ReconciliationTotal[] {
  const by = new Map<string, { billed: number; implied: number; billedCredits: number; impliedCredits: number }>();
  for (const r of rec.rows) {
    const t = by.get(r.currency) ?? { billed: 0, implied: 0, billedCredits: 0, impliedCredits: 0 };
    t.billed += r.billedMicros;
    t.implied += r.impliedMicros;
    t.billedCredits += r.billedCredits;
    t.impliedCredits += r.impliedCredits;
    by.set(r.currency, t);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, t]) => ({
      currency,
      billed: formatMoney(t.billed, currency),
      implied: formatMoney(t.implied, currency),
      difference: signed(formatMoney(t.billed - t.implied, currency), t.billed - t.implied),
      differenceMicros: t.billed - t.implied,
      billedCredits: credits(t.billedCredits),
      impliedCredits: credits(t.impliedCredits),
    }));
}

/** One sentence above the table: whether the bills match the plans. */
export function reconciliationSummary(rows: readonly ReconciliationRowModel[]): string {
  if (rows.length === 0) return 'No run-credit billing has been imported yet, so there is nothing to reconcile.';
  const off = rows.filter((r) => r.status !== 'match').length;
  if (off === 0) return `Billed run credits match what the plans imply in all ${formatCount(rows.length)} months and vendor workspaces.`;
  return `${formatCount(off)} of ${formatCount(rows.length)} months and vendor workspaces differ from what the plans imply. Open one to see the records behind the difference.`;
}

/**
 * The table as CSV, one line per month and vendor workspace in the order shown, with raw figures
 * (credits, amounts in major units of each line's currency) so finance can sum and pivot them.
 */
export function reconciliationCsv(rec: Reconciliation): string {
  const models = reconciliationRows(rec);
  return toCsv(
    ['month', 'vendor_workspace', 'plan', 'currency', 'billed_credits', 'plan_credits', 'credit_difference', 'billed_amount', 'plan_amount', 'amount_difference', 'mismatched_events', 'status'],
    rec.rows.map((r, i) => [
      r.month,
      r.workspace,
      r.plan,
      r.currency,
      r.billedCredits,
      r.impliedCredits,
      Number((r.billedCredits - r.impliedCredits).toFixed(6)),
      microsToMajor(r.billedMicros, r.currency),
      microsToMajor(r.impliedMicros, r.currency),
      microsToMajor(r.billedMicros - r.impliedMicros, r.currency),
      r.mismatchedEvents,
      models[i]!.status,
    ]),
  );
}

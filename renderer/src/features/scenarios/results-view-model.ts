import { formatMoney } from '../../../../shared/domain/money';
import type { Band, DeterministicResult, MonteCarloResult, Scenario } from '../../../../shared/domain/scenario';
import { NO_VALUE, formatCount, formatDecimal, formatHours, formatMonthLong, formatPercent } from '../../lib/format';
import { formatMoneyValue } from './assumption-model';

/** The scenario with nothing routed to the AI path: every eligible item done by people (the human-only baseline). */
export function humanOnly(s: Scenario): Scenario {
  const share = s.assumptions.ai_share;
  return { ...s, name: 'Human-only baseline', assumptions: { ...s.assumptions, ai_share: { value: 0, evidence: share.evidence, source: 'override' } } };
}

export const money = (micros: number | null, currency: string): string => (micros === null ? NO_VALUE : formatMoney(micros, currency));
const compactMoney = (micros: number | null, currency: string): string => (micros === null ? NO_VALUE : formatMoney(micros, currency, { compact: true }));

export type Figure = {
  id: 'net_saving' | 'scenario_cost' | 'cost_per_accepted' | 'hours_freed' | 'break_even_acceptance' | 'break_even_price';
  label: string;
  /** The raw figure (micros, a rate, hours), for tests and tooltips; null when it cannot be computed. */
  value: number | null;
  text: string;
  /** The exact amount, when `text` rounds it. */
  title: string | null;
  /** A comparison under the figure ("Human path £849.20"). */
  sub: string;
  /** P10 – P90 ("£427k – £564k") once Monte Carlo has run. */
  band: { p10: number | null; p90: number | null; text: string } | null;
  tone: 'good' | 'bad' | 'neutral';
};

const bandOf = (band: Band | undefined, format: (v: number | null) => string): Figure['band'] =>
  band === undefined || (band.p10 === null && band.p90 === null) ? null : { p10: band.p10, p90: band.p90, text: `${format(band.p10)} – ${format(band.p90)}` };

/**
 * Totals over a horizon for a headline: whole units ("£498,520"), pennies on six figures being noise,
 * and millions compact ("£3.48m") so the figure fits its tile; the exact amount goes in its title.
 */
export function wholeMoney(micros: number | null, currency: string): string {
  if (micros === null) return NO_VALUE;
  const major = micros / 1e6;
  if (Math.abs(major) >= 1e6) return new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(major);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(major);
}

/** The six headline figures over the horizon, with P10–P90 where Monte Carlo has bands for them. */
export function headlineFigures(s: Scenario, result: DeterministicResult, bands: MonteCarloResult | null): Figure[] {
  const t = result.totals;
  const c = s.currency;
  const months = t.months;
  const mc = bands?.totals;
  const be = t.breakEven;
  const acceptance = s.assumptions.acceptance_rate.value;
  const price = s.assumptions.price_per_credit.value;
  return [
    {
      id: 'net_saving',
      label: 'Net saving',
      value: t.netSavingMicros,
      text: wholeMoney(t.netSavingMicros, c),
      title: money(t.netSavingMicros, c),
      sub: `Over ${months} ${months === 1 ? 'month' : 'months'}`,
      band: bandOf(mc?.netSavingMicros, (v) => compactMoney(v, c)),
      tone: t.netSavingMicros > 0 ? 'good' : t.netSavingMicros < 0 ? 'bad' : 'neutral',
    },
    {
      id: 'scenario_cost',
      label: 'Cost with AI path',
      value: t.scenarioCostMicros,
      text: wholeMoney(t.scenarioCostMicros, c),
      title: money(t.scenarioCostMicros, c),
      sub: `Human path ${compactMoney(t.humanPathCostMicros, c)}`,
      band: bandOf(mc?.scenarioCostMicros, (v) => compactMoney(v, c)),
      tone: 'neutral',
    },
    {
      id: 'cost_per_accepted',
      label: 'Per accepted PR/MR',
      value: t.costPerAcceptedMicros,
      text: money(t.costPerAcceptedMicros, c),
      title: null,
      sub: `Human path ${money(t.humanCostPerItemMicros, c)}`,
      band: bandOf(mc?.costPerAcceptedMicros, (v) => money(v, c)),
      tone: t.costPerAcceptedMicros === null ? 'neutral' : t.costPerAcceptedMicros < t.humanCostPerItemMicros ? 'good' : 'bad',
    },
    {
      id: 'hours_freed',
      label: 'Hours freed',
      value: t.hoursFreed,
      text: formatHours(t.hoursFreed),
      title: null,
      sub: t.fteFreed === null ? 'FTE freed: —' : `${formatDecimal(t.fteFreed, 1)} FTE a month`,
      band: bandOf(mc?.hoursFreed, (v) => (v === null ? NO_VALUE : formatHours(v))),
      tone: 'neutral',
    },
    {
      id: 'break_even_acceptance',
      label: 'Break-even acceptance',
      value: be.acceptanceRate,
      text: be.acceptanceRate === null ? NO_VALUE : formatPercent(be.acceptanceRate),
      title: be.acceptanceRate === null ? 'No acceptance rate up to the largest the funnel allows makes the AI path break even.' : null,
      sub: `${be.acceptanceRate === null ? 'Out of reach; now' : 'Now'} ${formatPercent(acceptance)}`,
      band: null,
      tone: be.acceptanceRate === null ? 'bad' : acceptance >= be.acceptanceRate ? 'good' : 'bad',
    },
    {
      id: 'break_even_price',
      label: 'Break-even price',
      value: be.pricePerCredit,
      text: be.pricePerCredit === null ? NO_VALUE : formatMoneyValue(be.pricePerCredit, c),
      title: be.pricePerCredit === null ? 'No price per PR/MR makes the AI path break even.' : null,
      sub: `${be.pricePerCredit === null ? 'Out of reach; now' : 'Now'} ${formatMoneyValue(price, c)} per PR/MR`,
      band: null,
      tone: be.pricePerCredit === null ? 'bad' : price <= be.pricePerCredit ? 'good' : 'bad',
    },
  ];
}

export type MonthRow = {
  month: string;
  label: string;
  eligible: string;
  accepted: string;
  aiPathCost: string;
  scenarioCost: string;
  humanPathCost: string;
  netSaving: string;
  costPerAccepted: string;
  hoursFreed: string;
  fteFreed: string;
  breakEvenAcceptance: string;
};

export function monthRows(s: Scenario, result: DeterministicResult): MonthRow[] {
  const c = s.currency;
  return result.periods.map((p) => ({
    month: p.month,
    label: formatMonthLong(p.month),
    eligible: formatDecimal(p.eligible, 1),
    accepted: formatDecimal(p.accepted, 1),
    aiPathCost: money(p.aiPathCostMicros, c),
    scenarioCost: money(p.scenarioCostMicros, c),
    humanPathCost: money(p.humanPathCostMicros, c),
    netSaving: money(p.netSavingMicros, c),
    costPerAccepted: money(p.costPerAcceptedMicros, c),
    hoursFreed: formatHours(p.hoursFreed),
    fteFreed: p.fteFreed === null ? NO_VALUE : formatDecimal(p.fteFreed, 2),
    breakEvenAcceptance: p.breakEven.acceptanceRate === null ? NO_VALUE : formatPercent(p.breakEven.acceptanceRate),
  }));
}

// The cost chart's points come from the shared chart module, which the exported chart and the report use too.
export { costPoints, type BandPoint, type CostPoint } from '../../../../shared/domain/charts/scenario';

/** "Calibrated on 461 records of the workspace, April – September 2026", or why there is no calibration. */
export function calibrationLine(s: Scenario): string {
  const c = s.calibration;
  if (c === null) return 'Not calibrated: every assumption was set by hand.';
  const scope = c.pilot === null ? 'the workspace' : `pilot ${c.pilot}`;
  if (c.records === 0) return `Calibrated on ${scope}, which had no records: the assumptions are placeholders to set.`;
  const period = c.fromMonth === null || c.toMonth === null ? '' : c.fromMonth === c.toMonth ? `, ${formatMonthLong(c.fromMonth)}` : `, ${formatMonthLong(c.fromMonth)} – ${formatMonthLong(c.toMonth)}`;
  return `Calibrated on ${formatCount(c.records)} records of ${scope}${period}.`;
}

/** "October 2026 – September 2027 (12 months)". */
export function horizonLine(s: Scenario, result: DeterministicResult): string {
  const first = result.periods[0]?.month;
  const last = result.periods[result.periods.length - 1]?.month;
  if (first === undefined || last === undefined) return '';
  const n = result.periods.length;
  return `${formatMonthLong(first)} – ${formatMonthLong(last)} (${n} ${n === 1 ? 'month' : 'months'})`;
}

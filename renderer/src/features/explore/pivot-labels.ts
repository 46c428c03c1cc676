import { MICROS_PER_UNIT, minorExponent } from '../../../../shared/domain/money';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import type { DimensionField, MeasureFieldView } from '../../../../shared/domain/pivot/result';
import type { Member } from '../../../../shared/domain/pivot/spec';
import { formatCount, formatDecimal, formatHours, formatPercent } from '../../lib/format';
import { OUTCOME_LABELS } from '../records/records-labels';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** How the grid, the chart and the export name dimension members: null as the dimension's own "(none)" label. */
export type MemberLabeler = (dim: DimensionId, value: Member) => string;

/**
 * Labels from pivot:fields: "2026-07" → "Jul 2026", "2026-Q3" → "Q3 2026", "rolled_back" → "Rolled back",
 * null → "(no team)".
 * Names are what the engine sent; `person` maps them (the export pseudonymises people).
 */
export function memberLabeler(dimensions: readonly DimensionField[], person: (name: string) => string = (name) => name): MemberLabeler {
  const byId = new Map(dimensions.map((d) => [d.id, d]));
  return (dim, value) => {
    const field = byId.get(dim);
    if (value === null) return field?.nullLabel ?? '(none)';
    if (dim === 'person') return person(value);
    if (dim === 'outcome' && Object.hasOwn(OUTCOME_LABELS, value)) return OUTCOME_LABELS[value as keyof typeof OUTCOME_LABELS];
    if (field?.time === 'month') {
      const m = /^(\d{4})-(\d{2})$/.exec(value);
      if (m) return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
    }
    if (field?.time === 'quarter') {
      const q = /^(\d{4})-(Q[1-4])$/.exec(value);
      if (q) return `${q[2]} ${q[1]}`;
    }
    return value;
  };
}

/** A dimension's display name, falling back to its id for a dimension the fields no longer list. */
export const dimensionLabel = (dimensions: readonly DimensionField[], dim: DimensionId): string => dimensions.find((d) => d.id === dim)?.label ?? dim;

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** formatMoney's output, with the formatter kept per currency: an export formats every cell of the pivot. */
function formatMicros(micros: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    const digits = minorExponent(currency);
    format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(currency, format);
  }
  return format.format(micros / MICROS_PER_UNIT);
}

/** One figure as the grid shows it; empty for an empty cell or a ratio whose denominator is 0. */
export function formatMeasure(measure: Pick<MeasureFieldView, 'format'>, value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '';
  switch (measure.format) {
    case 'count':
      return formatCount(value);
    case 'money':
      return formatMicros(value, currency);
    case 'percent':
      return formatPercent(value);
    case 'hours':
      return formatHours(value);
    case 'decimal':
      return formatDecimal(value, Math.abs(value) < 10 ? 2 : 1);
  }
}

/**
 * What a pivot shows, in words: "Accepted PR/MRs by Team and Quarter", or with several measures
 * "Accepted PR/MRs, Cost per accepted PR/MR and Acceptance rate by Team". The chart image's title
 * and a pinned slide's.
 */
export function pivotTitle(measures: readonly string[], dimensions: readonly string[]): string {
  const what = measures.length <= 1 ? (measures[0] ?? '') : `${measures.slice(0, -1).join(', ')} and ${measures[measures.length - 1]!}`;
  return dimensions.length === 0 ? what : `${what} by ${dimensions.join(' and ')}`;
}

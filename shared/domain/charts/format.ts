import { formatMoney } from '../money';
import type { MetricFormat } from '../metrics';

/**
 * Figures and dates as the app shows them, for what main renders without the renderer (chart
 * images, the PDF report). They match renderer/src/lib/format.ts character for character, and
 * tests/integration/report-format.test.ts proves it; the renderer may import these instead.
 * Month names are spelled out rather than taken from Intl: en-GB in recent ICU writes "Sept".
 */
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Placeholder for a figure that cannot be computed (a ratio with a zero denominator). */
export const NO_VALUE = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${minDigits}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export const formatCount = (value: number): string => numberFormat(0, 0).format(value);

export const formatDecimal = (value: number, digits = 1): string => numberFormat(digits, digits).format(value);

/** A 0..1 fraction as a percentage: 0.7368 → "73.7%". */
export const formatPercent = (fraction: number, digits = 1): string => `${numberFormat(digits, digits).format(fraction * 100)}%`;

/** Hours with one decimal below 100 h, where a tenth still means something, and whole hours above. */
export const formatHours = (hours: number): string => `${Math.abs(hours) < 100 ? numberFormat(0, 1).format(hours) : numberFormat(0, 0).format(hours)} h`;

/** Micros of `currency`, or "—" when there is no figure. */
export const money = (micros: number | null, currency: string): string => (micros === null ? NO_VALUE : formatMoney(micros, currency));

/** Axis labels: "£1.2K". */
export const compactMoney = (micros: number | null, currency: string): string => (micros === null ? NO_VALUE : formatMoney(micros, currency, { compact: true }));

/**
 * Totals over a horizon for a headline: whole units ("£498,520") and millions compact ("£3.48M"),
 * as the Scenarios page shows them.
 */
export function wholeMoney(micros: number | null, currency: string): string {
  if (micros === null) return NO_VALUE;
  const major = micros / 1e6;
  if (Math.abs(major) >= 1e6) return new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(major);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(major);
}

/** A money assumption in major units ("£4.00"); below one unit with three significant digits ("£0.0042"). */
export function formatMoneyValue(major: number, currency: string): string {
  if (Math.abs(major) >= 1 || major === 0) return formatMoney(Math.round(major * 1e6), currency);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumSignificantDigits: 3 }).format(major);
}

/** A metric's value as its definition says to show it (the pilot scorecard's rule); money in micros. */
export function formatMetric(format: MetricFormat, value: number | null, currency: string): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (format) {
    case 'count':
      return formatCount(value);
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return formatPercent(value);
    case 'hours':
      return formatHours(value);
    case 'decimal':
      return formatDecimal(value, 2);
  }
}

type DateParts = { year: number; month: number; day: number };

/** Date-only strings are calendar dates (no time zone); timestamps are shown in local time. */
function dateParts(iso: string): DateParts | null {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return { year: Number(dateOnly[1]), month: Number(dateOnly[2]), day: Number(dateOnly[3]) };
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

const monthShort = (month: number): string => MONTHS_SHORT[month - 1] ?? '?';

/** "2026-07-01" → "1 Jul 2026"; unparseable input is shown as given rather than hidden. */
export function formatDate(iso: string): string {
  const parts = dateParts(iso);
  return parts === null ? iso : `${parts.day} ${monthShort(parts.month)} ${parts.year}`;
}

/** "1 Jul 2026, 14:05" in local time; date-only strings get no time. */
export function formatDateTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const date = new Date(ms);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(iso)}, ${time}`;
}

/** "1 Jul – 30 Sep 2026" within one year, "1 Dec 2025 – 28 Feb 2026" across years. */
export function formatDateRange(from: string, to: string): string {
  const a = dateParts(from);
  const b = dateParts(to);
  if (a === null || b === null) return `${from} – ${to}`;
  if (a.year === b.year) return `${a.day} ${monthShort(a.month)} – ${b.day} ${monthShort(b.month)} ${b.year}`;
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** "2026-09" → "Sep 26", the axis label used by every monthly chart. */
export function formatMonthShort(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${monthShort(Number(match[2]))} ${match[1]!.slice(2)}`;
}

/** "2026-09" → "September 2026", for tooltips and tables. */
export function formatMonthLong(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${MONTHS_LONG[Number(match[2]) - 1] ?? '?'} ${match[1]}`;
}

/** "Jan 2026 – Sep 2026", or one month alone; for footnotes, where space is short. */
export function formatMonthSpan(from: string, to: string): string {
  const label = (m: string) => {
    const match = /^(\d{4})-(\d{2})$/.exec(m);
    return match ? `${monthShort(Number(match[2]))} ${match[1]}` : m;
  };
  return from === to ? label(from) : `${label(from)} – ${label(to)}`;
}

/**
 * Display formatting for figures and dates. Month names are spelled out here rather than taken from
 * Intl: en-GB in recent ICU writes "Sept", and charts, tests and exports must agree on "Sep".
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
export const formatHours = (hours: number): string =>
  `${Math.abs(hours) < 100 ? numberFormat(0, 1).format(hours) : numberFormat(0, 0).format(hours)} h`;

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

/**
 * An elapsed time as people say it: "under 1 s", "42 s", "3 min 5 s", "1 h 12 min". Seconds are
 * dropped above an hour, where they are noise.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return NO_VALUE;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 1) return 'under 1 s';
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

const BYTE_UNITS = ['kB', 'MB', 'GB', 'TB'] as const;

/** File sizes in decimal units, as file managers show them: "812 B", "12.3 MB", "140 MB", "2.1 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NO_VALUE;
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 100 ? numberFormat(1, 1).format(value) : numberFormat(0, 0).format(value)} ${BYTE_UNITS[unit]}`;
}

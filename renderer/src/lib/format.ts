/**
 * Display formatting for figures and dates. The figure and date formats are the ones the exported
 * report and chart images use too, so they live in shared/domain/charts/format.ts and are
 * re-exported here; durations and byte sizes are the UI's own.
 */
export {
  NO_VALUE,
  formatCount,
  formatDecimal,
  formatPercent,
  formatHours,
  formatDate,
  formatDateTime,
  formatDateRange,
  formatMonthShort,
  formatMonthLong,
  formatMonthSpan,
  formatMetric,
} from '../../../shared/domain/charts/format';
import { formatDecimal, NO_VALUE } from '../../../shared/domain/charts/format';

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
  return `${value < 100 ? formatDecimal(value, 1) : formatDecimal(value, 0)} ${BYTE_UNITS[unit]}`;
}

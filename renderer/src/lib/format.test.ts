import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDate, formatDateRange, formatDateTime, formatDuration, formatHours, formatMonthLong, formatMonthShort, formatPercent } from './format';

describe('format', () => {
  it('formats counts, percentages and hours', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(42 / 57)).toBe('73.7%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatHours(12.25)).toBe('12.3 h');
    expect(formatHours(1234.4)).toBe('1,234 h');
    expect(formatHours(-40)).toBe('-40 h');
  });

  it('formats calendar dates without shifting them across time zones', () => {
    expect(formatDate('2026-07-01')).toBe('1 Jul 2026');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime('2026-07-01')).toBe('1 Jul 2026');
    expect(formatDateTime('2026-07-01T12:00:00Z')).toMatch(/^\d{1,2} Jul 2026, \d{2}:\d{2}$/);
  });

  it('formats ranges within and across years', () => {
    expect(formatDateRange('2026-07-01', '2026-09-30')).toBe('1 Jul – 30 Sep 2026');
    expect(formatDateRange('2025-12-01', '2026-02-28')).toBe('1 Dec 2025 – 28 Feb 2026');
  });

  it('labels months as "Sep 26" and "September 2026"', () => {
    expect(formatMonthShort('2026-09')).toBe('Sep 26');
    expect(formatMonthShort('2030-01')).toBe('Jan 30');
    expect(formatMonthLong('2026-09')).toBe('September 2026');
    expect(formatMonthShort('garbage')).toBe('garbage');
  });

  it('formats durations as people say them', () => {
    expect(formatDuration(400)).toBe('under 1 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(4_330_000)).toBe('1 h 12 min');
    expect(formatDuration(7_200_000)).toBe('2 h');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('formats file sizes in decimal units', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(12_345)).toBe('12.3 kB');
    expect(formatBytes(140_000_000)).toBe('140 MB');
    expect(formatBytes(999_990)).toBe('1.0 MB');
    expect(formatBytes(2_147_483_648)).toBe('2.1 GB');
    expect(formatBytes(-1)).toBe('—');
  });
});

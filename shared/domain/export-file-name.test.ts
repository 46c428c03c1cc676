import { describe, expect, it } from 'vitest';
import { exportFileName, fileSlug, localDay } from './export-file-name';

describe('fileSlug', () => {
  it('keeps letters and digits, folds accents and joins the rest with single hyphens', () => {
    expect(fileSlug('Payments maintenance (Q3)')).toBe('payments-maintenance-q3');
    expect(fileSlug('Café — R&D <north> "quoted"')).toBe('cafe-r-d-north-quoted');
    expect(fileSlug('  --Trim me--  ')).toBe('trim-me');
  });

  it('falls back when nothing usable is left, and caps the length without a trailing hyphen', () => {
    expect(fileSlug('東京', 'workspace')).toBe('workspace');
    expect(fileSlug('')).toBe('export');
    const long = fileSlug(`${'a'.repeat(59)} b`, 'x', 60);
    expect(long).toBe('a'.repeat(59));
  });
});

describe('exportFileName', () => {
  it('names the kind, the subject and the day, with only [\\w.-]', () => {
    expect(exportFileName({ kind: 'yardstick-worksheet', subject: 'Payments maintenance', day: '2026-11-22', extension: 'xlsx' })).toBe('yardstick-worksheet-payments-maintenance-2026-11-22.xlsx');
    expect(exportFileName({ kind: 'cost-per-accepted', subject: 'Northwind Logistics', day: '2026-01-02', extension: 'png' })).toBe('cost-per-accepted-northwind-logistics-2026-01-02.png');
    const odd = exportFileName({ kind: 'yardstick-report', subject: '../../etc/passwd', day: '../x', extension: 'pdf' });
    expect(odd).toBe('yardstick-report-etc-passwd-undated.pdf');
    expect(odd).toMatch(/^[\w.-]+$/);
  });
});

describe('localDay', () => {
  it('formats the local calendar date', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

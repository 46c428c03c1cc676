import { describe, expect, it } from 'vitest';
import { parseDate, type DateFormat } from './cells';
import { excelSerialToDate } from './dates';

const day = (value: string | number | Date, format: DateFormat = 'auto', opts: { date1904?: boolean } = {}): string => {
  const r = parseDate(value, format, opts);
  if (!r.ok) throw new Error(`expected ${String(value)} to parse: ${r.reason}`);
  return r.value;
};
const reason = (value: string | number | Date, format: DateFormat = 'auto'): string => {
  const r = parseDate(value, format);
  if (r.ok) throw new Error(`expected ${String(value)} to be rejected, got ${r.value}`);
  return r.reason;
};

describe('parseDate with a chosen format', () => {
  it('reads each listed format, with one- or two-digit parts and two-digit years as 20xx', () => {
    expect(day('2026-09-01', 'YYYY-MM-DD')).toBe('2026-09-01');
    expect(day('2026-9-1', 'YYYY-MM-DD')).toBe('2026-09-01');
    expect(day('01/09/2026', 'DD/MM/YYYY')).toBe('2026-09-01');
    expect(day('1/9/26', 'DD/MM/YYYY')).toBe('2026-09-01');
    expect(day('09/01/2026', 'MM/DD/YYYY')).toBe('2026-09-01');
    expect(day('9/1/26', 'MM/DD/YYYY')).toBe('2026-09-01');
    expect(day('01.09.2026', 'DD.MM.YYYY')).toBe('2026-09-01');
    expect(day('01.09.26', 'DD.MM.YYYY')).toBe('2026-09-01');
    expect(day('01-09-2026', 'DD-MM-YYYY')).toBe('2026-09-01');
  });

  it('ignores a time of day and zone after the date, keeping the day as written', () => {
    expect(day('01/09/2026 14:30', 'DD/MM/YYYY')).toBe('2026-09-01');
    expect(day('09/01/2026 11:59:59 PM', 'MM/DD/YYYY')).toBe('2026-09-01');
    expect(day('2026-09-01T23:30:00-05:00', 'YYYY-MM-DD')).toBe('2026-09-01');
    expect(day('2026-09-01 23:30:00 UTC', 'YYYY-MM-DD')).toBe('2026-09-01');
  });

  it('reads year-first dates under every format, since they are unambiguous', () => {
    expect(day('2026-09-01', 'DD/MM/YYYY')).toBe('2026-09-01');
    expect(day('2026-09-01', 'MM/DD/YYYY')).toBe('2026-09-01');
    expect(day('2026/09/01', 'DD.MM.YYYY')).toBe('2026-09-01');
  });

  it('refuses text in another shape, and days that do not exist', () => {
    expect(reason('01/09/2026', 'YYYY-MM-DD')).toBe('not a date in the format YYYY-MM-DD');
    expect(reason('Sept 1, 2026', 'DD/MM/YYYY')).toBe('not a date in the format DD/MM/YYYY');
    expect(reason('01/09/2026 garbage', 'DD/MM/YYYY')).toBe('not a date in the format DD/MM/YYYY');
    expect(reason('31/02/2026', 'DD/MM/YYYY')).toBe('not a real date (no such month or day)');
    expect(reason('13/25/2026', 'MM/DD/YYYY')).toBe('not a real date (no such month or day)');
    expect(reason('2026-02-29', 'YYYY-MM-DD')).toBe('not a real date (no such month or day)');
    expect(day('2028-02-29', 'YYYY-MM-DD')).toBe('2028-02-29');
    expect(reason('', 'YYYY-MM-DD')).toBe('empty');
  });

  it('keeps dates between 2000 and 2100', () => {
    expect(reason('1999-12-31')).toBe('out of range: dates must fall between 2000 and 2100');
    expect(reason('2101-01-01')).toBe('out of range: dates must fall between 2000 and 2100');
    expect(day('2000-01-01')).toBe('2000-01-01');
    expect(day('2100-12-31')).toBe('2100-12-31');
    expect(reason(new Date(Date.UTC(1970, 0, 1)))).toBe('out of range: dates must fall between 2000 and 2100');
  });
});

describe('parseDate with auto', () => {
  it('reads ISO dates and timestamps, year-first slashes and dotted day-first dates', () => {
    expect(day('2026-09-01')).toBe('2026-09-01');
    expect(day('2026-09-01T10:00:00Z')).toBe('2026-09-01');
    expect(day('2026-09-01T10:00:00.123+02:00')).toBe('2026-09-01');
    expect(day('2026/09/01')).toBe('2026-09-01');
    expect(day('01.09.2026')).toBe('2026-09-01');
    expect(day('1.9.26')).toBe('2026-09-01');
  });

  it('reads slash and dash dates only when one reading exists', () => {
    expect(day('25/09/2026')).toBe('2026-09-25');
    expect(day('09/25/2026')).toBe('2026-09-25');
    expect(day('25-09-2026')).toBe('2026-09-25');
    expect(day('04/04/2026')).toBe('2026-04-04');
    expect(reason('03/04/2026')).toBe('ambiguous day and month: choose DD/MM/YYYY or MM/DD/YYYY in the mapping');
    expect(reason('03-04-2026')).toBe('ambiguous day and month: choose DD-MM-YYYY or MM/DD/YYYY in the mapping');
    expect(reason('25/13/2026')).toBe('not a real date (no such month or day)');
  });

  it('does not take a plain number for a date', () => {
    expect(reason('46266')).toBe('not a date: a plain number (choose excel-serial in the mapping if it is an Excel day number)');
    expect(reason('yesterday')).toBe('not a date (auto reads YYYY-MM-DD, DD.MM.YYYY and unambiguous day/month/year dates)');
  });
});

describe('parseDate with Excel values', () => {
  it('reads 1900-system serials, from numbers or with excel-serial from text', () => {
    // =DATE(2026,9,1) in Excel is 46266; =DATE(2000,1,1) is 36526.
    expect(day(46266)).toBe('2026-09-01');
    expect(day(46266.75)).toBe('2026-09-01');
    expect(day(46266.999999)).toBe('2026-09-01');
    expect(day('46266', 'excel-serial')).toBe('2026-09-01');
    expect(day('46266.5', 'excel-serial')).toBe('2026-09-01');
    expect(day(36526)).toBe('2000-01-01');
    // Numbers arriving from XLSX cells are serials whatever the chosen text format.
    expect(day(46266, 'DD/MM/YYYY')).toBe('2026-09-01');
    expect(reason('31/08/2026', 'excel-serial')).toBe('not a date in the format excel-serial');
  });

  it('accounts for the 1900-02-29 that Excel counts but never was', () => {
    const iso = (serial: number) => excelSerialToDate(serial)?.toISOString().slice(0, 10) ?? null;
    expect(iso(1)).toBe('1900-01-01');
    expect(iso(59)).toBe('1900-02-28');
    expect(iso(60)).toBeNull();
    expect(iso(61)).toBe('1900-03-01');
    expect(iso(25569)).toBe('1970-01-01');
    expect(reason(60)).toMatch(/^Excel serial 60 is 29 February 1900/);
    expect(reason(59)).toBe('out of range: dates must fall between 2000 and 2100');
    expect(reason(61)).toBe('out of range: dates must fall between 2000 and 2100');
    expect(reason(0)).toBe('not an Excel date serial');
    expect(reason(-5)).toBe('not an Excel date serial');
  });

  it('reads the 1904 date system when the workbook uses it', () => {
    expect(day(44804, 'auto', { date1904: true })).toBe('2026-09-01');
  });

  it('reads Date objects as the UTC day exceljs encodes', () => {
    expect(day(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
    expect(day(new Date(Date.UTC(2026, 8, 1, 23, 59, 59)))).toBe('2026-09-01');
    expect(reason(new Date(Number.NaN))).toBe('not a date');
  });
});

import { fail, notAValue, type CellResult } from './cell-result';
import type { DateFormat } from './cells';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;

// What may follow a date in the same cell: a time of day, AM/PM and a zone. The date is taken as
// written, never shifted to UTC: an export's day is the day the provider billed, in its own zone.
const TIME_SUFFIX = /^(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(.*)$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(.*)$/;

function build(y: number, m: number, d: number): CellResult<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail('not a real date (no such month or day)');
  return inRange(date);
}

function inRange(date: Date): CellResult<string> {
  const y = date.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`out of range: dates must fall between ${MIN_YEAR} and ${MAX_YEAR}`);
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * Excel's day numbers in the 1900 system count from 1899-12-31 as day 0, and Excel (after Lotus
 * 1-2-3) counts a 29 February 1900 that never happened as day 60, so from day 61 on the epoch is
 * effectively 1899-12-30. The 1904 system (old Mac workbooks) counts from 1904-01-01. The time of
 * day (the fraction) is dropped. Null for day 60 and for anything that is not a positive number.
 */
export function excelSerialToDate(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + day * DAY_MS);
  if (day === 60) return null;
  return new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * DAY_MS);
}

function fromSerial(serial: number, date1904: boolean): CellResult<string> {
  const date = excelSerialToDate(serial, date1904);
  if (date !== null) return inRange(date);
  if (!date1904 && Math.floor(serial) === 60) return fail('Excel serial 60 is 29 February 1900, a day that does not exist (a Lotus 1-2-3 leap-year bug)');
  return fail('not an Excel date serial');
}

/**
 * Reads a date cell into 'YYYY-MM-DD'. XLSX cells may arrive as Dates (UTC, as exceljs builds
 * them) or as day numbers (formulas, unformatted cells), read as Excel serials whatever the format.
 * A year-first date ("2026-09-01", "2026/09/01", with or without a time) is unambiguous and read
 * under every format. `auto` also reads dotted day-first dates and slash or dash dates when only one
 * reading exists (a day above 12, or day = month); otherwise it names the two formats to choose
 * from rather than guess, since 03/04 is March in one country and April in another.
 */
export function parseDate(value: string | number | Date, format: DateFormat, opts: { date1904?: boolean } = {}): CellResult<string> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail('not a date') : inRange(value);
  if (typeof value === 'number') return fromSerial(value, opts.date1904 === true);
  const text = value.trim();
  if (text === '') return fail('empty');
  const special = notAValue(text);
  if (special) return fail(special);
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    if (format === 'excel-serial') return fromSerial(Number(text), opts.date1904 === true);
    if (format === 'auto') return fail('not a date: a plain number (choose excel-serial in the mapping if it is an Excel day number)');
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst && TIME_SUFFIX.test(yearFirst[5]!)) return build(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
  const yearLast = YEAR_LAST.exec(text);
  if (!yearLast || !TIME_SUFFIX.test(yearLast[5]!) || format === 'YYYY-MM-DD' || format === 'excel-serial') {
    return fail(format === 'auto' ? 'not a date (auto reads YYYY-MM-DD, DD.MM.YYYY and unambiguous day/month/year dates)' : `not a date in the format ${format}`);
  }
  const a = Number(yearLast[1]);
  const b = Number(yearLast[3]);
  const y = fullYear(yearLast[4]!);
  if (format === 'MM/DD/YYYY') return build(y, a, b);
  if (format !== 'auto' || yearLast[2] === '.') return build(y, b, a);
  if (a === b || (a > 12 && b <= 12)) return build(y, b, a);
  if (b > 12 && a <= 12) return build(y, a, b);
  if (a > 12 && b > 12) return fail('not a real date (no such month or day)');
  return fail(`ambiguous day and month: choose ${yearLast[2] === '-' ? 'DD-MM-YYYY' : 'DD/MM/YYYY'} or MM/DD/YYYY in the mapping`);
}

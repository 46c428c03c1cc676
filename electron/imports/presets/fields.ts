import { z } from 'zod';
import { parseDecimalToMicros } from '../../../shared/domain/money';
import { toIsoUtc } from '../../../shared/domain/time';

// Column parsers shared by presets: CSV cells are strings, empty means null.

export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? null : v.trim()));

export const requiredText = z.string().trim().min(1, 'required');

const decimal = (v: string, ctx: z.RefinementCtx): number => {
  try {
    return parseDecimalToMicros(v);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
};

export const micros = z.string().transform(decimal);
export const optionalMicros = z
  .string()
  .optional()
  .transform((v, ctx) => (v === undefined || v.trim() === '' ? null : decimal(v, ctx)));

export const optionalInt = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: `not a whole number: "${v}"` });
      return z.NEVER;
    }
    return n;
  });

export const timestamp = z.string().transform((v, ctx) => {
  try {
    const iso = toIsoUtc(v);
    const year = Number(iso.slice(0, 4));
    if (year < 2000 || year > 2100) throw new Error(`date out of range: "${v}"`);
    return iso;
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

/** Dates as GitHub writes them: ISO "2026-05-29", or US slash forms "5/29/26" and "05/29/2026". */
export function parseUsDate(value: string): string | { error: string } {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (slash) [m, d, y] = [Number(slash[1]), Number(slash[2]), Number(slash[3]) + (slash[3]!.length === 2 ? 2000 : 0)];
  else return { error: text === '' ? 'missing date' : `not a date: "${value}"` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 2000 || y > 2100) return { error: `date out of range: "${value}"` };
  return date.toISOString().slice(0, 10);
}

export const usDate = z.string().transform((v, ctx) => {
  const day = parseUsDate(v);
  if (typeof day === 'string') return day;
  ctx.addIssue({ code: 'custom', message: day.error });
  return z.NEVER;
});

export const currency = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'currency must be a 3-letter ISO 4217 code'));

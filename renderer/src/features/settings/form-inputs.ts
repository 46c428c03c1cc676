import { MICROS_PER_UNIT, minorExponent, parseDecimalToMicros } from '../../../../shared/domain/money';

/**
 * Numbers as people type them into settings forms. Money is typed in major units ("85", "0.006",
 * "4,50") and stored in micros; plain numbers accept a decimal comma too. Anything else is NaN, so
 * the schema check that follows reports it next to the field.
 */

const DECIMAL = /^\d+([.,]\d+)?$/;

/** "12", "0.5" and "0,5" are numbers; "", "-1", "1e3" and "1,234.5" are not (NaN). */
export function parseNumberInput(text: string): number {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}

/** Whole numbers only: "14" → 14; "14.5" and "" → NaN. */
export function parseIntegerInput(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** An amount in major units → micros, exactly (no float on the way); more than six decimals → NaN. */
export function parseMoneyInput(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,6})?$/.test(trimmed)) return Number.NaN;
  try {
    return parseDecimalToMicros(trimmed);
  } catch {
    return Number.NaN;
  }
}

/**
 * Micros → the text a money field starts with: the currency's minor digits at least ("85.00"), more
 * when the amount has them ("0.006"), never grouped (the field must parse back to the same micros).
 */
export function moneyInputText(micros: number, currency: string): string {
  const negative = micros < 0;
  const abs = Math.abs(Math.round(micros));
  const whole = Math.floor(abs / MICROS_PER_UNIT);
  const fraction = String(abs % MICROS_PER_UNIT)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(minorExponent(currency), '0');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Numbers as a field shows them: "120", "0.5"; no grouping, so they parse back unchanged. */
export const numberInputText = (value: number): string => (Number.isFinite(value) ? String(value) : '');

/** Whether two values hold the same data (settings are plain JSON). Key order does not matter. */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

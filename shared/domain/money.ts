/**
 * Money is stored as integer micro-units of the major currency unit (1 GBP = 1_000_000 micros),
 * always with its ISO 4217 currency. Micros keep provider costs exact (Anthropic reports fractions
 * of a cent) while staying integers, so sums never drift the way summed floats do.
 */
export type Micros = number;

export const MICROS_PER_UNIT = 1_000_000;

/** Minor-unit exponents that differ from 2; everything else has cents. */
const MINOR_EXPONENT: Record<string, number> = { JPY: 0, KRW: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export const minorExponent = (currency: string): number => MINOR_EXPONENT[currency.toUpperCase()] ?? 2;

/**
 * Parses a plain decimal string ("12", "-0.3125", "1.000001") into micros without going through a
 * float. More than six fractional digits are rounded half away from zero.
 */
export function parseDecimalToMicros(text: string): Micros {
  const trimmed = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(trimmed);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new Error(`not a decimal number: "${text}"`);
  }
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] === '' ? 0 : Number(match[2]);
  const fraction = (match[3] ?? '').padEnd(7, '0');
  let micros = whole * MICROS_PER_UNIT + Number(fraction.slice(0, 6));
  if (Number(fraction[6]) >= 5) micros += 1;
  if (!Number.isSafeInteger(micros)) throw new Error(`amount out of range: "${text}"`);
  return sign * micros;
}

/** Converts a JSON number of major units (as OpenAI sends) to micros, rounding at the sixth decimal. */
export const majorNumberToMicros = (value: number): Micros => Math.round(value * MICROS_PER_UNIT);

/** Anthropic sends cost amounts as decimal strings in cents: "123.45" is USD 1.2345. */
export const centsStringToMicros = (text: string): Micros => Math.round(parseDecimalToMicros(text) / 100);

/**
 * Micros as a plain number in major units, rounded to the currency's minor unit (pence, cents,
 * whole yen), for CSV cells that spreadsheets sum. Rounded in whole micros, not with toFixed on a
 * float (2.225 would come out 2.22).
 */
export function microsToMajor(micros: Micros, currency: string): number {
  const minor = 10 ** minorExponent(currency);
  return Math.round(micros / (MICROS_PER_UNIT / minor)) / minor;
}

/** Rounds micros to the currency's minor unit (half away from zero), still expressed in micros. */
export function roundToMinor(micros: Micros, currency: string): Micros {
  const step = 10 ** (6 - minorExponent(currency));
  return Math.sign(micros) * Math.round(Math.abs(micros) / step) * step;
}

export function formatMoney(micros: Micros, currency: string, opts: { compact?: boolean } = {}): string {
  const value = micros / MICROS_PER_UNIT;
  const digits = minorExponent(currency);
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    notation: opts.compact ? 'compact' : 'standard',
    minimumFractionDigits: opts.compact ? 0 : digits,
    maximumFractionDigits: opts.compact ? 1 : digits,
  }).format(value);
}

/**
 * Micros as an exact decimal with the currency: at least the currency's minor digits, more when the
 * amount has them ("0.3125 USD"), thousands grouped. For previews and exports where rounding would hide the truth.
 */
export function formatExactAmount(micros: Micros, currency: string): string {
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / MICROS_PER_UNIT).toLocaleString('en-US');
  const fraction = String(abs % MICROS_PER_UNIT)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(minorExponent(currency), '0');
  return `${micros < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''} ${currency}`;
}

export type ExchangeRate = { from: string; to: string; validFrom: string; rate: number };

/**
 * Converts cost lines into one currency at the rate valid on each line's date (the latest rate
 * whose validFrom is on or before it). Lines with no such rate are left out and their currencies
 * reported, so a total never silently mixes currencies.
 */
export function converter(rates: readonly ExchangeRate[], to: string): (micros: Micros, currency: string, day: string) => Micros | null {
  const byPair = new Map<string, ExchangeRate[]>();
  for (const r of rates) {
    if (r.to !== to) continue;
    const list = byPair.get(r.from) ?? [];
    list.push(r);
    byPair.set(r.from, list);
  }
  for (const list of byPair.values()) list.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (micros, currency, day) => {
    if (currency === to) return micros;
    const rate = byPair.get(currency)?.find((r) => r.validFrom <= day);
    return rate ? Math.round(micros * rate.rate) : null;
  };
}

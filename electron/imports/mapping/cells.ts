import { parseDecimalToMicros, type Micros } from '../../../shared/domain/money';
import type { ColumnMapping } from '../../../shared/domain/column-mapping';
import { fail, notAValue, ok, type CellResult } from './cell-result';

export type { CellResult } from './cell-result';

export type Separators = Pick<ColumnMapping, 'decimalSeparator' | 'thousandsSeparator'>;
export type DateFormat = ColumnMapping['dateFormat'];
export type Delimiter = ',' | ';' | '\t' | '|';

/**
 * `assumed` marks a currency read from a symbol that several currencies share ("$"): a currency
 * column or the mapping's fixed currency overrides it without a conflict.
 */
export type ParsedAmount = { micros: Micros; currency: string | null; assumed: boolean };

type CurrencySymbol = { symbol: string; code: string; assumed: boolean };

// Longest first, so "US$" wins over "$". "$" alone is read as USD (by far the most common meaning
// in billing exports) but marked as assumed; "¥" is left out because it is both JPY and CNY.
const SYMBOLS: readonly CurrencySymbol[] = [
  { symbol: 'US$', code: 'USD', assumed: false },
  { symbol: 'AU$', code: 'AUD', assumed: false },
  { symbol: 'CA$', code: 'CAD', assumed: false },
  { symbol: 'NZ$', code: 'NZD', assumed: false },
  { symbol: 'HK$', code: 'HKD', assumed: false },
  { symbol: 'A$', code: 'AUD', assumed: false },
  { symbol: 'C$', code: 'CAD', assumed: false },
  { symbol: 'S$', code: 'SGD', assumed: false },
  { symbol: 'R$', code: 'BRL', assumed: false },
  { symbol: '€', code: 'EUR', assumed: false },
  { symbol: '£', code: 'GBP', assumed: false },
  { symbol: '₹', code: 'INR', assumed: false },
  { symbol: '$', code: 'USD', assumed: true },
];

// ICU's list of current ISO 4217 codes; an ICU-less runtime would return none, so any code passes then.
const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));
const isIsoCode = (code: string): boolean => /^[A-Z]{3}$/.test(code) && (ISO_CODES.size === 0 || ISO_CODES.has(code));

/** A currency cell: an ISO 4217 code in any case ("eur") or one of the symbols above. */
export function parseCurrency(text: string): CellResult<string> {
  const t = text.trim();
  const symbol = SYMBOLS.find((s) => s.symbol === t.toUpperCase());
  if (symbol) return ok(symbol.code);
  const code = t.toUpperCase();
  return isIsoCode(code) ? ok(code) : fail('not an ISO 4217 currency code or a known currency symbol');
}

/** Unicode spaces, minus and apostrophes as spreadsheets and locales write them, made plain. */
const normaliseText = (text: string): string =>
  text
    .replace(/[\u00a0\u2007\u2009\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/[\u2019\u02bc]/g, "'")
    .trim();

type Stripped = { core: string; negative: boolean; currency: string | null; assumed: boolean; problem: string | null };

/** Peels accounting parentheses, signs and a currency symbol or code off either end of a number. */
function stripDecorations(text: string): Stripped {
  let s = text;
  let signs = 0;
  let negative = false;
  const currencies: { code: string; assumed: boolean }[] = [];
  for (let step = 0; step < 8; step += 1) {
    const before = s;
    let m: RegExpExecArray | null;
    if ((m = /^\((.*)\)$/.exec(s))) {
      signs += 1;
      negative = true;
      s = m[1]!.trim();
    } else if ((m = /^([+-])\s*(.*)$/.exec(s))) {
      signs += 1;
      negative = m[1] === '-';
      s = m[2]!;
    } else if ((m = /^(.*?)\s*-$/.exec(s)) && /\d/.test(m[1]!)) {
      signs += 1;
      negative = true;
      s = m[1]!;
    } else {
      const upper = s.toUpperCase();
      const prefix = SYMBOLS.find((c) => upper.startsWith(c.symbol));
      const suffix = SYMBOLS.find((c) => upper.endsWith(c.symbol));
      const codeBefore = /^([A-Za-z]{3})(?=[\s\d(+\-.,]|$)\s*(.*)$/.exec(s);
      const codeAfter = /^(.*?[\d)])\s*([A-Za-z]{3})$/.exec(s);
      if (prefix) {
        currencies.push(prefix);
        s = s.slice(prefix.symbol.length);
      } else if (suffix) {
        currencies.push(suffix);
        s = s.slice(0, s.length - suffix.symbol.length);
      } else if (codeBefore && isIsoCode(codeBefore[1]!.toUpperCase())) {
        currencies.push({ code: codeBefore[1]!.toUpperCase(), assumed: false });
        s = codeBefore[2]!;
      } else if (codeAfter && isIsoCode(codeAfter[2]!.toUpperCase())) {
        currencies.push({ code: codeAfter[2]!.toUpperCase(), assumed: false });
        s = codeAfter[1]!;
      }
    }
    s = s.trim();
    if (s === before) break;
  }
  // "$12 USD" is fine (the code settles the symbol); "€12 USD" is not.
  const firm = [...new Set(currencies.filter((c) => !c.assumed).map((c) => c.code))];
  let problem: string | null = null;
  if (signs > 1) problem = 'not a number: more than one sign (minus, parentheses or trailing minus)';
  else if (firm.length > 1) problem = `two different currencies (${firm.join(' and ')})`;
  const currency = firm[0] ?? currencies[0]?.code ?? null;
  return { core: s, negative, currency, assumed: currency !== null && firm.length === 0, problem };
}

// Whole parts grouped in threes by each thousands separator a mapping can name.
const GROUPED: Record<Exclude<Separators['thousandsSeparator'], ''>, RegExp> = {
  ',': /^\d{1,3}(,\d{3})+$/,
  '.': /^\d{1,3}(\.\d{3})+$/,
  ' ': /^\d{1,3}( \d{3})+$/,
  "'": /^\d{1,3}('\d{3})+$/,
};

const sepName = (sep: string): string => (sep === ' ' ? 'space' : sep === '' ? 'none' : `"${sep}"`);

/**
 * Turns the digits-and-separators core of a number into a plain decimal ("1234.56"), following the
 * mapping's separators strictly: a separator the mapping does not name is an error, never a guess,
 * because "1,234" is a thousand in one locale and one-and-a-bit in another.
 */
function plainDecimal(core: string, seps: Separators): CellResult<string> {
  const d = seps.decimalSeparator;
  const t = seps.thousandsSeparator;
  const exp = /^(.*?)[eE]([+-]?\d{1,3})$/.exec(core);
  if (exp) {
    const mantissa = plainDecimal(exp[1]!, seps);
    return mantissa.ok ? ok(shiftDecimal(mantissa.value, Number(exp[2]))) : mantissa;
  }
  if (/[^\d.,' ]/.test(core)) return fail('not a number');
  const stray = /[.,' ]/.exec(core.replaceAll(d, '').replaceAll(t || d, ''))?.[0];
  if (stray !== undefined) {
    return fail(`not a number: ${stray === ' ' ? 'a space' : `"${stray}"`} is neither the decimal separator (${sepName(d)}) nor the thousands separator (${sepName(t)}) set in the mapping`);
  }
  const parts = core.split(d);
  if (parts.length > 2) return fail(`not a number: more than one decimal separator ${sepName(d)}`);
  const [whole = '', fraction = ''] = parts;
  if (t !== '' && fraction.includes(t)) return fail(`not a number: the thousands separator ${sepName(t)} appears after the decimal separator`);
  if (t !== '' && whole.includes(t) && !GROUPED[t].test(whole)) {
    return fail(`not a number: the thousands separator ${sepName(t)} is misplaced`);
  }
  const digits = t === '' ? whole : whole.split(t).join('');
  if (digits === '' && fraction === '') return fail('not a number');
  return ok(fraction === '' ? digits : `${digits}.${fraction}`);
}

/** Moves the decimal point of a plain decimal string by `exp` places, without float arithmetic. */
function shiftDecimal(plain: string, exp: number): string {
  const [whole = '', fraction = ''] = plain.split('.');
  // Leading zeros may stay: parseDecimalToMicros reads "0012.5" as 12.5.
  const digits = whole + fraction;
  const point = whole.length + exp;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A spreadsheet number as the decimal it displays (shortest round-trip form), never via rounding maths. */
const numberToPlain = (n: number): string => {
  const s = String(Math.abs(n));
  const exp = /^(\d+(?:\.\d+)?)e([+-]\d+)$/.exec(s);
  return (n < 0 ? '-' : '') + (exp ? shiftDecimal(exp[1]!, Number(exp[2])) : s);
};

/**
 * Reads a money cell as exact integer micros: "1,234.56", "1.234,56", "1 234,56", "1'234.56"
 * (per the mapping's separators), "-12.5", "(12.50)", "12.50-", with a currency symbol or ISO code
 * before or after ("€12,50", "12.50 USD", "$-3"), and the currency it carried if any.
 */
export function parseAmount(value: string | number, seps: Separators): CellResult<ParsedAmount> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('not a number');
    return toMicros(numberToPlain(value), null, false);
  }
  const text = normaliseText(value);
  if (text === '') return fail('empty');
  const special = notAValue(text);
  if (special) return fail(special);
  const stripped = stripDecorations(text);
  if (stripped.problem) return fail(stripped.problem);
  if (/[+\-()]/.test(stripped.core.replace(/[eE][+-]?\d+$/, ''))) return fail('not a number: misplaced sign or parenthesis');
  const plain = plainDecimal(stripped.core, seps);
  if (!plain.ok) return plain;
  return toMicros((stripped.negative ? '-' : '') + plain.value, stripped.currency, stripped.assumed);
}

function toMicros(plain: string, currency: string | null, assumed: boolean): CellResult<ParsedAmount> {
  try {
    const micros = parseDecimalToMicros(plain);
    return ok({ micros: micros === 0 ? 0 : micros, currency, assumed });
  } catch {
    return fail(/^-?\d*(\.\d*)?$/.test(plain) ? 'too large' : 'not a number');
  }
}

/** A quantity (tokens, minutes, seats) with the mapping's separators; a plain number, since it is not money. */
export function parseQuantity(value: string | number, seps: Separators): CellResult<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('not a number');
  const text = normaliseText(value);
  if (text === '') return fail('empty');
  const special = notAValue(text);
  if (special) return fail(special);
  const m = /^([+-]?)\s*(.*)$/.exec(text)!;
  const plain = plainDecimal(m[2]!, seps);
  if (!plain.ok) return plain;
  const n = Number(m[1] + plain.value);
  return Number.isFinite(n) ? ok(n) : fail('not a number');
}

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/** The delimiter that occurs most often outside quotes in the header line; comma when none does. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export { parseDate } from './dates';

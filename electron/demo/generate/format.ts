// Text and number formatting shared by the emitters.

import type { Rng } from './rng';

/** Decimal as text with up to `maxFrac` fractional digits, no exponent, no trailing zeros. */
export function dec(value: number, maxFrac = 6): string {
  if (value === 0) return '0';
  const fixed = value.toFixed(maxFrac);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** RFC 4180: quote only when needed, double the quotes inside. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

/** Jira's `timeSpent` text: `3h 20m`, `45m`, `2h`. */
export function jiraDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

export function slugify(text: string, words = 5): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, words)
    .join('-');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** ULID-shaped id: 10 characters of time, 16 of randomness (Crockford base32). */
export function ulid(ms: number, rng: Rng): string {
  let time = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += CROCKFORD.charAt(Math.floor(rng.next() * 32));
  return time + rand;
}

const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

export function token(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32_LOWER.charAt(Math.floor(rng.next() * 32));
  return out;
}

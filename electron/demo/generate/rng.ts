// Seeded randomness for the demo generator. Everything random in the demo flows through here so the
// same seed always yields byte-identical payloads (never Math.random or the clock).

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  float: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  normal: (mean: number, sd: number) => number;
  /** Log-normal with the given median (not mean): right-skewed durations and sizes. */
  lognormal: (median: number, sigma: number) => number;
  choice: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  /** n distinct items in random order (all of them when n >= length). */
  sample: <T>(items: readonly T[], n: number) => T[];
  hex: (length: number) => string;
  /** An independent stream: adding draws in one part of the generator does not shift the others. */
  fork: (label: string) => Rng;
};

const HEX = '0123456789abcdef';

export function hashString(text: string): number {
  // FNV-1a, enough to spread fork labels over seeds.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`demo generator: missing ${what}`);
  return value;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  // mulberry32: tiny, fast and good enough for synthetic data.
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const gauss = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = Math.max(next(), 1e-12);
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const rng: Rng = {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * gauss(),
    lognormal: (median, sigma) => median * Math.exp(sigma * gauss()),
    choice: (items) => must(items[Math.floor(next() * items.length)], 'choice from empty list'),
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return must(items[items.length - 1], 'weighted choice from empty list')[0];
    },
    sample: (items, n) => {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const a = must(copy[i]);
        copy[i] = must(copy[j]);
        copy[j] = a;
      }
      return copy.slice(0, Math.min(n, copy.length));
    },
    hex: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += HEX[Math.floor(next() * 16)];
      return out;
    },
    fork: (label) => createRng((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0),
  };
  return rng;
}

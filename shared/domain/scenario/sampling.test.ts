import { describe, expect, it } from 'vitest';
import { mulberry32, pertSampler, triangular } from './random';
import { linearTrend, percentile, percentilesOf } from './stats';

describe('sampling and statistics', () => {
  it('mulberry32 repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  it('PERT and triangular draws have the textbook means and stay in range', () => {
    const rng = mulberry32(7);
    const n = 200_000;
    const sample = pertSampler(2, 3, 10);
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = sample(rng);
      sum += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect(sum / n).toBeCloseTo((2 + 4 * 3 + 10) / 6, 2); // PERT mean (a + 4m + b) / 6 = 4
    expect(lo).toBeGreaterThanOrEqual(2);
    expect(hi).toBeLessThanOrEqual(10);
    let tri = 0;
    for (let i = 0; i < n; i++) tri += triangular(rng, 2, 3, 10);
    expect(tri / n).toBeCloseTo(5, 1); // (a + m + b) / 3
    expect(pertSampler(4, 4, 4)(rng)).toBe(4);
    expect(triangular(rng, 4, 4, 4)).toBe(4);
  });

  it('percentilesOf is exact: it agrees with sorting, with ties and with unbounded values', () => {
    const rng = mulberry32(11);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(rng() * 3000);
      const values = Array.from({ length: n }, () => (rng() < 0.2 ? Math.floor(rng() * 5) : rng() < 0.05 ? Number.POSITIVE_INFINITY : (rng() - 0.3) * 1e9));
      const ps = [0.1, 0.5, 0.9];
      const expected = ps.map((p) => percentile(values, p));
      expect(percentilesOf(Float64Array.from(values), ps), `round ${round}`).toEqual(expected);
    }
    expect(percentilesOf(Float64Array.from([3, 3, 3]), [0.1, 0.9])).toEqual([3, 3]);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
  });

  it('fits a least-squares trend with its standard error', () => {
    expect(linearTrend([1, 3, 5, 7])).toEqual({ slope: 2, slopeSe: 0, intercept: 1 });
    const t = linearTrend([1, 2, 4, 4])!;
    expect(t.slope).toBeCloseTo(1.1, 12);
    expect(t.slopeSe).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { growth, verdict, type Sample } from './soak-stats';

const samples = (n: number, f: (i: number) => Partial<Sample>): Sample[] =>
  Array.from({ length: n }, (_, i) => ({ iteration: i + 1, elapsedS: i, full: false, syncMs: 1, queryMs: 1, queries: 1, fetched: 1, rssMb: 200, heapMb: 50, externalMb: 5, fds: 30, handles: 4, handleKinds: {}, ...f(i) }));
const limits = { rssMb: 40, heapMb: 12, fds: 4, handles: 6 };

describe('soak growth', () => {
  it('ignores the warm-up and passes flat figures with noise', () => {
    const g = growth(samples(40, (i) => ({ rssMb: i < 8 ? 100 + i * 20 : 260 + (i % 3), handles: 4 + (i % 2) })), 0.2);
    expect(g.warmupIterations).toBe(8);
    expect(g.metrics.rssMb!.growth).toBeLessThan(3);
    expect(verdict(g, limits).ok).toBe(true);
  });

  it('fails steady growth after the warm-up and names the metric', () => {
    const g = growth(samples(40, (i) => ({ heapMb: 50 + i })), 0.2);
    const v = verdict(g, limits);
    expect(v.ok).toBe(false);
    expect(v.report).toMatch(/JS heap used .* GROWING/);
    expect(v.report).toMatch(/FAIL/);
  });

  it('leaves out what the platform cannot measure, and refuses to judge too short a run', () => {
    expect(growth(samples(12, () => ({ fds: null })), 0.2).metrics.fds).toBeNull();
    expect(verdict(growth(samples(3, () => ({})), 0.2), limits)).toMatchObject({ ok: false, report: expect.stringMatching(/too few iterations/) });
  });
});

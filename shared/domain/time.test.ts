import { describe, expect, it } from 'vitest';
import { lastFullQuarter, monthsBetween, toIsoUtc } from './time';

describe('time', () => {
  it("normalises Jira's colon-less offsets to UTC", () => {
    expect(toIsoUtc('2026-08-28T09:14:02.511+0200')).toBe('2026-08-28T07:14:02.511Z');
    expect(toIsoUtc('2021-01-17T12:34:00.000+0000')).toBe('2021-01-17T12:34:00.000Z');
    expect(toIsoUtc('2026-09-03T14:40:02.117Z')).toBe('2026-09-03T14:40:02.117Z');
    expect(() => toIsoUtc('yesterday')).toThrow();
  });
  it('finds the latest complete quarter', () => {
    expect(lastFullQuarter('2026-09-30T18:00:00Z')).toEqual({ from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' });
    // Data stopping a few days short of the quarter's end still completes it (14 days of slack)…
    expect(lastFullQuarter('2026-09-20T18:00:00Z')).toEqual({ from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' });
    // …but not weeks short.
    expect(lastFullQuarter('2026-09-10')).toEqual({ from: '2026-04-01', to: '2026-06-30', label: 'Q2 2026' });
    expect(lastFullQuarter('2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31', label: 'Q4 2025' });
    expect(lastFullQuarter('2026-01-05', 0)).toEqual({ from: '2025-10-01', to: '2025-12-31', label: 'Q4 2025' });
    expect(lastFullQuarter('2025-12-31', 0)).toEqual({ from: '2025-10-01', to: '2025-12-31', label: 'Q4 2025' });
  });
  it('lists months inclusively across years', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

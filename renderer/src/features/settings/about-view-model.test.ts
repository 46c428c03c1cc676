import { describe, expect, it } from 'vitest';
import { buildLine } from './about-view-model';

describe('buildLine', () => {
  it('names the build, or says it is a development build', () => {
    expect(buildLine('0.1.0', { commit: '1a2b3c4d5e6f', date: '2026-03-01T14:05:09.000Z' })).toBe('0.1.0 (build 1a2b3c4d5e6f, 2026-03-01 14:05 UTC)');
    expect(buildLine('0.1.0', { commit: '1a2b3c4d5e6f-dirty', date: null })).toBe('0.1.0 (build 1a2b3c4d5e6f-dirty, date unknown)');
    expect(buildLine('0.1.0', { commit: null, date: null })).toBe('0.1.0 (development build)');
  });
});

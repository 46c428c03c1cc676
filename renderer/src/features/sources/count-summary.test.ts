import { describe, expect, it } from 'vitest';
import { countPhrase, summariseCounts } from './count-summary';

describe('summariseCounts', () => {
  it('joins the counters in the order the connector reported them', () => {
    expect(summariseCounts({ issues: 1204, worklogs: 5112 })).toBe('1,204 issues · 5,112 worklogs');
    expect(summariseCounts({ 'merge requests': 8, pipelines: 0, jobs: 31 })).toBe('8 merge requests · 31 jobs');
  });

  it('says nothing when nothing was counted', () => {
    expect(summariseCounts({})).toBeNull();
    expect(summariseCounts({ issues: 0 })).toBeNull();
  });

  it('uses the singular for one and keeps unknown counters as named', () => {
    expect(countPhrase('merge requests', 1)).toBe('1 merge request');
    expect(countPhrase('worklogs deleted', 1)).toBe('1 worklog deleted');
    expect(countPhrase('epics', 1)).toBe('1 epics');
    expect(countPhrase('epics', 2)).toBe('2 epics');
  });

  it('spells camel-case counter names as words', () => {
    expect(summariseCounts({ mergeRequests: 1738, notes: 9054 })).toBe('1,738 merge requests · 9,054 notes');
    expect(countPhrase('mergeRequests', 1)).toBe('1 merge request');
  });
});

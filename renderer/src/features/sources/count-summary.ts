import { formatCount } from '../../lib/format';

/**
 * Singular forms for the counters the Jira and GitLab connectors report (sync_runs.stats and
 * sync:progress counts). A counter not listed here is shown under its own name.
 */
const SINGULAR: Record<string, string> = {
  issues: 'issue',
  worklogs: 'worklog',
  'worklogs deleted': 'worklog deleted',
  'changelogs fetched separately': 'changelog fetched separately',
  'merge requests': 'merge request',
  'review notes': 'review note',
  pipelines: 'pipeline',
  jobs: 'job',
};

/** Counter names as words: the demo and older runs wrote "mergeRequests" where connectors write "merge requests". */
export const counterName = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** "1 issue", "5,112 worklogs": one counter as a phrase. */
export function countPhrase(key: string, n: number): string {
  const name = counterName(key);
  return `${formatCount(n)} ${n === 1 ? (SINGULAR[name] ?? name) : name}`;
}

/**
 * What a sync fetched, in the order the connector counted it: "1,204 issues · 5,112 worklogs".
 * Zero counters are left out; null when nothing was counted at all.
 */
export function summariseCounts(counts: Record<string, number>): string | null {
  const phrases = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => countPhrase(key, n));
  return phrases.length === 0 ? null : phrases.join(' · ');
}

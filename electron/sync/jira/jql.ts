import type { z } from 'zod';
import type { JiraScopeSchema } from '../../../shared/domain/sources';

type Scope = z.infer<typeof JiraScopeSchema>;

/** JQL dates are read in the user's time zone, so the cursor is written in it too ("yyyy-MM-dd HH:mm"). */
export function jqlDate(iso: string, timeZone: string | null | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/**
 * The search for one sync: the user's projects or filter, bounded below by the start date or the
 * cursor (whichever is later), oldest change first so the cursor can advance page by page.
 */
export function buildJql(scope: Scope, sinceIso: string | null, timeZone: string | null | undefined): string {
  const parts: string[] = [];
  if (scope.projects.length > 0) parts.push(`project in (${scope.projects.map((p) => `"${p}"`).join(', ')})`);
  if (scope.jql) parts.push(`(${scope.jql})`);
  const start = scope.startDate ? `${scope.startDate}T00:00:00.000Z` : null;
  const from = [start, sinceIso].filter((d): d is string => d !== null).sort().pop();
  if (from) parts.push(`updated >= "${jqlDate(from, timeZone)}"`);
  return `${parts.join(' AND ')} ORDER BY updated ASC`;
}

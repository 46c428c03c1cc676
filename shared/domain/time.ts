/**
 * Vendors disagree on timestamps: Jira sends "2026-08-28T09:14:02.511+0200" (offset without a colon,
 * not strict ISO 8601), GitLab "…Z", OpenAI Unix seconds. Everything is stored as UTC ISO-8601 with Z.
 */
export function toIsoUtc(value: string): string {
  // Already canonical (GitLab's form): skip the parse. A hot path when syncing millions of rows.
  if (value.length === 24 && value[10] === 'T' && value[23] === 'Z' && value[19] === '.') return value;
  const normalised = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalised);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: "${value}"`);
  return new Date(ms).toISOString();
}

export const toIsoUtcOrNull = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : toIsoUtc(value);

export const unixSecondsToIso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** "2026-09" for any ISO timestamp or date. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

export const dayOf = (iso: string): string => iso.slice(0, 10);

export type Period = { from: string; to: string; label: string };

/** Months "YYYY-MM" from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/**
 * The latest calendar quarter the data covers: the last quarter that ended on or before `latest`
 * (an ISO date or timestamp) plus `slackDays`. The slack lets a quarter whose data stops a few days
 * short of its end (sync lag, a quiet last week) still count as the last full quarter.
 */
export function lastFullQuarter(latest: string, slackDays = 14): Period {
  const reference = new Date(Date.parse(`${dayOf(latest)}T00:00:00Z`) + slackDays * 86_400_000);
  let year = reference.getUTCFullYear();
  let quarter = Math.floor(reference.getUTCMonth() / 3) - 1; // the quarter before the reference's own
  const ownEnd = new Date(Date.UTC(year, quarter * 3 + 6, 0));
  if (ownEnd.getTime() <= reference.getTime()) quarter += 1; // the reference's own quarter has ended
  if (quarter < 0) {
    quarter = 3;
    year -= 1;
  }
  const from = new Date(Date.UTC(year, quarter * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, quarter * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from, to, label: `Q${quarter + 1} ${year}` };
}

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

// Calendar helpers. The simulation works in epoch milliseconds (UTC); strings are only produced when
// payloads are emitted, in each vendor's own timestamp format.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const PERIOD_FROM = '2025-10-01';
export const PERIOD_TO = '2026-09-30';
export const PERIOD_START = Date.UTC(2025, 9, 1);
/** The snapshot instant: everything simulated after it is cut off, as if synced at year end. */
export const PERIOD_END = Date.UTC(2026, 9, 1) - 1;

/** Northwind works UK office hours; the simulation keeps work inside them (UTC, no DST shift). */
const WORK_START_H = 8;
const WORK_END_H = 18;

// UK bank holidays inside the period plus the Christmas shutdown (the December dip in delivery).
const HOLIDAYS = new Set([
  '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01',
  '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31',
]);

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));


/** Jira style: `2026-08-28T09:14:02.511+0000` (offset without a colon). */
export function jiraTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+0000`;
}

/** GitLab/RFC 3339 style: `2026-08-28T09:14:02.511Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Git commit style as GitLab renders commit dates: `2026-09-03T11:59:00.000+00:00`. */
export function gitTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+00:00`;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** `5/29/26`: the US short date GitHub's newer AI-credit exports use. */
export function slashDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${pad2(d.getUTCFullYear() % 100)}`;
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWorkDay(ms: number): boolean {
  const dow = new Date(ms).getUTCDay();
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(isoDate(ms));
}

export function isHoliday(ms: number): boolean {
  return HOLIDAYS.has(isoDate(ms));
}

/** The same instant if it falls in working hours, otherwise the start of the next working day. */
export function toWorkTime(ms: number): number {
  let t = ms;
  for (let guard = 0; guard < 30; guard++) {
    const day = startOfDay(t);
    const open = day + WORK_START_H * HOUR;
    const close = day + WORK_END_H * HOUR;
    if (isWorkDay(day) && t < close) return Math.max(t, open);
    t = day + DAY + WORK_START_H * HOUR;
  }
  return t;
}

/** Advances through working hours only, so "3 hours of review" spans a night when it has to. */
export function addWorkHours(ms: number, hours: number): number {
  let t = toWorkTime(ms);
  let left = hours * HOUR;
  for (let guard = 0; guard < 400 && left > 0; guard++) {
    const close = startOfDay(t) + WORK_END_H * HOUR;
    const span = close - t;
    if (left <= span) return Math.round(t + left);
    left -= span;
    t = toWorkTime(close + 1);
  }
  return Math.round(t);
}

import { json, type FakeReply, type FakeRequest } from './fake-server';

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;

/** GitLab's parameter validation error (Grape): `{"error":"<param> is invalid"}`. */
export const invalidParam = (name: string, why = 'is invalid'): FakeReply => json(400, { error: `${name} ${why}` });

/** An integer query parameter; null when absent, a 400 reply when not an integer. */
export function intQuery(req: FakeRequest, name: string): number | null | FakeReply {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return null;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw) : invalidParam(name);
}

/**
 * An ISO 8601 date-time parameter (`updated_after=…`, inclusive). A `+02:00` offset sent without
 * `%2B` arrives as a space and is refused as invalid, exactly the trap reference §2.5 warns about.
 */
export function timeQuery(req: FakeRequest, name: string): number | null | FakeReply {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  if (!m) return invalidParam(name);
  const offset = (m[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00'}${offset}`);
  return Number.isFinite(ms) ? ms : invalidParam(name);
}

/** One value of an enumerated parameter, or the Grape error GitLab gives for anything else. */
export function enumQuery<T extends string>(req: FakeRequest, name: string, allowed: readonly T[], fallback: T): T | FakeReply {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  return (allowed as readonly string[]).includes(raw) ? (raw as T) : invalidParam(name, 'does not have a valid value');
}

export const isReply = (v: unknown): v is FakeReply => typeof v === 'object' && v !== null && 'status' in v && typeof (v as FakeReply).status === 'number';

export type PagingOptions = { totalsThreshold: number };

/**
 * Offset pagination per reference §2.2: `page`/`per_page` (default 20, max 100), a `Link` header
 * (prev, next, first, last) with this server's absolute URLs, and the `x-*` headers. Above the
 * threshold (GitLab's is 10,000) `x-total`, `x-total-pages` and `rel="last"` are left out.
 */
export function paginate<T>(req: FakeRequest, items: readonly T[], opts: PagingOptions): FakeReply {
  const page = intQuery(req, 'page');
  if (isReply(page)) return page;
  const perPageRaw = intQuery(req, 'per_page');
  if (isReply(perPageRaw)) return perPageRaw;
  const current = page === null || page < 1 ? 1 : page;
  const perPage = perPageRaw === null || perPageRaw < 1 ? DEFAULT_PER_PAGE : Math.min(perPageRaw, MAX_PER_PAGE);
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const counted = total <= opts.totalsThreshold;
  const start = (current - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  const next = start + perPage < total ? current + 1 : null;
  const prev = current > 1 ? Math.min(current - 1, totalPages) : null;

  const link = (p: number): string => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${req.baseUrl}${req.path}?${q.toString()}>`;
  };
  const links: string[] = [];
  if (prev !== null) links.push(`${link(prev)}; rel="prev"`);
  if (next !== null) links.push(`${link(next)}; rel="next"`);
  links.push(`${link(1)}; rel="first"`);
  if (counted) links.push(`${link(totalPages)}; rel="last"`);

  const headers: Record<string, string> = {
    Link: links.join(', '),
    'X-Next-Page': next === null ? '' : String(next),
    'X-Page': String(current),
    'X-Per-Page': String(perPage),
    'X-Prev-Page': prev === null ? '' : String(prev),
  };
  if (counted) {
    headers['X-Total'] = String(total);
    headers['X-Total-Pages'] = String(totalPages);
  }
  return json(200, slice, headers);
}

/** Sorts by a key, ties by id, in the requested direction (GitLab orders by `<column>, id`). */
export function sortBy<T extends { id: number }>(items: readonly T[], key: (x: T) => string | number, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return items.slice().sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const d = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
    return sign * d;
  });
}

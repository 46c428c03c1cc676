// Plain fetch helpers for the servers' own tests: they speak HTTP the way a careful client would,
// so the tests exercise the documented continuation rules rather than the servers' internals.

export type Got = { status: number; headers: Headers; text: string; body: unknown };

export async function request(url: string, init: RequestInit = {}): Promise<Got> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export const basic = (email: string, token: string): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`,
});
export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<Got> {
  return request(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** `<url>; rel="next", <url>; rel="last"` -> { next: url, last: url }. */
export function parseLink(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (m?.[1] && m[2]) out[m[2]] = m[1];
  }
  return out;
}

export type Page<T> = { items: T[]; headers: Headers };

/** Follows GitLab's `Link rel="next"` until it is gone, checking x-next-page agrees at every step. */
export async function walkGitLab<T>(firstUrl: string, headers: Record<string, string>): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const got = await request(url, { headers });
    if (got.status !== 200) throw new Error(`${url} -> ${got.status} ${got.text}`);
    pages.push({ items: got.body as T[], headers: got.headers });
    const next: string | undefined = parseLink(got.headers.get('link')).next;
    const xNext = got.headers.get('x-next-page');
    if ((next === undefined) !== (xNext === '' || xNext === null)) throw new Error(`Link and x-next-page disagree at ${url}`);
    url = next;
    if (pages.length > 10_000) throw new Error('runaway paging');
  }
  return pages;
}

export type JiraIssueJson = { id: string; key: string; fields?: Record<string, unknown>; changelog?: { total: number; histories: { id: string }[] } };

/** Walks Cloud enhanced search: stop on isLast or a missing token, as reference §1.2 says. */
export async function walkJiraCursor(url: string, params: Record<string, string>, headers: Record<string, string>): Promise<{ pages: { issues: JiraIssueJson[]; isLast: boolean; nextPageToken?: string }[] }> {
  const pages: { issues: JiraIssueJson[]; isLast: boolean; nextPageToken?: string }[] = [];
  let token: string | undefined;
  for (;;) {
    const q = new URLSearchParams(params);
    if (token) q.set('nextPageToken', token);
    const got = await request(`${url}?${q.toString()}`, { headers });
    if (got.status !== 200) throw new Error(`search -> ${got.status} ${got.text}`);
    const page = got.body as { issues: JiraIssueJson[]; isLast: boolean; nextPageToken?: string };
    pages.push(page);
    if (page.isLast || !page.nextPageToken) return { pages };
    token = page.nextPageToken;
    if (pages.length > 10_000) throw new Error('runaway paging');
  }
}

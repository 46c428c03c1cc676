import { createHash } from 'node:crypto';
import { text, type FakeReply, type FakeRequest, type VendorDialect } from './fake-server';
import { errorCollection, type JiraFlavour } from './jira-context';

export type JiraAuth = { email: string; token: string } | { pat: string };

/** The exact Authorization header this server accepts: Cloud Basic email:token, DC Bearer PAT (not interchangeable). */
export function expectedAuthorization(flavour: JiraFlavour, auth: JiraAuth): string {
  if (flavour === 'cloud') {
    if (!('email' in auth)) throw new Error('Jira Cloud authenticates with { email, token } (Basic), not a PAT');
    return `Basic ${Buffer.from(`${auth.email}:${auth.token}`).toString('base64')}`;
  }
  if (!('pat' in auth)) throw new Error('Jira Data Center authenticates with { pat } (Bearer), not email + token');
  return `Bearer ${auth.pat}`;
}

/**
 * 401 bodies are not guaranteed JSON (reference §1.7): Cloud answers plain text, Data Center the
 * HTML error page its servlet container renders, so clients must not assume JSON on auth failures.
 */
export function unauthorized(flavour: JiraFlavour): FakeReply {
  if (flavour === 'cloud') return text(401, 'Client must be authenticated to access this resource.', 'text/plain;charset=UTF-8');
  return text(401,
    '<!doctype html><html lang="en"><head><title>HTTP Status 401 – Unauthorized</title></head><body><h1>HTTP Status 401 – Unauthorized</h1>'
    + '<p><b>Type</b> Status Report</p><p><b>Description</b> The request has not been applied because it lacks valid authentication credentials.</p></body></html>',
    'text/html;charset=utf-8', { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED', 'X-AUSERNAME': 'anonymous' });
}

function statusReply(flavour: JiraFlavour, status: number): FakeReply {
  switch (status) {
    case 401: return unauthorized(flavour);
    case 403: return errorCollection(403, ['You do not have permission to access this resource.']);
    case 404: return errorCollection(404, ['The requested resource could not be found.']);
    // A 502 comes from the edge proxy in front of Jira, not from Jira: HTML.
    case 502: return text(502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', 'text/html');
    // Some Cloud 5xx carry Retry-After too (reference §1.6).
    case 503: return errorCollection(503, ['Service unavailable. Please try again later.'], {}, flavour === 'cloud' ? { 'Retry-After': '1' } : undefined);
    default: return errorCollection(status, ['Internal server error']);
  }
}

/** 429 per reference §1.6 (Cloud) or §1.8 (Data Center's admin-enabled token bucket). */
function rateLimitReply(flavour: JiraFlavour, fault: { retryAfterSeconds: number; reason?: string }, now: number): FakeReply {
  const retry = String(fault.retryAfterSeconds);
  if (flavour === 'datacenter') {
    return errorCollection(429, ['Rate limit exceeded.'], {}, {
      'Retry-After': retry, 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Interval-Seconds': '1', 'X-RateLimit-FillRate': '10',
    });
  }
  const reason = fault.reason ?? 'jira-burst-based';
  const headers: Record<string, string> = {
    'Retry-After': retry, 'X-RateLimit-Limit': '350', 'X-RateLimit-Remaining': '0', 'X-RateLimit-NearLimit': 'true',
    'X-RateLimit-Reset': new Date(now + fault.retryAfterSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'), 'RateLimit-Reason': reason,
  };
  if (reason.startsWith('jira-quota')) {
    headers['Beta-RateLimit-Policy'] = '"global-app-quota";q=65000;w=3600';
    headers['Beta-RateLimit'] = `"global-app-quota";r=0;t=${fault.retryAfterSeconds}`;
  }
  return errorCollection(429, ['Rate limit exceeded.'], {}, headers);
}

const slug = (name: string): string => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/** A stable DC user key (`JIRAUSER12345`) from a Cloud account id. */
function dcKey(accountId: string): string {
  return `JIRAUSER${10000 + (parseInt(createHash('sha1').update(accountId).digest('hex').slice(0, 8), 16) % 90000)}`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function adfText(doc: Obj): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObj(node)) {
      if (typeof node.text === 'string') parts.push(node.text);
      walk(node.content);
    }
  };
  walk(doc.content);
  return parts.join('');
}

/**
 * Data Center speaks v2: users by name/key instead of accountId, rich text as plain strings, and
 * assignee changes recorded with user names (reference §1.8). Applied to whole answers.
 */
export function toDataCenter(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toDataCenter);
  if (!isObj(value)) return value;
  if (typeof value.accountId === 'string' && typeof value.displayName === 'string') {
    const name = slug(value.displayName);
    const self = typeof value.self === 'string' ? value.self.replace(/user\?accountId=.*$/, `user?username=${encodeURIComponent(name)}`) : undefined;
    return {
      ...(self ? { self } : {}), name, key: dcKey(value.accountId), emailAddress: `${name}@northwind.example`, displayName: value.displayName,
      active: value.active ?? true, ...(typeof value.timeZone === 'string' ? { timeZone: value.timeZone } : {}),
    };
  }
  if (value.type === 'doc' && Array.isArray(value.content)) return adfText(value);
  if (value.fieldId === 'assignee' && 'fromString' in value) {
    const name = (s: unknown): string | null => (typeof s === 'string' ? slug(s) : null);
    return { ...value, from: name(value.fromString), to: name(value.toString) };
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDataCenter(v)]));
}

export function jiraDialect(opts: { flavour: JiraFlavour; sourceBaseUrl: () => string; now: () => number }): VendorDialect {
  const { flavour } = opts;
  return {
    jsonType: 'application/json;charset=UTF-8',
    statusReply: (status) => statusReply(flavour, status),
    rateLimitReply: (fault) => rateLimitReply(flavour, fault, opts.now()),
    routeNotFound: (req) => errorCollection(404, [`No REST resource at ${req.baseUrl}${req.path}`]),
    credentialOf: (req: FakeRequest) => req.headers.authorization ?? null,
    serialize(value, req) {
      const source = opts.sourceBaseUrl();
      let out = JSON.stringify(flavour === 'datacenter' ? toDataCenter(value) : value);
      // The bundle links to its demo site; a real server links to itself, on its own API version.
      if (flavour === 'datacenter') out = out.split(`${source}/rest/api/3/`).join(`${req.baseUrl}/rest/api/2/`);
      return out.split(source).join(req.baseUrl);
    },
  };
}

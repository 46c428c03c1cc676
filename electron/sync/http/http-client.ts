import { RemoteError, classifyNetworkError } from './errors';
import { Agent, request as undiciRequest } from 'undici';
import { createLimiter, retryDelayMs, sleep } from './limiter';

export type RequestLogEntry = { method: string; url: string; status: number | null; ms: number; attempt: number; note?: string };

export type HttpClientOptions = {
  /** Base URL, which may carry a path (`https://host/jira`, `https://host/gitlab/api/v4`). */
  baseUrl: string;
  /** Auth headers for each request. They are never logged and never sent to another origin. */
  authHeaders: () => Record<string, string>;
  concurrency?: number;
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  log?: (entry: RequestLogEntry) => void;
  /** Error bodies differ per vendor; this turns one into a sentence. */
  describeError?: (status: number, body: string) => string | null;
  /** Called before each retry wait, e.g. to show "rate limited, waiting 30 s" in progress. */
  onWait?: (ms: number, reason: string) => void;
};

/** Response headers by lower-case name (only what the connectors read: paging links, totals, Retry-After). */
export type ResponseHeaders = { get(name: string): string | null };
export type HttpResponse = { status: number; headers: ResponseHeaders; body: unknown; url: string };

type RawResponse = { status: number; ok: boolean; headers: ResponseHeaders };

const headersOf = (raw: Record<string, string | string[] | undefined>): ResponseHeaders => ({
  get: (name) => {
    const v = raw[name.toLowerCase()];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
  },
});

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * The HTTP layer shared by the Jira and GitLab connectors: a per-host concurrency limit, timeouts,
 * cancellation, retries of 429/5xx and dropped connections with Retry-After or jittered backoff,
 * JSON parsing with a clear error, and request logs without credentials.
 */
export function createHttpClient(opts: HttpClientOptions) {
  const base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  const limit = createLimiter(opts.concurrency ?? 4);
  // Keep-alive connections to this one host; closed by close() so a finished CLI exits at once.
  const agent = new Agent({ connections: opts.concurrency ?? 4, keepAliveTimeout: 10_000 });
  const maxRetries = opts.maxRetries ?? 6;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  /** Resolves a path against the base (keeping its path prefix) or accepts a same-origin absolute URL. */
  function resolveUrl(pathOrUrl: string, query?: Record<string, string | number | boolean | readonly string[] | undefined>): URL {
    const url = /^https?:\/\//.test(pathOrUrl) ? new URL(pathOrUrl) : new URL(pathOrUrl.replace(/^\//, ''), base);
    if (url.origin !== base.origin) {
      // A continuation link to another host must not receive our token.
      throw new RemoteError('protocol', `The server pointed to another host (${url.origin}); refusing to send credentials there.`);
    }
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
      else url.searchParams.set(k, String(v));
    }
    return url;
  }

  const safeUrl = (url: URL): string => {
    // Copy only when there is something to hide (most URLs have neither a token parameter nor userinfo).
    const secrets = ['private_token', 'access_token', 'token'].filter((key) => url.searchParams.has(key));
    if (secrets.length === 0 && !url.username && !url.password) return url.href;
    const copy = new URL(url);
    for (const key of secrets) copy.searchParams.set(key, 'REDACTED');
    copy.username = '';
    copy.password = '';
    return copy.toString();
  };

  async function once(method: string, url: URL, body: unknown, attempt: number): Promise<{ response: RawResponse; text: string } | { retry: number; reason: string }> {
    opts.signal?.throwIfAborted();
    // One controller per request for both the timeout and a cancel: AbortSignal.timeout() plus
    // AbortSignal.any() per request cost several per cent of a large sync's CPU.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer in ${timeoutMs / 1000} s`, 'TimeoutError')), timeoutMs);
    const onCancel = () => controller.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onCancel, { once: true });
    const started = performance.now();
    let response: RawResponse;
    let text: string;
    try {
      // undici's request() rather than fetch(): the same HTTP stack with a fraction of the per-request
      // cost (no WHATWG Request/Response objects), which a sync of several hundred thousand requests feels.
      const res = await undiciRequest(url, {
        method,
        headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.authHeaders() },
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
        dispatcher: agent,
      });
      response = { status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, headers: headersOf(res.headers) };
      text = await res.body.text();
    } catch (e) {
      if (opts.signal?.aborted) throw new RemoteError('cancelled', 'Cancelled.');
      const failure = classifyNetworkError(e, url.host);
      opts.log?.({ method, url: safeUrl(url), status: null, ms: performance.now() - started, attempt, note: failure.message });
      // Refused connections, DNS and TLS failures will not heal by retrying; dropped ones may.
      if (failure.failure === 'tls' || /could not be found|refused|may not use/.test(failure.message) || attempt >= maxRetries) throw failure;
      return { retry: retryDelayMs(attempt, null), reason: failure.message };
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onCancel);
    }
    opts.log?.({ method, url: safeUrl(url), status: response.status, ms: performance.now() - started, attempt });
    if (RETRYABLE_STATUS.has(response.status) && attempt < maxRetries) {
      const reason = response.status === 429 ? 'rate limited' : `server error ${response.status}`;
      return { retry: retryDelayMs(attempt, response.headers.get('retry-after')), reason };
    }
    return { response, text };
  }

  async function request(method: 'GET' | 'POST', pathOrUrl: string, opts2: { query?: Record<string, string | number | boolean | readonly string[] | undefined>; body?: unknown } = {}): Promise<HttpResponse> {
    const url = resolveUrl(pathOrUrl, opts2.query);
    return limit(async () => {
      for (let attempt = 0; ; attempt += 1) {
        const result = await once(method, url, opts2.body, attempt);
        if ('retry' in result) {
          opts.onWait?.(result.retry, result.reason);
          try {
            await sleep(result.retry, opts.signal);
          } catch {
            throw new RemoteError('cancelled', 'Cancelled.');
          }
          continue;
        }
        const { response, text } = result;
        if (response.status >= 300 && response.status < 400) {
          throw new RemoteError('protocol', `${url.host} redirected to ${response.headers.get('location') ?? 'another address'}; use that address as the base URL.`, response.status);
        }
        if (!response.ok) throw statusError(response.status, text, url);
        if (text.trim() === '') return { status: response.status, headers: response.headers, body: null, url: url.toString() };
        try {
          return { status: response.status, headers: response.headers, body: JSON.parse(text), url: url.toString() };
        } catch {
          // A page cut short or garbled in transit: worth one more try before giving up.
          if (attempt < Math.min(2, maxRetries)) {
            opts.onWait?.(retryDelayMs(attempt, null), 'malformed response');
            await sleep(retryDelayMs(attempt, null), opts.signal).catch(() => {
              throw new RemoteError('cancelled', 'Cancelled.');
            });
            continue;
          }
          const looksHtml = /^\s*</.test(text);
          throw new RemoteError('protocol', looksHtml ? `${url.host} answered with a web page, not the API: check that the base URL points at the right product.` : `${url.host} sent a response that is not valid JSON.`, response.status);
        }
      }
    });
  }

  function statusError(status: number, text: string, url: URL): RemoteError {
    const detail = opts.describeError?.(status, text);
    const suffix = detail ? `: ${detail}` : '';
    if (status === 401) return new RemoteError('auth', `${url.host} rejected the credentials (401)${suffix}. Check the token (and the e-mail for Jira Cloud), and that it has not expired.`, status);
    if (status === 403) return new RemoteError('forbidden', `${url.host} refused access (403)${suffix}. The token lacks permission for this.`, status);
    if (status === 404) return new RemoteError('not-found', `Not found at ${url.host}${url.pathname} (404)${suffix}.`, status);
    if (status === 410) return new RemoteError('not-found', `${url.host}${url.pathname} is gone (410)${suffix}.`, status);
    if (status === 429) return new RemoteError('rate-limited', `${url.host} kept rate-limiting the requests; try again later.`, status);
    if (status >= 500) return new RemoteError('server', `${url.host} failed with ${status}${suffix}.`, status);
    return new RemoteError('bad-request', `${url.host} rejected the request (${status})${suffix}.`, status);
  }

  return {
    get: (pathOrUrl: string, query?: Record<string, string | number | boolean | readonly string[] | undefined>) => request('GET', pathOrUrl, { query }),
    post: (pathOrUrl: string, body: unknown, query?: Record<string, string | number | boolean | readonly string[] | undefined>) => request('POST', pathOrUrl, { body, query }),
    baseUrl: base.toString(),
    close: (): Promise<void> => agent.close(),
  };
}
export type HttpClient = ReturnType<typeof createHttpClient>;

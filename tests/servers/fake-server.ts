import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultTracker, type Fault, type FaultPlan, type FaultTracker } from './faults';

export type { FaultPlan } from './faults';

export type RecordedRequest = {
  method: string;
  /** Below basePath, still percent-encoded as sent (`/api/v4/projects/northwind%2Fledger-service`). */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case names; credentials keep their scheme but lose their value (`Basic [REDACTED]`). */
  headers: Record<string, string>;
  /** Parsed JSON request body, when there was one. */
  body?: unknown;
  /** 0 until the answer's head is written. */
  status: number;
  fault?: Fault['kind'];
};

export type FakeServer<D> = {
  /** `http://127.0.0.1:PORT` + basePath, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  /** Live: handlers read it on every request, so tests can change it between two syncs. */
  data: D;
  mutate(fn: (d: D) => void): void;
  /** Replaces the plan and its counters. */
  setFaults(f: FaultPlan): void;
  close(): Promise<void>;
};

export type FakeRequest = {
  method: string;
  /** Below basePath, still percent-encoded: an encoded `/` in a GitLab project path must stay one segment. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Set when the body was present but not JSON. */
  bodyError: boolean;
  /** The server's own URL (with basePath), for links in answers. */
  baseUrl: string;
};

export type ReplyBody = { json: unknown } | { text: string; type: string };
export type FakeReply = { status: number; headers?: Record<string, string>; body?: ReplyBody };

export const json = (status: number, value: unknown, headers?: Record<string, string>): FakeReply => ({ status, headers, body: { json: value } });
export const text = (status: number, value: string, type: string, headers?: Record<string, string>): FakeReply => ({ status, headers, body: { text: value, type } });

/** How one vendor renders the things every route shares: errors, throttling, credentials, JSON. */
export type VendorDialect = {
  statusReply(status: number, req: FakeRequest): FakeReply;
  rateLimitReply(fault: { retryAfterSeconds: number; reason?: string }, req: FakeRequest): FakeReply;
  routeNotFound(req: FakeRequest): FakeReply;
  /** The credential a request carries (for expire-token), or null. */
  credentialOf(req: FakeRequest): string | null;
  /** JSON text of a reply value; vendors rewrite the demo's URLs to the server's own here. */
  serialize(value: unknown, req: FakeRequest): string;
  jsonType: string;
};

export type FakeServerConfig<D> = {
  basePath?: string;
  data: D;
  faults?: FaultPlan;
  dialect: VendorDialect;
  handle(req: FakeRequest, data: D): FakeReply;
};

const SECRET_HEADERS = new Set(['authorization', 'private-token', 'job-token', 'cookie', 'x-api-key']);

function redact(name: string, value: string): string {
  if (!SECRET_HEADERS.has(name)) return value;
  const scheme = /^(Basic|Bearer|Token)\s/i.exec(value);
  return scheme ? `${scheme[1]} [REDACTED]` : '[REDACTED]';
}

function recordHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = redact(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

function recordQuery(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? '') : all;
  }
  for (const key of ['private_token', 'access_token']) if (key in out) out[key] = '[REDACTED]';
  return out;
}

export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function bodyText(reply: FakeReply, dialect: VendorDialect, req: FakeRequest): { text: string; type: string } | null {
  if (!reply.body) return null;
  if ('json' in reply.body) return { text: dialect.serialize(reply.body.json, req), type: dialect.jsonType };
  return reply.body;
}

function send(res: ServerResponse, reply: FakeReply, body: { text: string; type: string } | null, mode: 'normal' | 'cut-off'): void {
  const bytes = Buffer.from(body?.text ?? '', 'utf8');
  const headers: Record<string, string | number> = { ...(reply.headers ?? {}), 'Content-Length': bytes.length };
  if (body) headers['Content-Type'] = body.type;
  res.writeHead(reply.status, headers);
  if (mode === 'normal') {
    res.end(bytes);
    return;
  }
  // Promise the whole body, deliver half, then drop the connection: the client sees a premature close.
  res.flushHeaders();
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
}

/**
 * A loopback HTTP server with request recording, fault injection and a vendor dialect. The vendor
 * servers supply `handle` (routing against live data) and the dialect; this owns the transport.
 */
export async function startFakeServer<D>(config: FakeServerConfig<D>): Promise<FakeServer<D>> {
  const basePath = normaliseBasePath(config.basePath);
  const { dialect } = config;
  let tracker: FaultTracker = createFaultTracker(config.faults);
  const expired = new Set<string>();
  const state = { data: config.data };
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname;
    const inside = rawPath === basePath || rawPath.startsWith(`${basePath}/`);
    const raw = await readBody(req);
    let body: unknown;
    let bodyError = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        bodyError = true;
      }
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const fake: FakeRequest = {
      method, path: inside ? rawPath.slice(basePath.length) || '/' : rawPath, query: url.searchParams, headers: req.headers,
      body, bodyError, baseUrl,
    };
    const record: RecordedRequest = { method, path: fake.path, query: recordQuery(url.searchParams), headers: recordHeaders(req.headers), status: 0 };
    if (body !== undefined) record.body = body;
    requests.push(record);

    const decision = tracker.decide(method, fake.path);
    if (decision.delayMs > 0) {
      record.fault = 'slow';
      await sleep(decision.delayMs);
    }
    const credential = dialect.credentialOf(fake);
    let reply: FakeReply;
    let mode: 'normal' | 'cut-off' | 'malformed' = 'normal';
    const fault = decision.fault;
    if (credential !== null && expired.has(credential)) {
      // An expired credential stays refused whatever else the plan says.
      reply = dialect.statusReply(401, fake);
    } else {
      if (fault) record.fault = fault.kind;
      if (fault?.kind === 'status') {
        reply = dialect.statusReply(fault.status, fake);
      } else if (fault?.kind === 'rate-limit') {
        reply = dialect.rateLimitReply(fault, fake);
      } else if (fault?.kind === 'expire-token') {
        if (credential !== null) expired.add(credential);
        reply = dialect.statusReply(401, fake);
      } else {
        reply = inside ? config.handle(fake, state.data) : dialect.routeNotFound(fake);
        if (fault?.kind === 'cut-off') mode = 'cut-off';
        if (fault?.kind === 'malformed-json') mode = 'malformed';
      }
    }
    let payload = bodyText(reply, dialect, fake);
    if (mode === 'malformed') {
      // Half of the real body is never valid JSON for an object or array; an empty body becomes "{".
      const whole = payload?.text ?? '';
      payload = { text: whole.length > 1 ? whole.slice(0, Math.floor(whole.length / 2)) : '{', type: dialect.jsonType };
      reply = { status: 200, headers: reply.headers, body: { text: payload.text, type: payload.type } };
    }
    record.status = reply.status;
    send(res, reply, payload, mode === 'cut-off' ? 'cut-off' : 'normal');
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      // A bug in a fake must fail the test loudly, not hang it.
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`fake server error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}${basePath}`;

  return {
    url: baseUrl,
    requests,
    get data() {
      return state.data;
    },
    set data(d: D) {
      state.data = d;
    },
    mutate(fn) {
      fn(state.data);
    },
    setFaults(f) {
      tracker = createFaultTracker(f);
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

export type Route<C> = {
  method: string;
  /** Matched against the percent-encoded path; capture groups arrive still encoded. */
  pattern: RegExp;
  handle(req: FakeRequest, params: string[], ctx: C): FakeReply;
};

/** First route whose pattern and method match; 405 when only the method differs. */
export function dispatch<C>(routes: Route<C>[], req: FakeRequest, ctx: C, fallback: { notFound: FakeReply; notAllowed: FakeReply }): FakeReply {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(req.path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== req.method) continue;
    return route.handle(req, m.slice(1).map((p) => p ?? ''), ctx);
  }
  return pathMatched ? fallback.notAllowed : fallback.notFound;
}

/** Every value of a repeatable query parameter, comma lists split (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, ...names: string[]): string[] {
  return names.flatMap((n) => query.getAll(n)).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

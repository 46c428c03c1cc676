import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { err, ok } from '../../shared/ipc/result';
import { dispatch, maxInputBytes } from '../main/ipc/dispatch';
import type { HandlerContext, HandlerMap } from '../main/ipc/handler-types';
import { serveStatic } from './static-files';
import { receiveUpload, uploadsDir } from './uploads';

export type HostOptions = {
  handlers: HandlerMap;
  rendererDir: string;
  /** Builds the handler context once, given the host's event broadcaster. */
  context: (emit: HandlerContext['emit']) => HandlerContext;
  port?: number;
};
export type Host = { url: string; token: string; port: number; close(): Promise<void> };

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The browser host: the built renderer plus the same handler map as Electron IPC, over HTTP and a
 * WebSocket for events, on 127.0.0.1 only. A random per-launch token guards every API call, and
 * Host/Origin checks stop DNS-rebinding pages from reaching it.
 */
export async function startHost(opts: HostOptions): Promise<Host> {
  const token = randomBytes(24).toString('hex');
  const rendererDir = resolve(opts.rendererDir);
  const sockets = new Set<WebSocket>();
  let port = 0;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const message = JSON.stringify({ event, payload });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(message);
  };
  const ctx = opts.context(emit);
  let uploadDir: string | null = null;
  const uploads = () => (uploadDir ??= uploadsDir(ctx.workspace.dir));

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const hostOk = (req: IncomingMessage) => allowedHosts().has(req.headers.host ?? '');
  const originOk = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    return origin === undefined || [...allowedHosts()].some((h) => origin === `http://${h}`);
  };
  const tokenOk = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    if (!hostOk(req) || !originOk(req)) {
      json(res, 403, err('FORBIDDEN', 'Host or Origin not allowed.'));
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        json(res, 405, err('INVALID_INPUT', 'Method not allowed.'));
        return;
      }
      serveStatic(rendererDir, url.pathname, res, SECURITY_HEADERS);
      return;
    }
    const auth = req.headers.authorization;
    if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : null)) {
      json(res, 401, err('FORBIDDEN', 'Missing or wrong access token.'));
      return;
    }
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      const name = url.searchParams.get('name') ?? 'upload';
      receiveUpload(req, uploads(), name)
        .then((path) => json(res, 200, ok({ path })))
        .catch((e: Error) => json(res, 500, err('INTERNAL', `The upload failed: ${e.message}`)));
      return;
    }
    const match = /^\/api\/ipc\/([^/]+)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') {
      json(res, 404, err('NOT_FOUND', 'No such API route.'));
      return;
    }
    const channel = decodeURIComponent(match[1]!);
    readBody(req, maxInputBytes(channel))
      .then(async (body) => {
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body);
        } catch {
          json(res, 400, err('INVALID_INPUT', 'Body is not valid JSON.'));
          return;
        }
        json(res, 200, await dispatch(opts.handlers, channel, input, ctx));
      })
      .catch((e: Error) => json(res, 413, err('INVALID_INPUT', e.message)));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/api/events' || !hostOk(req) || !originOk(req) || !tokenOk(url.searchParams.get('token'))) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: async () => {
      for (const s of sockets) s.terminate();
      wss.close();
      // Keep-alive connections from an open browser tab would hold close() open indefinitely.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Reads a request body up to `limit` bytes. Past the limit the rest is drained and discarded (so
 * the client reliably receives the 413 answer rather than a reset connection), up to a hard cap.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const hardCap = 64 * limit;
  return new Promise((resolveBody, reject) => {
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > hardCap) {
        req.destroy();
        return;
      }
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new Error(`Request body larger than ${limit} bytes.`)) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

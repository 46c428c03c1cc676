import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// Types only: nothing here loads Electron, so tests serve the built renderer through the real
// handler under plain Node (Request and Response are Node globals) and check what it refuses.

/**
 * The app's own scheme. The renderer is served from app://yardstick/ rather than file://: a
 * file:// page has an opaque origin, so module Web Workers (the Scenarios page's Monte Carlo),
 * `'self'` in the CSP and origin checks all misbehave, and every other file on the disk shares
 * the page's scheme. A privileged standard, secure scheme gives the page a real origin of its own.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'yardstick';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads; hash routes (#/explore) follow it. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The privileges the scheme is registered with; `registerSchemesAsPrivileged` takes them before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  // Off on purpose: the app has no service worker, and does not need CSP bypassing or CORS from elsewhere.
  allowServiceWorkers: false,
  bypassCSP: false,
  corsEnabled: false,
  stream: false,
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Whether a parsed URL is on app://yardstick. Compared by hand: WHATWG URL gives a non-special
 * scheme an opaque origin ("null") and keeps its host's case, which Chromium lower-cases for a
 * standard scheme before the app sees it.
 */
export function isAppSchemeUrl(parsed: URL): boolean {
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * The file under `root` that an app:// URL names, or null. Only GET-able paths on our own host;
 * `..` segments, encoded separators and anything that resolves outside `root` are refused, so
 * the scheme can never read another file on the disk.
 */
export function appAssetPath(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isAppSchemeUrl(parsed)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // An encoded "/" or "\" (or a NUL) inside a segment is a way round the URL parser's own dot-segment removal.
  if (/[\\\0]/.test(path) || parsed.pathname.toLowerCase().includes('%2f') || parsed.pathname.toLowerCase().includes('%5c')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  return isInside(base, file) ? file : null;
}

function isInside(base: string, file: string): boolean {
  const rel = relative(base, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..');
}

/** Headers on every file the scheme serves: the type set by us (modules need a JS type), never sniffed, never framed. */
export function appAssetHeaders(file: string): Record<string, string> {
  return {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    // index.html's meta CSP carries the policy; frame-ancestors works only as a header.
    'content-security-policy': "frame-ancestors 'none'",
    'cache-control': 'no-cache',
  };
}

/** Serves the built renderer for app:// requests: the file, or a plain 404/405 for anything else. */
export function appProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const file = appAssetPath(request.url, root);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      // A symbolic link inside the folder must not lead out of it either.
      if (!isInside(await realpath(root), await realpath(file))) return new Response('Not found', { status: 404 });
      const info = await stat(file);
      if (!info.isFile()) return new Response('Not found', { status: 404 });
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: appAssetHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}

/** The part of Electron's `protocol` module used here (the real one satisfies it). */
export type ProtocolLike = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: typeof APP_SCHEME_PRIVILEGES }[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
};

/** Must run before the app is ready (Electron only accepts privileged schemes then). */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** Once ready: app:// answers from the built renderer folder and nothing else. */
export function serveAppScheme(protocol: Pick<ProtocolLike, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(root));
}

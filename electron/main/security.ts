import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAppSchemeUrl } from './app-protocol';

// Types only: nothing here loads Electron, so tests call these functions under plain Node with
// small fakes of the few Electron methods they use (index.ts passes in the real ones).

/**
 * The built renderer page and the preload script, beside this bundle (out/main/index.js).
 * Hazard: resolved from this module's own URL, so it must stay in the main entry's bundle; in a
 * shared chunk the paths would point elsewhere and every app URL check would fail (closed).
 */
export const RENDERER_INDEX = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
export const PRELOAD_SCRIPT = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
/** The folder app:// serves, and nothing outside it. */
export const RENDERER_ROOT = dirname(RENDERER_INDEX);

/**
 * The renderer's own page: exactly app://yardstick/index.html (any hash route; see app-protocol.ts),
 * or the dev server's origin during `npm run dev`. Compared by parsed origin and path, never by
 * prefix: a prefix test let "http://localhost:5173.evil.example" pass. No file:// URL is the app,
 * so no other file on the disk can ever be treated as the app's page.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      if (parsed.origin === new URL(devServerUrl).origin && parsed.origin !== 'null') return true;
    } catch {
      // a malformed dev server URL matches nothing
    }
  }
  return isAppSchemeUrl(parsed) && parsed.pathname === '/index.html';
}

const MAX_EXTERNAL_URL = 2048;

/**
 * The link to hand to the system browser, or null. Only http(s) with a host, no user name or
 * password (a classic way to disguise the real host), and of sane length; everything else
 * (file:, javascript:, custom schemes that launch other programs, smb:) never leaves the app.
 */
export function externalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.toString();
}

type Preventable = { preventDefault(): void };

/** The part of Electron's WebContents that hardening uses (the real one satisfies it). */
export type ContentsLike = {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: Preventable & { url: string }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/** The part of Electron's Session that hardening uses. */
export type SessionLike = {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
};

export type NavigationPolicy = { devServerUrl: string | undefined; openExternal: (url: string) => unknown };

/**
 * Hardens one web contents: navigation and redirects stay on the app's own page (anything else is
 * stopped; an http(s) link opens in the system browser instead), every window.open is denied
 * (same rule for the link), and <webview> can never be attached.
 */
export function guardContents(contents: ContentsLike, policy: NavigationPolicy): void {
  const isApp = (url: string) => isAppUrl(url, policy.devServerUrl);
  const sendOut = (url: string) => {
    const safe = externalUrl(url);
    if (safe) void policy.openExternal(safe);
  };
  contents.on('will-navigate', (event, url) => {
    if (isApp(url)) return;
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isApp(url)) event.preventDefault();
  });
  // Sub-frames too (the app has none; a frame the CSP somehow let in must not navigate either).
  contents.on('will-frame-navigate', (event) => {
    if (!isApp(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The app never opens a second window, so even its own URL is refused here.
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
}

/** Permissions the app's own page may have: full screen, for presenting a deck. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

/** Whether a URL or bare origin is the app's own (app://yardstick, or the dev server's). */
function isAppOrigin(urlOrOrigin: string, devServerUrl: string | undefined): boolean {
  try {
    const parsed = new URL(urlOrOrigin);
    // A bare origin ("app://yardstick") has the path "", a page URL "/index.html": both are the app.
    if (isAppSchemeUrl(parsed)) return true;
    return !!devServerUrl && parsed.origin !== 'null' && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Camera, microphone, notifications, geolocation, USB, HID, serial…: refused, asked or checked.
 * The one exception is full screen, for the app's own page only (the presentation mode); any
 * other origin, or a request without one, is refused that too.
 */
export function restrictPermissions(session: SessionLike, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(APP_PERMISSIONS.has(permission) && isAppOrigin(details?.requestingUrl ?? '', devServerUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => APP_PERMISSIONS.has(permission) && isAppOrigin(requestingOrigin, devServerUrl));
  session.setDevicePermissionHandler(() => false);
}

/** Whether an IPC call comes from the app window's top frame showing the app's own page. */
export function isAppSender(
  event: { sender: unknown; senderFrame: { url: string; parent: unknown } | null | undefined },
  appContents: unknown,
  devServerUrl: string | undefined,
): boolean {
  const frame = event.senderFrame;
  return event.sender === appContents && !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl);
}

/** The Electron modules hardening needs; index.ts passes the real ones. */
export type HardeningElectron = {
  app: {
    on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): unknown;
    whenReady(): Promise<unknown>;
  };
  session: { defaultSession: SessionLike };
  shell: { openExternal(url: string): Promise<void> };
};

/** App-wide hardening: every web contents guarded as it is created; permissions restricted once ready. */
export function hardenApp(electron: HardeningElectron, devServerUrl: string | undefined): void {
  electron.app.on('web-contents-created', (_event, contents) => guardContents(contents, { devServerUrl, openExternal: (url) => electron.shell.openExternal(url) }));
  void electron.app.whenReady().then(() => restrictPermissions(electron.session.defaultSession, devServerUrl));
}

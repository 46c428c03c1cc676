import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Types only: nothing here loads Electron, so tests call these functions under plain Node with
// small fakes of the few Electron methods they use (index.ts passes in the real ones).

/**
 * The built renderer page and the preload script, beside this bundle (out/main/index.js).
 * Hazard: resolved from this module's own URL, so it must stay in the main entry's bundle; in a
 * shared chunk the paths would point elsewhere and every app URL check would fail (closed).
 */
export const RENDERER_INDEX = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
export const PRELOAD_SCRIPT = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

/**
 * The renderer's own origin: exactly the built index.html (any hash route), or the dev server's
 * origin during `npm run dev`. Compared by parsed origin and path, never by prefix: a prefix test
 * let "http://localhost:5173.evil.example" and any other file:// page pass.
 */
export function isAppUrl(url: string, devServerUrl: string | undefined, rendererIndex: string = RENDERER_INDEX): boolean {
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
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  parsed.hash = '';
  parsed.search = '';
  try {
    return resolve(fileURLToPath(parsed)) === resolve(rendererIndex);
  } catch {
    return false;
  }
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
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
};

export type NavigationPolicy = { devServerUrl: string | undefined; rendererIndex?: string; openExternal: (url: string) => unknown };

/**
 * Hardens one web contents: navigation and redirects stay on the app's own page (anything else is
 * stopped; an http(s) link opens in the system browser instead), every window.open is denied
 * (same rule for the link), and <webview> can never be attached.
 */
export function guardContents(contents: ContentsLike, policy: NavigationPolicy): void {
  const isApp = (url: string) => isAppUrl(url, policy.devServerUrl, policy.rendererIndex);
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

/** Camera, microphone, notifications, geolocation, USB, HID, serial…: refused, asked or checked. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Whether an IPC call comes from the app window's top frame showing the app's own page. */
export function isAppSender(
  event: { sender: unknown; senderFrame: { url: string; parent: unknown } | null | undefined },
  appContents: unknown,
  devServerUrl: string | undefined,
  rendererIndex: string = RENDERER_INDEX,
): boolean {
  const frame = event.senderFrame;
  return event.sender === appContents && !!frame && frame.parent === null && isAppUrl(frame.url, devServerUrl, rendererIndex);
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

/** App-wide hardening: every web contents guarded as it is created; permissions denied once ready. */
export function hardenApp(electron: HardeningElectron, devServerUrl: string | undefined): void {
  electron.app.on('web-contents-created', (_event, contents) => guardContents(contents, { devServerUrl, openExternal: (url) => electron.shell.openExternal(url) }));
  void electron.app.whenReady().then(() => denyAllPermissions(electron.session.defaultSession));
}

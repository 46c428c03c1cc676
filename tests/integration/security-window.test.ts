import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../electron/main/app-protocol';
import {
  restrictPermissions,
  externalUrl,
  guardContents,
  hardenApp,
  isAppSender,
  isAppUrl,
  PRELOAD_SCRIPT,
  RENDERER_INDEX,
  type ContentsLike,
  type SessionLike,
} from '../../electron/main/security';
import { createMainWindow, type WindowLike } from '../../electron/main/window';
import { startHost } from '../../electron/host/server';
import { makeContext } from '../../electron/main/app-context';
import { handlers } from '../../electron/main/ipc/handlers';
import { openWorkspace } from '../../electron/workspace/workspace';
import { tempDir } from '../support/temp';

// The Electron binary is not needed: window and hardening code take the few Electron objects they
// use as arguments, so these tests hand them small recording fakes and check the real options
// object and the real handlers' decisions.

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEV = 'http://localhost:5173/';
const appPage = (hash = '') => `${APP_INDEX_URL}${hash}`;

class FakeWindow implements WindowLike {
  static created: FakeWindow[] = [];
  readonly loaded: { url?: string } = {};
  shown = false;
  private readyListener: (() => void) | undefined;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListener = listener;
    return this;
  }
  show() {
    this.shown = true;
  }
  ready() {
    this.readyListener?.();
  }
  async loadURL(url: string) {
    this.loaded.url = url;
  }
}

type Listener = (...args: unknown[]) => void;
/** Records what hardening registers on a web contents, and lets the test fire those events. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (d: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true), url };
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(e, url);
    return prevented;
  };
  return {
    contents: contents as unknown as ContentsLike,
    events: () => [...listeners.keys()].sort(),
    navigate: (url: string) => fire('will-navigate', url),
    redirect: (url: string) => fire('will-redirect', url),
    frameNavigate: (url: string) => fire('will-frame-navigate', url),
    attachWebview: () => fire('will-attach-webview', ''),
    windowOpen: (url: string) => openHandler!({ url }),
  };
}

function fakeSession() {
  const handlers: { request?: Parameters<SessionLike['setPermissionRequestHandler']>[0]; check?: Parameters<SessionLike['setPermissionCheckHandler']>[0]; device?: () => boolean } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (h) => (handlers.request = h),
    setPermissionCheckHandler: (h) => (handlers.check = h),
    setDevicePermissionHandler: (h) => (handlers.device = h as () => boolean),
  };
  return { session, handlers };
}

describe('the app window', () => {
  it('is created with every security setting on, the sandboxed preload, and the app page', () => {
    FakeWindow.created = [];
    const win = createMainWindow(FakeWindow, undefined);
    expect(FakeWindow.created).toEqual([win]);
    const prefs = win.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.preload).toBe(PRELOAD_SCRIPT);
    // Nothing that widens what the page may do.
    for (const risky of ['enableBlinkFeatures', 'additionalArguments', 'session', 'partition', 'v8CacheOptions', 'enableWebSQL'] as const) expect(prefs).not.toHaveProperty(risky);
    expect(win.loaded).toEqual({ url: 'app://yardstick/index.html' });
    expect(win.shown).toBe(false);
    win.ready();
    expect(win.shown).toBe(true);
  });

  it('loads the dev server only when one is given', () => {
    const win = createMainWindow(FakeWindow, DEV);
    expect(win.loaded).toEqual({ url: DEV });
    expect(win.options.webPreferences?.sandbox).toBe(true);
  });

  it('finds its page and preload beside the built main bundle', () => {
    // In the build, security.ts must sit in out/main/index.js itself (not a chunk) for these paths.
    expect(relative(root, RENDERER_INDEX).split('\\').join('/')).toBe('electron/renderer/index.html');
    expect(relative(root, PRELOAD_SCRIPT).split('\\').join('/')).toBe('electron/preload/index.cjs');
    const bundle = join(root, 'out', 'main', 'index.js');
    if (!existsSync(bundle)) return;
    const main = readFileSync(bundle, 'utf8');
    expect(main).toContain('new URL("../renderer/index.html", import.meta.url)');
    expect(main).toContain('new URL("../preload/index.cjs", import.meta.url)');
    expect(main).toMatch(/contextIsolation: true,\s+sandbox: true,\s+nodeIntegration: false/);
    expect(existsSync(join(root, 'out', 'renderer', 'index.html'))).toBe(true);
    expect(existsSync(join(root, 'out', 'preload', 'index.cjs'))).toBe(true);
  });
});

describe('the app origin', () => {
  it('is exactly the built page on app:// (any hash route) or the dev server origin', () => {
    expect(isAppUrl(appPage(), undefined)).toBe(true);
    expect(isAppUrl(appPage('#/records?id=3'), undefined)).toBe(true);
    expect(isAppUrl(`${DEV}#/explore`, DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      // The built page itself is no longer the app when opened from the disk: only app:// is.
      pathToFileURL(RENDERER_INDEX).href,
      'app://yardstick/other.html',
      'app://yardstick/',
      'app://evil/index.html',
      'app://user:pw@yardstick/index.html',
      'app://yardstick.evil.example/index.html',
      'apps://yardstick/index.html',
      pathToFileURL(join(RENDERER_INDEX, '..', 'other.html')).href,
      pathToFileURL(join(RENDERER_INDEX, '..', '..', 'index.html')).href,
      'file://remote-host/share/index.html',
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'https://example.com/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
    // Without a dev server, the dev origin is not the app either.
    expect(isAppUrl(DEV, undefined)).toBe(false);
  });

  it('answers IPC only from the app window top frame showing the app page', () => {
    const appContents = { id: 1 };
    const top = (url: string) => ({ url, parent: null });
    expect(isAppSender({ sender: appContents, senderFrame: top(appPage('#/')) }, appContents, undefined)).toBe(true);
    expect(isAppSender({ sender: { id: 2 }, senderFrame: top(appPage()) }, appContents, undefined)).toBe(false);
    expect(isAppSender({ sender: appContents, senderFrame: { url: appPage(), parent: top(appPage()) } }, appContents, undefined)).toBe(false);
    expect(isAppSender({ sender: appContents, senderFrame: null }, appContents, undefined)).toBe(false);
    expect(isAppSender({ sender: appContents, senderFrame: top('https://evil.example/') }, appContents, undefined)).toBe(false);
    expect(isAppSender({ sender: appContents, senderFrame: top('file:///tmp/evil.html') }, appContents, undefined)).toBe(false);
    expect(isAppSender({ sender: appContents, senderFrame: top(pathToFileURL(RENDERER_INDEX).href) }, appContents, undefined)).toBe(false);
  });
});

describe('links out of the app', () => {
  it('are http(s) only, with a host and no credentials', () => {
    expect(externalUrl('https://gitlab.example/pay/app/-/merge_requests/44')).toBe('https://gitlab.example/pay/app/-/merge_requests/44');
    expect(externalUrl('http://jira.local:8080/browse/PAY-1')).toBe('http://jira.local:8080/browse/PAY-1');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'vscode://file/etc/passwd',
      'mailto:a@b.example',
      'https://user:pass@evil.example/',
      'https://trusted.example@evil.example/',
      'http://',
      `https://example.com/${'a'.repeat(3000)}`,
      'not a url',
      '',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });
});

describe('navigation and new windows', () => {
  const setup = (devServerUrl: string | undefined = undefined) => {
    const opened: string[] = [];
    const fake = fakeContents();
    guardContents(fake.contents, { devServerUrl, openExternal: (url) => opened.push(url) });
    return { ...fake, opened };
  };

  it('guards every web contents against navigation, redirects, frames, webviews and window.open', () => {
    expect(setup().events()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('lets the app page navigate within itself and stops everything else', () => {
    const g = setup(DEV);
    expect(g.navigate(appPage('#/records'))).toBe(false);
    expect(g.navigate(`${DEV}#/explore`)).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://localhost:5173.evil.example/', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(g.navigate(url), url).toBe(true);
      expect(g.redirect(url), url).toBe(true);
      expect(g.frameNavigate(url), url).toBe(true);
    }
    expect(g.redirect(appPage('#/'))).toBe(false);
    expect(g.frameNavigate(appPage())).toBe(false);
    // A stopped http(s) navigation opens in the system browser; other schemes go nowhere.
    expect(g.opened).toEqual(['https://example.com/']);
  });

  it('never attaches a webview', () => {
    expect(setup().attachWebview()).toBe(true);
  });

  it('denies every window.open, and sends validated http(s) links to the system browser', () => {
    const g = setup();
    for (const url of [appPage('#/'), 'https://docs.example/help', 'file:///etc/passwd', 'https://a:b@evil.example/', 'smb://host/x', 'about:blank']) {
      expect(g.windowOpen(url), url).toEqual({ action: 'deny' });
    }
    expect(g.opened).toEqual(['https://docs.example/help']);
  });
});

describe('permissions', () => {
  it('are denied by default: requests, checks and devices; only the app page may go full screen', () => {
    const { session, handlers } = fakeSession();
    restrictPermissions(session, DEV);
    const request = (permission: string, requestingUrl: string | undefined): boolean | undefined => {
      let granted: boolean | undefined;
      handlers.request!({}, permission, (g) => (granted = g), requestingUrl === undefined ? {} : { requestingUrl });
      return granted;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'midiSysex', 'fileSystem', 'pointerLock', 'unknown']) {
      expect(request(permission, appPage('#/present')), permission).toBe(false);
      expect(handlers.check!({}, permission, 'app://yardstick'), permission).toBe(false);
    }
    expect(request('fullscreen', appPage('#/present'))).toBe(true);
    expect(request('fullscreen', `${DEV}#/present`)).toBe(true);
    expect(handlers.check!({}, 'fullscreen', 'app://yardstick')).toBe(true);
    for (const other of ['https://evil.example/', pathToFileURL(RENDERER_INDEX).href, 'app://evil/index.html', 'null', '', 'data:text/html,x']) {
      expect(request('fullscreen', other), other).toBe(false);
      expect(handlers.check!({}, 'fullscreen', other), other).toBe(false);
    }
    expect(request('fullscreen', undefined)).toBe(false);
    expect(handlers.device!()).toBe(false);
  });

  it('hardenApp wires all of it: every new web contents guarded, permissions denied once ready', async () => {
    let created: ((event: unknown, contents: ContentsLike) => void) | undefined;
    const { session, handlers } = fakeSession();
    const opened: string[] = [];
    hardenApp(
      {
        app: { on: (_event, listener) => (created = listener), whenReady: () => Promise.resolve() },
        session: { defaultSession: session },
        shell: { openExternal: async (url) => void opened.push(url) },
      },
      undefined,
    );
    const fake = fakeContents();
    created!({}, fake.contents);
    expect(fake.navigate('https://example.com/x')).toBe(true);
    expect(fake.windowOpen('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/x']);
    await Promise.resolve();
    await Promise.resolve();
    expect(handlers.request).toBeTypeOf('function');
    expect(handlers.check!({}, 'media', 'app://yardstick')).toBe(false);
  });
});

/** Directives of a CSP string, lower-cased, with their sources. */
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!.toLowerCase(), sources]));

/** Why a CSP is not strict enough for this app, or nothing. */
function cspProblems(csp: string): string[] {
  const d = directives(csp);
  const problems: string[] = [];
  const def = d.get('default-src');
  if (!def || !def.every((s) => s === "'self'" || s === "'none'")) problems.push(`default-src must be 'self' or 'none' (got ${def?.join(' ')})`);
  const script = d.get('script-src') ?? def ?? [];
  if (!script.every((s) => s === "'self'" || s === "'none'")) problems.push(`script-src allows more than the app's own files: ${script.join(' ')}`);
  if (d.get('object-src')?.join(' ') !== "'none'") problems.push("object-src must be 'none'");
  if (!["'none'", "'self'"].includes(d.get('base-uri')?.join(' ') ?? '')) problems.push("base-uri must be 'none' or 'self'");
  for (const [name, sources] of d) {
    for (const s of sources) {
      if (s === '*' || s === 'http:' || s === 'https:' || s === 'ws:' || s === 'wss:' || s === "'unsafe-eval'" || s === "'unsafe-hashes'") problems.push(`${name} allows ${s}`);
      if (/^(https?|wss?):\/\//.test(s) && !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+|:\*)?$/.test(s)) problems.push(`${name} allows a remote host: ${s}`);
    }
  }
  for (const name of ['frame-src', 'child-src', 'worker-src']) {
    const sources = d.get(name);
    if (sources && !sources.every((s) => s === "'self'" || s === "'none'" || s === 'blob:')) problems.push(`${name} allows ${sources.join(' ')}`);
  }
  return problems;
}

const metaCsp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

describe('the Content-Security-Policy', () => {
  it('catches loose policies (a check of the check)', () => {
    expect(cspProblems("default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'")).toEqual([]);
    expect(cspProblems("default-src *; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'").length).toBeGreaterThan(1);
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'")).toHaveLength(1);
    expect(cspProblems("default-src 'self'; connect-src 'self' https://api.example; object-src 'none'; base-uri 'none'")).toHaveLength(1);
    expect(cspProblems("default-src 'self'")).toHaveLength(2);
  });

  it('of the renderer page is strict: own scripts only, no plugins, no base, loopback connections only', () => {
    const csp = metaCsp(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'));
    expect(csp).toBeDefined();
    expect(cspProblems(csp!)).toEqual([]);
    // Inline styles are accepted: the grid and chart libraries set style attributes at run time.
    expect(directives(csp!).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('of the built page is the same strict policy (the dev-only relaxation is not in the build)', () => {
    const built = join(root, 'out', 'renderer', 'index.html');
    if (!existsSync(built)) return;
    const csp = metaCsp(readFileSync(built, 'utf8'));
    expect(csp).toBeDefined();
    expect(cspProblems(csp!)).toEqual([]);
  });

  it('of the browser host is strict too, and also forbids framing', async () => {
    const t = tempDir();
    const ws = openWorkspace(join(t.dir, 'ws'), { create: true });
    const host = await startHost({ handlers, rendererDir: t.dir, context: (emit) => makeContext('browser', ws, emit) });
    try {
      const res = await fetch(`http://127.0.0.1:${host.port}/`);
      const csp = res.headers.get('content-security-policy');
      expect(csp).toBeTruthy();
      expect(cspProblems(csp!)).toEqual([]);
      expect(directives(csp!).get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await host.close();
      ws.close();
      t.cleanup();
    }
  });
});

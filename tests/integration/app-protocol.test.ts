import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appAssetPath, appProtocolHandler, registerAppScheme, serveAppScheme } from '../../electron/main/app-protocol';
import { tempDir } from '../support/temp';

// The app:// handler is the one Electron calls; Request and Response are Node's own, so it runs
// here against real files: a small renderer folder with a secret file beside it.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function rendererFolder() {
  const temp = tempDir('app-protocol-');
  cleanups.push(temp.cleanup);
  const base = temp.dir;
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Yardstick</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'monte-carlo.worker-def.js'), 'self.onmessage = () => {};');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'token=glpat-secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  return { base, root };
}

const get = (handler: (r: Request) => Promise<Response>, url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('serves the built page and its assets with their own types, never sniffed or framed', async () => {
    const { root } = rendererFolder();
    const handler = appProtocolHandler(root);
    const page = await get(handler, APP_INDEX_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(await page.text()).toContain('<title>Yardstick</title>');
    // Module scripts and module workers are refused by Chromium unless served as JavaScript.
    for (const asset of ['assets/index-abc.js', 'assets/monte-carlo.worker-def.js']) {
      const res = await get(handler, `app://yardstick/${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-type'), asset).toBe('text/javascript; charset=utf-8');
    }
    expect((await get(handler, 'app://yardstick/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await (await get(handler, 'app://yardstick/')).text()).toContain('Yardstick');
    // A hash route never reaches the handler as part of the path.
    expect((await get(handler, `${APP_INDEX_URL}#/explore`)).status).toBe(200);
    const head = await get(handler, APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never reads outside the renderer folder', async () => {
    const { root } = rendererFolder();
    const handler = appProtocolHandler(root);
    for (const url of [
      'app://yardstick/../secret.txt',
      'app://yardstick/assets/../../secret.txt',
      'app://yardstick/%2e%2e/secret.txt',
      'app://yardstick/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://yardstick/..%2fsecret.txt',
      'app://yardstick/..%5csecret.txt',
      'app://yardstick/assets%00/index-abc.js',
      'app://yardstick/%E0%A4%A',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'app://yardstick/assets',
      'app://yardstick/missing.js',
      'app://yardstick/assets/link.txt',
    ]) {
      const res = await get(handler, url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('glpat');
    }
    // Only reads: nothing on the scheme accepts a write.
    expect((await get(handler, APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('maps URLs to paths inside the root only', () => {
    const root = '/opt/yardstick/renderer';
    expect(appAssetPath('app://yardstick/index.html', root)).toBe('/opt/yardstick/renderer/index.html');
    expect(appAssetPath('app://yardstick/assets/a%20b.js', root)).toBe('/opt/yardstick/renderer/assets/a b.js');
    expect(appAssetPath('app://user:pw@yardstick/index.html', root)).toBeNull();
    expect(appAssetPath('app://YARDSTICK/index.html', root)).toBe('/opt/yardstick/renderer/index.html');
    // Dot segments are removed by the URL parser (as by Chromium) before the path is mapped: they stay inside.
    expect(appAssetPath('app://yardstick/../x', root)).toBe('/opt/yardstick/renderer/x');
    expect(appAssetPath('app://yardstick/assets/%2e%2e/%2e%2e/x', root)).toBe('/opt/yardstick/renderer/x');
    for (const bad of ['app://yardstick/..%2fx', 'app://yardstick/a%5c..%5c..%5cx', 'app://y/index.html', 'http://yardstick/index.html', 'not a url']) expect(appAssetPath(bad, root), bad).toBeNull();
  });

  it('serves the real built renderer, worker included, when the app has been built', async () => {
    const root = join(process.cwd(), 'out', 'renderer');
    let html: string;
    try {
      html = readFileSync(join(root, 'index.html'), 'utf8');
    } catch {
      return; // not built in this run; the suite builds before the integration tests
    }
    const handler = appProtocolHandler(root);
    const scripts = [...html.matchAll(/src="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const res = await get(handler, `app://yardstick/${script}`);
      expect(res.status, script).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      // The scenarios worker is a module file of its own, loaded from the same origin.
      const body = await res.text();
      const worker = /monte-carlo\.worker-[\w-]+\.js/.exec(body)?.[0];
      if (worker) expect((await get(handler, `app://yardstick/assets/${worker}`)).status).toBe(200);
    }
  });

  it('is registered as a privileged standard, secure scheme before ready, and handled once ready', () => {
    const registered: unknown[] = [];
    const handled: string[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    serveAppScheme({ handle: (scheme) => void handled.push(scheme) }, '/nowhere');
    expect(registered).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
    expect(handled).toEqual(['app']);
  });
});

import { request } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type Host } from '../../electron/host/server';
import { handlers } from '../../electron/main/ipc/handlers';
import { makeContext } from '../../electron/main/app-context';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { tempDir } from '../support/temp';

let host: Host;
let ws: Workspace;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const renderer = join(t.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Yardstick</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'outside the renderer');
  ws = openWorkspace(join(t.dir, 'ws'), { create: true, initialSettings: { name: 'Host test' } });
  host = await startHost({ handlers, rendererDir: renderer, context: (emit) => ({ ...makeContext('browser', ws, emit), version: '9.9.9' }) });
});
afterAll(async () => {
  await host.close();
  ws.close();
  cleanup();
});

type Reply = { status: number; body: string; headers: Record<string, string | string[] | undefined> };
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
const ipc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/ipc/${encodeURIComponent(channel)}`, { method: 'POST', headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a link that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers a channel through the same handler map, in a Result envelope', async () => {
    const reply = await ipc('app:get-info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { name: 'Yardstick', version: '9.9.9', host: 'browser', workspaceName: 'Host test' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    expect((await ipc('app:get-info', {}, { authorization: '' })).status).toBe(401);
    expect((await ipc('app:get-info', {}, { authorization: `Bearer ${'0'.repeat(48)}` })).status).toBe(401);
  });

  it('refuses other Host and Origin headers (DNS rebinding)', async () => {
    expect((await ipc('app:get-info', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await ipc('app:get-info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await ipc('app:get-info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('validates input: unknown channels, wrong types and oversized bodies get INVALID_INPUT', async () => {
    expect(JSON.parse((await ipc('app:format-disk', {})).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await ipc('demo:create', { scale: 'lots' })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.parse((await ipc('app:get-info', { extra: true })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const big = await ipc('app:get-info', { pad: 'x'.repeat(2_000_000) });
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notJson = await send('/api/ipc/app:get-info', { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{nope' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Yardstick</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send('/assets/app.js')).body).toBe('console.log(1)');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect((await send(path)).body).not.toContain('outside the renderer');
    }
  });

  it('opens the event socket only with the token', async () => {
    const opened = (url: string) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('open', () => {
          socket.close();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await opened(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`)).toBe(true);
    expect(await opened(`ws://127.0.0.1:${host.port}/api/events?token=wrong`)).toBe(false);
  });
});

describe('browser host uploads', () => {
  it('stores an upload under its own name only with the token, and refuses it without', async () => {
    const denied = await send('/api/upload?name=usage.csv', { method: 'POST', body: 'a,b\n1,2\n' });
    expect(denied.status).toBe(401);
    const reply = await send(`/api/upload?name=${encodeURIComponent('../../evil name.csv')}`, { method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: 'a,b\n1,2\n' });
    const result = JSON.parse(reply.body) as { ok: boolean; data: { path: string } };
    expect(result.ok).toBe(true);
    // The user's file name is kept (made safe) inside the workspace's uploads folder.
    // One folder per upload, directly inside uploads/: the name's slashes cannot climb out.
    expect(dirname(dirname(result.data.path))).toBe(join(ws.dir, 'uploads'));
    expect(basename(result.data.path)).toMatch(/evil name\.csv$/);
    expect(readFileSync(result.data.path, 'utf8')).toBe('a,b\n1,2\n');
  });
});

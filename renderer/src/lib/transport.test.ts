import { describe, expect, it, vi } from 'vitest';
import type { YardstickBridge } from './bridge';
import type { UploadRequest } from './file-access';
import { IpcError } from './ipc-error';
import { MISSING_TOKEN_MESSAGE, eventsUrl, selectTransport, type FetchLike, type TransportEnvironment } from './transport';

type FetchCall = { url: string; init: Parameters<FetchLike>[1] };

function environment(options: { hash?: string; bridge?: YardstickBridge; respond?: () => Promise<{ status: number; body: string }> }) {
  const calls: FetchCall[] = [];
  const sockets: string[] = [];
  const replaced: string[] = [];
  const uploads: UploadRequest[] = [];
  const env: TransportEnvironment = {
    bridge: options.bridge,
    location: { hash: options.hash ?? '', pathname: '/', search: '', protocol: 'http:', host: '127.0.0.1:4321' },
    history: { state: null, replaceState: (_d, _u, url) => replaced.push(url ?? '') },
    storage: null,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const { status, body } = await (options.respond ?? (() => Promise.resolve({ status: 200, body: '{"ok":true,"data":{}}' })))();
      return { status, statusText: status === 200 ? 'OK' : 'Error', text: () => Promise.resolve(body) };
    },
    upload: (request) => {
      uploads.push(request);
      return Promise.resolve({ status: 200, statusText: 'OK', text: '{"ok":true,"data":{"path":"/tmp/up/a.csv"}}' });
    },
    openSocket: (url) => {
      sockets.push(url);
      return { close: () => undefined };
    },
    timers: { set: () => 0, clear: () => undefined },
  };
  return { env, calls, sockets, replaced, uploads };
}

describe('selectTransport', () => {
  it('uses the preload bridge in Electron', async () => {
    const bridge: YardstickBridge = { invoke: vi.fn(() => Promise.resolve({ ok: true as const, data: 1 })), on: vi.fn(() => () => undefined) };
    const { env, calls } = environment({ bridge, hash: '#token=ignored' });
    const transport = selectTransport(env);
    expect(transport.kind).toBe('electron');
    await expect(transport.invoke('app:get-info', {})).resolves.toEqual({ ok: true, data: 1 });
    expect(bridge.invoke).toHaveBeenCalledWith('app:get-info', {});
    expect(calls).toHaveLength(0);
  });

  it('reads file paths through the bridge in Electron and uploads files in the browser', async () => {
    const bridge: YardstickBridge = { invoke: vi.fn(), on: vi.fn(), pathForFile: () => '/home/mia/a.csv' };
    const electron = environment({ bridge });
    await expect(selectTransport(electron.env).files.pathFor(new File(['x'], 'a.csv'))).resolves.toBe('/home/mia/a.csv');
    expect(electron.uploads).toHaveLength(0);
    const browser = environment({ hash: '#token=s3cret' });
    await expect(selectTransport(browser.env).files.pathFor(new File(['x'], 'a.csv'))).resolves.toBe('/tmp/up/a.csv');
    expect(browser.uploads[0]).toMatchObject({ url: '/api/upload?name=a.csv', token: 's3cret' });
    await expect(selectTransport(environment({}).env).files.pathFor(new File(['x'], 'a.csv'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('turns a rejecting bridge into an UNAVAILABLE IpcError', async () => {
    const bridge: YardstickBridge = { invoke: () => Promise.reject(new Error('gone')), on: () => () => undefined };
    await expect(selectTransport(environment({ bridge }).env).invoke('app:get-info', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('posts to the browser host with the bearer token from the link', async () => {
    const { env, calls, replaced } = environment({ hash: '#token=s3cret' });
    const transport = selectTransport(env);
    expect(transport.kind).toBe('browser');
    expect(replaced).toEqual(['/']);
    await expect(transport.invoke('metrics:get-overview', { period: { from: '2026-07-01', to: '2026-09-30' } })).resolves.toEqual({ ok: true, data: {} });
    expect(calls[0]?.url).toBe('/api/ipc/metrics%3Aget-overview');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers.Authorization).toBe('Bearer s3cret');
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ period: { from: '2026-07-01', to: '2026-09-30' } });
  });

  it('opens the event socket with the token only when someone subscribes', () => {
    const { env, sockets } = environment({ hash: '#token=a b' });
    const transport = selectTransport(env);
    expect(sockets).toEqual([]);
    transport.on('workspace:data-changed', () => undefined);
    expect(sockets).toEqual(['ws://127.0.0.1:4321/api/events?token=a%20b']);
  });

  it('passes an error envelope on, whatever the HTTP status', async () => {
    const { env } = environment({ hash: '#token=t', respond: () => Promise.resolve({ status: 403, body: '{"ok":false,"error":{"code":"FORBIDDEN","message":"bad token"}}' }) });
    await expect(selectTransport(env).invoke('app:get-info', {})).resolves.toMatchObject({ ok: false });
  });

  it('reports a host that answers without an envelope, and one that cannot be reached', async () => {
    const html = environment({ hash: '#token=t', respond: () => Promise.resolve({ status: 401, body: '<html>' }) });
    await expect(selectTransport(html.env).invoke('app:get-info', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const down = environment({ hash: '#token=t', respond: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(selectTransport(down.env).invoke('app:get-info', {})).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('fails every call clearly when the page was opened without the token', async () => {
    const { env, calls } = environment({ hash: '#/overview' });
    const transport = selectTransport(env);
    const failure = transport.invoke('app:get-info', {});
    await expect(failure).rejects.toBeInstanceOf(IpcError);
    await expect(failure).rejects.toMatchObject({ code: 'FORBIDDEN', message: MISSING_TOKEN_MESSAGE });
    expect(calls).toHaveLength(0);
    expect(typeof transport.on('job:progress', () => undefined)).toBe('function');
  });
});

describe('eventsUrl', () => {
  it('follows the page scheme', () => {
    expect(eventsUrl({ protocol: 'https:', host: 'h:1' }, 't')).toBe('wss://h:1/api/events?token=t');
  });
});

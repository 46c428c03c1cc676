import { describe, expect, it } from 'vitest';
import type { YardstickBridge } from './bridge';
import { createBrowserFileAccess, createElectronFileAccess, uploadUrl, uploadedPath, type UploadRequest } from './file-access';
import { IpcError } from './ipc-error';

const bridge = (pathForFile?: (file: File) => string): YardstickBridge => ({
  invoke: () => Promise.resolve({ ok: true, data: null }),
  on: () => () => undefined,
  ...(pathForFile === undefined ? {} : { pathForFile }),
});

const file = (name = 'billing 09/2026.csv', body = 'date,amount\n') => new File([body], name);

describe('createElectronFileAccess', () => {
  it('answers with the path the preload reads from the File', async () => {
    await expect(createElectronFileAccess(bridge(() => '/home/mia/billing.csv')).pathFor(file())).resolves.toBe('/home/mia/billing.csv');
  });

  it('refuses a File that is not on disk and a preload without the function', async () => {
    await expect(createElectronFileAccess(bridge(() => '')).pathFor(file('x.csv'))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('x.csv is not a file on disk') });
    await expect(createElectronFileAccess(bridge()).pathFor(file())).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('createBrowserFileAccess', () => {
  it('uploads the raw file with the token and reports progress', async () => {
    const requests: UploadRequest[] = [];
    const seen: number[] = [];
    const access = createBrowserFileAccess({
      token: 's3cret',
      upload: (request) => {
        requests.push(request);
        request.onProgress(6, 12);
        return Promise.resolve({ status: 200, statusText: 'OK', text: '{"ok":true,"data":{"path":"/tmp/uploads/1/billing.csv"}}' });
      },
    });
    const upload = file();
    await expect(access.pathFor(upload, (loaded) => seen.push(loaded))).resolves.toBe('/tmp/uploads/1/billing.csv');
    expect(requests[0]).toMatchObject({ url: '/api/upload?name=billing%2009%2F2026.csv', token: 's3cret', body: upload });
    expect(seen).toEqual([6]);
  });

  it('says CANCELLED when the upload was stopped on purpose', async () => {
    const controller = new AbortController();
    const access = createBrowserFileAccess({
      token: 't',
      upload: (request) => {
        expect(request.signal).toBe(controller.signal);
        controller.abort();
        return Promise.reject(new Error('upload aborted'));
      },
    });
    await expect(access.pathFor(file(), undefined, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('turns a host that cannot be reached into UNAVAILABLE', async () => {
    const access = createBrowserFileAccess({ token: 't', upload: () => Promise.reject(new Error('network error')) });
    await expect(access.pathFor(file())).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('uploadedPath', () => {
  it('passes the envelope’s error on with its code', () => {
    const refuse = () => uploadedPath('big.csv', { status: 413, statusText: 'Too Large', text: '{"ok":false,"error":{"code":"INVALID_INPUT","message":"The file is larger than 4 GB."}}' });
    expect(refuse).toThrow(IpcError);
    expect(refuse).toThrow('The file is larger than 4 GB.');
  });

  it('reports answers without an envelope or without a path', () => {
    expect(() => uploadedPath('a.csv', { status: 401, statusText: 'Unauthorized', text: '<html>' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => uploadedPath('a.csv', { status: 200, statusText: 'OK', text: '{"ok":true,"data":{}}' })).toThrow('carried no path');
    expect(() => uploadedPath('a.csv', { status: 200, statusText: 'OK', text: '[1]' })).toThrow('not a result envelope');
  });
});

describe('uploadUrl', () => {
  it('encodes the name', () => {
    expect(uploadUrl('a&b.csv')).toBe('/api/upload?name=a%26b.csv');
  });
});

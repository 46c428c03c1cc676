import { describe, expect, it } from 'vitest';
import { IpcError } from './ipc-error';
import { parseEventPayload, unwrapEnvelope } from './ipc-envelope';

const appInfo = {
  name: 'Yardstick',
  version: '0.1.0',
  build: { commit: 'abc1234', date: '2026-01-01T00:00:00.000Z' },
  host: 'browser',
  workspaceDir: '/tmp/ws',
  workspaceName: 'Acme',
  isDemo: true,
  currency: 'GBP',
  peopleViewsEnabled: false,
};

describe('unwrapEnvelope', () => {
  it('returns the data of a successful result, checked against the contract', () => {
    expect(unwrapEnvelope('app:get-info', { ok: true, data: appInfo })).toEqual(appInfo);
  });

  it('throws the envelope error with its code and message', () => {
    const call = () => unwrapEnvelope('app:get-info', { ok: false, error: { code: 'BUSY', message: 'A sync is running.', details: { jobId: 'j1' } } });
    expect(call).toThrow(IpcError);
    expect(call).toThrow(expect.objectContaining({ code: 'BUSY', message: 'A sync is running.', details: { jobId: 'j1' } }));
  });

  it('treats data that breaks the contract as a clear INTERNAL error naming the field', () => {
    const call = () => unwrapEnvelope('app:get-info', { ok: true, data: { ...appInfo, isDemo: 'yes' } });
    expect(call).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(call).toThrow(/app:get-info did not match the contract \(isDemo:/);
  });

  it('rejects answers that are not envelopes, and errors with unknown codes', () => {
    expect(() => unwrapEnvelope('app:get-info', appInfo)).toThrow(/not a result envelope/);
    expect(() => unwrapEnvelope('app:get-info', null)).toThrow(IpcError);
    expect(() => unwrapEnvelope('app:get-info', { ok: false, error: { code: 'TEAPOT', message: 'short and stout' } })).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: 'short and stout' }),
    );
  });
});

describe('parseEventPayload', () => {
  it('validates payloads and applies schema defaults', () => {
    expect(parseEventPayload('workspace:data-changed', { tables: ['runs'] })).toEqual({ tables: ['runs'] });
    expect(parseEventPayload('workspace:data-changed', { tables: 'runs' })).toBeNull();
    expect(parseEventPayload('job:progress', { jobId: 'j', kind: 'demo', step: 'runs', done: 1, total: null })).toMatchObject({ finished: false });
  });
});

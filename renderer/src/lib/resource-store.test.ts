import { describe, expect, it } from 'vitest';
import { createResource } from './resource-store';
import { IpcError } from './ipc-error';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function harness() {
  const pending: ReturnType<typeof deferred<number>>[] = [];
  let changed: (() => void) | null = null;
  let subscriptions = 0;
  const resource = createResource(
    () => {
      const d = deferred<number>();
      pending.push(d);
      return d.promise;
    },
    (cb) => {
      subscriptions += 1;
      changed = cb;
      return () => {
        subscriptions -= 1;
        changed = null;
      };
    },
  );
  return { resource, pending, fireChange: () => changed?.(), subscriptions: () => subscriptions };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createResource', () => {
  it('loads on watch, then keeps figures on screen while refreshing on data changes', async () => {
    const { resource, pending, fireChange } = harness();
    const stop = resource.watch();
    expect(resource.useStore.getState().status).toBe('loading');
    pending[0]?.resolve(1);
    await flush();
    expect(resource.useStore.getState()).toMatchObject({ status: 'ready', data: 1, refreshing: false });
    fireChange();
    expect(resource.useStore.getState()).toMatchObject({ status: 'ready', data: 1, refreshing: true });
    pending[1]?.resolve(2);
    await flush();
    expect(resource.useStore.getState()).toMatchObject({ data: 2, refreshing: false });
    stop();
  });

  it('lets only the newest request write', async () => {
    const { resource, pending } = harness();
    void resource.useStore.getState().load();
    void resource.useStore.getState().load();
    pending[1]?.resolve(2);
    await flush();
    pending[0]?.resolve(1);
    await flush();
    expect(resource.useStore.getState().data).toBe(2);
  });

  it('shows the error message and drops stale figures on failure', async () => {
    const { resource, pending } = harness();
    void resource.useStore.getState().load();
    pending[0]?.resolve(1);
    await flush();
    void resource.useStore.getState().load();
    pending[1]?.reject(new IpcError('UNAVAILABLE', 'Host gone.'));
    await flush();
    expect(resource.useStore.getState()).toMatchObject({ status: 'error', data: null, error: 'Host gone.' });
  });

  it('subscribes once however many views watch, and unsubscribes after the last', () => {
    const { resource, subscriptions } = harness();
    const stopA = resource.watch();
    const stopB = resource.watch();
    expect(subscriptions()).toBe(1);
    stopA();
    stopA();
    expect(subscriptions()).toBe(1);
    stopB();
    expect(subscriptions()).toBe(0);
  });
});

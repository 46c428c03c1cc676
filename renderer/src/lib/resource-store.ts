import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { on } from './ipc';
import { errorMessage } from './ipc-error';

export type ResourceState<T> = {
  /** 'loading' only for the first load; later refreshes keep the figures on screen and set `refreshing`. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
  refreshing: boolean;
  load(): Promise<void>;
};

export type Resource<T> = {
  useStore: UseBoundStore<StoreApi<ResourceState<T>>>;
  /** Loads now and again whenever the workspace's data changes; returns the stop function (for useEffect). */
  watch(): () => void;
};

type Subscribe = (cb: () => void) => () => void;

const onDataChanged: Subscribe = (cb) => on('workspace:data-changed', () => cb());

/**
 * A value fetched from main and kept current. Holds session state about a query (its answer, whether
 * it is loading, its error), not a copy of tables. Overlapping loads resolve in order: only the
 * newest request may write, so a slow stale answer never overwrites a fresh one.
 */
export function createResource<T>(fetch: () => Promise<T>, subscribe: Subscribe = onDataChanged): Resource<T> {
  let latestRequest = 0;
  const useStore = create<ResourceState<T>>()((set, get) => ({
    status: 'idle',
    data: null,
    error: null,
    refreshing: false,
    load: async () => {
      latestRequest += 1;
      const request = latestRequest;
      if (get().data === null) set({ status: 'loading', error: null });
      else set({ refreshing: true });
      try {
        const data = await fetch();
        if (request === latestRequest) set({ status: 'ready', data, error: null, refreshing: false });
      } catch (error) {
        // Stale figures are dropped on failure: a planning meeting must not read old numbers as current.
        if (request === latestRequest) set({ status: 'error', data: null, error: errorMessage(error), refreshing: false });
      }
    },
  }));

  let watchers = 0;
  let unsubscribe: (() => void) | null = null;
  const watch = (): (() => void) => {
    watchers += 1;
    if (watchers === 1) unsubscribe = subscribe(() => void useStore.getState().load());
    void useStore.getState().load();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      watchers -= 1;
      if (watchers === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  };

  return { useStore, watch };
}

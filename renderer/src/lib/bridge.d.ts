import type { Result } from '../../../shared/ipc/result';

/** What electron/preload exposes on `window.yardstick`: an allowlisted, envelope-returning bridge. */
export type YardstickBridge = {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to a main-process event; returns the unsubscribe. */
  on(event: string, cb: (payload: unknown) => void): () => void;
};

declare global {
  // Global augmentation only merges with an interface, so this one place cannot be a `type`.
  interface Window {
    /** Present in Electron only; absent when the renderer is served by `yardstick serve`. */
    yardstick?: YardstickBridge;
  }
}

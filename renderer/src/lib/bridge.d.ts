import type { Result } from '../../../shared/ipc/result';

/** What electron/preload exposes on `window.yardstick`: an allowlisted, envelope-returning bridge. */
export type YardstickBridge = {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to a main-process event; returns the unsubscribe. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  /**
   * The local path of a dropped or chosen file (Electron's webUtils.getPathForFile); "" for a File
   * that is not backed by a file on disk. Optional: a preload from before imports lacks it.
   */
  pathForFile?(file: File): string;
};

declare global {
  /** Present in Electron only (as window.yardstick); absent when the renderer is served by `yardstick serve`. */
  var yardstick: YardstickBridge | undefined;
}

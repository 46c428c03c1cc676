import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENTS } from '../../shared/ipc/channels';

// Sandboxed preload: the only door between the renderer and main. It forwards allowlisted
// channels and events, nothing else, and never hands the Electron event object to the page.
const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('yardstick', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `Unknown channel "${channel}".` } });
    return ipcRenderer.invoke(channel, input);
  },
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event "${event}".`);
    const listener = (_e: IpcRendererEvent, payload: unknown) => cb(payload);
    ipcRenderer.on(event, listener);
    return () => ipcRenderer.removeListener(event, listener);
  },
  /** The path of a file the user dropped or chose (the renderer never sees paths otherwise). */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
});

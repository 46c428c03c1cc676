import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_INDEX_URL } from './app-protocol';
import { PRELOAD_SCRIPT } from './security';

/** The part of a BrowserWindow this module uses (the real one satisfies it). */
export type WindowLike = {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
};

/**
 * Creates the app window. The BrowserWindow class is passed in (index.ts gives Electron's), so a
 * test can construct it with a fake and assert the real options. The web preferences are written
 * out here literally, at the constructor call, so security scanners can read every one of them.
 */
export function createMainWindow<W extends WindowLike>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, devServerUrl: string | undefined): W {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Yardstick',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      preload: PRELOAD_SCRIPT,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The built page comes from the app's own scheme (app-protocol.ts), never from file://.
  void win.loadURL(devServerUrl ?? APP_INDEX_URL);
  return win;
}

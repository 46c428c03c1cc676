import { app, session, shell, type WebContents } from 'electron';

/** The renderer's own origin: the file:// build in production, the dev server during `npm run dev`. */
export const isAppUrl = (url: string, devServerUrl: string | undefined): boolean => {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://');
};

/** Only http(s) links leave the app, and only through the system browser. */
export function openExternalSafely(url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.toString());
  } catch {
    // not a URL: ignore
  }
}

/** App-wide hardening: deny permissions, navigation and new windows except to the app itself. */
export function hardenApp(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) {
        event.preventDefault();
        openExternalSafely(url);
      }
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
}

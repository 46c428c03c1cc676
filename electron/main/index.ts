import { app, BrowserWindow, dialog, Menu, protocol, session, shell } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { makeContext, openDemoWorkspace } from './app-context';
import { handlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { hardenApp, RENDERER_ROOT } from './security';
import { createMainWindow } from './window';
import { installAppMenu } from './menu';
import { defaultDemoWorkspaceDir } from '../workspace/paths';
import type { Workspace } from '../workspace/workspace';

// Lifecycle only: everything else lives in modules that also run under plain Node.
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
hardenApp({ app, session, shell }, devServerUrl);
// Privileged schemes can only be registered before the app is ready.
registerAppScheme(protocol);

let workspace: Workspace | undefined;

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(async () => {
  serveAppScheme(protocol, RENDERER_ROOT);
  // Events may fire while the demo is being created, before the window exists.
  const windowRef: { current?: BrowserWindow } = {};
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => windowRef.current?.webContents.send(event, payload);
  try {
    workspace = await openDemoWorkspace(process.env['YARDSTICK_WORKSPACE'] ?? defaultDemoWorkspaceDir(), 'electron', emit);
  } catch (e) {
    dialog.showErrorBox('Yardstick could not open its workspace', e instanceof Error ? e.message : String(e));
    app.quit();
    return;
  }
  const ws = workspace;
  const win = createMainWindow(BrowserWindow, devServerUrl);
  windowRef.current = win;
  installAppMenu({ app, Menu, shell }, { workspaceDir: ws.dir });
  // The deck's pages, as the print styles lay them out, printed by the window's own Chromium.
  const printWindow = async ({ paper }: { paper: 'a4' | 'letter' }) =>
    win.webContents.printToPDF({ pageSize: paper === 'letter' ? 'Letter' : 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  registerIpc(handlers, () => ({ ...makeContext('electron', ws, emit), printWindow }), win, devServerUrl);
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  workspace?.close();
  app.quit();
});

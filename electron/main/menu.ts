import type { AboutPanelOptionsOptions, App, Menu as MenuClass, MenuItemConstructorOptions, Shell } from 'electron';
import { APP_BUILD } from './build-info';

export type MenuOptions = {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only in development builds. */
  isPackaged: boolean;
  /** Opens the workspace folder (backups and logs live there); omitted before a workspace is open. */
  showWorkspaceFolder?: () => void;
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The native menu: File, Edit, View, Window, Help (and the app menu on macOS), built from roles so
 * every platform gets its usual shortcuts (Cmd/Ctrl+C, V, Z, R, +, -, 0, Cmd+Q or Alt+F4...) and
 * the text fields of the page get cut/copy/paste. Pure, so a test can check it without Electron.
 */
export function appMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const about: MenuItemConstructorOptions = { role: 'about', label: `About ${o.appName}` };
  const folder: MenuItemConstructorOptions[] = o.showWorkspaceFolder ? [{ label: 'Show Workspace Folder', click: o.showWorkspaceFolder }, separator] : [];
  return [
    ...(mac
      ? [{ label: o.appName, submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    { label: 'File', submenu: [...folder, mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(o.isPackaged ? [] : [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Window', role: 'windowMenu' },
    { label: 'Help', role: 'help', submenu: [about] },
  ];
}

/** The About panel's text: version, and the build's commit and date (null outside a build). */
export function aboutPanelOptions(o: { platform: NodeJS.Platform; appName: string; version: string; build: typeof APP_BUILD }): AboutPanelOptionsOptions {
  const build = o.build.commit ? `build ${o.build.commit}, ${o.build.date ?? 'date unknown'}` : 'development build';
  // macOS shows `version` in brackets after the application version; elsewhere it is not shown.
  return o.platform === 'darwin'
    ? { applicationName: o.appName, applicationVersion: o.version, version: build, copyright: 'Copyright © Yardstick contributors' }
    : { applicationName: o.appName, applicationVersion: `${o.version} (${build})`, copyright: 'Copyright © Yardstick contributors' };
}

/** Installs the menu and the About panel; Electron's modules are passed in so this file runs under tests. */
export function installAppMenu(electron: { app: App; Menu: typeof MenuClass; shell: Shell }, opts: { workspaceDir?: string }): void {
  const { app, Menu, shell } = electron;
  // Not app.name: unpackaged, that is package.json's lower-case "yardstick".
  const appName = 'Yardstick';
  app.setAboutPanelOptions(aboutPanelOptions({ platform: process.platform, appName, version: app.getVersion(), build: APP_BUILD }));
  const dir = opts.workspaceDir;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        appName,
        isPackaged: app.isPackaged,
        ...(dir ? { showWorkspaceFolder: () => void shell.openPath(dir) } : {}),
      }),
    ),
  );
}

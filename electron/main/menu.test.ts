import type { App, Menu as ElectronMenu, MenuItemConstructorOptions, Shell } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutPanelOptions, appMenuTemplate, installAppMenu } from './menu';

const roles = (items: MenuItemConstructorOptions[] | undefined) => (items ?? []).map((i) => i.role ?? i.type ?? i.label);
const submenu = (menu: MenuItemConstructorOptions[], label: string) => menu.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[] | undefined;

describe('appMenuTemplate', () => {
  it('has File, Edit, View, Window and Help with the usual roles on Windows and Linux', () => {
    const menu = appMenuTemplate({ platform: 'linux', appName: 'Yardstick', isPackaged: true });
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(menu, 'File'))).toEqual(['quit']);
    expect(roles(submenu(menu, 'Edit'))).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'delete', 'separator', 'selectAll']);
    // Packaged builds leave out the developer tools.
    expect(roles(submenu(menu, 'View'))).toEqual(['reload', 'forceReload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
    expect(menu.find((m) => m.label === 'Window')?.role).toBe('windowMenu');
    expect(submenu(menu, 'Help')).toEqual([{ role: 'about', label: 'About Yardstick' }]);
  });

  it('adds the macOS app menu, closes windows from File and keeps developer tools in development', () => {
    const show = vi.fn();
    const menu = appMenuTemplate({ platform: 'darwin', appName: 'Yardstick', isPackaged: false, showWorkspaceFolder: show });
    expect(menu.map((m) => m.label)).toEqual(['Yardstick', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(menu, 'Yardstick'))).toEqual(['about', 'separator', 'services', 'separator', 'hide', 'hideOthers', 'unhide', 'separator', 'quit']);
    const file = submenu(menu, 'File')!;
    expect(roles(file)).toEqual(['Show Workspace Folder', 'separator', 'close']);
    (file[0]!.click as () => void)();
    expect(show).toHaveBeenCalledOnce();
    expect(roles(submenu(menu, 'Edit'))).toContain('pasteAndMatchStyle');
    expect(roles(submenu(menu, 'View'))).toContain('toggleDevTools');
  });
});

describe('the About panel', () => {
  const build = { commit: '1a2b3c4d5e6f', date: '2026-03-01T14:05:09.000Z' };

  it('shows the version and the build commit and date', () => {
    expect(aboutPanelOptions({ platform: 'linux', appName: 'Yardstick', version: '0.1.0', build })).toMatchObject({
      applicationName: 'Yardstick',
      applicationVersion: '0.1.0 (build 1a2b3c4d5e6f, 2026-03-01T14:05:09.000Z)',
    });
    expect(aboutPanelOptions({ platform: 'darwin', appName: 'Yardstick', version: '0.1.0', build })).toMatchObject({ applicationVersion: '0.1.0', version: 'build 1a2b3c4d5e6f, 2026-03-01T14:05:09.000Z' });
    expect(aboutPanelOptions({ platform: 'win32', appName: 'Yardstick', version: '0.1.0', build: { commit: null, date: null } }).applicationVersion).toBe('0.1.0 (development build)');
  });

  it('is installed with the menu through the Electron modules it is given', () => {
    const app = { getVersion: () => '0.1.0', isPackaged: true, setAboutPanelOptions: vi.fn() };
    const built = {};
    const Menu = { buildFromTemplate: vi.fn((_template: MenuItemConstructorOptions[]) => built), setApplicationMenu: vi.fn() };
    const shell = { openPath: vi.fn(() => Promise.resolve('')) };
    installAppMenu({ app: app as unknown as App, Menu: Menu as unknown as typeof ElectronMenu, shell: shell as unknown as Shell }, { workspaceDir: '/tmp/ws' });
    expect(app.setAboutPanelOptions).toHaveBeenCalledWith(expect.objectContaining({ applicationName: 'Yardstick' }));
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(built);
    const template = Menu.buildFromTemplate.mock.calls[0]![0];
    const file = submenu(template, 'File')!;
    (file[0]!.click as () => void)();
    expect(shell.openPath).toHaveBeenCalledWith('/tmp/ws');
  });
});

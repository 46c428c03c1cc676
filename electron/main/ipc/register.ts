import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/ipc/channels';
import { err } from '../../../shared/ipc/result';
import { dispatch } from './dispatch';
import type { HandlerContext, HandlerMap } from './handler-types';
import { isAppSender } from '../security';

/** Registers every channel on ipcMain; each call checks that it comes from the app's own top frame. */
export function registerIpc(handlers: HandlerMap, getContext: () => HandlerContext, win: BrowserWindow, devServerUrl: string | undefined): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isAppSender(event, win.webContents, devServerUrl)) {
        return err('FORBIDDEN', 'IPC is only answered for the app window.');
      }
      return dispatch(handlers, channel, input, getContext());
    });
  }
}

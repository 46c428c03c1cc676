import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput, EventPayload } from '../../../shared/ipc/contract';
import type { Workspace } from '../../workspace/workspace';
import type { CredentialStore } from '../../secrets/credential-store';
import type { SyncEngine } from '../../sync/engine';
import type { ImportJobs } from '../../imports/import-jobs';

/** Long-lived per-workspace services: created once per process, shared by every call. */
export type AppServices = { secrets: CredentialStore; sync: SyncEngine; imports: ImportJobs };

/** What every handler gets besides its input. Nothing here imports Electron: the host and CLI share it. */
export type HandlerContext = {
  host: 'electron' | 'browser' | 'cli';
  version: string;
  workspace: Workspace;
  services: AppServices;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  signal?: AbortSignal;
  /**
   * Prints the calling window, laid out for print, to PDF (landscape): Electron's printToPDF on the
   * app window. Only the desktop app sets it; the browser host and the CLI have no window to print.
   */
  printWindow?: (opts: { paper: 'a4' | 'letter' }) => Promise<Uint8Array>;
};

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Typed so that every channel must have exactly one handler. */
export type HandlerMap = { [C in Channel]: Handler<C> };

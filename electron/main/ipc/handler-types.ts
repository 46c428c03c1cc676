import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { ChannelOutput, ChannelParsedInput, EventPayload } from '../../../shared/ipc/contract';
import type { Workspace } from '../../workspace/workspace';

/** What every handler gets besides its input. Nothing here imports Electron: the host and CLI share it. */
export type HandlerContext = {
  host: 'electron' | 'browser' | 'cli';
  version: string;
  workspace: Workspace;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  signal?: AbortSignal;
};

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: HandlerContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** Typed so that every channel must have exactly one handler. */
export type HandlerMap = { [C in Channel]: Handler<C> };

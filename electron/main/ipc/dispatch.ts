import { isChannel, type Channel } from '../../../shared/ipc/channels';
import { CONTRACT, type ChannelOutput } from '../../../shared/ipc/contract';
import { DECK_SAVE_MAX_INPUT_BYTES } from '../../../shared/ipc/contract-decks';
import { AppError, err, ok, type Result } from '../../../shared/ipc/result';
import type { HandlerContext, HandlerMap } from './handler-types';
import { storageFailure } from '../../db/connection';

/** Largest input accepted on any channel; real inputs are tiny, so anything bigger is a mistake or an attack. */
export const MAX_INPUT_BYTES = 1_000_000;
/** Channels whose input is a whole document (a grid to export, a deck): bounded too, but by what the largest one needs. */
const MAX_INPUT_BYTES_BY_CHANNEL: Partial<Record<Channel, number>> = { 'export:table-xlsx': 64_000_000, 'decks:save': DECK_SAVE_MAX_INPUT_BYTES };
export const maxInputBytes = (channel: string): number => MAX_INPUT_BYTES_BY_CHANNEL[channel as Channel] ?? MAX_INPUT_BYTES;

/**
 * The one call path for Electron IPC, the browser host and the CLI: validate the channel and
 * input, run the handler, and wrap the outcome in a Result. Never throws.
 */
export async function dispatch(handlers: HandlerMap, channel: string, rawInput: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  if (!isChannel(channel)) return err('INVALID_INPUT', `Unknown channel "${channel}".`);
  let size = 0;
  try {
    size = JSON.stringify(rawInput ?? {}).length;
  } catch {
    return err('INVALID_INPUT', 'Input is not serialisable.');
  }
  if (size > maxInputBytes(channel)) return err('INVALID_INPUT', `Input for ${channel} is too large (${size} bytes).`);
  const parsed = CONTRACT[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return err('INVALID_INPUT', `Invalid input for ${channel}.`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  try {
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<ChannelOutput<Channel>> | ChannelOutput<Channel>;
    const data = await handler(parsed.data, ctx);
    return ok(data);
  } catch (e) {
    if (e instanceof AppError) return err(e.code, e.message, e.details);
    const storage = storageFailure(e, ctx.workspace.dir, 'database');
    if (storage) return err(storage.code, storage.message, storage.details);
    const message = e instanceof Error ? e.message : String(e);
    return err('INTERNAL', `${channel} failed: ${message}`);
  }
}

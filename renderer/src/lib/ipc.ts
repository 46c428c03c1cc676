import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../../shared/ipc/contract';
import { openWebSocket } from './event-socket';
import { xhrUpload } from './file-access';
import { parseEventPayload, unwrapEnvelope } from './ipc-envelope';
import { selectTransport, type Transport } from './transport';

export { IpcError, errorMessage } from './ipc-error';

let transport: Transport | null = null;

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Chooses the transport once. Call it before the router reads location.hash: in the browser the hash
 * first carries the access token, which this takes and removes.
 */
export function initIpc(): Transport {
  transport ??= selectTransport({
    bridge: window.yardstick,
    location: window.location,
    history: window.history,
    storage: safeSessionStorage(),
    fetch: (url, init) => window.fetch(url, init),
    upload: xhrUpload,
    openSocket: openWebSocket,
    timers: { set: (cb, ms) => window.setTimeout(cb, ms), clear: (handle) => window.clearTimeout(handle as number) },
  });
  return transport;
}

/** Which host the renderer runs in: the Electron window or a browser tab served by `yardstick serve`. */
export const ipcHostKind = (): Transport['kind'] => initIpc().kind;

/** Calls a main-process handler; resolves with the contract-checked output or throws IpcError. */
export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const raw = await initIpc().invoke(channel, input);
  return unwrapEnvelope(channel, raw);
}

/** Subscribes to a main-process event; returns the unsubscribe. Payloads that break the contract are dropped. */
export function on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  return initIpc().on(event, (raw) => {
    const payload = parseEventPayload(event, raw);
    if (payload === null) {
      console.warn(`Yardstick: ignored a ${event} event that does not match the contract`, raw);
      return;
    }
    cb(payload);
  });
}

import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { YardstickBridge } from './bridge';
import { MISSING_TOKEN_MESSAGE, captureToken, type TokenEnvironment } from './browser-token';
import { createEventSocket, type OpenSocket, type Timers } from './event-socket';
import { createBrowserFileAccess, createElectronFileAccess, createMissingTokenFileAccess, type FileAccess, type Upload } from './file-access';
import { IpcError } from './ipc-error';

/**
 * Moves raw envelopes and event payloads; it does not interpret them. Validation against the
 * contract happens once, in ipc.ts, whichever transport carried the message.
 */
export type Transport = {
  kind: 'electron' | 'browser';
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
  /** How a dropped or chosen file becomes a path the handlers can open (its own, or an uploaded copy). */
  files: FileAccess;
};

export { MISSING_TOKEN_MESSAGE };

export function createElectronTransport(bridge: YardstickBridge): Transport {
  return {
    kind: 'electron',
    async invoke(channel, input) {
      try {
        return await bridge.invoke(channel, input);
      } catch (cause) {
        // The preload never rejects by design; if it does, the main process is gone or restarting.
        throw new IpcError('UNAVAILABLE', `The Yardstick main process did not answer ${channel}.`, String(cause));
      }
    },
    on: (event, cb) => bridge.on(event, cb),
    files: createElectronFileAccess(bridge),
  };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ status: number; statusText: string; text(): Promise<string> }>;

export function eventsUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`;
}

export function createBrowserTransport(options: { token: string; fetch: FetchLike; upload: Upload; eventsUrl: string; openSocket: OpenSocket; timers: Timers }): Transport {
  const events = createEventSocket({ url: options.eventsUrl, openSocket: options.openSocket, timers: options.timers });
  return {
    kind: 'browser',
    async invoke(channel, input) {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await options.fetch(`/api/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw new IpcError('UNAVAILABLE', 'Cannot reach the Yardstick host. Is `yardstick serve` still running?', String(cause));
      }
      const text = await response.text();
      try {
        // Error statuses still carry an envelope (403 with FORBIDDEN, ...); prefer its message.
        return JSON.parse(text) as unknown;
      } catch {
        const code = response.status === 401 || response.status === 403 ? 'FORBIDDEN' : 'INTERNAL';
        throw new IpcError(code, `The Yardstick host answered ${response.status} ${response.statusText} to ${channel} without a result.`);
      }
    },
    on: (event, cb) => events.subscribe(event, cb),
    files: createBrowserFileAccess({ token: options.token, upload: options.upload }),
  };
}

/** Browser page opened without the tokened link: every call fails with the same clear message. */
export function createMissingTokenTransport(): Transport {
  return {
    kind: 'browser',
    invoke: () => Promise.reject(new IpcError('FORBIDDEN', MISSING_TOKEN_MESSAGE)),
    on: () => () => undefined,
    files: createMissingTokenFileAccess(),
  };
}

export type TransportEnvironment = TokenEnvironment & {
  bridge: YardstickBridge | undefined;
  location: TokenEnvironment['location'] & { protocol: string; host: string };
  fetch: FetchLike;
  upload: Upload;
  openSocket: OpenSocket;
  timers: Timers;
};

/** Electron when the preload bridge exists; otherwise the browser host, authenticated by the link's token. */
export function selectTransport(env: TransportEnvironment): Transport {
  if (env.bridge !== undefined) return createElectronTransport(env.bridge);
  const token = captureToken(env);
  if (token === null) return createMissingTokenTransport();
  return createBrowserTransport({ token, fetch: env.fetch, upload: env.upload, eventsUrl: eventsUrl(env.location, token), openSocket: env.openSocket, timers: env.timers });
}

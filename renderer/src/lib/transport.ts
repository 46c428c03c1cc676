import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { YardstickBridge } from './bridge';
import { captureToken, type TokenEnvironment } from './browser-token';
import { createEventSocket, type OpenSocket, type Timers } from './event-socket';
import { IpcError } from './ipc-error';

/**
 * Moves raw envelopes and event payloads; it does not interpret them. Validation against the
 * contract happens once, in ipc.ts, whichever transport carried the message.
 */
export type Transport = {
  kind: 'electron' | 'browser';
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  on(event: EventName, cb: (payload: unknown) => void): () => void;
};

export const MISSING_TOKEN_MESSAGE = 'This page needs the link printed by `yardstick serve` (it carries an access token).';

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
  };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{ status: number; statusText: string; text(): Promise<string> }>;

export function eventsUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`;
}

export function createBrowserTransport(options: { token: string; fetch: FetchLike; eventsUrl: string; openSocket: OpenSocket; timers: Timers }): Transport {
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
  };
}

/** Browser page opened without the tokened link: every call fails with the same clear message. */
export function createMissingTokenTransport(): Transport {
  return {
    kind: 'browser',
    invoke: () => Promise.reject(new IpcError('FORBIDDEN', MISSING_TOKEN_MESSAGE)),
    on: () => () => undefined,
  };
}

export type TransportEnvironment = TokenEnvironment & {
  bridge: YardstickBridge | undefined;
  location: TokenEnvironment['location'] & { protocol: string; host: string };
  fetch: FetchLike;
  openSocket: OpenSocket;
  timers: Timers;
};

/** Electron when the preload bridge exists; otherwise the browser host, authenticated by the link's token. */
export function selectTransport(env: TransportEnvironment): Transport {
  if (env.bridge !== undefined) return createElectronTransport(env.bridge);
  const token = captureToken(env);
  if (token === null) return createMissingTokenTransport();
  return createBrowserTransport({ token, fetch: env.fetch, eventsUrl: eventsUrl(env.location, token), openSocket: env.openSocket, timers: env.timers });
}

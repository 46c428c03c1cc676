import { isEventName, type EventName } from '../../../shared/ipc/channels';

export type SocketHandlers = {
  onOpen(): void;
  onMessage(data: unknown): void;
  onClose(): void;
};
/** Opens one socket; injected so the reconnect logic is testable without a server. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => { close(): void };

export type Timers = {
  set(cb: () => void, ms: number): unknown;
  clear(handle: unknown): void;
};

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * Exponential backoff with ±20% jitter, capped at 30 s: a host that restarts is picked up quickly,
 * one that is gone is not hammered.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** `{"event": "...", "payload": ...}` from the host; null for anything else. */
export function parseEventMessage(data: unknown): { event: EventName; payload: unknown } | null {
  if (typeof data !== 'string') return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || !('event' in message)) return null;
  const { event } = message as { event: unknown };
  if (typeof event !== 'string' || !isEventName(event)) return null;
  return { event, payload: (message as { payload?: unknown }).payload };
}

export type EventSocket = {
  subscribe(event: EventName, cb: (payload: unknown) => void): () => void;
};

/**
 * One WebSocket shared by every subscriber. It opens with the first subscription, reconnects with
 * backoff when it drops and closes when the last subscriber leaves.
 */
export function createEventSocket(options: { url: string; openSocket: OpenSocket; timers: Timers; random?: () => number }): EventSocket {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: { close(): void } | null = null;
  let retryHandle: unknown = null;
  let attempt = 0;
  let hasConnectedBefore = false;
  // Bumped on every open and stop, so late callbacks from a socket we abandoned are ignored.
  let generation = 0;

  const subscriberCount = (): number => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  function dispatch(data: unknown): void {
    const message = parseEventMessage(data);
    if (message === null) return;
    for (const cb of [...(listeners.get(message.event) ?? [])]) {
      try {
        cb(message.payload);
      } catch (error) {
        // One failing view must not stop the others from hearing the event.
        console.error(`Yardstick: a ${message.event} listener failed`, error);
      }
    }
  }

  function connect(): void {
    generation += 1;
    const mine = generation;
    socket = options.openSocket(options.url, {
      onOpen: () => {
        if (mine !== generation) return;
        attempt = 0;
        // Events sent while the socket was down are lost: after a reconnect, tell views to refetch.
        if (hasConnectedBefore) dispatch(JSON.stringify({ event: 'workspace:data-changed', payload: { tables: ['*'] } }));
        hasConnectedBefore = true;
      },
      onMessage: (data) => {
        if (mine === generation) dispatch(data);
      },
      onClose: () => {
        if (mine !== generation) return;
        socket = null;
        const delay = reconnectDelayMs(attempt, options.random);
        attempt += 1;
        retryHandle = options.timers.set(() => {
          retryHandle = null;
          if (mine === generation && subscriberCount() > 0) connect();
        }, delay);
      },
    });
  }

  function stop(): void {
    generation += 1;
    if (retryHandle !== null) options.timers.clear(retryHandle);
    retryHandle = null;
    socket?.close();
    socket = null;
    attempt = 0;
    hasConnectedBefore = false;
  }

  return {
    subscribe(event, cb) {
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      if (socket === null && retryHandle === null) connect();
      return () => {
        set.delete(cb);
        if (subscriberCount() === 0) stop();
      };
    },
  };
}

/** The real OpenSocket over the browser's WebSocket. */
export const openWebSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.onopen = () => handlers.onOpen();
  ws.onmessage = (message) => handlers.onMessage(message.data);
  // An error is always followed by close; reconnecting is decided there only.
  ws.onclose = () => handlers.onClose();
  return { close: () => ws.close() };
};

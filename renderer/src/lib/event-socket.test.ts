import { describe, expect, it, vi } from 'vitest';
import { createEventSocket, parseEventMessage, reconnectDelayMs, type SocketHandlers } from './event-socket';

function harness() {
  const sockets: { url: string; handlers: SocketHandlers; closed: boolean }[] = [];
  const timers: { cb: () => void; ms: number; cleared: boolean }[] = [];
  const events = createEventSocket({
    url: 'ws://127.0.0.1:5000/api/events?token=t',
    openSocket: (url, handlers) => {
      const socket = { url, handlers, closed: false };
      sockets.push(socket);
      return { close: () => void (socket.closed = true) };
    },
    timers: {
      set: (cb, ms) => {
        const timer = { cb, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clear: (handle) => void ((handle as { cleared: boolean }).cleared = true),
    },
    random: () => 0.5,
  });
  return { events, sockets, timers };
}

const message = (event: string, payload: unknown) => JSON.stringify({ event, payload });

describe('reconnectDelayMs', () => {
  it('backs off exponentially up to 30 s', () => {
    expect(reconnectDelayMs(0, () => 0.5)).toBe(500);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(4000);
    expect(reconnectDelayMs(20, () => 0.5)).toBe(30_000);
    expect(reconnectDelayMs(0, () => 0)).toBe(400);
    expect(reconnectDelayMs(0, () => 1)).toBe(600);
  });
});

describe('parseEventMessage', () => {
  it('accepts known events only', () => {
    expect(parseEventMessage(message('workspace:data-changed', { tables: ['runs'] }))).toEqual({ event: 'workspace:data-changed', payload: { tables: ['runs'] } });
    expect(parseEventMessage(message('nope', {}))).toBeNull();
    expect(parseEventMessage('not json')).toBeNull();
    expect(parseEventMessage(42)).toBeNull();
  });
});

describe('createEventSocket', () => {
  it('opens one socket on the first subscription and fans messages out by event', () => {
    const { events, sockets } = harness();
    const a = vi.fn();
    const b = vi.fn();
    const progress = vi.fn();
    events.subscribe('workspace:data-changed', a);
    events.subscribe('workspace:data-changed', b);
    events.subscribe('job:progress', progress);
    expect(sockets).toHaveLength(1);
    sockets[0]?.handlers.onMessage(message('workspace:data-changed', { tables: ['merge_requests'] }));
    expect(a).toHaveBeenCalledWith({ tables: ['merge_requests'] });
    expect(b).toHaveBeenCalledOnce();
    expect(progress).not.toHaveBeenCalled();
  });

  it('keeps delivering to other subscribers when one throws', () => {
    const { events, sockets } = harness();
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    events.subscribe('workspace:data-changed', () => {
      throw new Error('boom');
    });
    events.subscribe('workspace:data-changed', good);
    sockets[0]?.handlers.onMessage(message('workspace:data-changed', { tables: [] }));
    expect(good).toHaveBeenCalledOnce();
    errorLog.mockRestore();
  });

  it('reconnects with growing delays and resets them once connected', () => {
    const { events, sockets, timers } = harness();
    events.subscribe('workspace:data-changed', vi.fn());
    sockets[0]?.handlers.onClose();
    expect(timers.map((t) => t.ms)).toEqual([500]);
    timers[0]?.cb();
    expect(sockets).toHaveLength(2);
    sockets[1]?.handlers.onClose();
    expect(timers[1]?.ms).toBe(1000);
    timers[1]?.cb();
    sockets[2]?.handlers.onOpen();
    sockets[2]?.handlers.onClose();
    expect(timers[2]?.ms).toBe(500);
  });

  it('closes the socket and cancels reconnects when the last subscriber leaves', () => {
    const { events, sockets, timers } = harness();
    const stopA = events.subscribe('workspace:data-changed', vi.fn());
    const stopB = events.subscribe('job:progress', vi.fn());
    stopA();
    expect(sockets[0]?.closed).toBe(false);
    stopB();
    expect(sockets[0]?.closed).toBe(true);
    // The close that follows our own close() must not schedule a reconnect.
    sockets[0]?.handlers.onClose();
    expect(timers).toHaveLength(0);

    events.subscribe('workspace:data-changed', vi.fn());
    expect(sockets).toHaveLength(2);
    const stop = events.subscribe('job:progress', vi.fn());
    sockets[1]?.handlers.onClose();
    stop();
    expect(timers[0]?.cleared).toBe(false);
  });

  it('ignores messages from a socket it abandoned', () => {
    const { events, sockets } = harness();
    const cb = vi.fn();
    const stop = events.subscribe('workspace:data-changed', cb);
    stop();
    events.subscribe('workspace:data-changed', cb);
    sockets[0]?.handlers.onMessage(message('workspace:data-changed', { tables: [] }));
    expect(cb).not.toHaveBeenCalled();
  });

describe('after a reconnect', () => {
  it('tells views the data may have changed, since events sent while down were lost', () => {
    const { events, sockets, timers } = harness();
    const changed = vi.fn();
    events.subscribe('workspace:data-changed', changed);
    sockets[0]!.handlers.onOpen();
    expect(changed).not.toHaveBeenCalled(); // the first connection is not a reconnect
    sockets[0]!.handlers.onClose();
    timers[0]!.cb();
    sockets[1]!.handlers.onOpen();
    expect(changed).toHaveBeenCalledWith({ tables: ['*'] });
  });
});
});

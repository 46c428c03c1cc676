/** A counting semaphore: at most `limit` requests in flight to one host. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** Sleeps, waking early (with the abort reason) when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * How long to wait before retry `attempt` (0-based): the server's Retry-After when it sent one
 * (seconds or an HTTP date), else exponential backoff with full jitter. Both are capped.
 */
export function retryDelayMs(attempt: number, retryAfter: string | null, opts: { baseMs?: number; capMs?: number; now?: number; random?: () => number } = {}): number {
  const cap = opts.capMs ?? 60_000;
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(cap, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.min(cap, Math.max(0, date - (opts.now ?? Date.now())));
  }
  const base = opts.baseMs ?? 500;
  const ceiling = Math.min(cap, base * 2 ** attempt);
  return Math.round((opts.random ?? Math.random)() * ceiling);
}

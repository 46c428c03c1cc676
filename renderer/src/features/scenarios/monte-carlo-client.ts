import type { MonteCarloResult, Scenario } from '../../../../shared/domain/scenario';
import { MAX_DRAW_MONTHS } from '../../../../shared/domain/scenario/monte-carlo';

export type McRequest = { id: number; scenario: Scenario; draws: number; seed: number };
export type McResponse = { id: number; ok: true; result: MonteCarloResult; ms: number } | { id: number; ok: false; error: string };

/** What the client needs of a Web Worker (an adapter over the real one, a fake in tests). */
export type WorkerLike = {
  post(request: McRequest): void;
  terminate(): void;
  listen(onMessage: (response: McResponse) => void, onError: (message: string) => void): void;
};

/** The draws asked for: 10,000, fewer on long horizons (the engine keeps every draw of every month). */
export const drawsFor = (horizon: number, wanted = 10_000): number => Math.max(1, Math.min(wanted, Math.floor(MAX_DRAW_MONTHS / Math.max(1, horizon))));

export type MonteCarloClient = {
  /** Starts a run; an unfinished earlier run is superseded (its worker terminated) and never reported. */
  run(scenario: Scenario, onResult: (response: McResponse) => void): number;
  dispose(): void;
};

/**
 * Runs Monte Carlo off the UI thread. One worker at a time: a new request while one is computing
 * terminates that worker (ten thousand draws cannot be interrupted from outside otherwise) and starts
 * a fresh one; answers are matched by request id, so a late answer to an old request is dropped.
 * Where no worker can be made, or it fails to load, the run happens inline after a tick instead.
 */
export function createMonteCarloClient(
  makeWorker: () => WorkerLike | null,
  runInline: (request: McRequest) => McResponse,
  defer: (f: () => void) => void = (f) => void setTimeout(f, 0),
  seed = 1,
): MonteCarloClient {
  let worker: WorkerLike | null = null;
  let broken = false;
  let latest = 0;
  let pending: { request: McRequest; onResult: (r: McResponse) => void } | null = null;

  const inline = (request: McRequest, onResult: (r: McResponse) => void) =>
    defer(() => {
      if (request.id === latest) onResult(runInline(request));
    });

  const spawn = (): WorkerLike | null => {
    if (broken) return null;
    const w = makeWorker();
    if (w === null) {
      broken = true;
      return null;
    }
    w.listen(
      (response) => {
        if (w !== worker || pending === null || response.id !== pending.request.id) return;
        const { onResult } = pending;
        pending = null;
        onResult(response);
      },
      () => {
        if (w !== worker) return;
        // The worker could not load (a page served from file://, which has no origin for workers; a CSP): compute here instead.
        broken = true;
        worker = null;
        w.terminate();
        if (pending !== null) {
          const { request, onResult } = pending;
          pending = null;
          inline(request, onResult);
        }
      },
    );
    return w;
  };

  return {
    run(scenario, onResult) {
      latest += 1;
      const request: McRequest = { id: latest, scenario, draws: drawsFor(scenario.horizonMonths), seed };
      if (pending !== null && worker !== null) {
        worker.terminate();
        worker = null;
      }
      pending = null;
      worker ??= spawn();
      if (worker === null) {
        inline(request, onResult);
        return request.id;
      }
      pending = { request, onResult };
      worker.post(request);
      return request.id;
    },
    dispose() {
      latest += 1;
      pending = null;
      worker?.terminate();
      worker = null;
    },
  };
}

import { useEffect, useRef, useState } from 'react';
import { runMonteCarlo, type MonteCarloResult, type Scenario } from '../../../../shared/domain/scenario';
import { createMonteCarloClient, type McRequest, type McResponse, type MonteCarloClient, type WorkerLike } from './monte-carlo-client';

/** The real worker behind the client's small interface; Vite bundles the worker file from this URL. */
function browserWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  return {
    post: (request) => worker.postMessage(request),
    terminate: () => worker.terminate(),
    listen: (onMessage, onError) => {
      worker.onmessage = (event: MessageEvent<McResponse>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(event.message || 'The Monte Carlo worker did not start.');
      };
    },
  };
}

function runHere(request: McRequest): McResponse {
  const started = performance.now();
  try {
    return { id: request.id, ok: true, result: runMonteCarlo(request.scenario, { draws: request.draws, seed: request.seed }), ms: performance.now() - started };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export type MonteCarloState = {
  /** Bands for the scenario shown, or for the version before the latest edit while that is computing. */
  result: MonteCarloResult | null;
  error: string | null;
  computing: boolean;
  ms: number | null;
};

type Answer = { scenario: Scenario; response: McResponse };

/** Waits this long after an edit before starting a run: typing "0.85" asks once, not three times. */
const SETTLE_MS = 120;

/** Monte Carlo bands for the scenario, computed in a Web Worker; a newer scenario supersedes an older run. */
export function useMonteCarlo(scenario: Scenario | null): MonteCarloState {
  const client = useRef<MonteCarloClient | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    const c = createMonteCarloClient(browserWorker, runHere);
    client.current = c;
    return () => {
      c.dispose();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    if (scenario === null) return;
    const timer = setTimeout(() => client.current?.run(scenario, (response) => setAnswer({ scenario, response })), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [scenario]);

  const response = answer?.response ?? null;
  const sameName = answer !== null && scenario !== null && answer.scenario.name === scenario.name;
  return {
    result: sameName && response?.ok === true ? response.result : null,
    error: sameName && response?.ok === false ? response.error : null,
    computing: scenario !== null && answer?.scenario !== scenario,
    ms: sameName && response?.ok === true ? response.ms : null,
  };
}

import { runMonteCarlo } from '../../../../shared/domain/scenario';
import type { McRequest, McResponse } from './monte-carlo-client';

// Monte Carlo off the UI thread: the page posts a scenario with a request id, and gets back the
// bands with the same id (the client drops answers to requests it has since replaced).
self.addEventListener('message', (event: MessageEvent<McRequest>) => {
  const { id, scenario, draws, seed } = event.data;
  const started = performance.now();
  let response: McResponse;
  try {
    response = { id, ok: true, result: runMonteCarlo(scenario, { draws, seed }), ms: performance.now() - started };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
});

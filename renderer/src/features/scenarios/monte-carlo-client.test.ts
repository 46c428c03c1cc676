import { describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../../../../shared/domain/scenario';
import { MAX_DRAW_MONTHS } from '../../../../shared/domain/scenario/monte-carlo';
import { exampleScenario, withRanges } from '../../../../shared/domain/scenario/example';
import { createMonteCarloClient, drawsFor, type McRequest, type McResponse, type WorkerLike } from './monte-carlo-client';

class FakeWorker implements WorkerLike {
  posted: McRequest[] = [];
  terminated = false;
  onMessage: ((r: McResponse) => void) | null = null;
  onError: ((m: string) => void) | null = null;
  post(request: McRequest) {
    this.posted.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  listen(onMessage: (r: McResponse) => void, onError: (m: string) => void) {
    this.onMessage = onMessage;
    this.onError = onError;
  }
  /** Answers a request as the real worker would. */
  answer(request: McRequest) {
    this.onMessage?.({ id: request.id, ok: true, result: runMonteCarlo(request.scenario, { draws: request.draws, seed: request.seed }), ms: 1 });
  }
}

const s = withRanges(exampleScenario({}, { horizonMonths: 3 }));
const inline = (r: McRequest): McResponse => ({ id: r.id, ok: true, result: runMonteCarlo(r.scenario, { draws: r.draws, seed: r.seed }), ms: 0 });
const now = (f: () => void) => f();

describe('Monte Carlo client', () => {
  it('asks for 10,000 draws, fewer when the horizon would keep too many', () => {
    expect(drawsFor(12)).toBe(10_000);
    expect(drawsFor(120)).toBe(MAX_DRAW_MONTHS / 120);
    expect(drawsFor(120) * 120).toBeLessThanOrEqual(MAX_DRAW_MONTHS);
  });

  it('posts a request to the worker and reports its answer', () => {
    const workers: FakeWorker[] = [];
    const client = createMonteCarloClient(() => workers[workers.push(new FakeWorker()) - 1]!, inline, now);
    const got: McResponse[] = [];
    client.run(s, (r) => got.push(r));
    expect(workers).toHaveLength(1);
    workers[0]!.answer(workers[0]!.posted[0]!);
    expect(got).toHaveLength(1);
    expect(got[0]!.ok && got[0]!.result.periods).toHaveLength(3);
    // The worker is kept for the next run.
    client.run(s, (r) => got.push(r));
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toHaveLength(2);
  });

  it('supersedes a run still computing: its worker is terminated and its answer never reported', () => {
    const workers: FakeWorker[] = [];
    const client = createMonteCarloClient(() => workers[workers.push(new FakeWorker()) - 1]!, inline, now);
    const got: string[] = [];
    client.run(s, () => got.push('first'));
    const edited = { ...s, horizonMonths: 2 };
    client.run(edited, (r) => got.push(r.ok ? `second:${r.result.periods.length}` : 'error'));
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    // A late answer from the old worker is dropped.
    workers[0]!.answer(workers[0]!.posted[0]!);
    workers[1]!.answer(workers[1]!.posted[0]!);
    expect(got).toEqual(['second:2']);
    expect(workers[1]!.posted[0]!.id).toBeGreaterThan(workers[0]!.posted[0]!.id);
  });

  it('ignores an answer to an older request on the same worker', () => {
    const worker = new FakeWorker();
    const client = createMonteCarloClient(() => worker, inline, now);
    const got: number[] = [];
    client.run(s, (r) => got.push(r.id));
    const [first] = worker.posted;
    worker.onMessage?.({ id: first!.id + 5, ok: false, error: 'stale' });
    expect(got).toEqual([]);
    worker.answer(first!);
    expect(got).toEqual([first!.id]);
  });

  it('computes inline when no worker can be made, or when the worker fails to load', () => {
    const got: string[] = [];
    const without = createMonteCarloClient(() => null, inline, now);
    without.run(s, (r) => got.push(r.ok ? 'inline' : 'error'));
    expect(got).toEqual(['inline']);

    const worker = new FakeWorker();
    let made = 0;
    const failing = createMonteCarloClient(() => (made++ === 0 ? worker : null), inline, now);
    failing.run(s, (r) => got.push(r.ok ? 'after-error' : 'error'));
    worker.onError?.('blocked by CSP');
    expect(worker.terminated).toBe(true);
    expect(got).toEqual(['inline', 'after-error']);
    failing.run(s, () => got.push('inline-again'));
    expect(made).toBe(1);
    expect(got).toEqual(['inline', 'after-error', 'inline-again']);
  });

  it('reports nothing after it is disposed', () => {
    const worker = new FakeWorker();
    const client = createMonteCarloClient(() => worker, inline, now);
    const got: number[] = [];
    client.run(s, (r) => got.push(r.id));
    client.dispose();
    expect(worker.terminated).toBe(true);
    worker.answer(worker.posted[0]!);
    expect(got).toEqual([]);
  });
});

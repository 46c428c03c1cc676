import type { MeasureSums } from '../metrics';
import { addInto, assumptionValues, createSimulator, emptyFigures, figuresInto, zeroSums, type Figures } from './engine';
import { ScenarioInputError } from './overrides';
import { mulberry32, pertSampler, triangularSampler } from './random';
import { ASSUMPTION_IDS, BAND_METRICS, MonteCarloOptionsSchema, type AssumptionId, type Band, type BandMetric, type MonteCarloOptions, type MonteCarloResult, type Scenario } from './schema';
import { percentilesOf } from './stats';

/** An assumption's range for sampling, or null when it is a point (low and high missing or equal). */
export function rangeOf(s: Pick<Scenario, 'assumptions'>, id: AssumptionId): { low: number; likely: number; high: number } | null {
  const a = s.assumptions[id];
  const likely = a.likely ?? a.value;
  const low = Math.min(a.low ?? likely, likely);
  const high = Math.max(a.high ?? likely, likely);
  return high > low ? { low, likely, high } : null;
}

const PS = [0.1, 0.5, 0.9] as const;
export const MAX_DRAW_MONTHS = 1_200_000;

/**
 * Monte Carlo over the assumptions' ranges: each draw samples every ranged assumption
 * (independently, PERT or triangular from low / likely / high; points stay at their value) and runs
 * the same simulation as the deterministic result, so with every range collapsed the bands equal
 * the deterministic figures exactly. P10/P50/P90 per month and for the horizon's totals. A draw
 * that accepts nothing has no cost per accepted; it counts as the worst (an unbounded cost).
 */
export function runMonteCarlo(scenario: Scenario, options: Partial<MonteCarloOptions> = {}, horizon: number = scenario.horizonMonths): MonteCarloResult {
  const { draws, seed, distribution } = MonteCarloOptionsSchema.parse(options);
  // Percentiles need every draw: 8 figures × months × draws doubles (10,000 × 36 is 23 MB).
  if (draws * horizon > MAX_DRAW_MONTHS) throw new ScenarioInputError(`Monte Carlo keeps every draw: draws × months must stay within ${MAX_DRAW_MONTHS.toLocaleString('en-GB')} (asked ${draws} × ${horizon}).`);
  const rng = mulberry32(seed);
  const sampler = distribution === 'pert' ? pertSampler : triangularSampler;
  const sampled = ASSUMPTION_IDS.flatMap((id) => {
    const r = rangeOf(scenario, id);
    return r ? [{ id, sample: sampler(r.low, r.likely, r.high) }] : [];
  });
  const p = assumptionValues(scenario, 'value');
  const sim = createSimulator(scenario, horizon);
  const perMonth = bandBuffers(horizon, draws);
  const totals = bandBuffers(1, draws);
  const total: MeasureSums = zeroSums();
  const zero = zeroSums();
  const scratch = emptyFigures();
  let saving = 0;

  for (let d = 0; d < draws; d++) {
    for (const r of sampled) p[r.id] = r.sample(rng);
    sim.run(p);
    let eligible = 0;
    Object.assign(total, zero);
    for (let m = 0; m < horizon; m++) {
      const s = sim.sums[m]!;
      eligible += sim.eligible[m]!;
      addInto(total, s);
      record(perMonth, m, d, figuresInto(scratch, s, sim.eligible[m]!, p, 1, false));
    }
    const t = figuresInto(scratch, total, eligible, p, horizon, false);
    record(totals, 0, d, t);
    if (t.netSavingMicros > 0) saving += 1;
  }

  const band = (values: Float64Array): Band => {
    const [p10, p50, p90] = percentilesOf(values, PS).map((v) => (Number.isFinite(v) ? v : null));
    return { p10: p10 ?? null, p50: p50 ?? null, p90: p90 ?? null };
  };
  const bands = (buffers: Buffers, m: number) => Object.fromEntries(BAND_METRICS.map((metric) => [metric, band(buffers[metric].subarray(m * draws, (m + 1) * draws))])) as Record<BandMetric, Band>;
  return {
    draws,
    seed,
    distribution,
    sampled: sampled.map((r) => r.id),
    periods: sim.months.map((month, m) => ({ month, bands: bands(perMonth, m) })),
    totals: bands(totals, 0),
    probabilityOfSaving: saving / draws,
  };
}

/** Per band metric, the draws of every period in one buffer (period-major: period × draws + draw). */
type Buffers = Record<BandMetric, Float64Array> & { draws: number };

const bandBuffers = (periods: number, draws: number): Buffers =>
  ({ draws, ...Object.fromEntries(BAND_METRICS.map((metric) => [metric, new Float64Array(periods * draws)])) }) as Buffers;

/** Stores one draw's figures, written out by name (see addInto); no cost per accepted counts as unbounded. */
function record(b: Buffers, period: number, draw: number, f: Figures): void {
  const i = period * b.draws + draw;
  b.accepted[i] = f.accepted;
  b.aiPathCostMicros[i] = f.aiPathCostMicros;
  b.humanPathCostMicros[i] = f.humanPathCostMicros;
  b.scenarioCostMicros[i] = f.scenarioCostMicros;
  b.netSavingMicros[i] = f.netSavingMicros;
  b.costPerAcceptedMicros[i] = f.costPerAcceptedMicros ?? Number.POSITIVE_INFINITY;
  b.hoursFreed[i] = f.hoursFreed;
  b.fteFreed[i] = f.fteFreed ?? Number.POSITIVE_INFINITY;
}

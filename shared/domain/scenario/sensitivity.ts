import { assumptionValues, createSimulator, totalsOf } from './engine';
import { rangeOf } from './monte-carlo';
import { ASSUMPTION_IDS, ASSUMPTIONS, type AssumptionId, type GoalSeekResult, type GoalTarget, type Scenario, type TornadoMetric, type TornadoResult } from './schema';

/**
 * Tornado: the swing of a horizon total (net saving by default, or cost per accepted) when each
 * ranged assumption moves from its low to its high with every other at its likely value, largest
 * swing first. Assumptions without a range have no swing and are listed as `unranged`.
 */
export function tornado(scenario: Scenario, options: { metric?: TornadoMetric; horizon?: number } = {}): TornadoResult {
  const metric = options.metric ?? 'netSavingMicros';
  const sim = createSimulator(scenario, options.horizon ?? scenario.horizonMonths);
  const likely = assumptionValues(scenario, 'likely');
  const pick = (t: ReturnType<typeof totalsOf>) => ({ netSavingMicros: t.netSavingMicros, costPerAcceptedMicros: t.costPerAcceptedMicros });
  const base = pick(totalsOf(sim, likely));
  const unranged: string[] = [];
  const bars: TornadoResult['bars'] = [];
  for (const id of ASSUMPTION_IDS) {
    const range = rangeOf(scenario, id);
    if (!range) {
      unranged.push(id);
      continue;
    }
    const atLow = pick(totalsOf(sim, { ...likely, [id]: range.low }));
    const atHigh = pick(totalsOf(sim, { ...likely, [id]: range.high }));
    const lowValue = atLow[metric];
    const highValue = atHigh[metric];
    bars.push({ assumption: id, label: ASSUMPTIONS[id].label, low: range.low, high: range.high, atLow, atHigh, swing: lowValue === null || highValue === null ? 0 : Math.abs(highValue - lowValue) });
  }
  bars.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
  return { metric, base, bars, unranged };
}

/** The search range of an assumption for goal seek: its whole domain for shares, else 0 to ten times its value. */
export function seekRange(scenario: Scenario, id: AssumptionId): [number, number] {
  const def = ASSUMPTIONS[id];
  if (def.unit === 'share') return [def.min, def.max];
  const value = scenario.assumptions[id].value;
  return [def.min, Math.min(def.max, Math.max(10 * Math.abs(value), 1))];
}

/**
 * Goal seek by bisection on one assumption, others at their values: the value at which a horizon
 * total reaches a target. `break_even` means AI-path cost per accepted equals human-path cost per
 * item, i.e. a total net saving of zero. The metric must change sign over the range (it is
 * monotone in every assumption the engine has), else the answer says why nothing was found.
 */
export function goalSeek(
  scenario: Scenario,
  options: { assumption: AssumptionId; target?: GoalTarget; range?: [number, number]; horizon?: number; tolerance?: number },
): GoalSeekResult {
  const target = options.target ?? 'break_even';
  const [metric, goal] = target === 'break_even' ? (['netSavingMicros', 0] as const) : [target.metric, target.value];
  const sim = createSimulator(scenario, options.horizon ?? scenario.horizonMonths);
  const values = assumptionValues(scenario, 'value');
  const range: [number, number] = options.range ? [...options.range] : seekRange(scenario, options.assumption);
  const at = (x: number): number | null => totalsOf(sim, { ...values, [options.assumption]: x })[metric];
  const gap = (x: number): number | null => {
    const v = at(x);
    return v === null ? null : v - goal;
  };
  let [lo, hi] = range;
  let gLo = gap(lo);
  let gHi = gap(hi);
  // An end where the metric is undefined (cost per accepted at an acceptance rate of 0: nothing
  // accepted) moves in to the nearest point where it is defined. Such a metric grows without bound
  // near that end, so an answer inside the range is still found.
  const definedNear = (undefinedEnd: number, definedEnd: number): number => {
    let [a, b] = [undefinedEnd, definedEnd];
    for (let i = 0; i < 60; i += 1) {
      const mid = (a + b) / 2;
      if (gap(mid) === null) a = mid;
      else b = mid;
    }
    return b;
  };
  if (gLo === null && gHi !== null) {
    lo = definedNear(lo, hi);
    gLo = gap(lo);
  }
  const hiMoved = gHi === null && gLo !== null;
  if (hiMoved) {
    hi = definedNear(hi, lo);
    gHi = gap(hi);
  }
  // Money, hours and counts have no natural top: widen the default range tenfold until the sign
  // changes (not past a top end that was moved in from where the metric is undefined).
  const max = ASSUMPTIONS[options.assumption].max;
  while (!options.range && !hiMoved && gLo !== null && gHi !== null && Math.sign(gLo) === Math.sign(gHi) && gLo !== 0 && hi < max) {
    hi = Math.min(max, hi * 10);
    gHi = gap(hi);
  }
  range[0] = lo;
  range[1] = hi;
  const result = (found: boolean, value: number | null, iterations: number, reason: string | null): GoalSeekResult => ({
    assumption: options.assumption,
    target,
    found,
    value,
    achieved: value === null ? null : at(value),
    range,
    iterations,
    reason,
  });
  if (gLo === null || gHi === null) return result(false, null, 0, `${metric} is undefined over the whole range (nothing accepted).`);
  if (gLo === 0) return result(true, lo, 0, null);
  if (gHi === 0) return result(true, hi, 0, null);
  if (Math.sign(gLo) === Math.sign(gHi)) {
    const nearer = Math.abs(gLo) <= Math.abs(gHi) ? lo : hi;
    return { ...result(false, null, 0, `No value of ${ASSUMPTIONS[options.assumption].label} between ${lo} and ${hi} reaches the target.`), achieved: at(nearer) };
  }
  const tolerance = options.tolerance ?? 1e-12 * Math.max(1, Math.abs(hi - lo));
  let iterations = 0;
  while (hi - lo > tolerance && iterations < 200) {
    iterations += 1;
    const mid = (lo + hi) / 2;
    const g = gap(mid);
    if (g === null) break;
    if (g === 0) return result(true, mid, iterations, null);
    if (Math.sign(g) === Math.sign(gLo)) {
      lo = mid;
      gLo = g;
    } else {
      hi = mid;
      gHi = g;
    }
  }
  return result(true, (lo + hi) / 2, iterations, null);
}

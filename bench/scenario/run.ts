import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { planRules } from '../../shared/domain/plans';
import { capacityPlan } from '../../shared/domain/scenario/capacity';
import { runDeterministic } from '../../shared/domain/scenario/engine';
import { exampleScenario, exampleTeam, withRanges } from '../../shared/domain/scenario/example';
import { runMonteCarlo } from '../../shared/domain/scenario/monte-carlo';
import { applyOverrides } from '../../shared/domain/scenario/overrides';
import type { Scenario } from '../../shared/domain/scenario/schema';
import { goalSeek, tornado } from '../../shared/domain/scenario/sensitivity';

// The scenario engine's timings (issue 8): a deterministic recompute of six 36-month scenarios
// after one assumption changes (aim < 16 ms, one frame), and Monte Carlo with 10,000 draws over
// 36 months with every assumption ranged (aim < 200 ms, in a worker). Pure engine, no database:
// the scenarios are the hand-built example in six variants, every assumption given a ±20% range.
// Usage: npm run bench:scenario [-- --rounds 200 --draws 10000 --horizon 36]

const { values } = parseArgs({ options: { rounds: { type: 'string' }, draws: { type: 'string' }, horizon: { type: 'string' } } });
const rounds = Number(values.rounds ?? 200);
const draws = Number(values.draws ?? 10_000);
const horizon = Number(values.horizon ?? 36);

const teams = [exampleTeam('Platform'), exampleTeam('Payments', { intake_per_month: 45 }), exampleTeam('Mobile', { headcount: 6 }), exampleTeam('Data', { headcount: 5 })];
const base = withRanges(exampleScenario({ monthly_growth: 0.02 }, { horizonMonths: horizon, teams }));
const scenarios: Scenario[] = [
  { ...base, name: 'Cloud' },
  { ...base, name: 'Self-hosted', plan: planRules({ name: 'Self-hosted', pricePerCreditMicros: 2_000_000 }) },
  { ...base, name: 'Prepaid', plan: planRules({ name: 'Prepaid', shape: 'prepaid_balance', marginPercent: 20 }) },
  { ...base, name: 'Per merged', plan: planRules({ name: 'Per merged', shape: 'per_merged', creditsPerMerged: 1 }) },
  applyOverrides({ ...base, name: 'Better acceptance' }, { acceptance_rate: '0.8:0.88:0.9' }),
  applyOverrides({ ...base, name: 'Bigger queue' }, { monthly_volume: '250:300:400' }),
];

function time(f: () => void, n: number): { median: number; p95: number; min: number } {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    f();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(n / 2)]!, p95: samples[Math.min(n - 1, Math.floor(n * 0.95))]!, min: samples[0]! };
}
const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;
const line = (label: string, t: { median: number; p95: number; min: number }, aim?: number) =>
  console.log(`${label.padEnd(58)} median ${ms(t.median)}   p95 ${ms(t.p95)}   min ${ms(t.min)}${aim ? `   (aim < ${aim} ms: ${t.p95 < aim ? 'met' : 'MISSED'} at p95)` : ''}`);

console.log(`Scenario engine, ${horizon}-month horizon, ${scenarios.length} scenarios, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);

// A recompute as the page does it after an edit: apply the changed assumption, run all six.
let value = 0.7;
const coldStart = performance.now();
scenarios.forEach((s) => runDeterministic(s));
console.log(`${'deterministic, 6 scenarios, first (cold) run'.padEnd(58)} ${ms(performance.now() - coldStart)}`);
line(
  'deterministic recompute after one change, 6 scenarios',
  time(() => {
    value = value === 0.7 ? 0.72 : 0.7;
    const edited = scenarios.map((s) => applyOverrides(s, { acceptance_rate: value }));
    for (const s of edited) runDeterministic(s);
  }, rounds),
  16,
);
line('deterministic, one scenario', time(() => runDeterministic(scenarios[0]!), rounds));
line('tornado, one scenario (2 runs per ranged assumption)', time(() => tornado(scenarios[0]!), Math.max(10, rounds / 4)));
line('goal seek: break-even acceptance rate (bisection)', time(() => goalSeek(scenarios[0]!, { assumption: 'acceptance_rate' }), Math.max(10, rounds / 4)));
line('capacity plan, 4 teams', time(() => capacityPlan(scenarios[0]!), rounds));

const mcCold = performance.now();
const first = runMonteCarlo(scenarios[0]!, { draws, seed: 1 });
console.log(`${`Monte Carlo, ${draws} draws × ${horizon} months, first (cold) run`.padEnd(58)} ${ms(performance.now() - mcCold)}   (${first.sampled.length} ranged assumptions)`);
line(`Monte Carlo, ${draws} draws × ${horizon} months`, time(() => runMonteCarlo(scenarios[0]!, { draws, seed: 1 }), 10), 200);
line(`Monte Carlo, ${draws} draws, triangular`, time(() => runMonteCarlo(scenarios[0]!, { draws, seed: 1, distribution: 'triangular' }), 10), 200);
const t = first.totals.netSavingMicros;
console.log(`(total net saving P10/P50/P90: ${[t.p10, t.p50, t.p90].map((v) => ((v ?? 0) / 1e6).toFixed(0)).join(' / ')} GBP; P(saving) ${first.probabilityOfSaving})`);

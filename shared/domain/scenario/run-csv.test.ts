import { describe, expect, it } from 'vitest';
import { runDeterministic } from './engine';
import { exampleScenario } from './example';
import { runMonteCarlo } from './monte-carlo';
import { scenarioRunCsv } from './run-csv';

const parse = (csv: string) => csv.trim().split('\n').map((l) => l.split(','));

describe('scenarioRunCsv', () => {
  const s = exampleScenario({}, { horizonMonths: 6 });
  const run = runDeterministic(s);

  it('writes a line per month and a TOTAL line, money in major units of the currency', () => {
    const [header, ...rows] = parse(scenarioRunCsv({ ...run, currency: 'GBP', bands: null }));
    expect(header!.slice(0, 5)).toEqual(['month', 'eligible', 'routed', 'accepted', 'ai_path_cost_gbp']);
    expect(header).not.toContain('net_saving_p10_gbp');
    expect(rows.map((r) => r[0])).toEqual([...run.periods.map((p) => p.month), 'TOTAL']);
    const col = (name: string) => header!.indexOf(name);
    const total = rows.at(-1)!;
    expect(Number(total[col('net_saving_gbp')])).toBe(Math.round(run.totals.netSavingMicros / 10_000) / 100);
    // The last month's cumulative saving is the total's.
    expect(rows.at(-2)![col('cumulative_net_saving_gbp')]).toBe(total[col('cumulative_net_saving_gbp')]);
  });

  it('adds the P10/P50/P90 of net saving and cost per accepted when bands are given', () => {
    const bands = runMonteCarlo(s, { draws: 200, seed: 3 });
    const [header, ...rows] = parse(scenarioRunCsv({ ...run, currency: 'EUR', bands }));
    expect(header!.slice(-6)).toEqual(['net_saving_p10_eur', 'net_saving_p50_eur', 'net_saving_p90_eur', 'cost_per_accepted_p10_eur', 'cost_per_accepted_p50_eur', 'cost_per_accepted_p90_eur']);
    const total = rows.at(-1)!;
    expect(Number(total[header!.indexOf('net_saving_p10_eur')])).toBe(Math.round(bands.totals.netSavingMicros.p10! / 10_000) / 100);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });
});

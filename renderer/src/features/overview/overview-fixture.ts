import type { Overview } from '../../../../shared/ipc/contract';

/** A plausible quarter for tests: GBP, 42 accepted of 57 reviewed, one currency without a rate. */
export function sampleOverview(overrides: Partial<Overview> = {}): Overview {
  return {
    period: { from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026' },
    currency: 'GBP',
    figures: { accepted: 42, costPerAcceptedMicros: 38_420_000, acceptanceRate: 42 / 57, hoursFreed: 311.5, fteFreed: 0.865 },
    evidence: {
      records: 64,
      mrsReachedReview: 57,
      aiPathCostMicros: 1_613_640_000,
      costByKindMicros: { run_credits: 228_000_000, ai_credits: 195_640_000, provider: 0, ci: 45_000_000, human: 1_145_000_000 },
      baselineHours: 640,
      humanHours: 328.5,
      missingRates: [],
    },
    monthly: [
      { month: '2026-07', accepted: 12, aiPathCostMicros: 520_000_000, costPerAcceptedMicros: 43_333_333.33 },
      { month: '2026-08', accepted: 0, aiPathCostMicros: 90_000_000, costPerAcceptedMicros: null },
      { month: '2026-09', accepted: 30, aiPathCostMicros: 1_003_640_000, costPerAcceptedMicros: 33_454_666.67 },
    ],
    dataRange: { from: '2026-01-05', to: '2026-09-30' },
    ...overrides,
  };
}

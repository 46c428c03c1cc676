import type { EvidenceStep, RecordDetail, RecordRow } from '../../../../shared/ipc/contract-records';

/** An accepted record in GBP with a USD provider line converted into its provider column. */
export function sampleRecordRow(overrides: Partial<RecordRow> = {}): RecordRow {
  return {
    id: 12,
    recordKey: 'ticket:PAY-12',
    ticketKey: 'PAY-12',
    title: 'Retry ledger writes on timeout',
    team: 'Payments',
    projectKey: 'PAY',
    repository: 'northwind/ledger-service',
    issueType: 'Bug',
    size: 'S',
    outcome: 'accepted',
    periodMonth: '2026-07',
    startedAt: '2026-07-02T09:00:00Z',
    endedAt: '2026-07-06T15:30:00Z',
    mrUrl: 'https://gitlab.example/northwind/ledger-service/-/merge_requests/44',
    workspace: 'northwind-cloud',
    plan: 'Cloud',
    person: null,
    runs: 3,
    repairRuns: 1,
    reviewRounds: 2,
    ciMinutes: 26.5,
    humanHours: 2.5,
    costRunCreditsMicros: 8_000_000,
    costAiCreditsMicros: 1_250_000,
    costProviderMicros: 790_000,
    costCiMicros: 130_000,
    costHumanMicros: 212_500_000,
    costTotalMicros: 222_670_000,
    missingRates: null,
    signals: ['review_time_not_captured'],
    ...overrides,
  };
}

export function sampleStep(overrides: Partial<EvidenceStep> = {}): EvidenceStep {
  return {
    at: '2026-07-02T09:00:00Z',
    kind: 'ticket_created',
    title: 'Ticket PAY-12 created',
    detail: 'Bug: Retry ledger writes on timeout',
    tone: 'neutral',
    source: { kind: 'jira', label: 'PAY-12', url: 'https://northwind.atlassian.example/browse/PAY-12', file: null, line: null },
    ...overrides,
  };
}

export function sampleDetail(overrides: Partial<RecordDetail> = {}): RecordDetail {
  const line = (kind: RecordDetail['costLines'][number]['kind'], amountMicros: number, extra: Partial<RecordDetail['costLines'][number]> = {}) => ({
    kind,
    basis: 'measured' as const,
    evidence: `${kind} evidence`,
    occurredOn: '2026-07-03',
    quantity: 1,
    unit: 'units',
    amountMicros,
    currency: 'GBP',
    convertedMicros: amountMicros,
    ...extra,
  });
  return {
    record: sampleRecordRow(),
    costLines: [
      line('run_credits', 4_000_000, { quantity: 1, unit: 'run credits' }),
      line('run_credits', 4_000_000, { quantity: 1, unit: 'run credits' }),
      line('ai_credits', 1_250_000, { quantity: 125, unit: 'AI credits' }),
      line('provider', 1_000_000, { currency: 'USD', convertedMicros: 790_000, quantity: 120_000, unit: 'tokens' }),
      line('ci', 130_000, { quantity: 26.5, unit: 'CI minutes' }),
      line('human', 85_000_000, { basis: 'estimated', quantity: 1, unit: 'hours', evidence: 'review: 2 rounds × 30 min' }),
      line('human', 127_500_000, { quantity: 1.5, unit: 'hours' }),
    ],
    signals: [{ code: 'review_time_not_captured', label: 'Review time not captured (estimated from rounds)', detail: '2 review rounds, no review time logged' }],
    timeline: [
      sampleStep(),
      sampleStep({
        at: '2026-07-02T10:00:00Z',
        kind: 'run_event',
        title: 'Run r1: validation failed',
        tone: 'bad',
        source: { kind: 'import', label: 'relay-events.csv line 1204', url: null, file: 'relay-events.csv', line: 1204 },
      }),
      sampleStep({
        at: '2026-07-02T11:00:00Z',
        kind: 'mr_opened',
        title: 'MR !44 opened',
        source: { kind: 'gitlab', label: 'northwind/ledger-service!44', url: 'https://gitlab.example/northwind/ledger-service/-/merge_requests/44', file: null, line: null },
      }),
    ],
    truncated: false,
    ...overrides,
  };
}

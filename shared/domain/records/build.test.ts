import { describe, expect, it } from 'vitest';
import { buildRecords } from './build';
import { WorkspaceSettingsSchema } from '../settings';
import type { MergeRequestInput, RecordInputs, RunEventInput, WorkItemInput } from './types';
import { emptySums, metricValue, type MeasureSums } from '../metrics';

const settings = WorkspaceSettingsSchema.parse({ currency: 'GBP', loadedHourlyRateMicros: 100_000_000, reviewMinutesPerRound: 30, rollbackWindowDays: 14 });

const item = (key: string, loggedHours: number, over: Partial<WorkItemInput> = {}): WorkItemInput => ({
  id: Number(key.split('-')[1]),
  key,
  summary: `Work ${key}`,
  assignee: null,
  projectKey: 'PAY',
  issueType: 'Story',
  storyPoints: 3,
  statusCategory: 'done',
  createdAt: '2026-05-01T09:00:00.000Z',
  resolvedAt: '2026-05-20T09:00:00.000Z',
  loggedSeconds: loggedHours * 3600,
  labels: [],
  linkedKeys: [],
  worklogs: loggedHours > 0 ? [{ startedAt: '2026-05-02T09:00:00.000Z', seconds: loggedHours * 3600, comment: null }] : [],
  ...over,
});

const url = (iid: number) => `https://gitlab.test/pay/app/-/merge_requests/${iid}`;
const mr = (iid: number, over: Partial<MergeRequestInput>): MergeRequestInput => ({
  id: iid,
  repository: 'pay/app',
  iid,
  title: '',
  description: '',
  sourceBranch: `feature/x-${iid}`,
  labels: [],
  authorUsername: 'human',
  state: 'merged',
  draft: false,
  createdAt: '2026-05-10T09:00:00.000Z',
  updatedAt: '2026-05-12T09:00:00.000Z',
  mergedAt: '2026-05-12T09:00:00.000Z',
  closedAt: null,
  shas: [],
  webUrl: url(iid),
  requestedChanges: 0,
  reviewActivity: 0,
  ciMinutesByRunner: {},
  firstReviewAt: null,
  pipelines: 0,
  passedPipelineBeforeReview: false,
  ...over,
});

let n = 0;
const ev = (type: string, over: Partial<RunEventInput>): RunEventInput => ({
  eventId: `e${(n += 1)}`,
  occurredAt: `2026-05-10T09:${String(n).padStart(2, '0')}:00.000Z`,
  type,
  ticketKey: null,
  runId: null,
  parentRunId: null,
  runCreditsMicros: 0,
  aiCreditsMicros: 0,
  amountMicros: 0,
  currency: 'GBP',
  mrUrl: null,
  supersedesEventId: null,
  workspace: 'pay',
  provider: null,
  model: null,
  tokens: 0,
  ...over,
});

const inputs: RecordInputs = {
  providerLines: [],
  workItems: [item('PAY-1', 1), item('PAY-2', 0), item('PAY-3', 10), item('PAY-4', 6), item('PAY-5', 0)],
  mergeRequests: [
    mr(1, { title: 'PAY-1: add retry', authorUsername: 'relay-bot', sourceBranch: 'ai/PAY-1-retry', requestedChanges: 1, reviewActivity: 3, ciMinutesByRunner: { instance_type: 10 } }),
    mr(3, { title: 'PAY-3: human work' }),
    mr(5, { title: 'PAY-5: cache', authorUsername: 'relay-bot', shas: ['abc1234def'] }),
    mr(6, { title: 'Revert "PAY-5: cache"', description: 'This reverts commit abc1234def.', mergedAt: '2026-05-15T09:00:00.000Z' }),
  ],
  runEvents: [
    ev('model_call_reserved', { ticketKey: 'PAY-1', runId: 'r1', amountMicros: 0 }),
    ev('model_call_settled', { ticketKey: 'PAY-1', runId: 'r1', aiCreditsMicros: 50_000_000, amountMicros: 500_000 }),
    ev('validation_failed', { ticketKey: 'PAY-1', runId: 'r1' }),
    ev('continuation_run', { ticketKey: 'PAY-1', runId: 'r2', parentRunId: 'r1' }),
    ev('pr_created', { ticketKey: 'PAY-1', runId: 'r2', runCreditsMicros: 1_000_000, amountMicros: 4_000_000, mrUrl: url(1) }),
    ev('pr_updated', { ticketKey: 'PAY-1', runId: 'r2', runCreditsMicros: 1_000_000, amountMicros: 4_000_000, mrUrl: url(1) }),
    ev('ticket_denied', { ticketKey: 'PAY-2' }),
    ev('pr_created', { ticketKey: 'PAY-5', runId: 'r3', runCreditsMicros: 1_000_000, amountMicros: 2_000_000, mrUrl: url(5) }),
  ],
};

const total = (records: ReturnType<typeof buildRecords>['records']): MeasureSums => {
  const s = emptySums();
  for (const r of records) {
    s.records += 1;
    for (const [k, v] of Object.entries(r.measures)) s[k as keyof MeasureSums] += v;
    for (const l of r.costLines) s[`cost_${l.kind}`] += l.amountMicros;
  }
  return s;
};

describe('buildRecords on a hand-built workspace', () => {
  const { records, unlinked } = buildRecords(inputs, settings);
  const byKey = new Map(records.map((r) => [r.ticketKey, r]));

  it('makes one record per ticket that entered the AI path, and none for human work', () => {
    expect(records.map((r) => r.ticketKey)).toEqual(['PAY-1', 'PAY-2', 'PAY-5']);
    expect(unlinked).toEqual([]);
  });

  it('classifies outcomes: accepted, denied, and rolled back by a revert inside the window', () => {
    expect(byKey.get('PAY-1')?.outcome).toBe('accepted');
    expect(byKey.get('PAY-2')?.outcome).toBe('denied');
    expect(byKey.get('PAY-5')?.outcome).toBe('rolled_back');
    expect(byKey.get('PAY-5')?.mergeRequests).toEqual([{ id: 5, role: 'change' }, { id: 6, role: 'revert' }]);
  });

  it('counts runs, validation and repairs as worked out by hand', () => {
    const m = byKey.get('PAY-1')!.measures;
    // r1 failed validation first; r2 (a continuation) published first time.
    expect(m).toMatchObject({ runs: 2, runs_reached_validation: 2, runs_first_pass: 1, repair_runs: 1, accepted: 1, review_rounds: 2 });
    expect(m.review_hours).toBe(1); // 2 rounds × 30 min
    expect(m.human_hours).toBe(2); // 1 h logged + 1 h review
    expect(m.baseline_hours).toBe(8); // Story/S human history: (10 h + 6 h) / 2
  });

  it('prices every cost line, never counting the reserved hold', () => {
    const lines = byKey.get('PAY-1')!.costLines;
    const byKind = (k: string) => lines.filter((l) => l.kind === k).reduce((a, l) => a + l.amountMicros, 0);
    expect(byKind('run_credits')).toBe(8_000_000);
    expect(byKind('ai_credits')).toBe(500_000);
    expect(byKind('ci')).toBe(10 * 6_000);
    expect(byKind('human')).toBe(200_000_000);
    expect(lines.find((l) => l.kind === 'human' && l.basis === 'estimated')?.evidence).toMatch(/2 review rounds/);
  });

  it('gives headline metrics as ratios of sums', () => {
    const s = total(records);
    const params = { productiveHoursPerFtePerMonth: 120, months: 1 };
    // PAY-1: 8 + 0.5 + 200 + 0.06; PAY-5: 2 run credits + 0.5 h review × 100 = 52; PAY-2: nothing billed.
    expect(metricValue('cost_per_accepted', s, params)).toBe(260_560_000);
    expect(metricValue('acceptance_rate', s, params)).toBe(0.5); // 1 accepted of 2 MRs that reached review
    expect(metricValue('rollback_rate', s, params)).toBe(0.5);
    expect(metricValue('hours_freed', s, params)).toBe(8 - 2 - 0.5);
  });

  it('lets a superseding row replace the one it corrects', () => {
    const corrected = buildRecords(
      { ...inputs, runEvents: [...inputs.runEvents, ev('pr_created', { ticketKey: 'PAY-5', runId: 'r3', runCreditsMicros: 0, amountMicros: 0, mrUrl: url(5), supersedesEventId: inputs.runEvents[7]!.eventId })] },
      settings,
    );
    expect(corrected.records.find((r) => r.ticketKey === 'PAY-5')!.costLines.filter((l) => l.kind === 'run_credits')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTimeline, formatDuration, MAX_TIMELINE_STEPS, type EvidenceMergeRequest, type EvidenceParts, type EvidenceRunEvent } from './evidence';

const MR_URL = 'https://gitlab.test/pay/ledger/-/merge_requests/134';
const FILE = 'relay-events-2026.csv';

let line = 100;
const ev = (type: string, at: string, over: Partial<EvidenceRunEvent> = {}): EvidenceRunEvent => ({
  eventId: `e${line}`,
  occurredAt: at,
  type,
  ticketKey: 'PAY-12',
  runId: 'r_7f3a',
  parentRunId: null,
  reasonCode: null,
  reasonDetail: null,
  runCreditsMicros: 0,
  aiCreditsMicros: 0,
  amountMicros: 0,
  currency: 'GBP',
  model: null,
  tokens: 0,
  reservationId: null,
  mrUrl: null,
  supersedesEventId: null,
  file: FILE,
  line: line++,
  ...over,
});

const mr = (over: Partial<EvidenceMergeRequest> = {}): EvidenceMergeRequest => ({
  id: 1,
  role: 'change',
  repository: 'pay/ledger',
  iid: 134,
  title: 'PAY-12: Settle refunds',
  state: 'merged',
  draft: false,
  authorId: 9,
  authorIsBot: true,
  createdAt: '2026-05-04T10:00:00.000Z',
  mergedAt: '2026-05-06T16:00:00.000Z',
  closedAt: null,
  webUrl: MR_URL,
  reviews: [],
  approvals: [],
  pipelines: [],
  ...over,
});

const parts = (over: Partial<EvidenceParts> = {}): EvidenceParts => ({
  ticket: { key: 'PAY-12', summary: 'Settle refunds', issueType: 'Story', createdAt: '2026-05-01T09:00:00.000Z', webUrl: 'https://jira.test/browse/PAY-12' },
  statusChanges: [],
  worklogs: [],
  linkedItems: [],
  runEvents: [],
  mergeRequests: [],
  ...over,
});

// A record with a bit of everything: a failed then a published run, a pipeline, a review, a merge, a revert and a follow-up bug.
const full = (): EvidenceParts =>
  parts({
    statusChanges: [
      { at: '2026-05-06T17:00:00.000Z', from: 'In Review', to: 'Done', toCategory: 'done' },
      { at: '2026-05-03T09:00:00.000Z', from: 'Backlog', to: 'Selected for Development', toCategory: 'new' },
      { at: '2026-05-04T09:00:00.000Z', from: 'Selected for Development', to: 'In Progress', toCategory: 'indeterminate' },
    ],
    worklogs: [{ startedAt: '2026-05-02T09:00:00.000Z', seconds: 5400, author: 'Ana Lima', comment: 'triage with Ana' }],
    linkedItems: [
      { key: 'PAY-30', issueType: 'Bug', summary: 'Refunds double-settled', createdAt: '2026-05-08T09:00:00.000Z', webUrl: 'https://jira.test/browse/PAY-30' },
      { key: 'PAY-5', issueType: 'Bug', summary: 'Older bug', createdAt: '2026-04-01T09:00:00.000Z', webUrl: null },
      { key: 'PAY-31', issueType: 'Story', summary: 'Next story', createdAt: '2026-05-09T09:00:00.000Z', webUrl: null },
    ],
    runEvents: [
      ev('validation_failed', '2026-05-04T09:30:00.000Z', { reasonCode: 'tests_failed', reasonDetail: '2 unit tests failing' }),
      ev('pr_created', '2026-05-04T10:00:00.000Z', { runId: 'r_7f3b', runCreditsMicros: 1_000_000, amountMicros: 4_000_000, mrUrl: MR_URL }),
    ],
    mergeRequests: [
      mr({
        reviews: [
          { kind: 'requested_changes', at: '2026-05-05T09:00:00.000Z', authorId: 20, author: 'Bea Kowalska', authorIsBot: false, body: null },
          { kind: 'approved', at: '2026-05-06T15:00:00.000Z', authorId: 20, author: 'Bea Kowalska', authorIsBot: false, body: null },
        ],
        // The same approval seen by the approvals API is not a second step.
        approvals: [
          { at: '2026-05-06T15:00:01.000Z', userId: 20, author: 'Bea Kowalska' },
          { at: '2026-05-06T15:30:00.000Z', userId: 21, author: 'Chen Wei' },
        ],
        pipelines: [
          {
            externalId: '991',
            status: 'success',
            createdAt: '2026-05-04T10:01:00.000Z',
            updatedAt: '2026-05-04T10:07:00.000Z',
            finishedAt: '2026-05-04T10:07:00.000Z',
            durationS: 360,
            webUrl: 'https://gitlab.test/pay/ledger/-/pipelines/991',
            jobs: [],
          },
          {
            externalId: '990',
            status: 'failed',
            createdAt: '2026-05-04T09:40:00.000Z',
            updatedAt: '2026-05-04T09:45:00.000Z',
            finishedAt: null,
            durationS: 290,
            webUrl: null,
            jobs: [
              { name: 'test:unit', status: 'failed', allowFailure: false, retried: false, failureReason: 'script_failure' },
              { name: 'sast', status: 'failed', allowFailure: true, retried: false, failureReason: null },
              { name: 'lint', status: 'success', allowFailure: false, retried: false, failureReason: null },
            ],
          },
        ],
      }),
      mr({ id: 2, role: 'revert', iid: 140, title: 'Revert "PAY-12: Settle refunds"', createdAt: '2026-05-09T10:00:00.000Z', mergedAt: '2026-05-09T12:00:00.000Z', webUrl: 'https://gitlab.test/pay/ledger/-/merge_requests/140' }),
    ],
  });

const titles = (p: EvidenceParts, peopleViews = false) => buildTimeline(p, { peopleViews }).steps.map((s) => s.title);
const time = (at: string) => Date.parse(at);

describe('buildTimeline', () => {
  it('puts every part of the chain in time order, with causal order for steps at the same instant', () => {
    const { steps, truncated } = buildTimeline(full(), { peopleViews: false });
    expect(truncated).toBe(false);
    expect(steps.map((s) => s.title)).toEqual([
      'Ticket PAY-12 created',
      '1 h 30 min logged on PAY-12',
      'Ticket PAY-12 made ready (Selected for Development)',
      'Ticket PAY-12 moved to In Progress',
      'Run r_7f3a: validation failed (tests_failed)',
      'Pipeline #990 failed in 5 min',
      'Run r_7f3b published MR !134 — 1 run credit, GBP 4.00',
      'MR !134 opened',
      'Pipeline #991 passed in 6 min',
      'Review: changes requested by a reviewer',
      'Approved by a reviewer',
      'Approved by a reviewer',
      'Merged !134',
      'Ticket PAY-12 closed as Done',
      'Follow-up bug PAY-30 raised',
      'Reverted by !140',
    ]);
    for (let i = 1; i < steps.length; i += 1) expect(time(steps[i]!.at)).toBeGreaterThanOrEqual(time(steps[i - 1]!.at));
  });

  it('orders by instant, not by text, when timestamps differ in precision', () => {
    const steps = buildTimeline(parts({ ticket: null, runEvents: [ev('run_blocked', '2026-05-04T09:30:08Z'), ev('validation_failed', '2026-05-04T09:30:07.900Z')] }), { peopleViews: false }).steps;
    expect(steps.map((s) => s.at)).toEqual(['2026-05-04T09:30:07.900Z', '2026-05-04T09:30:08Z']);
  });

  it('colours steps by what they say about the work', () => {
    const tone = Object.fromEntries(buildTimeline(full(), { peopleViews: false }).steps.map((s) => [s.title, s.tone]));
    expect(tone['Run r_7f3a: validation failed (tests_failed)']).toBe('bad');
    expect(tone['Run r_7f3b published MR !134 — 1 run credit, GBP 4.00']).toBe('good');
    expect(tone['Pipeline #991 passed in 6 min']).toBe('good');
    expect(tone['Pipeline #990 failed in 5 min']).toBe('bad');
    expect(tone['Review: changes requested by a reviewer']).toBe('bad');
    expect(tone['Approved by a reviewer']).toBe('good');
    expect(tone['Merged !134']).toBe('good');
    expect(tone['Reverted by !140']).toBe('bad');
    expect(tone['Follow-up bug PAY-30 raised']).toBe('bad');
    expect(tone['MR !134 opened']).toBe('neutral');
    expect(tone['Ticket PAY-12 created']).toBe('neutral');
    const closed = buildTimeline(parts({ mergeRequests: [mr({ state: 'closed', mergedAt: null, closedAt: '2026-05-07T09:00:00.000Z' })] }), { peopleViews: false }).steps;
    expect(closed.at(-1)).toMatchObject({ kind: 'closed', title: 'Closed !134 without merging', tone: 'bad' });
  });

  it('names the source of each step: Jira key, MR or pipeline, imported file and line', () => {
    const steps = buildTimeline(full(), { peopleViews: false }).steps;
    const by = (title: string) => steps.find((s) => s.title === title)!.source;
    expect(by('Ticket PAY-12 created')).toEqual({ kind: 'jira', label: 'PAY-12', url: 'https://jira.test/browse/PAY-12', file: null, line: null });
    expect(by('MR !134 opened')).toEqual({ kind: 'gitlab', label: 'pay/ledger!134', url: MR_URL, file: null, line: null });
    expect(by('Pipeline #991 passed in 6 min').url).toBe('https://gitlab.test/pay/ledger/-/pipelines/991');
    // A pipeline without its own link points at its MR.
    expect(by('Pipeline #990 failed in 5 min').url).toBe(MR_URL);
    const run = by('Run r_7f3a: validation failed (tests_failed)');
    expect(run).toMatchObject({ kind: 'import', file: FILE });
    expect(run.label).toBe(`${FILE} line ${run.line}`);
    expect(by('Follow-up bug PAY-30 raised')).toMatchObject({ kind: 'jira', label: 'PAY-30', url: 'https://jira.test/browse/PAY-30' });
  });

  it('lists the failed jobs that failed the pipeline, not allowed failures', () => {
    const step = buildTimeline(full(), { peopleViews: false }).steps.find((s) => s.kind === 'pipeline' && s.tone === 'bad')!;
    expect(step.detail).toBe('3 jobs; failed: test:unit (script_failure)');
  });

  it("collapses a run's reserved and settled model calls into one step", () => {
    const calls = [
      ev('continuation_run', '2026-05-04T11:00:00.000Z', { parentRunId: 'r_7f3b' }),
      ev('model_call_reserved', '2026-05-04T11:00:00.000Z', { reservationId: 'a', model: 'claude-sonnet-4-6' }),
      ev('model_call_settled', '2026-05-04T11:01:00.000Z', { reservationId: 'a', model: 'claude-sonnet-4-6', tokens: 20_000, aiCreditsMicros: 6_000_000, amountMicros: 60_000 }),
      ev('model_call_reserved', '2026-05-04T11:02:00.000Z', { reservationId: 'b', model: 'gpt-5' }),
      ev('model_call_settled', '2026-05-04T11:03:00.000Z', { reservationId: 'b', model: 'gpt-5', tokens: 15_000, aiCreditsMicros: 4_000_000, amountMicros: 40_000 }),
      ev('model_call_reserved', '2026-05-04T11:04:00.000Z', { reservationId: 'c', model: 'gpt-5' }),
      ev('model_call_settled', '2026-05-04T11:05:00.000Z', { reservationId: 'c', model: 'gpt-5', tokens: 6_200, aiCreditsMicros: 2_500_000, amountMicros: 25_000 }),
      ev('model_call_reserved', '2026-05-04T11:06:00.000Z', { runId: 'r_other', reservationId: 'd' }),
    ];
    const steps = buildTimeline(parts({ ticket: null, runEvents: calls }), { peopleViews: false }).steps;
    expect(steps.map((s) => s.title)).toEqual([
      'Continuation run r_7f3a started after r_7f3b',
      'Run r_7f3a: 3 model calls, 41,200 tokens, 12.5 AI credits',
      'Run r_other: 1 model call, 0 tokens, 0 AI credits',
    ]);
    expect(steps[1]!.at).toBe('2026-05-04T11:00:00.000Z');
    expect(steps[1]!.detail).toBe(`claude-sonnet-4-6, gpt-5; GBP 0.13 settled; lines ${calls[1]!.line}–${calls[6]!.line}`);
    expect(steps[1]!.source.line).toBe(calls[1]!.line);
    expect(steps[2]!.detail).toBe('1 reservation not settled');
  });

  it('leaves out run events that a later row superseded', () => {
    const first = ev('pr_created', '2026-05-04T10:00:00.000Z', { runCreditsMicros: 1_000_000, amountMicros: 4_000_000, mrUrl: MR_URL });
    const fix = ev('pr_created', '2026-05-04T10:00:00.000Z', { runCreditsMicros: 1_000_000, amountMicros: 2_000_000, mrUrl: MR_URL, supersedesEventId: first.eventId });
    expect(titles(parts({ ticket: null, runEvents: [first, fix] }))).toEqual(['Run r_7f3a published MR !134 — 1 run credit, GBP 2.00']);
  });

  it('raises follow-up bugs only for linked bugs created after the merge', () => {
    const t = titles(full());
    expect(t).toContain('Follow-up bug PAY-30 raised');
    expect(t.some((x) => x.includes('PAY-5') || x.includes('PAY-31'))).toBe(false);
    expect(titles(parts({ linkedItems: full().linkedItems }))).not.toContain('Follow-up bug PAY-30 raised');
  });

  it('folds adjacent review comments on one MR into one step', () => {
    const c = (at: string, authorId: number, author: string) => ({ kind: 'diff_comment' as const, at, authorId, author, authorIsBot: authorId === 9, body: 'secret text' });
    const p = parts({
      ticket: null,
      mergeRequests: [
        mr({
          state: 'opened',
          mergedAt: null,
          reviews: [c('2026-05-05T09:00:00.000Z', 20, 'Bea Kowalska'), c('2026-05-05T09:05:00.000Z', 21, 'Chen Wei'), c('2026-05-05T09:06:00.000Z', 20, 'Bea Kowalska'), c('2026-05-05T10:00:00.000Z', 9, 'Relay')],
        }),
      ],
      runEvents: [ev('pr_updated', '2026-05-05T11:00:00.000Z', { mrUrl: MR_URL }), ev('validation_failed', '2026-05-05T11:30:00.000Z')],
    });
    p.mergeRequests[0]!.reviews.push(c('2026-05-05T12:00:00.000Z', 21, 'Chen Wei'));
    expect(titles(p)).toEqual([
      'MR !134 opened',
      'Review: 3 comments from 2 reviewers, 1 reply from the AI agent',
      'Run r_7f3a updated MR !134',
      'Run r_7f3a: validation failed',
      'Review: 1 comment from a reviewer',
    ]);
    expect(titles(p, true)[1]).toBe('Review: 3 comments from Bea Kowalska, Chen Wei, 1 reply from Relay');
  });

  it('names no one unless person-level views are on', () => {
    const names = ['Ana Lima', 'Bea Kowalska', 'Chen Wei', 'triage with Ana'];
    const off = buildTimeline(full(), { peopleViews: false }).steps;
    for (const s of off) for (const n of names) expect(`${s.title} ${s.detail ?? ''} ${s.source.label}`).not.toContain(n);
    const on = buildTimeline(full(), { peopleViews: true }).steps.map((s) => s.title);
    expect(on).toContain('Review: changes requested by Bea Kowalska');
    expect(on).toContain('Approved by Chen Wei');
    expect(on).toContain('1 h 30 min logged on PAY-12 by Ana Lima');
  });

  it('keeps the newest steps when the chain is too long, and says so', () => {
    const events = Array.from({ length: MAX_TIMELINE_STEPS + 50 }, (_, i) => ev('validation_failed', new Date(Date.UTC(2026, 4, 1) + i * 60_000).toISOString(), { runId: `r_${i}` }));
    const { steps, truncated } = buildTimeline(parts({ ticket: null, runEvents: events }), { peopleViews: false });
    expect(truncated).toBe(true);
    expect(steps).toHaveLength(MAX_TIMELINE_STEPS);
    expect(steps.at(-1)!.title).toBe(`Run r_${MAX_TIMELINE_STEPS + 49}: validation failed`);
    expect(steps[0]!.title).toBe('Run r_50: validation failed');
    expect(buildTimeline(full(), { peopleViews: false, maxSteps: 3 })).toMatchObject({ truncated: true, steps: [{ title: 'Ticket PAY-12 closed as Done' }, {}, { title: 'Reverted by !140' }] });
  });

  it('words denied tickets, blocked runs, unmerged reverts and drafts plainly', () => {
    const p = parts({
      runEvents: [ev('ticket_denied', '2026-05-02T09:00:00.000Z', { runId: null, reasonCode: 'out_of_scope' }), ev('run_blocked', '2026-05-02T10:00:00.000Z', { reasonCode: 'needs_credentials' })],
      mergeRequests: [mr({ draft: true, state: 'opened', mergedAt: null }), mr({ id: 2, role: 'revert', iid: 7, repository: 'pay/other', state: 'opened', mergedAt: null, createdAt: '2026-05-09T10:00:00.000Z' })],
    });
    expect(titles(p)).toEqual([
      'Ticket PAY-12 created',
      'Ticket PAY-12 denied before a run (out_of_scope)',
      'Run r_7f3a blocked before code changes (needs_credentials)',
      'Draft MR !134 opened',
      'Revert proposed in pay/other!7 (not merged)',
    ]);
  });
});

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect([formatDuration(45), formatDuration(360), formatDuration(3600), formatDuration(3900)]).toEqual(['45 s', '6 min', '1 h', '1 h 5 min']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRecords } from '../../electron/records/rebuild';
import { planRules } from '../../shared/domain/plans';
import { handBuilder } from '../support/hand-built';
import { call, callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// A hand-built workspace whose every figure is worked out by hand below (May 2026, GBP):
//
// PAY-1 (Story, 3 pts → size S, labels maint+backend), AI path, accepted:
//   runs r1 (pr_created, pr_updated: 1 credit each, inside the 2 free) and r2 (continuation of r1,
//   pr_updated: 1 credit billed £4) → 2 runs, 1 repair run, both passed validation first time.
//   MR !1 merged 05-08; pipelines failed (10 + 5 min) and passed (20 min) before the first review;
//   review: changes requested + an approval → 1 + 1 = 2 rounds × 30 min = 1 h (estimated).
//   Worklogs: 2 h on 05-02 (before the first run: intake), 1 h on 05-09 (after the merge: rework).
//   Cost: run credits £4 + CI 35 min × £0.01 = £0.35 + human (2 + 1 + 1) h × £100 = £400 → £404.35.
// PAY-2 (Story, 3 pts), AI path, rejected:
//   run r3 failed validation, then published (1 credit, £4), then pr_updated billed 2 credits £8
//   where the plan says 1 credit (£4): a billing mismatch. MR !2 closed, one review comment → 1 round
//   → 0.5 h = £50. No pipeline ran before review. Cost: £4 + £8 + £50 = £62.
// PAY-3 (8 h) and PAY-4 (4 h): finished Story/S human work → baseline for Story/S = (8 + 4) / 2 = 6 h.
// r9: a published run with no ticket (unlinked); MR !3 by the bot with no ticket key (unlinked).
//
// Totals: AI-path cost £466.35, 1 accepted → cost per accepted £466.35; acceptance 1 / 2 MRs that
// reached review = 50%; first-pass validation 2 / 3 runs; repairs per accepted 1; human hours
// 4 + 0.5 = 4.5, baseline 6 (accepted work only) → hours freed 1.5.
const HOUR_RATE = 100_000_000;

let t: TestWorkspace;

beforeAll(async () => {
  t = testWorkspace();
  const db = t.ws.db;
  const b = handBuilder(db);
  const pay1 = b.item('PAY-1', { labels: ['maint', 'backend'] });
  b.item('PAY-2', {});
  const pay3 = b.item('PAY-3', {});
  const pay4 = b.item('PAY-4', {});
  b.worklog(pay1, '2026-05-02T09:00:00.000Z', 2);
  b.worklog(pay1, '2026-05-09T09:00:00.000Z', 1);
  b.worklog(pay3, '2026-05-03T09:00:00.000Z', 8);
  b.worklog(pay4, '2026-05-03T09:00:00.000Z', 4);
  const mr1 = b.mr(1, { title: 'PAY-1: retry payouts', branch: 'ai/pay-1-retry', state: 'merged', created: '2026-05-05T10:00:00.000Z', merged: '2026-05-08T10:00:00.000Z' });
  b.pipeline(1, 'failed', '2026-05-05T12:00:00.000Z', [10, 5]);
  b.pipeline(1, 'success', '2026-05-05T13:00:00.000Z', [20]);
  b.review(mr1, 'requested_changes', '2026-05-06T08:00:00.000Z');
  b.approve(mr1, '2026-05-07T08:00:00.000Z');
  const mr2 = b.mr(2, { title: 'PAY-2: fees', branch: 'ai/pay-2-fees', state: 'closed', created: '2026-05-10T10:00:00.000Z', closed: '2026-05-12T10:00:00.000Z' });
  b.review(mr2, 'comment', '2026-05-11T08:00:00.000Z');
  b.mr(3, { title: 'Tidy config', branch: 'ai/cleanup', state: 'opened', created: '2026-05-15T10:00:00.000Z' });
  b.event({ at: '2026-05-05T10:00:00.000Z', type: 'pr_created', ticket: 'PAY-1', run: 'r1', credits: 1, amount: 0, mr: 1 });
  b.event({ at: '2026-05-05T11:00:00.000Z', type: 'pr_updated', ticket: 'PAY-1', run: 'r1', credits: 1, amount: 0, mr: 1 });
  b.event({ at: '2026-05-06T09:00:00.000Z', type: 'continuation_run', ticket: 'PAY-1', run: 'r2', parent: 'r1' });
  b.event({ at: '2026-05-06T10:00:00.000Z', type: 'pr_updated', ticket: 'PAY-1', run: 'r2', credits: 1, amount: 4, mr: 1 });
  b.event({ at: '2026-05-10T09:00:00.000Z', type: 'validation_failed', ticket: 'PAY-2', run: 'r3' });
  b.event({ at: '2026-05-10T10:00:00.000Z', type: 'pr_created', ticket: 'PAY-2', run: 'r3', credits: 1, amount: 4, mr: 2 });
  b.event({ at: '2026-05-11T10:00:00.000Z', type: 'pr_updated', ticket: 'PAY-2', run: 'r3', credits: 2, amount: 8, mr: 2 });
  b.event({ at: '2026-05-20T10:00:00.000Z', type: 'pr_created', run: 'r9', credits: 1, amount: 4 });
  t.ws.updateSettings({
    currency: 'GBP',
    loadedHourlyRateMicros: HOUR_RATE,
    reviewMinutesPerRound: 30,
    ciMinuteRateMicros: { instance_type: 10_000 },
    repairBudget: 0,
    teamByProject: { PAY: 'Payments' },
    plans: [planRules({ name: 'P', freeCredits: 2, pricePerCreditMicros: 4_000_000, creditsPerEvent: { pr_created: 1, pr_updated: 1 } })],
    planByWorkspace: { w: 'P' },
  });
  rebuildRecords(db, t.ws.settings());
  await call(t, 'pilots:save', { name: 'All PAY', scope: { projects: ['PAY'] } });
  await call(t, 'pilots:save', { name: 'Maintenance', scope: { labels: ['maint'] } });
});
afterAll(() => t.cleanup());

describe('metrics on a hand-built workspace', () => {
  it('gives the hand-worked totals as ratios of sums', async () => {
    const m = await call(t, 'metrics:get', {});
    expect(m.total.sums.records).toBe(2);
    expect(m.total.sums.accepted).toBe(1);
    expect(m.total.metrics.ai_path_cost).toBe(466_350_000);
    expect(m.total.metrics.cost_per_accepted).toBe(466_350_000);
    expect(m.total.metrics.acceptance_rate).toBe(0.5);
    expect(m.total.metrics.first_pass_validation_rate).toBeCloseTo(2 / 3, 12);
    expect(m.total.metrics.repair_attempts_per_accepted).toBe(1);
    expect(m.total.metrics.rollback_rate).toBe(0);
    expect(m.total.metrics.review_hours).toBe(1.5);
    expect(m.total.sums.human_hours).toBe(4.5);
    expect(m.total.metrics.hours_freed).toBe(1.5);
  });

  it('prices each record line by line, saying what is measured and what is estimated', async () => {
    const { rows } = await call(t, 'records:list', { search: 'PAY-1' });
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r).toMatchObject({ outcome: 'accepted', team: 'Payments', runs: 2, repairRuns: 1, reviewRounds: 2, costRunCreditsMicros: 4_000_000, costCiMicros: 350_000, costHumanMicros: 4 * HOUR_RATE, costTotalMicros: 404_350_000 });
    const lines = t.ws.db.prepare("SELECT kind, basis, quantity, evidence FROM record_cost_lines WHERE record_id = ? AND kind = 'human' ORDER BY line_no").all(r.id) as { basis: string; quantity: number; evidence: string }[];
    expect(lines.map((l) => [l.basis, l.quantity, l.evidence.split(':')[0]])).toEqual([
      ['measured', 2, 'intake'],
      ['estimated', 1, 'review'],
      ['measured', 1, 'rework'],
    ]);
  });

  it('never counts a record twice, however many runs, pipelines, jobs, cost lines, labels and pilots it has', async () => {
    // PAY-1 has 2 runs, 2 pipelines with 3 jobs, 3+ cost lines, 2 labels and sits in both pilots.
    for (const by of ['team', 'outcome', 'month', 'repository', 'size'] as const) {
      const m = await call(t, 'metrics:get', { by });
      const records = m.rows.reduce((n, r) => n + r.sums.records, 0);
      const cost = m.rows.reduce((n, r) => n + (r.metrics.ai_path_cost ?? 0), 0);
      expect([by, records, cost]).toEqual([by, 2, 466_350_000]);
    }
    const maint = await call(t, 'metrics:get', { pilot: 'Maintenance' });
    expect(maint.total.sums).toMatchObject({ records: 1, accepted: 1, runs: 2, ci_minutes: 35 });
    expect(maint.total.metrics.cost_per_accepted).toBe(404_350_000);
    const all = await call(t, 'pilots:scorecard', { id: (await call(t, 'pilots:list', {})).find((p) => p.name === 'All PAY')!.id });
    expect(all.records).toBe(2);
    expect(all.metrics.cost_per_accepted).toBe(466_350_000);
  });

  it('reconciles billed run credits with the plan and points at the record behind the difference', async () => {
    const { rows } = await call(t, 'records:reconciliation', {});
    // Billed 1+1+0+1 +0+1+2 +1 = 7 credits, £20; the plan implies 6 credits, 4 beyond the 2 free → £16.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ month: '2026-05', workspace: 'w', plan: 'P', billedCredits: 7, impliedCredits: 6, billedMicros: 20_000_000, impliedMicros: 16_000_000, mismatchedEvents: 1 });
    const pay2 = (await call(t, 'records:list', { search: 'PAY-2' })).rows[0]!;
    expect(rows[0]!.recordIds).toEqual([pay2.id]);
  });

  it('raises the risk signals with the records behind them, and lists what is unlinked', async () => {
    const { signals } = await call(t, 'records:signals', {});
    const ids = Object.fromEntries(signals.map((s) => [s.code, s.count]));
    expect(ids).toMatchObject({ repair_over_budget: 1, billing_mismatch: 1, no_validation_before_review: 1, review_time_not_captured: 2, no_review: 0, run_without_ticket: 1, ai_mr_without_ticket: 1 });
    const unlinked = await call(t, 'records:unlinked', {});
    expect(unlinked.counts).toEqual({ run_without_ticket: 1, run_without_mr: 0, ai_mr_without_ticket: 1, billing_line_without_run: 0 });
    expect(unlinked.items.find((i) => i.kind === 'ai_mr_without_ticket')?.ref).toBe('pay/app!3');
  });

  it('re-links when a rule changes, without re-syncing, and can price run credits from the plan instead', async () => {
    const before = t.ws.settings();
    const r = await call(t, 'settings:update', { linking: { ...before.linking, aiBotUsernames: [], aiBranchPrefixes: [] } });
    // MR !3 was AI only by its author and branch; MRs !1 and !2 are still named by run events.
    expect(r.relinked).toMatchObject({ records: 2 });
    expect((await call(t, 'records:unlinked', {})).counts.ai_mr_without_ticket).toBe(0);
    await call(t, 'settings:update', { linking: before.linking });
    expect((await call(t, 'records:unlinked', {})).counts.ai_mr_without_ticket).toBe(1);

    // From the plan: PAY-1 £4 (its first two credits are free), PAY-2 2 × £4 = £8 → 404.35 + 58.
    await call(t, 'settings:update', { runCreditCostFrom: 'plan' });
    expect((await call(t, 'metrics:get', {})).total.metrics.ai_path_cost).toBe(462_350_000);
    await call(t, 'settings:update', { runCreditCostFrom: 'billed' });
    expect((await call(t, 'metrics:get', {})).total.metrics.ai_path_cost).toBe(466_350_000);
  });

  it('refuses settings that cannot work, with the field named', async () => {
    const bad = await callRaw(t, 'settings:update', { planByWorkspace: { w: 'Nope' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'planByWorkspace' } });
    const regex = await callRaw(t, 'settings:update', { linking: { ...t.ws.settings().linking, ticketKeyPattern: '([A-Z' } });
    expect(regex.ok).toBe(false);
    expect(t.ws.settings().planByWorkspace).toEqual({ w: 'P' });
  });

  it('after a change, recomputes only the records it reaches and rewrites only those that changed', () => {
    const again = rebuildRecords(t.ws.db, t.ws.settings());
    expect(again).toMatchObject({ records: 2, mode: 'none', updated: 0, inserted: 0, deleted: 0 });
    expect(rebuildRecords(t.ws.db, t.ws.settings(), { full: true })).toMatchObject({ records: 2, mode: 'full', unchanged: 2, updated: 0 });
    t.ws.db.prepare("UPDATE merge_requests SET state = 'merged', merged_at = '2026-05-12T10:00:00.000Z', closed_at = NULL WHERE iid = 2").run();
    expect(rebuildRecords(t.ws.db, t.ws.settings())).toMatchObject({ records: 2, mode: 'incremental', recomputed: 1, updated: 1 });
  });
});

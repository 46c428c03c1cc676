import type { MergeRequestInput, RecordSignal, RunEventInput } from './types';

/**
 * The record-level risk signals of PRODUCT.md, each with its reason. Workspace-level signals (runs
 * and MRs without a ticket, rising cost per accepted change) come from the unlinked list and the
 * monthly trend instead.
 */
export function recordSignals(x: {
  repairRuns: number;
  repairBudget: number;
  mrs: readonly MergeRequestInput[];
  reviewRounds: number;
  reviewMeasured: boolean;
  events: readonly RunEventInput[];
  mismatched: ReadonlySet<string>;
  ticketSynced: boolean;
}): RecordSignal[] {
  const out: RecordSignal[] = [];
  if (x.repairRuns > x.repairBudget) out.push({ code: 'repair_over_budget', detail: `${x.repairRuns} repair runs against a budget of ${x.repairBudget}` });
  const unreviewed = x.mrs.filter((m) => m.state === 'merged' && m.reviewActivity === 0);
  if (unreviewed.length > 0) out.push({ code: 'no_review', detail: `merged with no review comment or approval: ${unreviewed.map((m) => `${m.repository}!${m.iid}`).join(', ')}` });
  if (x.reviewRounds > 0 && !x.reviewMeasured) out.push({ code: 'review_time_not_captured', detail: `${x.reviewRounds} review rounds, no review time logged: hours estimated` });
  const ungated = x.mrs.filter((m) => (m.firstReviewAt !== null || m.state === 'merged') && !m.passedPipelineBeforeReview);
  if (ungated.length > 0)
    out.push({ code: 'no_validation_before_review', detail: ungated.map((m) => `${m.repository}!${m.iid}: ${m.pipelines === 0 ? 'no pipeline ran' : 'no pipeline passed before review'}`).join('; ') });
  const mismatched = x.events.filter((e) => x.mismatched.has(e.eventId)).length;
  if (mismatched > 0) out.push({ code: 'billing_mismatch', detail: `${mismatched} run event${mismatched === 1 ? '' : 's'} billed differently from the plan` });
  if (!x.ticketSynced) out.push({ code: 'ticket_not_synced', detail: 'the runs name a ticket that is not in the synced Jira projects' });
  return out;
}

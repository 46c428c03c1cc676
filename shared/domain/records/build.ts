import { pushTo } from '../collections';
import { aiEvidenceOf, revertReferenceOf, ticketKeysOf } from '../linking';
import { mergedCredits, type PlanRules } from '../plans';
import type { WorkspaceSettings } from '../settings';
import { addDays, dayOf, monthOf } from '../time';
import { aiCreditLines, ciLines, humanLines, providerLines, runCreditLines } from './cost-lines';
import { splitHumanHours } from './human-hours';
import { priceAndReconcile, type Pricing } from './pricing';
import { allocateProviderSpend, type ProviderShare } from './provider-allocation';
import { effectiveEvents, summariseRuns, type RunSummary } from './runs';
import { recordSignals } from './signals';
import { baselineHoursFor, baselineTable, sizeOf, type BaselineTable } from './size';
import type { BuiltRecord, CostLine, MergeRequestInput, Outcome, ReconciliationRow, RecordInputs, RunEventInput, UnlinkedItem, WorkItemInput } from './types';

type Settings = Pick<
  WorkspaceSettings,
  'linking' | 'rollbackWindowDays' | 'reviewMinutesPerRound' | 'loadedHourlyRateMicros' | 'ciMinuteRateMicros' | 'currency' | 'repairBudget' | 'plans' | 'planByWorkspace' | 'runCreditCostFrom'
>;
type MrOutcome = 'accepted' | 'rolled_back' | 'rejected' | 'open';

/**
 * Links tickets, AI runs, merge requests, reviews and CI into one accepted-work record per piece of
 * work that entered the AI path, with its outcome, measures and cost lines. Pure: same inputs,
 * same records. Anything that cannot be linked is returned in `unlinked`, never dropped silently.
 */
export function buildRecords(inputs: RecordInputs, settings: Settings, opts: BuildOptions = {}): BuildResult {
  const events = effectiveEvents(inputs.runEvents);
  const pricing = priceAndReconcile(events, settings);
  const providerSpend = allocateProviderSpend(events, inputs.providerLines, settings.linking.providerAccountsForRuns);
  const runs = summariseRuns(events);
  const itemsByKey = new Map(inputs.workItems.map((w) => [w.key, w]));
  const knownKeys = opts.knownKeys ?? new Set(itemsByKey.keys());
  const mrUrlsInEvents = new Set(events.map((e) => e.mrUrl).filter((u): u is string => u !== null));

  // Merge requests: AI or not, their tickets, and which merged MR each revert undoes.
  const mrByUrl = new Map(inputs.mergeRequests.map((m) => [m.webUrl, m]));
  const mrBySha = new Map<string, MergeRequestInput>();
  const mrByTitle = new Map<string, MergeRequestInput>();
  // Reverts may quote a full or an abbreviated sha: index both (an abbreviation is 7+ characters).
  const mrByShortSha = new Map<string, MergeRequestInput>();
  for (const mr of inputs.mergeRequests) {
    if (mr.state !== 'merged') continue;
    for (const sha of mr.shas) {
      mrBySha.set(sha.toLowerCase(), mr);
      mrByShortSha.set(sha.toLowerCase().slice(0, 7), mr);
    }
    mrByTitle.set(mr.title, mr);
  }
  const revertsOf = new Map<number, MergeRequestInput[]>();
  for (const mr of inputs.mergeRequests) {
    const ref = revertReferenceOf(mr.title, mr.description);
    if (!ref) continue;
    const target = (ref.sha ? mrBySha.get(ref.sha) ?? mrByShortSha.get(ref.sha.slice(0, 7)) : undefined) ?? (ref.title ? mrByTitle.get(ref.title) : undefined);
    if (target && target.id !== mr.id) pushTo(revertsOf, target.id, mr);
  }
  const revertMrIds = new Set([...revertsOf.values()].flat().map((m) => m.id));

  const aiMrs = inputs.mergeRequests.filter((mr) => !revertMrIds.has(mr.id) && aiEvidenceOf(mr, settings.linking, mrUrlsInEvents) !== null);
  const aiTicketKeys = new Set<string>();
  const mrsByTicket = new Map<string, MergeRequestInput[]>();
  const unlinked: UnlinkedItem[] = [];
  const mrTicket = new Map<number, string>();
  for (const run of runs) {
    if (!run.ticketKey) continue;
    for (const url of run.mrUrls) {
      const mr = mrByUrl.get(url);
      if (mr && !mrTicket.has(mr.id)) mrTicket.set(mr.id, run.ticketKey);
    }
  }
  for (const mr of aiMrs) {
    const key = mrTicket.get(mr.id) ?? ticketKeysOf(mr, settings.linking, knownKeys)[0];
    if (!key) {
      unlinked.push({ kind: 'ai_mr_without_ticket', ref: `${mr.repository}!${mr.iid}`, detail: mr.title, url: mr.webUrl, occurredAt: mr.createdAt, amountMicros: null, currency: null });
      continue;
    }
    pushTo(mrsByTicket, key, mr);
    aiTicketKeys.add(key);
  }
  const eventsByTicket = new Map<string, RunEventInput[]>();
  for (const e of events) {
    if (!e.ticketKey) continue;
    pushTo(eventsByTicket, e.ticketKey, e);
    aiTicketKeys.add(e.ticketKey);
  }
  const runsByTicket = new Map<string, RunSummary[]>();
  const eventsByRun = new Map<string, RunEventInput[]>();
  for (const e of events) if (e.runId) pushTo(eventsByRun, e.runId, e);
  for (const run of runs) {
    const publishedTo = run.mrUrls.filter((u) => !mrByUrl.has(u));
    if (publishedTo.length > 0 && publishedTo.length === run.mrUrls.length) {
      unlinked.push({ kind: 'run_without_mr', ref: run.runId, detail: `published to a merge request that was not synced (${run.ticketKey ?? 'no ticket'})`, url: publishedTo[0]!, occurredAt: run.startedAt, amountMicros: null, currency: null });
    }
    if (!run.ticketKey) {
      const runEvents = eventsByRun.get(run.runId) ?? [];
      const amount = runEvents.reduce((n, e) => n + e.amountMicros, 0);
      unlinked.push({ kind: 'run_without_ticket', ref: run.runId, detail: `${runEvents.length} event${runEvents.length === 1 ? '' : 's'}, last ${run.finalEvent}`, url: null, occurredAt: run.startedAt, amountMicros: amount, currency: runEvents[0]?.currency ?? null });
      continue;
    }
    pushTo(runsByTicket, run.ticketKey, run);
  }
  for (const line of providerSpend.unallocated) {
    unlinked.push({
      kind: 'billing_line_without_run',
      ref: `provider:${line.id}`,
      detail: `provider spend${line.account ? ` of account ${line.account}` : ''}${line.model ? ` on ${line.model}` : ''} with no AI-tool model call to carry it`,
      url: null,
      occurredAt: line.occurredOn,
      amountMicros: line.amountMicros,
      currency: line.currency,
    });
  }

  // Baseline hours from finished human-path work: tickets that never entered the AI path.
  const baseline = opts.baseline
    ? opts.baseline(aiTicketKeys)
    : baselineTable(inputs.workItems.filter((w) => !aiTicketKeys.has(w.key) && w.statusCategory === 'done' && w.loggedSeconds > 0));

  const mrOutcome = (mr: MergeRequestInput): MrOutcome => {
    if (mr.state === 'merged') {
      const windowEnd = addDays(mr.mergedAt ?? mr.updatedAt, settings.rollbackWindowDays);
      const reverted = (revertsOf.get(mr.id) ?? []).some((r) => r.state === 'merged' && (r.mergedAt ?? r.updatedAt) <= windowEnd);
      return reverted ? 'rolled_back' : 'accepted';
    }
    return mr.state === 'closed' ? 'rejected' : 'open';
  };

  // Follow-up bugs: bugs linked to the ticket and raised after its change was merged.
  const followUpsOf = (item: WorkItemInput | null, mergedAt: string | null): WorkItemInput[] =>
    item && mergedAt
      ? item.linkedKeys.map((k) => itemsByKey.get(k)).filter((w): w is WorkItemInput => !!w && /bug/i.test(w.issueType) && w.createdAt > mergedAt)
      : [];

  const records: BuiltRecord[] = [];
  for (const key of [...aiTicketKeys].sort()) {
    if (opts.onlyTickets && !opts.onlyTickets.has(key)) continue;
    records.push(
      buildOne({
        recordKey: `ticket:${key}`,
        ticketKey: key,
        item: itemsByKey.get(key) ?? null,
        mrs: mrsByTicket.get(key) ?? [],
        runs: runsByTicket.get(key) ?? [],
        events: eventsByTicket.get(key) ?? [],
        revertsOf,
        mrOutcome,
        baselineFor: (item) => baselineHoursFor(baseline, item.issueType, item.storyPoints),
        followUpsOf,
        pricing,
        providerShares: providerSpend.byEvent,
        settings,
      }),
    );
  }
  unlinked.sort((a, b) => a.kind.localeCompare(b.kind) || a.occurredAt.localeCompare(b.occurredAt) || a.ref.localeCompare(b.ref));
  return { records, unlinked, reconciliation: pricing.reconciliation, runs, baseline };
}

/**
 * An incremental rebuild loads only the rows around the tickets that changed: it builds records for
 * `onlyTickets`, links against every known Jira key, and takes the baseline (which spans all
 * human-path work) from the database rather than from the partial inputs.
 */
export type BuildOptions = {
  onlyTickets?: ReadonlySet<string>;
  knownKeys?: ReadonlySet<string>;
  baseline?: (aiTicketKeys: ReadonlySet<string>) => BaselineTable;
};

export type BuildResult = { records: BuiltRecord[]; unlinked: UnlinkedItem[]; reconciliation: ReconciliationRow[]; runs: RunSummary[]; baseline: BaselineTable };

type OneInput = {
  recordKey: string;
  ticketKey: string;
  item: WorkItemInput | null;
  mrs: MergeRequestInput[];
  runs: RunSummary[];
  events: RunEventInput[];
  revertsOf: Map<number, MergeRequestInput[]>;
  mrOutcome: (mr: MergeRequestInput) => MrOutcome;
  baselineFor: (item: WorkItemInput) => number | null;
  followUpsOf: (item: WorkItemInput | null, mergedAt: string | null) => WorkItemInput[];
  pricing: Pricing;
  providerShares: Map<string, ProviderShare[]>;
  settings: Settings;
};

function buildOne(x: OneInput): BuiltRecord {
  const outcomes = x.mrs.map((mr) => ({ mr, outcome: x.mrOutcome(mr) }));
  const outcome = recordOutcome(outcomes.map((o) => o.outcome), x.events);
  const reachedReview = x.mrs.filter((mr) => !mr.draft || mr.state === 'merged' || mr.reviewActivity > 0);
  const accepted = outcomes.filter((o) => o.outcome === 'accepted').length;
  const merged = outcomes.filter((o) => o.outcome === 'accepted' || o.outcome === 'rolled_back');
  const reviewRounds = x.mrs.reduce((n, mr) => n + (mr.reviewActivity > 0 || mr.state === 'merged' ? 1 + mr.requestedChanges : 0), 0);
  const ciByRunner = new Map<string, number>();
  for (const mr of x.mrs) for (const [runner, minutes] of Object.entries(mr.ciMinutesByRunner)) ciByRunner.set(runner, (ciByRunner.get(runner) ?? 0) + minutes);
  const ciMinutes = [...ciByRunner.values()].reduce((a, b) => a + b, 0);

  const times = [...x.events.map((e) => e.occurredAt), ...x.mrs.flatMap((m) => [m.createdAt, m.mergedAt ?? m.closedAt ?? m.updatedAt])].sort();
  const acceptedMr = outcomes.find((o) => o.outcome === 'accepted')?.mr;
  const mergedAt = merged.map((o) => o.mr.mergedAt ?? o.mr.updatedAt).sort()[0] ?? null;
  const endedAt = acceptedMr?.mergedAt ?? times[times.length - 1] ?? x.item?.resolvedAt ?? x.item?.createdAt ?? null;
  const startedAt = x.item?.createdAt ?? times[0] ?? null;
  const periodDay = dayOf(endedAt ?? startedAt ?? '1970-01-01');
  const firstAiAt = [...x.events.map((e) => e.occurredAt), ...x.mrs.map((m) => m.createdAt)].sort()[0] ?? null;
  const followUps = x.followUpsOf(x.item, mergedAt);
  const hours = splitHumanHours({ item: x.item, firstAiAt, mergedAt, aiEndedAt: times[times.length - 1] ?? null, followUps, reviewRounds, reviewMinutesPerRound: x.settings.reviewMinutesPerRound });

  const workspace = x.events.find((e) => e.runId)?.workspace ?? x.events[0]?.workspace ?? null;
  const plan = workspace ? x.pricing.planOf(workspace) : null;
  const costLines: CostLine[] = [
    ...runCreditLines(x.events, x.settings.runCreditCostFrom, x.pricing.byEvent, x.pricing.planOf),
    ...mergedCreditLines(merged.length, plan, x.settings.runCreditCostFrom, periodDay),
    ...aiCreditLines(x.events),
    ...providerLines(x.events.flatMap((e) => x.providerShares.get(e.eventId) ?? [])),
    ...ciLines(ciByRunner, periodDay, x.settings),
    ...humanLines(hours, reviewRounds, periodDay, x.settings),
  ];
  const creditEvents = x.events.filter((e) => e.type !== 'model_call_reserved' && e.type !== 'model_call_settled');
  const runCreditsUsed =
    x.settings.runCreditCostFrom === 'plan'
      ? creditEvents.reduce((n, e) => n + (x.pricing.byEvent.get(e.eventId)?.credits ?? 0), 0)
      : creditEvents.reduce((n, e) => n + e.runCreditsMicros / 1e6, 0);
  const repository = x.mrs[0]?.repository ?? null;
  const repairRuns = x.runs.filter((r) => r.kind !== 'initial').length;
  const humanHours = hours.intake + hours.review + hours.repair + hours.rework;
  return {
    recordKey: x.recordKey,
    workItemId: x.item?.id ?? null,
    ticketKey: x.ticketKey,
    projectKey: x.item?.projectKey ?? x.ticketKey.split('-')[0] ?? null,
    repository,
    issueType: x.item?.issueType ?? null,
    size: x.item ? sizeOf(x.item.storyPoints) : null,
    outcome,
    periodMonth: monthOf(periodDay),
    startedAt,
    endedAt,
    title: x.item?.summary ?? x.mrs[0]?.title ?? null,
    mrUrl: (acceptedMr ?? x.mrs[0])?.webUrl ?? null,
    labels: [...new Set([...(x.item?.labels ?? []), ...x.mrs.flatMap((m) => m.labels)])].sort(),
    workspace,
    plan: plan?.name ?? null,
    person: x.item?.assignee ?? null,
    signals: recordSignals({
      repairRuns,
      repairBudget: x.settings.repairBudget,
      mrs: x.mrs,
      reviewRounds,
      reviewMeasured: hours.reviewMeasured,
      events: x.events,
      mismatched: x.pricing.mismatched,
      ticketSynced: x.item !== null,
    }),
    measures: {
      accepted,
      mrs_opened: x.mrs.length,
      mrs_reached_review: reachedReview.length,
      mrs_merged: merged.length,
      mrs_rolled_back: outcomes.filter((o) => o.outcome === 'rolled_back').length,
      runs: x.runs.length,
      runs_reached_validation: x.runs.filter((r) => r.reachedValidation).length,
      runs_first_pass: x.runs.filter((r) => r.firstPass).length,
      repair_runs: repairRuns,
      review_rounds: reviewRounds,
      review_hours: hours.review,
      intake_hours: hours.intake,
      repair_hours: hours.repair,
      rework_hours: hours.rework,
      human_hours: humanHours,
      // Only delivered work frees the hours a human would otherwise have spent.
      baseline_hours: accepted > 0 && x.item ? (x.baselineFor(x.item) ?? 0) : 0,
      ci_minutes: ciMinutes,
      tickets_denied: x.events.filter((e) => e.type === 'ticket_denied').length,
      runs_blocked: x.runs.filter((r) => r.blocked).length,
      runs_validation_failed: x.runs.filter((r) => r.validationFailed).length,
      run_credits_used: runCreditsUsed,
      ai_credits_used: x.events.reduce((n, e) => n + (e.type === 'model_call_settled' ? e.aiCreditsMicros / 1e6 : 0), 0),
      follow_up_bugs: followUps.length,
    },
    mergeRequests: [
      ...x.mrs.map((m) => ({ id: m.id, role: 'change' as const })),
      ...x.mrs.flatMap((m) => (x.revertsOf.get(m.id) ?? []).map((r) => ({ id: r.id, role: 'revert' as const }))),
    ],
    runIds: x.runs.map((r) => r.runId).sort(),
    costLines,
  };
}

/** Plans that charge per merged PR/MR (agreed before the work starts): estimated from the merges. */
function mergedCreditLines(merged: number, plan: PlanRules | null, from: 'billed' | 'plan', day: string): CostLine[] {
  const credits = plan ? merged * mergedCredits(plan) : 0;
  if (from !== 'plan' || !plan || credits === 0) return [];
  return [
    {
      kind: 'run_credits',
      basis: 'estimated',
      evidence: `${merged} merged × ${plan.creditsPerMerged} credits at plan ${plan.name}`,
      occurredOn: day,
      quantity: credits,
      unit: 'run credits',
      amountMicros: Math.round(credits * plan.pricePerCreditMicros),
      currency: plan.currency,
    },
  ];
}

function recordOutcome(mrOutcomes: MrOutcome[], events: RunEventInput[]): Outcome {
  for (const o of ['accepted', 'rolled_back', 'open', 'rejected'] as const) if (mrOutcomes.includes(o)) return o;
  const types = new Set(events.map((e) => e.type));
  if (types.has('validation_failed')) return 'failed';
  if (types.has('run_blocked')) return 'blocked';
  if (types.has('ticket_denied')) return 'denied';
  return 'no_change';
}

import { pushTo } from '../collections';
import { aiEvidenceOf, revertReferenceOf, ticketKeysOf } from '../linking';
import type { WorkspaceSettings } from '../settings';
import { addDays, dayOf, monthOf } from '../time';
import { effectiveEvents, summariseRuns, type RunSummary } from './runs';
import { baselineHoursFor, baselineTable, sizeOf } from './size';
import type { BuiltRecord, CostLine, MergeRequestInput, Outcome, RecordInputs, RunEventInput, Unlinked, WorkItemInput } from './types';

type Settings = Pick<WorkspaceSettings, 'linking' | 'rollbackWindowDays' | 'reviewMinutesPerRound' | 'loadedHourlyRateMicros' | 'ciMinuteRateMicros' | 'currency'>;

type MrOutcome = 'accepted' | 'rolled_back' | 'rejected' | 'open';

/**
 * Links tickets, AI runs, merge requests, reviews and CI into one accepted-work record per piece of
 * work that entered the AI path, with its outcome, measures and cost lines. Pure: same inputs,
 * same records. Anything that cannot be linked is returned in `unlinked`, never dropped silently.
 */
export function buildRecords(inputs: RecordInputs, settings: Settings): { records: BuiltRecord[]; unlinked: Unlinked } {
  const events = effectiveEvents(inputs.runEvents);
  const runs = summariseRuns(events);
  const itemsByKey = new Map(inputs.workItems.map((w) => [w.key, w]));
  const knownKeys = new Set(itemsByKey.keys());
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
  const unlinked: Unlinked = { runsWithoutTicket: [], aiMergeRequestsWithoutTicket: [] };
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
      unlinked.aiMergeRequestsWithoutTicket.push(mr.id);
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
  for (const run of runs) {
    if (!run.ticketKey) {
      unlinked.runsWithoutTicket.push(run.runId);
      continue;
    }
    pushTo(runsByTicket, run.ticketKey, run);
  }

  // Baseline hours from finished human-path work: tickets that never entered the AI path.
  const baseline = baselineTable(inputs.workItems.filter((w) => !aiTicketKeys.has(w.key) && w.statusCategory === 'done' && w.loggedSeconds > 0));

  const mrOutcome = (mr: MergeRequestInput): MrOutcome => {
    if (mr.state === 'merged') {
      const windowEnd = addDays(mr.mergedAt ?? mr.updatedAt, settings.rollbackWindowDays);
      const reverted = (revertsOf.get(mr.id) ?? []).some((r) => r.state === 'merged' && (r.mergedAt ?? r.updatedAt) <= windowEnd);
      return reverted ? 'rolled_back' : 'accepted';
    }
    return mr.state === 'closed' ? 'rejected' : 'open';
  };

  const records: BuiltRecord[] = [];
  for (const key of [...aiTicketKeys].sort()) {
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
        settings,
      }),
    );
  }
  return { records, unlinked };
}

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
  settings: Settings;
};

function buildOne(x: OneInput): BuiltRecord {
  const outcomes = x.mrs.map((mr) => ({ mr, outcome: x.mrOutcome(mr) }));
  const outcome = recordOutcome(outcomes.map((o) => o.outcome), x.events);
  const reachedReview = x.mrs.filter((mr) => !mr.draft || mr.state === 'merged' || mr.reviewActivity > 0);
  const accepted = outcomes.filter((o) => o.outcome === 'accepted').length;
  const reviewRounds = x.mrs.reduce((n, mr) => n + (mr.reviewActivity > 0 || mr.state === 'merged' ? 1 + mr.requestedChanges : 0), 0);
  const reviewHours = (reviewRounds * x.settings.reviewMinutesPerRound) / 60;
  const loggedHours = (x.item?.loggedSeconds ?? 0) / 3600;
  const ciByRunner = new Map<string, number>();
  for (const mr of x.mrs) for (const [runner, minutes] of Object.entries(mr.ciMinutesByRunner)) ciByRunner.set(runner, (ciByRunner.get(runner) ?? 0) + minutes);
  const ciMinutes = [...ciByRunner.values()].reduce((a, b) => a + b, 0);

  const times = [...x.events.map((e) => e.occurredAt), ...x.mrs.flatMap((m) => [m.createdAt, m.mergedAt ?? m.closedAt ?? m.updatedAt])].sort();
  const acceptedMr = outcomes.find((o) => o.outcome === 'accepted')?.mr;
  const endedAt = acceptedMr?.mergedAt ?? times[times.length - 1] ?? x.item?.resolvedAt ?? x.item?.createdAt ?? null;
  const startedAt = x.item?.createdAt ?? times[0] ?? null;
  const periodDay = dayOf(endedAt ?? startedAt ?? '1970-01-01');

  const costLines: CostLine[] = [
    ...eventCostLines(x.events),
    ...ciCostLines(ciByRunner, periodDay, x.settings),
    ...humanCostLines(loggedHours, reviewHours, reviewRounds, periodDay, x.settings),
  ];
  const repository = x.mrs[0]?.repository ?? null;
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
    measures: {
      accepted,
      mrs_opened: x.mrs.length,
      mrs_reached_review: reachedReview.length,
      mrs_merged: outcomes.filter((o) => o.outcome === 'accepted' || o.outcome === 'rolled_back').length,
      mrs_rolled_back: outcomes.filter((o) => o.outcome === 'rolled_back').length,
      runs: x.runs.length,
      runs_reached_validation: x.runs.filter((r) => r.reachedValidation).length,
      runs_first_pass: x.runs.filter((r) => r.firstPass).length,
      repair_runs: x.runs.filter((r) => r.kind !== 'initial').length,
      review_rounds: reviewRounds,
      review_hours: reviewHours,
      human_hours: loggedHours + reviewHours,
      // Only delivered work frees the hours a human would otherwise have spent.
      baseline_hours: accepted > 0 && x.item ? (x.baselineFor(x.item) ?? 0) : 0,
      ci_minutes: ciMinutes,
    },
    mergeRequests: [
      ...x.mrs.map((m) => ({ id: m.id, role: 'change' as const })),
      ...x.mrs.flatMap((m) => (x.revertsOf.get(m.id) ?? []).map((r) => ({ id: r.id, role: 'revert' as const }))),
    ],
    runIds: x.runs.map((r) => r.runId).sort(),
    costLines,
  };
}

function recordOutcome(mrOutcomes: MrOutcome[], events: RunEventInput[]): Outcome {
  for (const o of ['accepted', 'rolled_back', 'open', 'rejected'] as const) if (mrOutcomes.includes(o)) return o;
  const types = new Set(events.map((e) => e.type));
  if (types.has('validation_failed')) return 'failed';
  if (types.has('run_blocked')) return 'blocked';
  if (types.has('ticket_denied')) return 'denied';
  return 'no_change';
}

/** Vendor-billed run credits and AI credits, one measured line per month and currency. */
function eventCostLines(events: RunEventInput[]): CostLine[] {
  const acc = new Map<string, CostLine & { n: number }>();
  for (const e of events) {
    if (e.amountMicros === 0 && e.runCreditsMicros === 0 && e.aiCreditsMicros === 0) continue;
    if (e.type === 'model_call_reserved') continue; // holds are never cost (reference §5.3 rule 3)
    const kind = e.type === 'model_call_settled' ? 'ai_credits' : 'run_credits';
    const month = monthOf(e.occurredAt);
    const k = `${kind}|${e.currency}|${month}`;
    const line = acc.get(k) ?? { kind, basis: 'measured', evidence: '', occurredOn: `${month}-01`, quantity: 0, unit: kind === 'ai_credits' ? 'AI credits' : 'run credits', amountMicros: 0, currency: e.currency, n: 0 };
    line.amountMicros += e.amountMicros;
    line.quantity = (line.quantity ?? 0) + (kind === 'ai_credits' ? e.aiCreditsMicros : e.runCreditsMicros) / 1e6;
    line.n += 1;
    line.occurredOn = line.occurredOn > dayOf(e.occurredAt) || line.n === 1 ? dayOf(e.occurredAt) : line.occurredOn;
    line.evidence = `${line.n} billed run event${line.n === 1 ? '' : 's'}`;
    acc.set(k, line);
  }
  return [...acc.values()].map(({ n: _n, ...line }) => line);
}

function ciCostLines(byRunner: Map<string, number>, day: string, s: Settings): CostLine[] {
  return [...byRunner.entries()]
    .filter(([, minutes]) => minutes > 0)
    .map(([runner, minutes]) => {
      const rate = s.ciMinuteRateMicros[runner] ?? s.ciMinuteRateMicros['unknown'] ?? 0;
      return {
        kind: 'ci',
        basis: 'measured',
        evidence: `${minutes.toFixed(1)} CI minutes on ${runner} runners × configured rate`,
        occurredOn: day,
        quantity: minutes,
        unit: 'CI minutes',
        amountMicros: Math.round(minutes * rate),
        currency: s.currency,
      } satisfies CostLine;
    });
}

function humanCostLines(loggedHours: number, reviewHours: number, rounds: number, day: string, s: Settings): CostLine[] {
  const lines: CostLine[] = [];
  if (loggedHours > 0) {
    lines.push({ kind: 'human', basis: 'measured', evidence: `${loggedHours.toFixed(2)} h logged in Jira worklogs × loaded rate`, occurredOn: day, quantity: loggedHours, unit: 'hours', amountMicros: Math.round(loggedHours * s.loadedHourlyRateMicros), currency: s.currency });
  }
  if (reviewHours > 0) {
    lines.push({ kind: 'human', basis: 'estimated', evidence: `${rounds} review round${rounds === 1 ? '' : 's'} × ${s.reviewMinutesPerRound} min × loaded rate`, occurredOn: day, quantity: reviewHours, unit: 'hours', amountMicros: Math.round(reviewHours * s.loadedHourlyRateMicros), currency: s.currency });
  }
  return lines;
}

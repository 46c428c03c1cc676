import { revertReferenceOf, ticketKeysOf } from '../../shared/domain/linking';
import type { BaselineTable } from '../../shared/domain/records/size';
import type { WorkspaceSettings } from '../../shared/domain/settings';
import type { Db } from '../db/connection';
import { changeLookups, scopeLookups, type RecordChanges } from '../db/repositories/record-changes';
import type { InputScope } from '../db/repositories/record-inputs';

export type ChangeScope = {
  /** Tickets whose records are recomputed (created, rewritten or removed). */
  tickets: Set<string>;
  /** Ticketless runs whose unlinked entries are recomputed. */
  runs: Set<string>;
  /** Vendor workspace-months whose pricing and reconciliation are recomputed. */
  buckets: Set<string>;
  /** Days whose provider spend is re-allocated. */
  days: Set<string>;
  mergeRequestIds: Set<number>;
  inputs: InputScope;
};

const addAll = <T>(set: Set<T>, values: Iterable<T>) => {
  for (const v of values) set.add(v);
};

/**
 * Every ticket a set of changes can reach, and the rows needed to rebuild exactly those records:
 * changed tickets and worklogs; tickets an MR names, is linked to, or is named by in run events (and
 * a revert's target); tickets of changed runs; every ticket priced in a changed workspace-month
 * (free allowances are counted in time order) or allocated provider spend on a changed day;
 * follow-up links both ways; and, when the human-path baseline moved, accepted work of the moved
 * groups. The rows loaded then include whole workspace-months and days, so pricing and allocation
 * come out exactly as a full rebuild computes them.
 */
export function changeScope(db: Db, changes: RecordChanges, settings: WorkspaceSettings): ChangeScope {
  const q = changeLookups(db);
  const tickets = new Set(changes.tickets);
  addAll(tickets, q.keysOfItems(changes.workItemIds));
  const mrIds = new Set(changes.mergeRequestIds);
  addAll(mrIds, q.mrIdsOfIids(changes.mrIids));
  addAll(tickets, q.recordTicketsOfMrs(mrIds));
  const mrs = q.mrsByIds(mrIds);
  addAll(tickets, q.ticketsOfMrUrls(mrs.map((m) => m.webUrl)));
  for (const mr of mrs) {
    addAll(tickets, ticketKeysOf({ ...mr, labels: JSON.parse(mr.labelsJson) as string[] }, settings.linking));
    const ref = revertReferenceOf(mr.title, mr.description);
    if (!ref) continue;
    const targets = q.revertTargets(ref.sha, ref.title);
    addAll(mrIds, targets);
    addAll(tickets, q.recordTicketsOfMrs(targets));
    for (const t of q.mrsByIds(targets)) addAll(tickets, ticketKeysOf({ ...t, labels: JSON.parse(t.labelsJson) as string[] }, settings.linking));
  }
  addAll(tickets, q.ticketsOfRuns(changes.runIds));
  for (const bucket of changes.buckets) {
    const at = bucket.lastIndexOf('|');
    addAll(tickets, q.ticketsOfBucket(bucket.slice(0, at), bucket.slice(at + 1)));
  }
  for (const day of changes.providerDays) addAll(tickets, q.ticketsOfSettledDay(day));
  addAll(tickets, q.linkedKeys([...tickets]));

  return scopeFor(db, tickets, new Set(changes.runIds), new Set(changes.buckets), new Set(changes.providerDays), mrIds);
}

/** The input rows for rebuilding `tickets`: whole workspace-months and days around their events. */
export function scopeFor(db: Db, tickets: Set<string>, runs: Set<string>, buckets: Set<string>, days: Set<string>, mrIds: Set<number>): ChangeScope {
  const s = scopeLookups(db);
  const keys = new Set(tickets);
  addAll(keys, changeLookups(db).linkedKeys([...tickets]));
  const ticketRuns = s.runsOfTickets(tickets);
  const allRuns = new Set([...ticketRuns, ...runs]);
  const events = s.eventsOf(tickets, allRuns);
  const eventIds = new Set(events.map((e) => e.id));
  const neededBuckets = new Set(buckets);
  const neededDays = new Set(days);
  for (const e of events) {
    if (e.type === 'model_call_settled') neededDays.add(e.day);
    else neededBuckets.add(e.bucket);
  }
  for (const b of neededBuckets) addAll(eventIds, s.creditEventsOfBucket(b));
  for (const d of neededDays) addAll(eventIds, s.settledEventsOfDay(d));
  const mergeRequestIds = new Set(mrIds);
  addAll(mergeRequestIds, s.mrIdsOfTickets(tickets));
  addAll(mergeRequestIds, s.unlinkedAiMrIds());
  return {
    tickets,
    runs: allRuns,
    buckets: neededBuckets,
    days: neededDays,
    mergeRequestIds,
    inputs: { workItemIds: s.itemIds(keys), mergeRequestIds: [...mergeRequestIds], eventIds: [...eventIds], providerDays: [...neededDays] },
  };
}

/** Groups (issue type, type|size, overall) whose baseline hours differ between two tables. */
export function movedBaselineGroups(before: BaselineTable, after: BaselineTable): { types: string[]; typeSizes: string[]; overall: boolean } {
  const diff = (a: Map<string, number>, b: Map<string, number>) => [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  return { types: diff(before.byType, after.byType), typeSizes: diff(before.byTypeSize, after.byTypeSize), overall: before.overall !== after.overall };
}

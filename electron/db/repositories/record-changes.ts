import type { Db } from '../connection';
import type { BaselineTable } from '../../../shared/domain/records/size';

export type RecordChanges = {
  tickets: Set<string>;
  workItemIds: Set<number>;
  mergeRequestIds: Set<number>;
  mrIids: Set<string>;
  runIds: Set<string>;
  buckets: Set<string>;
  providerDays: Set<string>;
  total: number;
};

/** What triggers recorded as changed since the last rebuild (migration 0005). */
export function readChanges(db: Db): RecordChanges {
  const c: RecordChanges = { tickets: new Set(), workItemIds: new Set(), mergeRequestIds: new Set(), mrIids: new Set(), runIds: new Set(), buckets: new Set(), providerDays: new Set(), total: 0 };
  for (const r of db.prepare('SELECT kind, ref FROM record_changes').iterate() as Iterable<{ kind: string; ref: string }>) {
    c.total += 1;
    if (r.kind === 'ticket') c.tickets.add(r.ref);
    else if (r.kind === 'work_item') c.workItemIds.add(Number(r.ref));
    else if (r.kind === 'mr') c.mergeRequestIds.add(Number(r.ref));
    else if (r.kind === 'mr_iid') c.mrIids.add(r.ref);
    else if (r.kind === 'run') c.runIds.add(r.ref);
    else if (r.kind === 'bucket') c.buckets.add(r.ref);
    else if (r.kind === 'provider_day') c.providerDays.add(r.ref);
  }
  return c;
}

export const clearChanges = (db: Db): void => void db.prepare('DELETE FROM record_changes').run();

const json = (values: Iterable<string | number>) => JSON.stringify([...values]);
const pluck = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).pluck().all(...params) as T[];

/** SQL lookups the incremental rebuild makes to find every record a change can reach. */
export const changeLookups = (db: Db) => ({
  keysOfItems: (ids: Iterable<number>) => pluck<string>(db, 'SELECT key FROM work_items WHERE id IN (SELECT value FROM json_each(?))', json(ids)),
  mrIdsOfIids: (pairs: Iterable<string>) =>
    pluck<number>(
      db,
      `SELECT m.id FROM json_each(?) j JOIN merge_requests m
         ON m.repository_id = CAST(substr(j.value, 1, instr(j.value, ':') - 1) AS INTEGER) AND m.iid = CAST(substr(j.value, instr(j.value, ':') + 1) AS INTEGER)`,
      json(pairs),
    ),
  mrsByIds: (ids: Iterable<number>) =>
    db
      .prepare(
        `SELECT m.id, m.title, m.description, m.source_branch AS sourceBranch, m.labels_json AS labelsJson, m.web_url AS webUrl, a.username AS authorUsername
         FROM merge_requests m LEFT JOIN people a ON a.id = m.author_id WHERE m.id IN (SELECT value FROM json_each(?))`,
      )
      .all(json(ids)) as { id: number; title: string; description: string; sourceBranch: string; labelsJson: string; webUrl: string; authorUsername: string | null }[],
  /** Tickets of the records an MR is linked to now. */
  recordTicketsOfMrs: (ids: Iterable<number>) =>
    pluck<string>(
      db,
      `SELECT DISTINCT r.ticket_key FROM record_merge_requests rm JOIN records r ON r.id = rm.record_id
       WHERE rm.merge_request_id IN (SELECT value FROM json_each(?)) AND r.ticket_key IS NOT NULL`,
      json(ids),
    ),
  ticketsOfMrUrls: (urls: Iterable<string>) =>
    pluck<string>(db, 'SELECT DISTINCT ticket_key FROM run_events WHERE mr_url IN (SELECT value FROM json_each(?)) AND ticket_key IS NOT NULL', json(urls)),
  /** Merged MRs a revert may point at: by a (possibly abbreviated) sha or by title. */
  revertTargets: (sha: string | null, title: string | null) => [
    ...(sha
      ? pluck<number>(db, "SELECT merge_request_id FROM mr_commits WHERE sha >= ? AND sha < ? || 'g'", sha, sha.slice(0, 7)).concat(
          pluck<number>(db, "SELECT id FROM merge_requests WHERE state = 'merged' AND (merge_commit_sha LIKE ? || '%' OR squash_commit_sha LIKE ? || '%' OR sha LIKE ? || '%')", sha.slice(0, 7), sha.slice(0, 7), sha.slice(0, 7)),
        )
      : []),
    ...(title ? pluck<number>(db, "SELECT id FROM merge_requests WHERE state = 'merged' AND title = ?", title) : []),
  ],
  ticketsOfRuns: (runs: Iterable<string>) =>
    pluck<string>(db, 'SELECT DISTINCT ticket_key FROM run_events WHERE run_id IN (SELECT value FROM json_each(?)) AND ticket_key IS NOT NULL', json(runs)),
  ticketsOfBucket: (workspace: string, month: string) =>
    pluck<string>(
      db,
      `SELECT DISTINCT ticket_key FROM run_events WHERE workspace = ? AND occurred_at >= ? AND occurred_at < ? AND ticket_key IS NOT NULL`,
      workspace,
      `${month}-01`,
      `${month}-32`,
    ),
  ticketsOfSettledDay: (day: string) =>
    pluck<string>(
      db,
      `SELECT DISTINCT ticket_key FROM run_events WHERE event_type = 'model_call_settled' AND occurred_at >= ? AND occurred_at < ? || 'T99' AND ticket_key IS NOT NULL`,
      day,
      day,
    ),
  /** Follow-up links, both ways: items linking to these keys, and the keys these items link to. */
  linkedKeys: (keys: Iterable<string>) =>
    pluck<string>(
      db,
      `SELECT w.key FROM work_item_links l JOIN work_items w ON w.id = l.work_item_id WHERE l.other_key IN (SELECT value FROM json_each(@keys))
       UNION SELECT l.other_key FROM work_item_links l JOIN work_items w ON w.id = l.work_item_id WHERE w.key IN (SELECT value FROM json_each(@keys))`,
      { keys: json(keys) },
    ),
  acceptedTicketsOfGroups: (types: Iterable<string>, typeSizes: Iterable<string>) =>
    pluck<string>(
      db,
      `SELECT ticket_key FROM records WHERE accepted > 0 AND ticket_key IS NOT NULL
         AND (issue_type IN (SELECT value FROM json_each(?)) OR issue_type || '|' || size IN (SELECT value FROM json_each(?)))`,
      json(types),
      json(typeSizes),
    ),
  allAcceptedTickets: () => pluck<string>(db, 'SELECT ticket_key FROM records WHERE accepted > 0 AND ticket_key IS NOT NULL'),
  recordCount: () => db.prepare('SELECT count(*) FROM records').pluck().get() as number,
  allKeys: () => new Set(pluck<string>(db, 'SELECT key FROM work_items')),
});

/** Rows a scope loads for the tickets it recomputes. */
export const scopeLookups = (db: Db) => ({
  itemIds: (keys: Iterable<string>) => pluck<number>(db, 'SELECT id FROM work_items WHERE key IN (SELECT value FROM json_each(?))', json(keys)),
  mrIdsOfTickets: (keys: Iterable<string>) =>
    pluck<number>(
      db,
      `SELECT rm.merge_request_id FROM records r JOIN record_merge_requests rm ON rm.record_id = r.id WHERE r.ticket_key IN (SELECT value FROM json_each(@keys))
       UNION SELECT m.id FROM run_events e JOIN merge_requests m ON m.web_url = e.mr_url WHERE e.ticket_key IN (SELECT value FROM json_each(@keys))`,
      { keys: json(keys) },
    ),
  unlinkedAiMrIds: () =>
    pluck<number>(
      db,
      `SELECT m.id FROM unlinked_items u JOIN merge_requests m ON u.url = m.web_url WHERE u.kind = 'ai_mr_without_ticket'`,
    ),
  runsOfTickets: (keys: Iterable<string>) => pluck<string>(db, 'SELECT DISTINCT run_id FROM run_events WHERE ticket_key IN (SELECT value FROM json_each(?)) AND run_id IS NOT NULL', json(keys)),
  eventsOf: (keys: Iterable<string>, runs: Iterable<string>) =>
    db
      .prepare(
        `SELECT event_id AS id, workspace || '|' || substr(occurred_at, 1, 7) AS bucket, event_type AS type, substr(occurred_at, 1, 10) AS day FROM run_events
         WHERE event_type <> 'model_call_reserved' AND (ticket_key IN (SELECT value FROM json_each(?)) OR run_id IN (SELECT value FROM json_each(?)))`,
      )
      .all(json(keys), json(runs)) as { id: string; bucket: string; type: string; day: string }[],
  creditEventsOfBucket: (bucket: string) => {
    const [workspace, month] = [bucket.slice(0, bucket.lastIndexOf('|')), bucket.slice(bucket.lastIndexOf('|') + 1)];
    return pluck<string>(
      db,
      `SELECT event_id FROM run_events WHERE workspace = ? AND occurred_at >= ? AND occurred_at < ? AND event_type NOT IN ('model_call_reserved', 'model_call_settled')`,
      workspace,
      `${month}-01`,
      `${month}-32`,
    );
  },
  settledEventsOfDay: (day: string) =>
    pluck<string>(db, `SELECT event_id FROM run_events WHERE event_type = 'model_call_settled' AND occurred_at >= ? AND occurred_at < ? || 'T99'`, day, day),
  recordIdsOfTickets: (keys: Iterable<string>) => pluck<number>(db, 'SELECT id FROM records WHERE ticket_key IN (SELECT value FROM json_each(?))', json(keys)),
});

/** Baseline hours inputs: finished, logged human-path work (the caller leaves out AI tickets). */
export const baselineRows = (db: Db) =>
  db
    .prepare(
      `SELECT w.key, w.issue_type AS issueType, w.story_points AS storyPoints, sum(l.seconds) AS loggedSeconds
       FROM work_items w JOIN worklogs l ON l.work_item_id = w.id WHERE w.status_category = 'done' GROUP BY w.id HAVING sum(l.seconds) > 0`,
    )
    .all() as { key: string; issueType: string; storyPoints: number | null; loggedSeconds: number }[];

const BASELINE_KEY = 'records_baseline';

export function readStoredBaseline(db: Db): BaselineTable | null {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(BASELINE_KEY) as string | undefined;
  if (!row) return null;
  const v = JSON.parse(row) as { byTypeSize: [string, number][]; byType: [string, number][]; overall: number | null };
  return { byTypeSize: new Map(v.byTypeSize), byType: new Map(v.byType), overall: v.overall };
}

export function storeBaseline(db: Db, b: BaselineTable): void {
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(
    BASELINE_KEY,
    JSON.stringify({ byTypeSize: [...b.byTypeSize], byType: [...b.byType], overall: b.overall }),
  );
}

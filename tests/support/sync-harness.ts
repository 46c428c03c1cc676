import { join } from 'node:path';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, SyncProgressEvent } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { generateDemo } from '../../electron/demo/generate';
import type { DemoBundle } from '../../electron/demo/generate/types';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import type { Db } from '../../electron/db/connection';
import { testSecrets } from './keychain';
import { tempDir } from './temp';

const bundles = new Map<string, DemoBundle>();
/** A small demo year, the data behind the fake servers (cached per seed and scale). */
export function smallBundle(seed = 7, scale = 0.08): DemoBundle {
  const key = `${seed}:${scale}`;
  if (!bundles.has(key)) bundles.set(key, generateDemo({ seed, scale }));
  return bundles.get(key)!;
}

export type TestWorkspace = { ws: Workspace; ctx: HandlerContext; events: SyncProgressEvent[]; cleanup: () => void; dir: string };

/** A new empty workspace whose handlers use a private keychain service. */
export function testWorkspace(): TestWorkspace {
  const t = tempDir();
  const dir = join(t.dir, 'ws');
  const ws = openWorkspace(dir, { create: true });
  const events: SyncProgressEvent[] = [];
  const ctx = makeContext('cli', ws, (event, payload) => event === 'sync:progress' && events.push(payload as SyncProgressEvent), { secrets: testSecrets() });
  return { ws, ctx, events, dir, cleanup: () => (ws.close(), t.cleanup()) };
}

export async function callRaw<C extends Channel>(t: TestWorkspace, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return (await dispatch(handlers, channel, input, t.ctx)) as Result<ChannelOutput<C>>;
}

export async function call<C extends Channel>(t: TestWorkspace, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await callRaw(t, channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Starts a sync through the channel and waits for it, as the CLI does. */
export async function syncAndWait(t: TestWorkspace, input: ChannelInput<'sync:start'> = {}) {
  const { jobId } = await call(t, 'sync:start', input);
  return t.ctx.services.sync.wait(jobId);
}

/** Rows of a table as comparable text, without surrogate ids, sorted. */
export function digest(db: Db, sql: string): string[] {
  return (db.prepare(sql).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
}

/** The synced model in a form two workspaces can be compared by: natural keys and values only. */
export function modelDigest(db: Db): Record<string, string[]> {
  return {
    work_items: digest(db, 'SELECT key, issue_type, summary, status, status_category, resolution, story_points, labels_json, components_json, created_at, updated_at, resolved_at FROM work_items'),
    status_changes: digest(db, 'SELECT w.key, c.changelog_id, c.item_index, c.changed_at, c.field, c.from_string, c.to_string FROM work_item_status_changes c JOIN work_items w ON w.id = c.work_item_id'),
    links: digest(db, 'SELECT w.key, l.link_type, l.direction, l.other_key FROM work_item_links l JOIN work_items w ON w.id = l.work_item_id'),
    worklogs: digest(db, 'SELECT w.key, l.external_id, l.started_at, l.seconds FROM worklogs l JOIN work_items w ON w.id = l.work_item_id'),
    merge_requests: digest(db, 'SELECT r.path, m.iid, m.title, m.state, m.draft, m.source_branch, m.labels_json, m.changes_count, m.changes_capped, m.created_at, m.merged_at, m.closed_at, m.merge_commit_sha FROM merge_requests m JOIN repositories r ON r.id = m.repository_id'),
    review_events: digest(db, 'SELECT r.path, m.iid, e.external_id, e.kind, e.created_at FROM review_events e JOIN merge_requests m ON m.id = e.merge_request_id JOIN repositories r ON r.id = m.repository_id'),
    approvals: digest(db, 'SELECT r.path, m.iid, p.username, a.approved_at FROM approvals a JOIN merge_requests m ON m.id = a.merge_request_id JOIN repositories r ON r.id = m.repository_id JOIN people p ON p.id = a.user_id'),
    commits: digest(db, 'SELECT r.path, m.iid, c.sha FROM mr_commits c JOIN merge_requests m ON m.id = c.merge_request_id JOIN repositories r ON r.id = m.repository_id'),
    pipelines: digest(db, 'SELECT r.path, p.external_id, p.merge_request_iid, p.sha, p.status, p.duration_s, p.queued_duration_s, p.started_at, p.finished_at FROM pipelines p JOIN repositories r ON r.id = p.repository_id'),
    jobs: digest(db, 'SELECT external_id, name, stage, status, retried, duration_s, runner_type, failure_reason FROM ci_jobs'),
  };
}

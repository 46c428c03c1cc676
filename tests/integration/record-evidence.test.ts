import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { RECORD_EVIDENCE_SQL } from '../../electron/db/repositories/record-evidence';
import { openWorkspace } from '../../electron/workspace/workspace';
import { RecordDetailSchema, type RecordDetail } from '../../shared/ipc/contract-records';
import { call, callRaw, type TestWorkspace } from '../support/sync-harness';
import { tempDir } from '../support/temp';

// records:get through the real dispatch on the demo workspace, every expectation read back from
// the SQLite rows the step claims to come from. Records are chosen by SQL, never by id.
let t: TestWorkspace;

beforeAll(async () => {
  const tmp = tempDir();
  const dir = join(tmp.dir, 'demo');
  await createDemoWorkspace(dir, { host: 'cli' });
  const ws = openWorkspace(dir, { create: false });
  t = { ws, ctx: makeContext('cli', ws), events: [], dir, cleanup: () => (ws.close(), tmp.cleanup()) };
}, 180_000);
afterAll(() => t?.cleanup());

const db = () => t.ws.db;
const one = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).all(...params) as T[];
const get = (id: number) => call(t, 'records:get', { id });
const inTimeOrder = (d: RecordDetail) => d.timeline.every((s, i) => i === 0 || Date.parse(s.at) >= Date.parse(d.timeline[i - 1]!.at));

/** An accepted record with a synced ticket, a change MR, pipelines and several runs. */
const acceptedId = () =>
  one<{ id: number }>(
    `SELECT r.id FROM records r JOIN work_items w ON w.id = r.work_item_id
     WHERE r.outcome = 'accepted' AND w.web_url IS NOT NULL AND r.runs > 1
       AND EXISTS (SELECT 1 FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id
                   JOIN pipelines p ON p.repository_id = m.repository_id AND p.merge_request_iid = m.iid WHERE rm.record_id = r.id)
     ORDER BY r.runs DESC, r.record_key LIMIT 1`,
  ).id;

describe('records:get on the demo workspace', () => {
  it('links an accepted record to its ticket, merge request and pipelines', async () => {
    const id = acceptedId();
    const d = await get(id);
    const row = one<{ key: string; web_url: string; record_key: string; total: number }>(
      `SELECT w.key, w.web_url, r.record_key, r.cost_run_credits + r.cost_ai_credits + r.cost_provider + r.cost_ci + r.cost_human AS total
       FROM records r JOIN work_items w ON w.id = r.work_item_id WHERE r.id = ?`,
      id,
    );
    expect(d.record).toMatchObject({ id, recordKey: row.record_key, outcome: 'accepted', costTotalMicros: row.total });
    expect(d.truncated).toBe(false);
    expect(inTimeOrder(d)).toBe(true);

    const ticket = d.timeline.find((s) => s.kind === 'ticket_created')!;
    expect(ticket.title).toBe(`Ticket ${row.key} created`);
    expect(ticket.source).toMatchObject({ kind: 'jira', label: row.key, url: row.web_url });

    const mrs = all<{ iid: number; web_url: string; path: string; state: string }>(
      `SELECT m.iid, m.web_url, r.path, m.state FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id
       JOIN repositories r ON r.id = m.repository_id WHERE rm.record_id = ? AND rm.role = 'change'`,
      id,
    );
    for (const mr of mrs) {
      const opened = d.timeline.find((s) => s.kind === 'mr_opened' && s.source.label === `${mr.path}!${mr.iid}`);
      expect(opened?.source.url).toBe(mr.web_url);
    }
    const merged = mrs.filter((m) => m.state === 'merged');
    expect(merged.length).toBeGreaterThan(0);
    expect(d.timeline.filter((s) => s.kind === 'merged').map((s) => s.source.url).sort()).toEqual(merged.map((m) => m.web_url).sort());

    const pipelines = all<{ external_id: string; web_url: string; status: string }>(
      `SELECT p.external_id, p.web_url, p.status FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id
       JOIN pipelines p ON p.repository_id = m.repository_id AND p.merge_request_iid = m.iid WHERE rm.record_id = ? AND rm.role = 'change'`,
      id,
    );
    const pipelineSteps = d.timeline.filter((s) => s.kind === 'pipeline');
    expect(pipelineSteps.map((s) => s.source.url).sort()).toEqual(pipelines.map((p) => p.web_url).sort());
    for (const p of pipelines) {
      const s = pipelineSteps.find((x) => x.title.startsWith(`Pipeline #${p.external_id} `))!;
      expect(s.tone).toBe(p.status === 'success' ? 'good' : p.status === 'failed' ? 'bad' : 'neutral');
    }
  });

  it("shows each run event at the imported file and line it came from, model calls one step per run", async () => {
    const id = acceptedId();
    const d = await get(id);
    const events = all<{ file: string; line: number; occurred_at: string; event_type: string; run_id: string | null }>(
      `SELECT i.file_name AS file, e.source_line AS line, e.occurred_at, e.event_type, e.run_id
       FROM run_events e JOIN imports i ON i.id = e.import_id
       WHERE e.run_id IN (SELECT run_id FROM record_runs WHERE record_id = ?) OR e.ticket_key = (SELECT ticket_key FROM records WHERE id = ?)`,
      id,
      id,
    );
    const runSteps = d.timeline.filter((s) => s.kind === 'run_event');
    const at = (file: string | null, line: number | null) => events.find((e) => e.file === file && e.line === line);
    for (const s of runSteps) {
      expect(s.source.kind).toBe('import');
      expect(s.source.label).toBe(`${s.source.file} line ${s.source.line}`);
      const e = at(s.source.file, s.source.line);
      expect(e, s.title).toBeDefined();
      expect(s.at).toBe(e!.occurred_at);
    }
    // Every non-model event is a step of its own; every run with model calls has exactly one model-call step.
    const isCall = (type: string) => type.startsWith('model_call');
    const shown = new Set(runSteps.map((s) => `${s.source.file}:${s.source.line}`));
    for (const e of events.filter((x) => !isCall(x.event_type))) expect(shown.has(`${e.file}:${e.line}`), `${e.event_type} ${e.file}:${e.line}`).toBe(true);
    const runsWithCalls = new Set(events.filter((e) => isCall(e.event_type)).map((e) => e.run_id));
    const callSteps = runSteps.filter((s) => / model calls?, /.test(s.title));
    expect(callSteps).toHaveLength(runsWithCalls.size);
    expect(runSteps).toHaveLength(events.filter((x) => !isCall(x.event_type)).length + runsWithCalls.size);
  });

  it('shows the revert of a rolled-back record, after its merge', async () => {
    const { id } = one<{ id: number }>("SELECT id FROM records WHERE outcome = 'rolled_back' ORDER BY record_key LIMIT 1");
    const revert = one<{ web_url: string; iid: number }>(
      "SELECT m.web_url, m.iid FROM record_merge_requests rm JOIN merge_requests m ON m.id = rm.merge_request_id WHERE rm.record_id = ? AND rm.role = 'revert' AND m.state = 'merged'",
      id,
    );
    const d = await get(id);
    expect(inTimeOrder(d)).toBe(true);
    const reverted = d.timeline.find((s) => s.kind === 'reverted')!;
    expect(reverted).toMatchObject({ tone: 'bad', title: `Reverted by !${revert.iid}`, source: { kind: 'gitlab', url: revert.web_url } });
    const mergedAt = d.timeline.find((s) => s.kind === 'merged')!.at;
    expect(Date.parse(reverted.at)).toBeGreaterThan(Date.parse(mergedAt));
  });

  it('raises as many follow-up bug steps as the record counted', async () => {
    const { id, n } = one<{ id: number; n: number }>('SELECT id, follow_up_bugs AS n FROM records WHERE follow_up_bugs > 0 ORDER BY record_key LIMIT 1');
    const d = await get(id);
    const bugs = d.timeline.filter((s) => s.kind === 'follow_up_bug');
    expect(bugs).toHaveLength(n);
    for (const b of bugs) {
      const w = one<{ web_url: string; issue_type: string }>('SELECT web_url, issue_type FROM work_items WHERE key = ?', b.source.label);
      expect(b.source.url).toBe(w.web_url);
      expect(w.issue_type).toMatch(/bug/i);
    }
  });

  it('returns cost lines that add up to the record total when all are in the workspace currency', async () => {
    const currency = t.ws.settings().currency;
    const { id } = one<{ id: number }>(
      `SELECT r.id FROM records r WHERE r.outcome = 'accepted'
         AND (SELECT count(*) FROM record_cost_lines l WHERE l.record_id = r.id) >= 3
         AND NOT EXISTS (SELECT 1 FROM record_cost_lines l WHERE l.record_id = r.id AND l.currency <> ?)
       ORDER BY r.record_key LIMIT 1`,
      currency,
    );
    const d = await get(id);
    expect(d.costLines.length).toBe(one<{ n: number }>('SELECT count(*) AS n FROM record_cost_lines WHERE record_id = ?', id).n);
    expect(d.costLines.every((l) => l.currency === currency)).toBe(true);
    expect(d.costLines.reduce((s, l) => s + l.amountMicros, 0)).toBe(d.record.costTotalMicros);
    expect(d.record.costTotalMicros).toBeGreaterThan(0);
  });

  it('gives each line in another currency its converted amount, and those add up to the kind totals', async () => {
    const currency = t.ws.settings().currency;
    const { id } = one<{ id: number }>(
      `SELECT r.id FROM records r WHERE EXISTS (SELECT 1 FROM record_cost_lines l WHERE l.record_id = r.id AND l.currency <> ?)
       ORDER BY r.record_key LIMIT 1`,
      currency,
    );
    const d = await get(id);
    const foreign = d.costLines.filter((l) => l.currency !== currency);
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((l) => l.convertedMicros !== null && l.convertedMicros !== l.amountMicros)).toBe(true);
    expect(d.costLines.filter((l) => l.currency === currency).every((l) => l.convertedMicros === l.amountMicros)).toBe(true);
    const column = { run_credits: 'costRunCreditsMicros', ai_credits: 'costAiCreditsMicros', provider: 'costProviderMicros', ci: 'costCiMicros', human: 'costHumanMicros' } as const;
    for (const kind of Object.keys(column) as (keyof typeof column)[]) {
      const sum = d.costLines.filter((l) => l.kind === kind).reduce((s, l) => s + (l.convertedMicros ?? 0), 0);
      expect(sum, kind).toBe(d.record[column[kind]]);
    }
  });

  it('labels the signals the record carries', async () => {
    const { id } = one<{ id: number }>('SELECT record_id AS id FROM record_signals ORDER BY record_id LIMIT 1');
    const d = await get(id);
    const stored = all<{ code: string; detail: string }>('SELECT code, detail FROM record_signals WHERE record_id = ? ORDER BY code', id);
    expect(d.signals.map((s) => ({ code: s.code, detail: s.detail }))).toEqual(stored);
    expect(d.signals.every((s) => s.label.length > 0)).toBe(true);
    expect(d.record.signals).toEqual(stored.map((s) => s.code).sort());
  });

  it('answers NOT_FOUND for an id no record has', async () => {
    const { next } = one<{ next: number }>('SELECT coalesce(max(id), 0) + 1 AS next FROM records');
    const r = await callRaw(t, 'records:get', { id: next });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });

  it('gives every record a valid, time-ordered chain', async () => {
    const ids = all<{ id: number }>('SELECT id FROM records').map((r) => r.id);
    for (const id of ids) {
      const d = RecordDetailSchema.parse(await get(id));
      expect(inTimeOrder(d), `record ${id}`).toBe(true);
      expect(d.timeline.length).toBeGreaterThan(0);
    }
  });

  it('reads through indexes only: no statement scans a table', () => {
    for (const [name, sql] of Object.entries(RECORD_EVIDENCE_SQL)) {
      const plan = db()
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...(sql.includes('@id') ? [{ id: 1, ticketKey: 'X-1' }] : [1])) as { detail: string }[];
      expect(plan.filter((p) => /^SCAN /.test(p.detail)).map((p) => p.detail), name).toEqual([]);
    }
  });

  it('names people only once person-level views are on', async () => {
    const id = acceptedId();
    const reviewers = all<{ name: string }>(
      `SELECT DISTINCT coalesce(p.display_name, p.username) AS name FROM record_merge_requests rm JOIN approvals a ON a.merge_request_id = rm.merge_request_id
       JOIN people p ON p.id = a.user_id WHERE rm.record_id = ?`,
      id,
    ).map((r) => r.name);
    expect(reviewers.length).toBeGreaterThan(0);
    const text = (d: RecordDetail) => d.timeline.map((s) => `${s.title} ${s.detail ?? ''}`).join('\n');

    const off = await get(id);
    expect(off.record.person).toBeNull();
    for (const name of reviewers) expect(text(off)).not.toContain(name);

    await call(t, 'settings:update', { peopleViewsEnabled: true });
    const on = await get(id);
    expect(on.record.person).toBe(one<{ person: string | null }>('SELECT person FROM records WHERE id = ?', id).person);
    for (const name of reviewers) expect(text(on)).toContain(name);
  });
});

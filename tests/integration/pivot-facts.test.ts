import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { executePivot } from '../../electron/db/repositories/pivot-query';
import { factsAreCurrent, refreshFacts } from '../../electron/db/repositories/facts';
import { rebuildRecords } from '../../electron/records/rebuild';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { CUBES } from '../../shared/domain/pivot/cubes';
import { PivotSpecSchema, type PivotSpecInput } from '../../shared/domain/pivot/spec';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { testSecrets } from '../support/keychain';
import { tempDir } from '../support/temp';

// The facts stay right when the data under them changes: rebuilds, exchange rates, settings that
// re-link, new run events, a workspace that had records before the facts existed. Plus the
// channels built on them: drill-through, saved views, person-level views.

let cleanup: () => void;
let ws: Workspace;
let ctx: HandlerContext;

beforeAll(async () => {
  const t = tempDir('yardstick-pivot-facts-');
  cleanup = t.cleanup;
  await createDemoWorkspace(join(t.dir, 'demo'), { host: 'cli' });
  ws = openWorkspace(join(t.dir, 'demo'), { create: false });
  ctx = makeContext('cli', ws, () => {}, { secrets: testSecrets() });
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup?.();
});

async function callRaw<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return (await dispatch(handlers, channel, input, ctx)) as Result<ChannelOutput<C>>;
}
async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await callRaw(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}
const pivot = (spec: PivotSpecInput) => call('pivot:run', { spec: PivotSpecSchema.parse(spec) });
const one = <T>(sql: string, ...params: unknown[]) => ws.db.prepare(sql).pluck().get(...params) as T;
const factsDigest = () =>
  (ws.db.prepare('SELECT * FROM record_facts ORDER BY record_id, event_type, provider, model').all() as Record<string, unknown>[]).map(({ id: _id, ...f }) => JSON.stringify(f));

/** Every cube holds exactly what a GROUP BY of the fact rows gives now (hours to float precision). */
function expectCubesMatchFacts() {
  for (const cube of CUBES) {
    const dims = cube.dims.map((d) => (d === 'label' ? 'l.label' : `f.${d}`));
    const join = cube.bridge ? 'LEFT JOIN record_fact_labels l ON l.record_id = f.record_id' : '';
    const fresh = ws.db.prepare(`SELECT ${dims.join(', ')}, count(*) AS fact_rows, sum(f.accepted) AS accepted, sum(f.cost_provider) AS cost_provider, sum(f.human_hours) AS hours FROM record_facts f ${join} GROUP BY ${dims.join(', ')}`).all() as Record<string, unknown>[];
    const stored = ws.db.prepare(`SELECT ${cube.dims.join(', ')}, fact_rows, accepted, cost_provider, human_hours AS hours FROM ${cube.table}`).all() as Record<string, unknown>[];
    const key = (r: Record<string, unknown>) => JSON.stringify(cube.dims.map((d) => r[d]));
    const byKey = new Map(stored.map((r) => [key(r), r]));
    expect(stored.length, cube.table).toBe(fresh.length);
    for (const r of fresh) {
      const c = byKey.get(key(r));
      expect(c, `${cube.table} ${key(r)}`).toMatchObject({ fact_rows: r['fact_rows'], accepted: r['accepted'], cost_provider: r['cost_provider'] });
      expect(c!['hours'] as number).toBeCloseTo(r['hours'] as number, 9);
    }
  }
}

/** The grand total of each money column must equal the records table's, whatever happened before. */
async function expectTotalsMatchRecords() {
  const money = ['cost_run_credits', 'cost_ai_credits', 'cost_provider', 'cost_ci', 'cost_human', 'accepted'] as const;
  const total = (await pivot({ values: [...money] })).rows.at(-1)!.values;
  const fromRecords = ws.db.prepare(`SELECT ${money.map((m) => `sum(${m}) AS ${m}`).join(', ')} FROM records`).get() as Record<string, number>;
  expect(total).toEqual(money.map((m) => fromRecords[m]));
}

describe('facts maintenance', () => {
  it('is current after the demo is built, and a rebuild with nothing changed rewrites nothing', async () => {
    expect(factsAreCurrent(ws.db)).toBe(true);
    const before = factsDigest();
    expect(before.length).toBeGreaterThan(one<number>('SELECT count(*) FROM records'));
    rebuildRecords(ws.db, ws.settings(), { full: true });
    expect(factsAreCurrent(ws.db)).toBe(true);
    expect(factsDigest()).toEqual(before);
    const stats = refreshFacts(ws.db, ws.settings(), { runEvents: [], providerLines: [] }, new Set());
    expect(stats?.groupsRewritten ?? 0).toBe(0);
    await expectTotalsMatchRecords();
  });

  it('re-converts event money when an exchange rate changes, before the next pivot', async () => {
    const providerBefore = one<number>('SELECT sum(cost_provider) FROM record_facts');
    await call('rates:set', { from: 'USD', to: 'GBP', validFrom: '2026-04-01', rate: 0.9 });
    // refreshConvertedCosts rewrote the records' money: the triggers marked them.
    expect(factsAreCurrent(ws.db)).toBe(false);
    await expectTotalsMatchRecords();
    expect(factsAreCurrent(ws.db)).toBe(true);
    expect(one<number>('SELECT sum(cost_provider) FROM record_facts')).toBeGreaterThan(providerBefore);
    // Still split exactly per record between its own row and its event rows.
    const off = one<number>(
      `SELECT count(*) FROM records r WHERE r.cost_provider <> (SELECT sum(f.cost_provider) FROM record_facts f WHERE f.record_id = r.id)
         OR r.cost_ai_credits <> (SELECT sum(f.cost_ai_credits) FROM record_facts f WHERE f.record_id = r.id)`,
    );
    expect(off).toBe(0);
    // Provider money sits on the model calls that carried it, not on the record rows.
    expect(one<number>('SELECT sum(cost_provider) FROM record_facts WHERE event_type IS NULL')).toBe(0);
  });

  it('moves records between teams when the team mapping changes', async () => {
    await call('settings:update', { teamByProject: { ...ws.settings().teamByProject, DATA: 'Analytics' } });
    const result = await pivot({ rows: ['team'], values: ['records', 'accepted'] });
    const teams = Object.fromEntries(result.rows.map((r) => [r.path[0] ?? 'TOTAL', r.values]));
    const fromRecords = Object.fromEntries(
      (ws.db.prepare('SELECT team, count(*) AS n, sum(accepted) AS a FROM records GROUP BY team').all() as { team: string; n: number; a: number }[]).map((r) => [r.team, [r.n, r.a]]),
    );
    expect(teams['Analytics']).toBeDefined();
    expect(teams['Data']).toBeUndefined();
    for (const [team, values] of Object.entries(fromRecords)) expect(teams[team]).toEqual(values);
  });

  it('takes new run events in through an incremental rebuild', async () => {
    const target = ws.db
      .prepare(
        `SELECT r.id, r.ticket_key AS ticket, e.event_id AS eventId FROM records r JOIN run_events e ON e.ticket_key = r.ticket_key
         WHERE e.event_type = 'model_call_settled' AND e.ai_credits_micros > 0 LIMIT 1`,
      )
      .get() as { id: number; ticket: string; eventId: string };
    const eventsBefore = one<number>('SELECT sum(events) FROM record_facts WHERE record_id = ?', target.id);
    const columns = (ws.db.prepare('PRAGMA table_info(run_events)').all() as { name: string }[]).map((c) => c.name);
    ws.db
      .prepare(`INSERT INTO run_events (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'event_id' ? `event_id || '-again'` : c)).join(', ')} FROM run_events WHERE event_id = ?`)
      .run(target.eventId);
    const stats = rebuildRecords(ws.db, ws.settings());
    expect(stats.mode).toBe('incremental');
    expect(factsAreCurrent(ws.db)).toBe(true);
    expect(one<number>('SELECT sum(events) FROM record_facts WHERE record_id = ?', target.id)).toBe(eventsBefore + 1);
    const record = ws.db.prepare('SELECT ai_credits_used AS credits, cost_ai_credits AS cost FROM records WHERE id = ?').get(target.id) as { credits: number; cost: number };
    const facts = ws.db.prepare('SELECT sum(ai_credits_used) AS credits, sum(cost_ai_credits) AS cost FROM record_facts WHERE record_id = ?').get(target.id) as { credits: number; cost: number };
    expect(facts.cost).toBe(record.cost);
    expect(facts.credits).toBeCloseTo(record.credits, 9);
    await expectTotalsMatchRecords();
    // Only the changed record's month was recomputed in the cubes; they still match the facts.
    expectCubesMatchFacts();
  });

  it('builds the facts of a workspace that had records before them on its first pivot', async () => {
    const before = factsDigest();
    ws.db.exec('DELETE FROM record_facts; DELETE FROM record_fact_groups; DELETE FROM record_fact_hashes; DELETE FROM record_fact_labels; INSERT INTO record_fact_dirty SELECT id FROM records');
    await expectTotalsMatchRecords();
    expect(factsDigest()).toEqual(before);
  });

  it('keeps the cubes equal to the fact rows after all of the above', async () => {
    const spec = PivotSpecSchema.parse({ rows: ['team', 'provider'], cols: ['quarter'], values: ['events', 'cost_provider', 'accepted', 'cost_per_accepted'] });
    const viaCubes = await call('pivot:run', { spec });
    const viaFacts = executePivot(ws.db, spec, ws.settings(), { factsOnly: true });
    expect(viaCubes.sources).toEqual(['record_fact_cube_events']);
    expect(viaFacts.rows).toEqual(viaCubes.rows);
    expectCubesMatchFacts();
  });
});

describe('pivot channels', () => {
  it('drills from a cell to exactly the records behind it, for records:list', async () => {
    const result = await pivot({ rows: ['team'], cols: ['outcome'], values: ['records'] });
    const col = result.columns.findIndex((c) => c.path[0] === 'accepted');
    const row = result.rows.find((r) => r.path[0] === 'Payments')!;
    const drill = await call('pivot:drill', { rows: ['team'], cols: ['outcome'], rowPath: ['Payments'], colPath: ['accepted'] });
    expect(drill.ids.length).toBe(row.values[col]);
    expect(drill).toMatchObject({ total: drill.ids.length, truncated: false });
    const listed = await call('records:list', { ids: drill.ids });
    expect(listed.rows.every((r) => r.team === 'Payments' && r.outcome === 'accepted')).toBe(true);
    expect(listed.total).toBe(drill.ids.length);
    // The grand total cell drills to every record; a label cell to the records with that label.
    expect((await call('pivot:drill', {})).total).toBe(one<number>('SELECT count(*) FROM records'));
    const pci = await call('pivot:drill', { rows: ['label'], rowPath: ['pci'], limit: 5 });
    expect(pci).toMatchObject({ total: one<number>("SELECT count(*) FROM records, json_each(labels_json) j WHERE j.value = 'pci'"), truncated: true });
    expect(pci.ids).toHaveLength(5);
  });

  it('drills into an event cell: the records with such events', async () => {
    const drill = await call('pivot:drill', { rows: ['provider'], rowPath: ['openai'], filters: [{ dim: 'team', values: ['Payments'] }] });
    const expected = one<number>(
      "SELECT count(DISTINCT r.id) FROM records r JOIN run_events e ON e.ticket_key = r.ticket_key WHERE e.provider = 'openai' AND e.event_type <> 'model_call_reserved' AND r.team = 'Payments'",
    );
    expect(drill.total).toBe(expected);
  });

  it('saves, lists, renames and deletes named pivot views', async () => {
    const spec = PivotSpecSchema.parse({ rows: ['team'], cols: ['month'], values: ['cost_per_accepted'], sort: { by: 'value', measure: 'cost_per_accepted' } });
    const saved = await call('views:save', { name: 'Cost by team', spec });
    expect(saved).toMatchObject({ name: 'Cost by team', spec, problem: null });
    expect((await callRaw('views:save', { name: 'cost BY team', spec })).ok).toBe(false);
    const renamed = await call('views:save', { id: saved.id, name: 'Team cost', spec: { ...spec, values: ['accepted'] } });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Team cost', spec: { values: ['accepted'] } });
    expect((await call('views:list', {})).map((v) => v.name)).toEqual(['Team cost']);
    // A view whose stored spec no longer validates is listed with its problem, not dropped.
    ws.db.prepare("INSERT INTO saved_views (kind, name, spec_json, created_at, updated_at) VALUES ('pivot', 'Old', '{\"values\":[\"gone\"]}', 'x', 'x')").run();
    expect((await call('views:list', {})).find((v) => v.name === 'Old')).toMatchObject({ spec: null, problem: expect.stringContaining('no longer matches') });
    expect(await call('views:delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('views:delete', { id: saved.id })).toEqual({ deleted: false });
  });

  it('offers person only with person-level views enabled', async () => {
    const refused = await callRaw('pivot:run', { spec: PivotSpecSchema.parse({ rows: ['person'], values: ['records'] }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await callRaw('pivot:drill', { rows: ['person'], rowPath: ['x'] })).ok).toBe(false);
    await call('settings:update', { peopleViewsEnabled: true });
    expect((await call('pivot:fields', {})).dimensions.map((d) => d.id)).toContain('person');
    const byPerson = await pivot({ rows: ['person'], values: ['records'] });
    expect(byPerson.rows.at(-1)!.values[0]).toBe(one<number>('SELECT count(*) FROM records'));
    await call('settings:update', { peopleViewsEnabled: false });
  });

  it('echoes the request id so a client can drop superseded answers', async () => {
    const r = await call('pivot:run', { spec: PivotSpecSchema.parse({ values: ['records'] }), requestId: 'req-7' });
    expect(r.requestId).toBe('req-7');
    expect((await callRaw('pivot:run', { spec: { values: ['nope'] } as never })).ok).toBe(false);
  });
});

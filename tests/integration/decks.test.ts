import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DECKS, MAX_PIVOT_SLIDE_SPEC_CHARS, MAX_SLIDE_NOTES, MAX_SLIDE_TITLE, MAX_SLIDES, type Slide } from '../../shared/domain/present/deck';
import { maxInputBytes } from '../../electron/main/ipc/dispatch';
import type { EventName } from '../../shared/ipc/channels';
import { DeckConflictSchema } from '../../shared/ipc/contract-decks';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { nextVersion } from '../../electron/db/repositories/decks';
import { assertBuilt, runCli } from '../support/cli';
import { call, callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

let t: TestWorkspace;
let events: { event: EventName; payload: unknown }[];
beforeEach(() => {
  t = testWorkspace();
  events = [];
  t.ctx.emit = ((event: EventName, payload: unknown) => void events.push({ event, payload })) as HandlerContext['emit'];
});
afterEach(() => t.cleanup());

const slide = (id: string, notes = ''): Slide => ({ id, view: { view: 'pilot-figures', pilot: { id: 3, name: 'Payments maintenance' } }, title: null, notes });
const refusal = async (r: ReturnType<typeof callRaw>) => {
  const result = await r;
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};
const PIVOT = { rows: ['team' as const], values: ['accepted' as const] };

describe('decks in the workspace', () => {
  it('creates, lists, updates and tells other windows', async () => {
    const created = await call(t, 'decks:save', { id: 'd1', name: '  Quarterly review ', slides: [slide('s1')], expectedUpdatedAt: null });
    expect(created).toMatchObject({ id: 'd1', name: 'Quarterly review', slides: [slide('s1')] });
    expect(events).toEqual([{ event: 'workspace:data-changed', payload: { tables: ['saved_views'] } }]);
    await call(t, 'decks:save', { id: 'd2', name: 'Board', slides: [], expectedUpdatedAt: null });
    expect(await call(t, 'decks:list', {})).toEqual({ decks: [created, expect.objectContaining({ id: 'd2', name: 'Board', slides: [] })], unreadable: [] });

    const updated = await call(t, 'decks:save', { id: 'd1', name: 'Q3 review', slides: [slide('s2'), slide('s1', 'Say the number twice.')], expectedUpdatedAt: created.updatedAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    const listed = (await call(t, 'decks:list', {})).decks;
    expect(listed.map((d) => d.name)).toEqual(['Q3 review', 'Board']); // still in creation order
    expect(listed[0]).toEqual(updated);
  });

  it('refuses a save from a window that did not see the latest version, and says what is stored', async () => {
    const v1 = await call(t, 'decks:save', { id: 'd1', name: 'Review', slides: [slide('s1')], expectedUpdatedAt: null });
    const v2 = await call(t, 'decks:save', { id: 'd1', name: 'Review', slides: [slide('s1'), slide('s2')], expectedUpdatedAt: v1.updatedAt });
    events.length = 0;

    const stale = await refusal(callRaw(t, 'decks:save', { id: 'd1', name: 'Review', slides: [], expectedUpdatedAt: v1.updatedAt }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('The deck "Review" was changed elsewhere since it was opened here.');
    expect(DeckConflictSchema.parse(stale.details)).toEqual({ reason: 'changed', current: v2 });
    // Creating a deck that exists is as stale as updating an old version.
    expect(DeckConflictSchema.parse((await refusal(callRaw(t, 'decks:save', { id: 'd1', name: 'Review', slides: [], expectedUpdatedAt: null }))).details)).toMatchObject({ reason: 'changed' });
    const deleted = await refusal(callRaw(t, 'decks:save', { id: 'gone', name: 'Gone', slides: [], expectedUpdatedAt: v1.updatedAt }));
    expect([deleted.code, DeckConflictSchema.parse(deleted.details)]).toEqual(['CONFLICT', { reason: 'deleted' }]);
    expect(await call(t, 'decks:list', {})).toEqual({ decks: [v2], unreadable: [] });
    expect(events).toEqual([]);
  });

  it('gives every save a newer version, even within the same millisecond', () => {
    expect(nextVersion(null, '2026-10-01T09:00:00.000Z')).toBe('2026-10-01T09:00:00.000Z');
    expect(nextVersion('2026-10-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z')).toBe('2026-10-01T09:00:00.001Z');
    expect(nextVersion('2026-10-01T09:00:00.005Z', '2026-10-01T09:00:00.001Z')).toBe('2026-10-01T09:00:00.006Z');
    expect(nextVersion('2026-10-01T09:00:00.000Z', '2026-10-01T09:00:01.000Z')).toBe('2026-10-01T09:00:01.000Z');
  });

  it('deletes a deck and returns it, so Undo saves it back under the same id', async () => {
    const deck = await call(t, 'decks:save', { id: 'd1', name: 'Review', slides: [slide('s1', 'notes')], expectedUpdatedAt: null });
    const stale = await refusal(callRaw(t, 'decks:delete', { id: 'd1', expectedUpdatedAt: '2000-01-01T00:00:00.000Z' }));
    expect(stale.code).toBe('CONFLICT');
    events.length = 0;
    const { deleted } = await call(t, 'decks:delete', { id: 'd1', expectedUpdatedAt: deck.updatedAt });
    expect(deleted).toEqual(deck);
    expect(events).toHaveLength(1);
    expect((await call(t, 'decks:list', {})).decks).toEqual([]);
    expect(await call(t, 'decks:delete', { id: 'd1' })).toEqual({ deleted: null });
    expect(events).toHaveLength(1);

    const back = await call(t, 'decks:save', { id: deleted!.id, name: deleted!.name, slides: deleted!.slides, expectedUpdatedAt: null });
    expect(back).toMatchObject({ id: 'd1', name: 'Review', slides: [slide('s1', 'notes')] });
    expect((await call(t, 'decks:list', {})).decks).toEqual([back]);
  });

  it('keeps deck names unique case-insensitively, apart from pivot views, which views:list alone returns', async () => {
    const deck = await call(t, 'decks:save', { id: 'd1', name: 'Team cost', slides: [], expectedUpdatedAt: null });
    const taken = await refusal(callRaw(t, 'decks:save', { id: 'd2', name: 'TEAM COST', slides: [], expectedUpdatedAt: null }));
    expect([taken.code, taken.message, taken.details]).toEqual(['CONFLICT', 'A deck named "Team cost" already exists.', { reason: 'name-taken', name: 'Team cost' }]);
    const other = await call(t, 'decks:save', { id: 'd2', name: 'Other', slides: [], expectedUpdatedAt: null });
    expect((await refusal(callRaw(t, 'decks:save', { id: 'd2', name: 'team cost', slides: [], expectedUpdatedAt: other.updatedAt }))).code).toBe('CONFLICT');
    // A deck may change the case of its own name.
    await call(t, 'decks:save', { id: 'd1', name: 'TEAM cost', slides: [], expectedUpdatedAt: deck.updatedAt });

    // A pivot view of the same name is another kind: both exist, and each list shows its own.
    const view = await call(t, 'views:save', { name: 'Team cost', spec: PIVOT });
    expect((await call(t, 'views:list', { kind: 'pivot' })).map((v) => v.name)).toEqual(['Team cost']);
    expect((await call(t, 'views:list', {})).map((v) => v.id)).toEqual([view.id]);
    expect((await call(t, 'decks:list', {})).decks.map((d) => d.name)).toEqual(['TEAM cost', 'Other']);
    // The views:* channels cannot reach a deck's row.
    expect((await callRaw(t, 'views:list', { kind: 'deck' } as never)).ok).toBe(false);
    expect(await call(t, 'views:delete', { id: Number(t.ws.db.prepare("SELECT id FROM saved_views WHERE kind = 'deck' LIMIT 1").pluck().get()) })).toEqual({ deleted: false });
    expect((await call(t, 'decks:list', {})).decks).toHaveLength(2);
  });

  it('reports a deck row it cannot read, leaves it untouched, and still counts its name as taken', async () => {
    t.ws.db
      .prepare("INSERT INTO saved_views (kind, name, spec_json, created_at, updated_at) VALUES ('deck', 'From the future', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')")
      .run(JSON.stringify({ version: 2, id: 'f1', slides: 'compressed' }));
    const list = await call(t, 'decks:list', {});
    expect(list.decks).toEqual([]);
    expect(list.unreadable).toEqual([{ name: 'From the future', problem: expect.stringMatching(/^This deck was stored in a form this version cannot read/) }]);
    expect((await refusal(callRaw(t, 'decks:save', { id: 'f1', name: 'From the future', slides: [], expectedUpdatedAt: null }))).details).toMatchObject({ reason: 'name-taken' });
    expect(t.ws.db.prepare("SELECT spec_json FROM saved_views WHERE kind = 'deck'").pluck().get()).toBe(JSON.stringify({ version: 2, id: 'f1', slides: 'compressed' }));
  });

  it('bounds what a deck may hold and how many decks there are', async () => {
    const tooLong = await refusal(callRaw(t, 'decks:save', { id: 'd1', name: 'x'.repeat(81), slides: [], expectedUpdatedAt: null }));
    expect(tooLong.code).toBe('INVALID_INPUT');
    const tooMany = Array.from({ length: 101 }, (_, i) => slide(`s${i}`));
    expect((await refusal(callRaw(t, 'decks:save', { id: 'd1', name: 'Big', slides: tooMany, expectedUpdatedAt: null }))).code).toBe('INVALID_INPUT');
    const extra = await refusal(callRaw(t, 'decks:save', { id: 'd1', name: 'Big', slides: [], expectedUpdatedAt: null, currentId: 'd1' } as never));
    expect(extra.code).toBe('INVALID_INPUT');

    // The largest deck the editor can make is accepted, its notes escaped by JSON at their worst.
    const full = Array.from({ length: 100 }, (_, i) => ({ ...slide(`s${i}`, '\u0001'.repeat(4000)), title: '\u0001'.repeat(120) }));
    expect((await call(t, 'decks:save', { id: 'full', name: 'Full', slides: full, expectedUpdatedAt: null })).slides).toHaveLength(100);

    for (let i = 1; i < MAX_DECKS; i += 1) await call(t, 'decks:save', { id: `d${i}`, name: `Deck ${i}`, slides: [], expectedUpdatedAt: null });
    const limit = await refusal(callRaw(t, 'decks:save', { id: 'one-more', name: 'One more', slides: [], expectedUpdatedAt: null }));
    expect([limit.code, limit.details]).toEqual(['CONFLICT', { reason: 'too-many', limit: MAX_DECKS }]);
  });

  it('holds pinned Explore pivots, and a deck of 100 of them at their largest fits the input limit', async () => {
    const pivot = (id: string, spec: object, notes = '', title: string | null = null) => ({ id, view: { view: 'pivot', spec, chart: 'table', measure: null, title: 'Accepted PR/MRs by Team' }, title, notes }) as Slide;
    const deck = await call(t, 'decks:save', { id: 'p1', name: 'Pivots', slides: [pivot('s1', { rows: ['team'], values: ['accepted'] })], expectedUpdatedAt: null });
    // Stored as parsed: the spec's defaults are filled in, so a later save compares equal.
    expect(deck.slides[0]?.view).toEqual({ view: 'pivot', spec: { rows: ['team'], cols: [], values: ['accepted'], filters: [] }, chart: 'table', measure: null, title: 'Accepted PR/MRs by Team' });
    expect((await call(t, 'decks:list', {})).decks).toEqual([deck]);
    expect((await refusal(callRaw(t, 'decks:save', { id: 'p2', name: 'Bad', slides: [pivot('s1', { rows: ['nowhere'], values: ['accepted'] })], expectedUpdatedAt: null }))).code).toBe('INVALID_INPUT');

    // A filter of members escaped by JSON at their worst, up to the spec's bound, on every slide, with the longest notes and titles.
    const members: string[] = [];
    const specOf = (values: string[]) => ({ rows: ['team'], cols: [], values: ['accepted'], filters: [{ dim: 'issue_type', values }] });
    while (JSON.stringify(specOf([...members, '\u0001'.repeat(60)])).length <= MAX_PIVOT_SLIDE_SPEC_CHARS) members.push('\u0001'.repeat(60));
    const slides = Array.from({ length: MAX_SLIDES }, (_, i) => {
      const s = pivot(`s${i}`, specOf(members), '\u0001'.repeat(MAX_SLIDE_NOTES), '\u0001'.repeat(MAX_SLIDE_TITLE));
      return { ...s, view: { ...s.view, title: '\u0001'.repeat(MAX_SLIDE_TITLE) } } as Slide;
    });
    const input = { id: 'big', name: 'Big', slides, expectedUpdatedAt: null };
    expect(JSON.stringify(input).length).toBeGreaterThan(4_000_000);
    expect(JSON.stringify(input).length).toBeLessThanOrEqual(maxInputBytes('decks:save'));
    expect((await call(t, 'decks:save', input)).slides).toHaveLength(MAX_SLIDES);
  });

  it('travels in a workspace backup and comes back with a restore', async () => {
    const review = await call(t, 'decks:save', { id: 'd1', name: 'Review', slides: [slide('s1', 'Opening remarks')], expectedUpdatedAt: null });
    const board = await call(t, 'decks:save', { id: 'd2', name: 'Board', slides: [slide('s2')], expectedUpdatedAt: null });
    await call(t, 'views:save', { name: 'Review', spec: PIVOT });
    const backup = await call(t, 'workspace:backup', { path: join(t.dir, '..', 'with-decks.sqlite') });
    expect(existsSync(backup.path)).toBe(true);

    await call(t, 'decks:delete', { id: 'd1' });
    await call(t, 'decks:save', { id: 'd2', name: 'Board (edited)', slides: [], expectedUpdatedAt: board.updatedAt });
    await call(t, 'decks:save', { id: 'd3', name: 'After the backup', slides: [], expectedUpdatedAt: null });

    await call(t, 'workspace:restore', { path: backup.path });
    expect(await call(t, 'decks:list', {})).toEqual({ decks: [review, board], unreadable: [] });
    expect((await call(t, 'views:list', {})).map((v) => v.name)).toEqual(['Review']);
    // The restore tells open windows to reload everything, decks included.
    expect(events.at(-1)).toEqual({ event: 'workspace:data-changed', payload: { tables: ['*'] } });
  });
});

describe('yardstick decks list', () => {
  it('lists the decks as CSV or JSON, through the same channel', async () => {
    assertBuilt();
    await call(t, 'decks:save', { id: 'd1', name: 'Review, Q3', slides: [slide('s1'), slide('s2')], expectedUpdatedAt: null });
    t.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const csv = await runCli(['decks', 'list', '--workspace', t.dir]);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    const [header, row, end] = csv.stdout.split('\n');
    expect(header).toBe('id,name,slides,updated_at');
    expect(row).toMatch(/^d1,"Review, Q3",2,\d{4}-\d\d-\d\dT/);
    expect(end).toBe('');
    const json = await runCli(['decks', 'list', '--workspace', t.dir, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(await call(t, 'decks:list', {}));
    expect(await runCli(['decks', 'show', '--workspace', t.dir])).toMatchObject({ status: 1, stderr: 'yardstick decks: use yardstick decks list (see yardstick --help)\n' });
  }, 120_000);
});

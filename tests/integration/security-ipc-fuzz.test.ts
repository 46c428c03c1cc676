import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { CONTRACT } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import * as dispatchModule from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext, HandlerMap } from '../../electron/main/ipc/handler-types';
import { startHost, type Host } from '../../electron/host/server';
import type { Db } from '../../electron/db/connection';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { testSecrets } from '../support/keychain';
import { def, isPlain, isStrict, objectLevels, objectSchemas, placeOf } from '../support/zod-walk';
import { tempDir } from '../support/temp';

// Generated from the contract: every channel gets wrong-typed, malformed, oversized and
// unexpected input derived from its own zod schema, through dispatch() and through the browser
// host, against a real demo workspace. Each must come back as a clean INVALID_INPUT (FORBIDDEN for
// auth failures) without the handler running and without a single row changing.

const { dispatch, MAX_INPUT_BYTES } = dispatchModule;
/** The input size limit of a channel: one for all, or a larger one per channel where dispatch has those. */
const limitOf = (c: Channel): number => (dispatchModule as { maxInputBytes?: (channel: string) => number }).maxInputBytes?.(c) ?? MAX_INPUT_BYTES;


/** Leaf values tried in turn until one satisfies the schema (dates, months, currencies, URLs...). */
const LEAVES: unknown[] = ['Fuzz', 'a', 'ENG', 'USD', '2026-01', '2026-01-01', 'https://example.test', 'a@b.example', 1, 0, 2026, true, false, [], {}, null];
const NONE = Symbol('no sample');

/** The smallest valid input the schema's structure suggests: required fields only, or NONE. */
function sampleOf(s: z.ZodType): unknown {
  const d = def(s);
  switch (d.type) {
    case 'optional':
    case 'default':
      return undefined;
    case 'nullable':
      return null;
    case 'pipe':
      return sampleOf(d.in!);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape!)) {
        const x = sampleOf(v);
        if (x === NONE) return NONE;
        if (x !== undefined) out[k] = x;
      }
      return s.safeParse(out).success ? out : NONE;
    }
    case 'union':
      for (const o of d.options!) {
        const x = sampleOf(o);
        if (x !== NONE && s.safeParse(x).success) return x;
      }
      return NONE;
    case 'enum':
      return Object.values(d.entries!)[0];
    case 'literal':
      return d.values![0];
    case 'array': {
      if (s.safeParse([]).success) return [];
      const e = sampleOf(d.element!);
      return e === NONE ? NONE : [e];
    }
    default:
      return LEAVES.find((c) => s.safeParse(c).success) ?? NONE;
  }
}

/** The object schema that describes `value` (through optional, default, nullable, pipes and unions). */
function objectFor(s: z.ZodType, value: unknown): z.ZodType | null {
  const d = def(s);
  if (d.type === 'object') return s;
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return objectFor(d.innerType!, value);
  if (d.type === 'pipe') return objectFor(d.in!, value);
  if (d.type === 'union') {
    for (const o of d.options!) {
      const obj = objectFor(o, value);
      if (obj && o.safeParse(value).success) return obj;
    }
  }
  return null;
}
const elementOf = (s: z.ZodType): z.ZodType | null => {
  const d = def(s);
  if (d.type === 'array') return d.element!;
  if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') return elementOf(d.innerType!);
  return null;
};

/**
 * Objects of an input that may strip unknown keys instead of refusing them, as "channel path"
 * (objectSchemas' paths). Empty, and meant to stay so: add one only with the reason beside it.
 * (sources:update's `scope` is a record, not an object: its handler checks it against the source's
 * kind with the strict Jira or GitLab scope schema, so an unknown key there is refused too.)
 */
const LENIENT_ALLOWED: string[] = [];

/** Values of the wrong type for almost any field: each is kept only where the schema refuses it. */
const WRONG: unknown[] = [42, -1.5, 'x', '', true, null, [], [42], ['x'], [{}], {}, { x: 1 }];
const UNEXPECTED = '__unexpected_key__';
type Mutation = { path: string[]; value: unknown; kind: 'wrong-type' | 'unknown-key' };

/** Every field (and nested object or array-of-object field, three levels deep) replaced by wrong values; unknown keys for strict objects. */
function* mutations(s: z.ZodType, value: unknown, path: string[] = [], depth = 0): Generator<Mutation> {
  const obj = objectFor(s, value);
  if (!obj || !isPlain(value)) return;
  const d = def(obj);
  if (def(d.catchall ?? obj).type === 'never') yield { path: [...path, UNEXPECTED], value: 1, kind: 'unknown-key' };
  for (const [key, field] of Object.entries(d.shape!)) {
    for (const w of WRONG) yield { path: [...path, key], value: w, kind: 'wrong-type' };
    if (depth >= 3) continue;
    const child = value[key];
    if (isPlain(child)) yield* mutations(field, child, [...path, key], depth + 1);
    const element = elementOf(field);
    if (Array.isArray(child) && isPlain(child[0]) && element) yield* mutations(element, child[0], [...path, key, '0'], depth + 1);
  }
}

function setAt(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

/** Every table's rows, hashed: equal digests mean not one row was added, changed or removed. */
function tablesDigest(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const hash = createHash('sha256');
    for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
    out[t] = hash.digest('hex');
  }
  return out;
}

let ws: Workspace;
let ctx: HandlerContext;
let host: Host;
let cleanup: () => void;
let before: Record<string, string>;
let filesBefore: string[];
const ran: Channel[] = [];
/** The real handlers, counted: an input refused by validation must never reach one. */
const counted = Object.fromEntries(
  CHANNELS.map((c) => [
    c,
    (input: unknown, context: HandlerContext) => {
      ran.push(c);
      return (handlers[c] as (i: unknown, x: HandlerContext) => unknown)(input, context);
    },
  ]),
) as HandlerMap;
/** Valid inputs per channel: the generated one, plus hand-written ones where refinements need real values. */
const bases = new Map<Channel, unknown[]>();

type Reply = { status: number; body: string };
function post(path: string, body: string, headers: Record<string, string | undefined> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const all: Record<string, string> = { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined) delete all[k];
      else all[k] = v;
    }
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: all }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const ipcPath = (c: string) => `/api/ipc/${encodeURIComponent(c)}`;

function expectRefused(result: Result<unknown>, code: 'INVALID_INPUT' | 'FORBIDDEN', label: string) {
  expect(result.ok, label).toBe(false);
  if (result.ok) return;
  expect(result.error.code, `${label}: ${result.error.message}`).toBe(code);
  expect(typeof result.error.message, label).toBe('string');
  // A clean error: a sentence, not a stack trace or an echo of a 2 MB input.
  expect(result.error.message.length, label).toBeLessThan(500);
  expect(result.error.message, label).not.toMatch(/\n\s+at /);
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const dir = join(t.dir, 'ws');
  await createDemoWorkspace(dir, { host: 'cli', scale: 1, seed: 11 });
  ws = openWorkspace(dir, { create: false });
  ctx = makeContext('cli', ws, () => undefined, { secrets: testSecrets() });
  const renderer = join(t.dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Yardstick</title>');
  host = await startHost({ handlers: counted, rendererDir: renderer, context: () => ctx });

  // A calibrated scenario from the demo's records: a realistic, valid scenario to mutate.
  const calibrated = await dispatch(handlers, 'scenarios:calibrate', { name: 'Fuzz' }, ctx);
  if (!calibrated.ok) throw new Error(calibrated.error.message);
  const jiraDraft = { kind: 'jira', name: 'Fuzz', baseUrl: 'https://jira.example', flavour: 'cloud', email: 'a@b.example', token: 't', scope: { projects: ['ENG'], startDate: '2026-01-01' } };
  const extra: Partial<Record<Channel, unknown[]>> = {
    'sources:add': [jiraDraft, { kind: 'gitlab', name: 'Fuzz', baseUrl: 'https://gitlab.example', token: 't', scope: { groups: ['g'], projects: ['g/p'] } }],
    'sources:test': [{ draft: jiraDraft }],
    'sources:update': [{ name: 'Fuzz', baseUrl: 'https://jira.example', email: 'a@b.example', token: 't', scope: { projects: ['ENG'] } }],
    'mappings:save': [{ name: 'Fuzz', columns: { date: 'Date', amount: 'Amount' }, fixedCurrency: 'USD', ledger: 'provider', vendor: 'v' }],
    'scenarios:save': [calibrated.data],
    'scenarios:run': [
      { name: 'Fuzz' },
      { scenario: calibrated.data, monteCarlo: { draws: 10, seed: 1 }, goalSeek: { assumption: 'ai_share' } },
      { name: 'Fuzz', goalSeek: { assumption: 'ai_share', target: { metric: 'accepted', value: 10 } } },
    ],
    // Both kinds of sort, so each sort object is reached.
    'pivot:run': [
      { spec: { rows: ['team'], cols: ['month'], values: ['accepted'], filters: [{ dim: 'team', values: ['Payments'] }], sort: { by: 'label' } } },
      { spec: { rows: ['team'], cols: [], values: ['accepted'], sort: { by: 'value', measure: 'accepted' } } },
    ],
    'views:save': [
      { name: 'Fuzz', spec: { rows: ['team'], values: ['accepted'], sort: { by: 'label' } } },
      { name: 'Fuzz', spec: { rows: ['team'], values: ['accepted'], sort: { by: 'value', measure: 'accepted' } } },
    ],
    'records:list': [{ outcomes: ['accepted'], fromMonth: '2026-01', ids: [1, 2] }],
    'metrics:get-overview': [{ period: { from: '2026-01-01', to: '2026-03-31' } }],
    // Nested rules and plans, so their own fields (and unknown keys in them) are tried too.
    'settings:update': [{ linking: { aiLabels: ['ai'] }, plans: [{ name: 'Fuzz' }] }],
    'pilots:save': [{ name: 'Fuzz', scope: { projects: ['ENG'] }, decisions: { stopRules: 'x' } }],
    // With a slide of each view, so the fields of a slide and of every kind of view are mutated too.
    'decks:save': [
      {
        id: 'fuzz',
        name: 'Fuzz',
        slides: [
          { id: 's1', view: { view: 'overview-cost', period: { from: '2026-01-01', to: '2026-03-31' } }, title: 'Fuzz', notes: '' },
          { id: 's2', view: { view: 'overview-figures', period: null }, title: null, notes: '' },
          { id: 's3', view: { view: 'pilot-monthly', pilot: { id: 1, name: 'Fuzz' } }, title: null, notes: '' },
          { id: 's4', view: { view: 'pilot-figures', pilot: { id: 1, name: 'Fuzz' } }, title: null, notes: '' },
          { id: 's5', view: { view: 'scenario-cost', scenario: 'Fuzz' }, title: null, notes: '' },
          { id: 's6', view: { view: 'scenario-figures', scenario: 'Fuzz' }, title: null, notes: '' },
          { id: 's7', view: { view: 'pivot', spec: { rows: ['team'], values: ['accepted'] }, chart: 'bar', measure: null, title: 'Fuzz' }, title: null, notes: '' },
        ],
        expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    'decks:delete': [{ id: 'fuzz', expectedUpdatedAt: '2026-01-01T00:00:00.000Z' }],
    'export:table-xlsx': [
      { title: 'Fuzz', fileName: 'fuzz.xlsx', currency: 'GBP', columns: [{ header: 'Team', format: 'text' }, { header: 'Cost', format: 'money' }], rows: [{ depth: 0, kind: 'leaf', cells: ['Payments', 12.5] }] },
    ],
  };
  for (const c of CHANNELS) {
    const schema = CONTRACT[c].input as z.ZodType;
    for (const x of extra[c] ?? []) {
      const parsed = schema.safeParse(x);
      if (!parsed.success) throw new Error(`hand-written input for ${c} is invalid: ${parsed.error.message}`);
    }
    const generated = sampleOf(schema);
    bases.set(c, [...(generated !== NONE && schema.safeParse(generated).success ? [generated] : []), ...(extra[c] ?? [])]);
  }
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  before = tablesDigest(ws.db);
  filesBefore = readdirSync(dir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')).sort();
}, 180_000);

afterAll(async () => {
  await host?.close();
  ws?.close();
  cleanup?.();
});

describe('every channel, generated from the contract', () => {
  it('has a valid input to start from (generated, or hand-written where refinements need one)', () => {
    const missing = CHANNELS.filter((c) => (bases.get(c) ?? []).length === 0);
    expect(missing).toEqual([]);
  });

  it('refuses wrong-typed fields and unknown keys with INVALID_INPUT, through dispatch and the browser host', async () => {
    const perChannel: Record<string, number> = {};
    for (const c of CHANNELS) {
      const schema = CONTRACT[c].input as z.ZodType;
      let n = 0;
      for (const base of bases.get(c)!) {
        for (const m of mutations(schema, base)) {
          const input = setAt(base, m.path, m.value);
          // A wrong value the schema happens to accept (z.unknown(), a string field given "x") is not a wrong value.
          if (schema.safeParse(input).success) continue;
          const label = `${c} ${m.kind} ${m.path.join('.')}=${JSON.stringify(m.value)}`;
          expectRefused(await dispatch(counted, c, input, ctx), 'INVALID_INPUT', `dispatch ${label}`);
          const reply = await post(ipcPath(c), JSON.stringify(input));
          expect(reply.status, label).toBe(200);
          expectRefused(JSON.parse(reply.body) as Result<unknown>, 'INVALID_INPUT', `host ${label}`);
          n += 1;
        }
      }
      perChannel[c] = n;
    }
    // Channels whose input has fields got field-level cases; those without still got unknown keys.
    for (const c of CHANNELS) expect(perChannel[c], c).toBeGreaterThan(0);
    expect(ran).toEqual([]);
  }, 300_000);

  it('refuses inputs that are not objects, not JSON, not serialisable or absurdly nested', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    for (const c of CHANNELS) {
      for (const [name, input] of Object.entries({ number: 42, string: 'x', boolean: true, array: [], 'array of objects': [{}], 'nested 100,000 deep': deep })) {
        expectRefused(await dispatch(counted, c, input, ctx), 'INVALID_INPUT', `${c} ${name}`);
      }
      for (const input of [circular, { n: 10n }]) expectRefused(await dispatch(counted, c, input, ctx), 'INVALID_INPUT', `${c} not serialisable`);
      for (const body of ['42', '"x"', '[]', '{nope', '{"a":', '\u0000', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
        const reply = await post(ipcPath(c), body);
        expect([200, 400], `${c} ${body.slice(0, 10)}`).toContain(reply.status);
        expectRefused(JSON.parse(reply.body) as Result<unknown>, 'INVALID_INPUT', `host ${c} ${body.slice(0, 10)}`);
      }
    }
    expectRefused(await dispatch(counted, 'app:format-disk', {}, ctx), 'INVALID_INPUT', 'unknown channel');
    expectRefused(JSON.parse((await post(ipcPath('app:format-disk'), '{}')).body) as Result<unknown>, 'INVALID_INPUT', 'host unknown channel');
    expect(ran).toEqual([]);
  }, 300_000);

  it('refuses oversized input (a 2 MB string in each field, a huge array) before validating it', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const hugeArray = Array.from({ length: 300_000 }, (_, i) => i);
    for (const c of CHANNELS) {
      const base = bases.get(c)![0] as Record<string, unknown>;
      const obj = objectFor(CONTRACT[c].input as z.ZodType, base);
      const keys = obj ? Object.keys(def(obj).shape!) : [];
      for (const key of [...keys, 'pad']) {
        for (const value of [big, hugeArray]) {
          const input = { ...base, [key]: value };
          const r = await dispatch(counted, c, input, ctx);
          expectRefused(r, 'INVALID_INPUT', `${c}.${key} oversized`);
          // Past the channel's limit it is refused unread; a channel allowed more still refuses it by its fields' bounds.
          if (!r.ok && JSON.stringify(input).length > limitOf(c)) expect(r.error.message, `${c}.${key}`).toMatch(/too large/);
        }
      }
      // Over HTTP the body limit answers first, whatever the field.
      const reply = await post(ipcPath(c), JSON.stringify({ ...base, [keys[0] ?? 'pad']: big }));
      if (limitOf(c) === MAX_INPUT_BYTES) expect(reply.status, c).toBe(413);
      expectRefused(JSON.parse(reply.body) as Result<unknown>, 'INVALID_INPUT', `host ${c} oversized`);
    }
    // Just under the limit is still validated normally (and refused by the field's own bounds).
    expectRefused(await dispatch(counted, 'sync:cancel', { jobId: 'x'.repeat(MAX_INPUT_BYTES - 100) }, ctx), 'INVALID_INPUT', 'just under the limit');
    expect(ran).toEqual([]);
  }, 300_000);

  it('does not let __proto__ or constructor keys pollute prototypes', async () => {
    for (const c of CHANNELS) {
      const schema = CONTRACT[c].input as z.ZodType;
      const base = bases.get(c)![0] as Record<string, unknown>;
      const obj = objectFor(schema, base);
      // Only a strict input refuses unknown keys (every input is strict: see the next test).
      if (!obj || def(def(obj).catchall ?? obj).type !== 'never') continue;
      for (const extra of ['"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}']) {
        const body = JSON.stringify(base).replace(/^\{/, `{${extra}${Object.keys(base).length > 0 ? ',' : ''}`);
        expectRefused(await dispatch(counted, c, JSON.parse(body), ctx), 'INVALID_INPUT', `${c} ${extra}`);
        expectRefused(JSON.parse((await post(ipcPath(c), body)).body) as Result<unknown>, 'INVALID_INPUT', `host ${c} ${extra}`);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(ran).toEqual([]);
  }, 120_000);

  it('every input refuses unknown keys instead of stripping them', () => {
    // Stripping would not be a hole (the handler only ever sees known fields), but a misspelt field silently ignored is a bug.
    const lenient = CHANNELS.filter((c) => {
      const base = bases.get(c)![0];
      const obj = objectFor(CONTRACT[c].input as z.ZodType, base);
      return obj !== null && !isStrict(obj);
    });
    expect(lenient).toEqual([]);
  });

  it('no object anywhere in an input strips unknown keys: nested objects, array items, union options', () => {
    const lenient = CHANNELS.flatMap((c) => [...objectSchemas(CONTRACT[c].input as z.ZodType)].filter((o) => !isStrict(o.schema)).map((o) => `${c} ${o.path || '(input)'}`));
    expect(lenient).toEqual(LENIENT_ALLOWED);
  });

  it('the valid inputs reach every object an input can hold (so the next test tries an unknown key in each)', () => {
    const reached = new Set<z.ZodType>();
    for (const c of CHANNELS) for (const base of bases.get(c)!) for (const level of objectLevels(CONTRACT[c].input as z.ZodType, base)) reached.add(level.schema);
    // By schema: an object shared by several places (a period, a plan) is the same schema in each, strict or not in all.
    const unreached = CHANNELS.flatMap((c) => [...objectSchemas(CONTRACT[c].input as z.ZodType)].filter((o) => !reached.has(o.schema)).map((o) => `${c} ${o.path || '(input)'}`));
    expect(unreached).toEqual([]);
  });

  it('refuses an unknown key at every object level a valid input reaches, nested ones included, through dispatch', async () => {
    const accepted: string[] = [];
    const nested = new Set<string>();
    for (const c of CHANNELS) {
      const schema = CONTRACT[c].input as z.ZodType;
      const allowed = new Set([...objectSchemas(schema)].filter((o) => LENIENT_ALLOWED.includes(`${c} ${o.path || '(input)'}`)).map((o) => o.schema));
      // One try per place and schema, not per array element: element 0 and element 7 of a list are the same case.
      const tried = new Map<string, Set<z.ZodType>>();
      for (const base of bases.get(c)!) {
        for (const level of objectLevels(schema, base)) {
          const where = placeOf(level.path);
          const schemas = tried.get(where) ?? new Set<z.ZodType>();
          if (schemas.has(level.schema) || allowed.has(level.schema)) continue;
          tried.set(where, schemas.add(level.schema));
          const input = setAt(base, [...level.path, UNEXPECTED], 1);
          if (schema.safeParse(input).success) {
            accepted.push(`${c} ${where || '(input)'}`);
            continue;
          }
          expectRefused(await dispatch(counted, c, input, ctx), 'INVALID_INPUT', `dispatch ${c} ${[...level.path, UNEXPECTED].join('.')}`);
          if (where !== '') nested.add(`${c} ${where}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    // The nested objects that used to strip unknown keys, tried by name so a lost base example shows.
    expect([...nested]).toEqual(
      expect.arrayContaining([
        'metrics:get-overview period',
        'settings:update linking',
        'settings:update plans[]',
        'pilots:save scope',
        'pilots:save decisions',
        'export:table-xlsx columns[]',
        'export:table-xlsx rows[]',
      ]),
    );
    expect(ran).toEqual([]);
  }, 300_000);
});

describe('every browser-host route', () => {
  it('refuses calls without the token, with a wrong one, or from another Host or Origin, on every channel', async () => {
    const wrongToken = 'f'.repeat(host.token.length);
    const cases: { label: string; headers: Record<string, string | undefined>; status: number }[] = [
      { label: 'no token', headers: { authorization: undefined }, status: 401 },
      { label: 'empty bearer', headers: { authorization: 'Bearer ' }, status: 401 },
      { label: 'wrong token', headers: { authorization: `Bearer ${wrongToken}` }, status: 401 },
      { label: 'token prefix', headers: { authorization: `Bearer ${host.token.slice(0, 20)}` }, status: 401 },
      { label: 'token as basic auth', headers: { authorization: `Basic ${Buffer.from(`x:${host.token}`).toString('base64')}` }, status: 401 },
      { label: 'other Host (DNS rebinding)', headers: { host: 'evil.example' }, status: 403 },
      { label: 'Host with our port on another name', headers: { host: `evil.example:${host.port}` }, status: 403 },
      { label: 'other Origin', headers: { origin: 'http://evil.example' }, status: 403 },
      { label: 'lookalike Origin', headers: { origin: `http://127.0.0.1:${host.port}.evil.example` }, status: 403 },
      { label: 'https Origin', headers: { origin: `https://127.0.0.1:${host.port}` }, status: 403 },
      { label: 'null Origin (sandboxed frame, file://)', headers: { origin: 'null' }, status: 403 },
    ];
    for (const c of CHANNELS) {
      const body = JSON.stringify(bases.get(c)![0]);
      for (const k of cases) {
        const reply = await post(ipcPath(c), body, k.headers);
        expect(reply.status, `${c}: ${k.label}`).toBe(k.status);
        expectRefused(JSON.parse(reply.body) as Result<unknown>, 'FORBIDDEN', `${c}: ${k.label}`);
      }
      // The token only counts in the Authorization header, never in the URL (it would end up in logs).
      const inQuery = await post(`${ipcPath(c)}?token=${host.token}`, body, { authorization: undefined });
      expect(inQuery.status, `${c}: token in query`).toBe(401);
    }
    const upload = await post('/api/upload?name=x.csv', 'a,b\n', { authorization: undefined });
    expect(upload.status).toBe(401);
    expect(ran).toEqual([]);
    // The harness itself works: the right token, Host and Origin get an answer.
    const ok = await post(ipcPath('app:get-info'), '{}', { origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { name: 'Yardstick' } });
    ran.length = 0;
  }, 120_000);
});

describe('after all of it', () => {
  it('the workspace holds exactly the rows it held before, and no new files', () => {
    expect(tablesDigest(ws.db)).toEqual(before);
    expect(readdirSync(ws.dir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm')).sort()).toEqual(filesBefore);
    expect(ws.db.pragma('quick_check', { simple: true })).toBe('ok');
  });
});

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace, makeContext } from '../../electron/main/app-context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import { handlers } from '../../electron/main/ipc/handlers';
import type { HandlerContext } from '../../electron/main/ipc/handler-types';
import { executePivot } from '../../electron/db/repositories/pivot-query';
import { openWorkspace, type Workspace } from '../../electron/workspace/workspace';
import { ADDITIVE_MEASURES, COST_MEASURES, METRICS, type MetricId } from '../../shared/domain/metrics';
import { MEASURES, type MeasureId } from '../../shared/domain/pivot/fields';
import type { PivotResult } from '../../shared/domain/pivot/result';
import { PivotSpecSchema, type Member, type PivotSpec, type PivotSpecInput } from '../../shared/domain/pivot/spec';
import type { ChannelInput } from '../../shared/ipc/contract';
import { testSecrets } from '../support/keychain';
import { tempDir } from '../support/temp';

// Conformance of the pivot engine (cubes, fact rows, roll-ups, shaping) with a deliberately naive
// implementation written here: it reads the fact rows and each record's labels and pilots straight
// from the tables and, for every cell, subtotal and total of a spec, filters rows, expands bridge
// dimensions, and sums, counts distinct record ids and divides, with no planning and no cubes.

let cleanup: () => void;
let ws: Workspace;
let ctx: HandlerContext;

type Fact = Record<string, string | number | null> & { record_id: number };
let facts: Fact[];
const labelsOf = new Map<number, string[]>();
const pilotsOf = new Map<number, string[]>();

beforeAll(async () => {
  const t = tempDir('yardstick-pivot-');
  cleanup = t.cleanup;
  await createDemoWorkspace(join(t.dir, 'demo'), { host: 'cli' });
  ws = openWorkspace(join(t.dir, 'demo'), { create: false });
  ctx = makeContext('cli', ws, () => {}, { secrets: testSecrets() });
  facts = ws.db.prepare('SELECT * FROM record_facts').all() as Fact[];
  // Labels from the records themselves, not from the engine's bridge table.
  for (const r of ws.db.prepare('SELECT id, labels_json AS labels FROM records').all() as { id: number; labels: string }[]) labelsOf.set(r.id, JSON.parse(r.labels) as string[]);
  for (const r of ws.db.prepare('SELECT rp.record_id AS id, p.name FROM record_pilots rp JOIN pilots p ON p.id = rp.pilot_id').all() as { id: number; name: string }[]) {
    pilotsOf.set(r.id, [...(pilotsOf.get(r.id) ?? []), r.name]);
  }
}, 180_000);
afterAll(() => {
  ws?.close();
  cleanup?.();
});

async function run(spec: PivotSpecInput): Promise<PivotResult> {
  const result = await dispatch(handlers, 'pivot:run', { spec } as ChannelInput<'pivot:run'>, ctx);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as PivotResult;
}

/** A dimension's values on one fact row: several for a bridge (or null when the record has none). */
function membersOf(f: Fact, dim: string): Member[] {
  if (dim === 'label') return (labelsOf.get(f.record_id) ?? []).length > 0 ? labelsOf.get(f.record_id)! : [null];
  if (dim === 'pilot') return (pilotsOf.get(f.record_id) ?? []).length > 0 ? pilotsOf.get(f.record_id)! : [null];
  const v = f[dim];
  return [v === null || v === undefined ? null : String(v)];
}

const passes = (f: Fact, spec: PivotSpec) => spec.filters.every((flt) => membersOf(f, flt.dim).some((m) => flt.values.includes(m)));

/** The naive value of one measure over a set of fact rows. */
function naiveValue(id: MeasureId, rows: Fact[]): number | null {
  const sum = (col: string) => rows.reduce((n, f) => n + Number(f[col] ?? 0), 0);
  if (id === 'records') return new Set(rows.map((f) => f.record_id)).size;
  if (id in METRICS) {
    const def = METRICS[id as MetricId];
    if (def.kind === 'ratio') {
      const num = def.numerator === 'ai_path_cost' ? COST_MEASURES.reduce((n, c) => n + sum(c), 0) : sum(def.numerator);
      const den = sum(def.denominator);
      return den === 0 ? null : num / den;
    }
    if (def.kind === 'sum') return sum(def.of);
    if (id === 'ai_path_cost') return COST_MEASURES.reduce((n, c) => n + sum(c), 0);
    if (id === 'hours_freed') return sum('baseline_hours') - sum('human_hours');
    throw new Error(`no naive version of ${id}`);
  }
  return sum(id);
}

/** Every level (row depth × column depth) of the naive pivot: path key → fact rows of the cell. */
function naiveCells(spec: PivotSpec): Map<string, Fact[]> {
  const cells = new Map<string, Fact[]>();
  const kept = facts.filter((f) => passes(f, spec));
  for (let r = 0; r <= spec.rows.length; r += 1) {
    for (let c = 0; c <= spec.cols.length; c += 1) {
      const dims = [...spec.rows.slice(0, r), ...spec.cols.slice(0, c)];
      for (const f of kept) {
        // Every combination of the row's members (bridges give several). A filtered dimension shows
        // only its selected values, as in a spreadsheet: a record filtered in by one label is not
        // shown under its other labels.
        let combos: Member[][] = [[]];
        for (const d of dims) {
          const selected = spec.filters.find((flt) => flt.dim === d)?.values;
          const members = membersOf(f, d).filter((m) => !selected || selected.includes(m));
          combos = combos.flatMap((prefix) => members.map((m) => [...prefix, m]));
        }
        for (const combo of combos) {
          const key = `${JSON.stringify(combo.slice(0, r))}|${JSON.stringify(combo.slice(r))}`;
          const list = cells.get(key);
          if (list) list.push(f);
          else cells.set(key, [f]);
        }
      }
    }
  }
  return cells;
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Compares every cell, subtotal and total of the engine's grid with the naive one, and that both have the same groups. */
function expectConforms(spec: PivotSpec, result: PivotResult): number {
  const cells = naiveCells(spec);
  const mismatches: string[] = [];
  let compared = 0;
  for (const row of result.rows) {
    result.columns.forEach((col, ci) => {
      const rowsOfCell = cells.get(`${JSON.stringify(row.path)}|${JSON.stringify(col.path)}`);
      result.measures.forEach((m, mi) => {
        const got = row.values[ci * result.measures.length + mi]!;
        const want = rowsOfCell ? naiveValue(m.id, rowsOfCell) : null;
        compared += 1;
        if (!close(got, want)) mismatches.push(`${row.key} × ${col.key} ${m.id}: engine ${got}, naive ${want}`);
      });
    });
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  // No group missing or invented: the naive groups at the leaf levels are exactly the grid's rows and columns.
  const naiveRows = [...cells.keys()].filter((k) => k.endsWith('|[]')).map((k) => k.slice(0, -3));
  expect(new Set(result.rows.map((r) => r.key))).toEqual(new Set(naiveRows));
  const naiveCols = [...cells.keys()].filter((k) => k.startsWith('[]|')).map((k) => k.slice(3));
  expect(new Set(result.columns.map((c) => c.key))).toEqual(new Set(naiveCols.length > 0 ? naiveCols : ['[]']));
  return compared;
}

const EVERY_KIND: MeasureId[] = ['accepted', 'cost_per_accepted', 'acceptance_rate', 'records', 'cost_run_credits', 'events', 'cost_lines_human', 'human_hours', 'ai_path_cost'];

const SPECS: [string, PivotSpecInput][] = [
  ['record dimensions with column subtotals', { rows: ['team', 'issue_type'], cols: ['quarter', 'month'], values: EVERY_KIND }],
  ['a label on rows (a record under each of its labels, once in totals)', { rows: ['label'], cols: ['outcome'], values: ['records', 'accepted', 'cost_per_accepted', 'events', 'review_hours'] }],
  ['a label below a record dimension', { rows: ['team', 'label'], values: ['records', 'accepted', 'rollback_rate', 'cost_provider'] }],
  [
    'run-event dimensions with a filter',
    { rows: ['provider', 'model'], cols: ['quarter'], values: ['records', 'events', 'cost_provider', 'ai_credits_used', 'cost_ai_credits', 'run_credits_used', 'cost_per_accepted'], filters: [{ dim: 'team', values: ['Payments', 'Data'] }] },
  ],
  ['event type with a null member in the filter', { rows: ['event_type'], cols: ['size'], values: ['records', 'events', 'accepted', 'cost_run_credits'], filters: [{ dim: 'event_type', values: [null, 'pr_created', 'pr_updated'] }] }],
  ['a filter on two labels (EXISTS, never double)', { rows: ['team'], cols: ['label'], values: ['records', 'accepted', 'repair_attempts_per_accepted', 'cost_lines_run_credits'], filters: [{ dim: 'label', values: ['backend', 'frontend'] }] }],
  ['a single-label filter', { rows: ['repository'], values: ['records', 'accepted', 'first_pass_validation_rate', 'hours_freed'], filters: [{ dim: 'label', values: ['ai-generated'] }] }],
  ['pilots and sizes', { rows: ['pilot', 'size'], values: ['records', 'accepted', 'cost_per_accepted', 'tickets_denied'] }],
  ['weeks in two months', { rows: ['week'], cols: ['plan'], values: ['accepted', 'records', 'cost_human'], filters: [{ dim: 'month', values: ['2026-03', '2026-04'] }] }],
  ['no dimensions: one grand total', { values: EVERY_KIND }],
];

describe('pivot conformance with a naive implementation over the demo workspace', () => {
  it.each(SPECS)('%s', async (_name, input) => {
    const spec = PivotSpecSchema.parse(input);
    const result = await run(spec);
    expect(result.rows.length).toBeGreaterThan(0);
    expect(expectConforms(spec, result)).toBeGreaterThan(0);
  });

  it('gives the same grid from the fact rows as from the cubes', async () => {
    for (const [, input] of SPECS) {
      const spec = PivotSpecSchema.parse(input);
      const viaCubes = await run(spec);
      const viaFacts = executePivot(ws.db, spec, ws.settings(), { factsOnly: true });
      expect(viaFacts.sources).toEqual(['record_facts']);
      expect(viaFacts.rows.map((r) => r.key)).toEqual(viaCubes.rows.map((r) => r.key));
      viaCubes.rows.forEach((row, i) => row.values.forEach((v, j) => expect(close(v, viaFacts.rows[i]!.values[j]!), `${row.key} value ${j}`).toBe(true)));
    }
    expect((await run(SPECS[0]![1])).sources).toEqual(['record_fact_cube_records']);
  });

  it('reports the months of the data it sums, for every measure and source, filtered or not', async () => {
    const months = (rows: Fact[]) => rows.map((f) => String(f['month'])).sort();
    const all = months(facts);
    for (const values of [['accepted'], ['cost_per_accepted'], ['fte_freed']] as MeasureId[][]) {
      expect((await run({ rows: ['team'], values })).span, values.join()).toEqual({ from: all[0], to: all.at(-1) });
    }
    const team = String(facts[0]!['team']);
    const ofTeam = months(facts.filter((f) => String(f['team']) === team));
    const filtered = await run({ rows: ['issue_type'], values: ['records'], filters: [{ dim: 'team', values: [team] }] });
    expect(filtered.span).toEqual({ from: ofTeam[0], to: ofTeam.at(-1) });
    expect(executePivot(ws.db, PivotSpecSchema.parse({ rows: ['team'], values: ['accepted'] }), ws.settings(), { factsOnly: true }).span).toEqual({ from: all[0], to: all.at(-1) });
  });

  it('shows a record with two labels under both, and counts it once in the total', async () => {
    const twoLabels = [...labelsOf].find(([, labels]) => labels.includes('backend') && labels.includes('ai-generated'))![0];
    const result = await run({ rows: ['label'], values: ['records'], filters: [{ dim: 'label', values: ['backend', 'ai-generated'] }] });
    const byLabel = new Map(result.rows.map((r) => [r.path[0], r.values[0]]));
    const withEither = [...labelsOf].filter(([, l]) => l.includes('backend') || l.includes('ai-generated')).length;
    // The filter keeps the records with either label; each label row counts the records with that label…
    expect(byLabel.get('backend')).toBe([...labelsOf].filter(([, l]) => l.includes('backend')).length);
    expect(byLabel.get('ai-generated')).toBe([...labelsOf].filter(([, l]) => l.includes('ai-generated')).length);
    // …and the grand total counts each record once, fewer than the sum of its label rows.
    const total = result.rows.at(-1)!;
    expect(total.kind).toBe('total');
    expect(total.values[0]).toBe(withEither);
    expect(total.values[0]).toBeLessThan(byLabel.get('backend')! + byLabel.get('ai-generated')!);
    expect(labelsOf.get(twoLabels)).toEqual(expect.arrayContaining(['backend', 'ai-generated']));
  });

  it('decomposes every record exactly: its fact rows add up to its records row', () => {
    const sums = new Map<number, Record<string, number>>();
    for (const f of facts) {
      const s = sums.get(f.record_id) ?? {};
      for (const m of ADDITIVE_MEASURES) s[m] = (s[m] ?? 0) + Number(f[m]);
      sums.set(f.record_id, s);
    }
    // Event money sits on the event rows, split line by line: nothing is left for the record's own
    // row (run credits are billed per event here; a per-merged-PR plan charge would stay there).
    expect(ws.settings().runCreditCostFrom).toBe('billed');
    const own = facts.filter((f) => f['event_type'] === null);
    for (const m of ['cost_run_credits', 'cost_ai_credits', 'cost_provider', 'run_credits_used', 'ai_credits_used', 'events']) expect(own.filter((f) => f[m] !== 0), m).toEqual([]);
    const records = ws.db.prepare(`SELECT id, ${ADDITIVE_MEASURES.filter((m) => m !== 'records').join(', ')} FROM records`).all() as Record<string, number>[];
    expect(sums.size).toBe(records.length);
    for (const r of records) {
      const s = sums.get(r['id']!)!;
      expect(s['records']).toBe(1);
      for (const m of ADDITIVE_MEASURES) {
        if (m === 'records') continue;
        // Money and counts exactly; hours and credits to float precision.
        if (m.startsWith('cost_') || Number.isInteger(r[m])) expect(s[m], `record ${r['id']} ${m}`).toBe(r[m]);
        else expect(s[m]).toBeCloseTo(r[m]!, 9);
      }
    }
  });

  it('groups each record’s run events by type, provider and model, as the raw events say', () => {
    // Effective events of linked tickets: not superseded, not holds (reference §5.3 rule 3).
    const raw = ws.db
      .prepare(
        `SELECT r.id, e.event_type AS type, e.provider, e.model, count(*) AS n FROM run_events e JOIN records r ON r.ticket_key = e.ticket_key
         WHERE e.event_type <> 'model_call_reserved' AND NOT EXISTS (SELECT 1 FROM run_events s WHERE s.supersedes_event_id = e.event_id)
         GROUP BY 1, 2, 3, 4`,
      )
      .all() as { id: number; type: string; provider: string | null; model: string | null; n: number }[];
    const got = facts.filter((f) => f['event_type'] !== null).map((f) => `${f.record_id}|${f['event_type']}|${f['provider']}|${f['model']}|${f['events']}`);
    expect(new Set(got)).toEqual(new Set(raw.map((r) => `${r.id}|${r.type}|${r.provider}|${r.model}|${r.n}`)));
    expect(got.length).toBe(raw.length);
  });

  it('offers every measure of the catalogue', async () => {
    const fields = await dispatch(handlers, 'pivot:fields', {}, ctx);
    if (!fields.ok) throw new Error(fields.error.message);
    const data = fields.data as { measures: { id: string; kind: string; numerator: string | null; denominator: string | null }[]; dimensions: { id: string }[] };
    expect(data.measures.map((m) => m.id)).toEqual(MEASURES.map((m) => m.id));
    expect(data.measures.find((m) => m.id === 'cost_per_accepted')).toMatchObject({ kind: 'ratio', numerator: 'ai_path_cost', denominator: 'accepted' });
    expect(data.dimensions.map((d) => d.id)).not.toContain('person');
    for (const kind of ['sum', 'count', 'distinct', 'ratio', 'derived']) expect(data.measures.some((m) => m.kind === kind), kind).toBe(true);
  });
});

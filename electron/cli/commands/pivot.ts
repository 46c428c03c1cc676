import { csvLine } from '../../../shared/domain/csv';
import { pseudonym } from '../../../shared/domain/people';
import { DIMENSION_IDS, DIMENSIONS, FACT_DIMENSIONS, FACT_MEASURES, MEASURES, type DimensionDef, type DimensionId } from '../../../shared/domain/pivot/fields';
import type { PivotResult } from '../../../shared/domain/pivot/result';
import type { Member, PivotFilter } from '../../../shared/domain/pivot/spec';
import type { PivotFields } from '../../../shared/ipc/contract-pivot';
import { AppError } from '../../../shared/ipc/result';
import { ensureFacts, iterateFactRows } from '../../db/repositories/facts';
import { measureView } from '../../db/repositories/pivot-query';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import { call, listArg, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

const formatOf = (args: CliArgs, allowed: readonly string[]): string => {
  const f = typeof args['format'] === 'string' ? args['format'] : 'csv';
  if (!allowed.includes(f)) throw new AppError('INVALID_INPUT', `--format must be ${allowed.join(' or ')}`);
  return f;
};

const isDimension = (d: string): d is DimensionId => (DIMENSION_IDS as readonly string[]).includes(d);

function dimensionsArg(args: CliArgs, name: string): DimensionId[] {
  const dims = listArg(args, name);
  const bad = dims.find((d) => !isDimension(d));
  if (bad) throw new AppError('INVALID_INPUT', `--${name}: unknown dimension "${bad}" (yardstick pivot --list-fields lists them)`);
  return dims as DimensionId[];
}

/** `--filter dim=value`, repeatable; the same dimension twice means either value; `dim=` is the "(none)" member. */
export function parseFilters(raw: readonly string[]): PivotFilter[] {
  const byDim = new Map<DimensionId, Member[]>();
  for (const f of raw) {
    const at = f.indexOf('=');
    const dim = at < 0 ? f : f.slice(0, at).trim();
    if (at < 0 || !isDimension(dim)) throw new AppError('INVALID_INPUT', `--filter "${f}": expected dimension=value with a dimension of yardstick pivot --list-fields`);
    const value = f.slice(at + 1);
    byDim.set(dim, [...(byDim.get(dim) ?? []), value === '' ? null : value]);
  }
  return [...byDim].map(([dim, values]) => ({ dim, values }));
}

/** Every field with its kind; without a workspace, the full catalogue (person marked as needing person-level views). */
function fieldsCatalogue(): PivotFields {
  return {
    dimensions: DIMENSION_IDS.map((id) => {
      const d: DimensionDef = DIMENSIONS[id];
      return { id, label: d.label, level: d.level, nullLabel: d.nullLabel, time: d.time ?? null, description: d.people ? `${d.description} Needs person-level views.` : d.description };
    }),
    measures: MEASURES.map(measureView),
    currency: '',
  };
}

function printFields(fields: PivotFields, format: string): void {
  if (format === 'json') return void printJson(fields);
  const lines = [csvLine(['field', 'type', 'kind', 'label', 'format', 'numerator', 'denominator', 'description'])];
  for (const d of fields.dimensions) lines.push(csvLine([d.id, 'dimension', d.level, d.label, d.time ?? '', '', '', d.description]));
  for (const m of fields.measures) lines.push(csvLine([m.id, 'measure', m.kind, m.label, m.format, m.numerator ?? '', m.denominator ?? '', m.description]));
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** One CSV line per row group (subtotals and the grand total marked), one column per column key × measure. */
export function pivotCsv(result: PivotResult, personOf: (v: string) => string): string {
  const { spec, measures, columns } = result;
  const member = (dim: DimensionId, v: Member) => (v === null ? DIMENSIONS[dim].nullLabel : dim === 'person' ? personOf(v) : v);
  const colLabel = (path: readonly Member[], kind: string) =>
    kind === 'total' ? 'TOTAL' : `${path.map((v, i) => member(spec.cols[i]!, v)).join(' / ')}${kind === 'subtotal' ? ' TOTAL' : ''}`;
  const header = [
    ...spec.rows,
    'row_kind',
    ...columns.flatMap((c) => measures.map((m) => (spec.cols.length === 0 ? m.id : `${colLabel(c.path, c.kind)} | ${m.id}`))),
  ];
  const lines = [csvLine(header)];
  for (const row of result.rows) {
    const dims = spec.rows.map((d, i) => (i < row.path.length ? member(d, row.path[i]!) : ''));
    // Money in major units of the workspace currency, unrounded.
    const values = row.values.map((v, i) => (v === null ? null : measures[i % measures.length]!.format === 'money' ? v / 1e6 : v));
    lines.push(csvLine([...dims, row.kind, ...values]));
  }
  return `${lines.join('\n')}\n`;
}

const personMapper = (workspace: Workspace, args: CliArgs) => {
  const salt = workspace.settings().name;
  return (name: string) => (args['real-names'] === true ? name : pseudonym(name, salt));
};

/**
 * `yardstick pivot`: the same numbers as the Explore grid, one CSV row per row group with subtotals
 * and the grand total marked, one column per column key × measure (or the result as JSON).
 */
export async function pivotCommand(args: CliArgs, filters: readonly string[]): Promise<void> {
  const format = formatOf(args, ['csv', 'json']);
  if (args['list-fields'] === true) {
    if (typeof args['workspace'] !== 'string') return printFields(fieldsCatalogue(), format);
    const workspace = openWorkspace(args['workspace'], { create: false });
    try {
      return printFields(await call(workspace, 'pivot:fields', {}), format);
    } finally {
      workspace.close();
    }
  }
  const values = listArg(args, 'values');
  if (values.length === 0) throw new AppError('INVALID_INPUT', 'missing --values m1,m2 (yardstick pivot --list-fields lists the measures)');
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const spec = { rows: dimensionsArg(args, 'rows'), cols: dimensionsArg(args, 'cols'), values: values as PivotResult['spec']['values'], filters: parseFilters(filters) };
    const result = await call(workspace, 'pivot:run', { spec });
    if (format === 'json') {
      const personOf = personMapper(workspace, args);
      const people = (dims: readonly DimensionId[], path: readonly Member[]) => path.map((v, i) => (dims[i] === 'person' && v !== null ? personOf(v) : v));
      printJson({
        ...result,
        columns: result.columns.map((c) => ({ ...c, path: people(result.spec.cols, c.path) })),
        rows: result.rows.map((r) => ({ ...r, path: people(result.spec.rows, r.path) })),
      });
    } else {
      process.stdout.write(pivotCsv(result, personMapper(workspace, args)));
      process.stderr.write(`Money in ${result.currency} (major units); ${result.rows.length} rows from ${result.sources.join(', ')} in ${result.ms.toFixed(0)} ms\n`);
    }
  } finally {
    workspace.close();
  }
}

/**
 * `yardstick facts`: every fact row the pivot sums, one column per dimension and per measure under
 * the pivot's names (money in major units), plus each record's labels and pilots (';'-joined), so
 * any pivot can be checked with another tool. Streams; a million rows do not sit in memory.
 */
export async function factsCommand(args: CliArgs): Promise<void> {
  formatOf(args, ['csv']);
  const workspace = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    const settings = workspace.settings();
    ensureFacts(workspace.db, settings);
    const personOf = personMapper(workspace, args);
    const dims = FACT_DIMENSIONS.filter((d) => settings.peopleViewsEnabled || d !== 'person');
    const money = new Set<string>(FACT_MEASURES.filter((m) => m.startsWith('cost_') && !m.startsWith('cost_lines_')));
    let chunk = `${csvLine(['record_id', ...dims, 'label', 'pilot', ...FACT_MEASURES])}\n`;
    for (const r of iterateFactRows(workspace.db)) {
      chunk += `${csvLine([
        r.record_id,
        ...dims.map((d) => (d === 'person' && r.person !== null ? personOf(r.person) : r[d])),
        r.labels,
        r.pilots,
        ...FACT_MEASURES.map((m) => (money.has(m) ? r[m] / 1e6 : r[m])),
      ])}\n`;
      if (chunk.length > 1 << 16) {
        if (!process.stdout.write(chunk)) await new Promise((resolveDrain) => process.stdout.once('drain', resolveDrain));
        chunk = '';
      }
    }
    process.stdout.write(chunk);
    process.stderr.write(`Money in ${settings.currency} (major units); label and pilot list each record's values, separated by ";"\n`);
  } finally {
    workspace.close();
  }
}

import type { DimensionId, MeasureId } from '../../../../shared/domain/pivot/fields';
import { MAX_COL_DIMS, MAX_ROW_DIMS, type Member, type PivotSort, type PivotSpec, type PivotSpecInput } from '../../../../shared/domain/pivot/spec';

/** The four places a field can go, in the order the page shows them. */
export const ZONES = ['rows', 'cols', 'values', 'filters'] as const;
export type Zone = (typeof ZONES)[number];

export const ZONE_LABELS: Record<Zone, string> = { rows: 'Rows', cols: 'Columns', values: 'Values', filters: 'Filters' };

export const MAX_VALUES = 16;
export const MAX_FILTERS = 24;

export type FieldRef = { kind: 'dimension'; id: DimensionId } | { kind: 'measure'; id: MeasureId };

/** A filter as the page holds it: members chosen, or null while none are picked yet (it filters nothing). */
export type FilterDraft = { dim: DimensionId; values: Member[] | null };

/** What the user has placed where; the spec sent to pivot:run is derived from it (toSpec). */
export type Layout = { rows: DimensionId[]; cols: DimensionId[]; values: MeasureId[]; filters: FilterDraft[] };

export type LayoutAction =
  | { type: 'add'; field: FieldRef; zone: Zone; index?: number }
  /** Moves the item at `from` (in `zone`, or in `fromZone` when it changes zone) to `to` in `zone`. */
  | { type: 'move'; zone: Zone; from: number; to: number; fromZone?: Zone }
  | { type: 'remove'; zone: Zone; index: number }
  | { type: 'set-filter'; dim: DimensionId; values: Member[] | null }
  | { type: 'replace'; layout: Layout };

/** The new layout, and why nothing changed when the action was refused. */
export type LayoutResult = { layout: Layout; message: string | null };

export const EMPTY_LAYOUT: Layout = { rows: [], cols: [], values: [], filters: [] };

/** Which zones a field may go to: dimensions to rows, columns and filters; measures to values. */
export const zonesFor = (field: FieldRef): Zone[] => (field.kind === 'measure' ? ['values'] : ['rows', 'cols', 'filters']);

export const accepts = (zone: Zone, field: FieldRef): boolean => zonesFor(field).includes(zone);

/** The field at an index of a zone. */
export function fieldAt(layout: Layout, zone: Zone, index: number): FieldRef | null {
  if (zone === 'values') {
    const id = layout.values[index];
    return id === undefined ? null : { kind: 'measure', id };
  }
  const id = zone === 'filters' ? layout.filters[index]?.dim : layout[zone][index];
  return id === undefined ? null : { kind: 'dimension', id };
}

export const zoneLength = (layout: Layout, zone: Zone): number => layout[zone].length;

const clampIndex = (index: number | undefined, length: number): number => (index === undefined ? length : Math.max(0, Math.min(length, index)));

function insertAt<T>(list: readonly T[], item: T, index: number | undefined): T[] {
  const next = [...list];
  next.splice(clampIndex(index, list.length), 0, item);
  return next;
}

const LIMITS: Record<Zone, number> = { rows: MAX_ROW_DIMS, cols: MAX_COL_DIMS, values: MAX_VALUES, filters: MAX_FILTERS };
const LIMIT_NOUN: Record<Zone, string> = { rows: 'dimensions', cols: 'dimensions', values: 'measures', filters: 'filters' };

function add(layout: Layout, field: FieldRef, zone: Zone, index: number | undefined): LayoutResult {
  const refuse = (message: string): LayoutResult => ({ layout, message });
  if (!accepts(zone, field)) return refuse(field.kind === 'measure' ? 'Measures go to Values.' : 'Dimensions go to Rows, Columns or Filters.');
  if (field.kind === 'measure') {
    if (layout.values.includes(field.id)) return refuse('That measure is already in Values.');
    if (layout.values.length >= MAX_VALUES) return refuse(`Values take at most ${MAX_VALUES} measures.`);
    return { layout: { ...layout, values: insertAt(layout.values, field.id, index) }, message: null };
  }
  if (zone === 'filters') {
    if (layout.filters.some((f) => f.dim === field.id)) return refuse('That dimension is already a filter.');
    if (layout.filters.length >= MAX_FILTERS) return refuse(`At most ${MAX_FILTERS} filters.`);
    return { layout: { ...layout, filters: insertAt(layout.filters, { dim: field.id, values: null }, index) }, message: null };
  }
  if (zone === 'values') return refuse('Dimensions go to Rows, Columns or Filters.');
  // A dimension goes on rows or on columns, once: placing it on one axis takes it off the other.
  const other = zone === 'rows' ? 'cols' : 'rows';
  const axis: readonly DimensionId[] = layout[zone];
  const current = axis.indexOf(field.id);
  const without = axis.filter((d) => d !== field.id);
  if (current < 0 && without.length >= LIMITS[zone]) return refuse(`${ZONE_LABELS[zone]} take at most ${LIMITS[zone]} ${LIMIT_NOUN[zone]}.`);
  // Re-adding a dimension at an index of the list that still held it: the index counts without it.
  const at = current >= 0 && index !== undefined && index > current ? index - 1 : index;
  return { layout: { ...layout, [zone]: insertAt(without, field.id, at), [other]: layout[other].filter((d) => d !== field.id) }, message: null };
}

function remove(layout: Layout, zone: Zone, index: number): Layout {
  if (zone === 'filters') return { ...layout, filters: layout.filters.filter((_, i) => i !== index) };
  if (zone === 'values') return { ...layout, values: layout.values.filter((_, i) => i !== index) };
  return { ...layout, [zone]: layout[zone].filter((_, i) => i !== index) };
}

function reorder<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...list];
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}

function move(layout: Layout, zone: Zone, from: number, to: number, fromZone: Zone): LayoutResult {
  const field = fieldAt(layout, fromZone, from);
  if (field === null) return { layout, message: null };
  if (fromZone === zone) {
    if (zone === 'filters') return { layout: { ...layout, filters: reorder(layout.filters, from, to) }, message: null };
    if (zone === 'values') return { layout: { ...layout, values: reorder(layout.values, from, to) }, message: null };
    return { layout: { ...layout, [zone]: reorder(layout[zone], from, to) }, message: null };
  }
  if (!accepts(zone, field)) return add(layout, field, zone, to);
  const added = add(remove(layout, fromZone, from), field, zone, to);
  return added.message === null ? added : { layout, message: added.message };
}

/** Applies one edit of the drop zones: drag and drop, the field menu, and the chips' keys all end here. */
export function applyLayout(layout: Layout, action: LayoutAction): LayoutResult {
  switch (action.type) {
    case 'add':
      return add(layout, action.field, action.zone, action.index);
    case 'move':
      return move(layout, action.zone, action.from, action.to, action.fromZone ?? action.zone);
    case 'remove':
      return { layout: remove(layout, action.zone, action.index), message: null };
    case 'set-filter':
      return { layout: { ...layout, filters: layout.filters.map((f) => (f.dim === action.dim ? { dim: f.dim, values: action.values === null ? null : [...action.values] } : f)) }, message: null };
    case 'replace':
      return { layout: action.layout, message: null };
  }
}

/** Where a field is placed, for the field list's marks ("Rows", "Values"...). */
export function placesOf(layout: Layout, field: FieldRef): Zone[] {
  if (field.kind === 'measure') return layout.values.includes(field.id) ? ['values'] : [];
  const zones: Zone[] = [];
  if (layout.rows.includes(field.id)) zones.push('rows');
  if (layout.cols.includes(field.id)) zones.push('cols');
  if (layout.filters.some((f) => f.dim === field.id)) zones.push('filters');
  return zones;
}

/** A sort that still fits the layout: a value sort needs its measure in Values and a column path no deeper than Columns. */
export function validSort(sort: PivotSort | null, layout: Layout): PivotSort | null {
  if (sort === null || sort.by === 'label') return sort;
  if (!layout.values.includes(sort.measure) || sort.colPath.length > layout.cols.length) return null;
  return sort;
}

/** The spec pivot:run gets; null while Values is empty (nothing to compute). Filters with no members chosen filter nothing. */
export function toSpec(layout: Layout, sort: PivotSort | null): PivotSpecInput | null {
  if (layout.values.length === 0) return null;
  const filters = layout.filters.filter((f): f is { dim: DimensionId; values: Member[] } => f.values !== null && f.values.length > 0).map((f) => ({ dim: f.dim, values: f.values }));
  const fitted = validSort(sort, layout);
  return { rows: [...layout.rows], cols: [...layout.cols], values: [...layout.values], filters, ...(fitted === null ? {} : { sort: fitted }) };
}

/** A saved view's spec back into the zones. */
export const fromSpec = (spec: PivotSpec): { layout: Layout; sort: PivotSort | null } => ({
  layout: { rows: [...spec.rows], cols: [...spec.cols], values: [...spec.values], filters: spec.filters.map((f) => ({ dim: f.dim, values: [...f.values] })) },
  sort: spec.sort ?? null,
});

/**
 * The pivot a first visit shows: accepted work by team and quarter with what it cost and how much
 * was accepted. Only fields the workspace offers are kept.
 */
export function defaultLayout(available: { dimensions: readonly DimensionId[]; measures: readonly MeasureId[] }): Layout {
  const dims = (ids: DimensionId[]) => ids.filter((d) => available.dimensions.includes(d));
  const values = (['accepted', 'cost_per_accepted', 'acceptance_rate'] as MeasureId[]).filter((m) => available.measures.includes(m));
  return { rows: dims(['team']), cols: dims(['quarter']), values: values.length > 0 ? values : available.measures.slice(0, 1), filters: [] };
}

/** Drops fields the workspace no longer offers (person after person-level views were turned off). */
export function fitToFields(layout: Layout, available: { dimensions: readonly DimensionId[]; measures: readonly MeasureId[] }): Layout {
  const dim = (d: DimensionId) => available.dimensions.includes(d);
  return {
    rows: layout.rows.filter(dim),
    cols: layout.cols.filter(dim),
    values: layout.values.filter((m) => available.measures.includes(m)),
    filters: layout.filters.filter((f) => dim(f.dim)),
  };
}

export const sameLayout = (a: Layout, b: Layout): boolean => JSON.stringify(a) === JSON.stringify(b);

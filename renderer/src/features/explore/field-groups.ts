import type { DimensionField, MeasureFieldView } from '../../../../shared/domain/pivot/result';
import type { FieldRef } from './layout-model';

export type FieldEntry = { ref: FieldRef; label: string; description: string };
export type FieldGroup = { id: string; label: string; entries: FieldEntry[] };

const dimensionGroup = (d: DimensionField): string => (d.time !== null ? 'time' : d.level === 'event' ? 'events' : d.level === 'bridge' ? 'bridges' : 'work');
const measureGroup = (m: MeasureFieldView): string => (m.kind === 'ratio' ? 'ratios' : m.kind === 'derived' ? 'derived' : m.kind === 'sum' ? 'sums' : 'counts');

const GROUPS: { id: string; label: string }[] = [
  { id: 'work', label: 'Dimensions · work' },
  { id: 'time', label: 'Dimensions · time' },
  { id: 'events', label: 'Dimensions · run events' },
  { id: 'bridges', label: 'Dimensions · labels and pilots' },
  { id: 'ratios', label: 'Measures · ratios' },
  { id: 'derived', label: 'Measures · computed' },
  { id: 'sums', label: 'Measures · sums' },
  { id: 'counts', label: 'Measures · counts' },
];

/** The field list's sections, in the order pivot:fields lists the fields within each. Empty sections are left out. */
export function fieldGroups(fields: { dimensions: readonly DimensionField[]; measures: readonly MeasureFieldView[] }): FieldGroup[] {
  const byGroup = new Map<string, FieldEntry[]>(GROUPS.map((g) => [g.id, []]));
  for (const d of fields.dimensions) byGroup.get(dimensionGroup(d))!.push({ ref: { kind: 'dimension', id: d.id }, label: d.label, description: d.description });
  for (const m of fields.measures) byGroup.get(measureGroup(m))!.push({ ref: { kind: 'measure', id: m.id }, label: m.label, description: m.description });
  return GROUPS.map((g) => ({ ...g, entries: byGroup.get(g.id)! })).filter((g) => g.entries.length > 0);
}

/** Search by any word of the label or the id, case-insensitively ("cost acc" finds "Cost per accepted PR/MR"). */
export function matchesSearch(entry: FieldEntry, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${entry.label} ${entry.ref.id}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

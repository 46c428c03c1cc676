import type { FieldRef, Zone } from './layout-model';

/**
 * HTML5 drag and drop of fields. The kind travels in the data type itself: during dragover a page
 * may read the types but not the data, and a zone must say whether it takes the field before the drop.
 */
export const DRAG_TYPES = { dimension: 'application/x-yardstick-dimension', measure: 'application/x-yardstick-measure' } as const;

/** A field dragged from the list, or a chip dragged from a zone (with where it was). */
export type DragPayload = { field: FieldRef; from: { zone: Zone; index: number } | null };

export const encodeDrag = (payload: DragPayload): [type: string, data: string] => [DRAG_TYPES[payload.field.kind], JSON.stringify(payload)];

/** The kind being dragged over a zone, from the drag's types; null for anything else (files, text). */
export function draggedKind(types: readonly string[]): FieldRef['kind'] | null {
  if (types.includes(DRAG_TYPES.dimension)) return 'dimension';
  if (types.includes(DRAG_TYPES.measure)) return 'measure';
  return null;
}

const ZONE_IDS: readonly string[] = ['rows', 'cols', 'values', 'filters'];

/** The payload of a drop, checked: it comes from the page, but a drop can carry anything. */
export function decodeDrag(get: (type: string) => string): DragPayload | null {
  const raw = get(DRAG_TYPES.dimension) || get(DRAG_TYPES.measure);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('field' in value)) return null;
    const { field, from } = value as { field: unknown; from: unknown };
    if (typeof field !== 'object' || field === null) return null;
    const { kind, id } = field as { kind: unknown; id: unknown };
    if ((kind !== 'dimension' && kind !== 'measure') || typeof id !== 'string') return null;
    let origin: DragPayload['from'] = null;
    if (typeof from === 'object' && from !== null) {
      const { zone, index } = from as { zone: unknown; index: unknown };
      if (typeof zone === 'string' && ZONE_IDS.includes(zone) && typeof index === 'number' && Number.isInteger(index)) origin = { zone: zone as Zone, index };
    }
    return { field: { kind, id } as FieldRef, from: origin };
  } catch {
    return null;
  }
}

/** Where a drop lands in a vertical list of chips: before the first chip whose middle is below the pointer. */
export function dropIndex(chipMiddles: readonly number[], pointerY: number): number {
  const at = chipMiddles.findIndex((middle) => pointerY < middle);
  return at < 0 ? chipMiddles.length : at;
}

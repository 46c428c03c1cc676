import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import { MenuButton, type MenuItem } from '../../components/MenuButton';
import { decodeDrag, draggedKind, dropIndex, encodeDrag } from './dnd';
import type { ExploreFields } from './explore-api';
import { fieldAt, ZONE_LABELS, ZONES, zonesFor, type FilterDraft, type Layout, type LayoutAction, type Zone } from './layout-model';
import type { MemberLabeler } from './pivot-labels';

type DropZonesProps = {
  fields: ExploreFields;
  layout: Layout;
  label: MemberLabeler;
  onEdit: (action: LayoutAction) => void;
  onEditFilter: (dim: DimensionId) => void;
};

const ZONE_HINTS: Record<Zone, string> = {
  rows: 'Drop dimensions here to group rows',
  cols: 'Drop dimensions here for column groups',
  values: 'Drop measures here',
  filters: 'Drop dimensions here to filter',
};

export function filterSummary(filter: FilterDraft, label: MemberLabeler): string {
  if (filter.values === null || filter.values.length === 0) return 'all';
  if (filter.values.length <= 2) return filter.values.map((v) => label(filter.dim, v)).join(', ');
  return `${filter.values.length} selected`;
}

/** Rows, Columns, Values and Filters: drop fields in, drag chips between them, or use each chip's keys and menu. */
export function DropZones({ fields, layout, label, onEdit, onEditFilter }: DropZonesProps) {
  const focusAfter = useRef<{ zone: Zone; id: string } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // A chip moved with the keyboard keeps the focus at its new place.
  useEffect(() => {
    const want = focusAfter.current;
    if (want === null) return;
    focusAfter.current = null;
    root.current?.querySelector<HTMLElement>(`[data-zone="${want.zone}"] [data-chip-id="${want.id}"]`)?.focus();
  }, [layout]);

  const nameOf = (zone: Zone, index: number): string => {
    const ref = fieldAt(layout, zone, index);
    if (ref === null) return '';
    const list: readonly { id: string; label: string }[] = ref.kind === 'measure' ? fields.measures : fields.dimensions;
    return list.find((f) => f.id === ref.id)?.label ?? ref.id;
  };
  const known = (kind: 'dimension' | 'measure', id: string) => (kind === 'measure' ? fields.measures : fields.dimensions).some((f) => f.id === id);

  return (
    <div className="explore-zones" ref={root}>
      {ZONES.map((zone) => (
        <ZoneBox
          key={zone}
          zone={zone}
          layout={layout}
          nameOf={(i) => nameOf(zone, i)}
          filterText={(i) => (zone === 'filters' && layout.filters[i] !== undefined ? filterSummary(layout.filters[i], label) : null)}
          onDropPayload={(raw, index) => {
            const payload = decodeDrag(raw);
            if (payload === null || !known(payload.field.kind, payload.field.id)) return;
            if (payload.from === null) {
              onEdit({ type: 'add', field: payload.field, zone, index });
              if (zone === 'filters' && payload.field.kind === 'dimension') onEditFilter(payload.field.id);
            } else {
              const sameZone = payload.from.zone === zone;
              // Within one list the index counts the chip's old place; dropping below it lands one earlier.
              const to = sameZone && index > payload.from.index ? index - 1 : index;
              onEdit({ type: 'move', zone, from: payload.from.index, to, fromZone: payload.from.zone });
            }
          }}
          onMove={(from, to, toZone) => {
            const ref = fieldAt(layout, zone, from);
            if (ref !== null) focusAfter.current = { zone: toZone ?? zone, id: ref.id };
            onEdit({ type: 'move', zone: toZone ?? zone, from, to, fromZone: zone });
          }}
          onRemove={(index) => {
            // Focus goes to the chip that takes its place, or the one before.
            const next = fieldAt(layout, zone, index + 1) ?? fieldAt(layout, zone, index - 1);
            if (next !== null) focusAfter.current = { zone, id: next.id };
            onEdit({ type: 'remove', zone, index });
          }}
          onEditFilter={onEditFilter}
        />
      ))}
    </div>
  );
}

type ZoneBoxProps = {
  zone: Zone;
  layout: Layout;
  nameOf: (index: number) => string;
  filterText: (index: number) => string | null;
  onDropPayload: (get: (type: string) => string, index: number) => void;
  onMove: (from: number, to: number, toZone?: Zone) => void;
  onRemove: (index: number) => void;
  onEditFilter: (dim: DimensionId) => void;
};

function ZoneBox({ zone, layout, nameOf, filterText, onDropPayload, onMove, onRemove, onEditFilter }: ZoneBoxProps) {
  const [dropAt, setDropAt] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const count = layout[zone].length;
  const ids = Array.from({ length: count }, (_, i) => fieldAt(layout, zone, i)!);

  const accepts = (event: DragEvent) => {
    const kind = draggedKind([...event.dataTransfer.types]);
    return kind !== null && (zone === 'values' ? kind === 'measure' : kind === 'dimension');
  };
  const indexAt = (event: DragEvent) => {
    const chips = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-chip-id]') ?? [])];
    return dropIndex(
      chips.map((c) => {
        const r = c.getBoundingClientRect();
        return r.top + r.height / 2;
      }),
      event.clientY,
    );
  };

  return (
    <section
      className={`card explore-zone${dropAt !== null ? ' explore-zone-over' : ''}`}
      data-zone={zone}
      data-testid={`zone-${zone}`}
      aria-label={ZONE_LABELS[zone]}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setDropAt(indexAt(event));
      }}
      onDragLeave={(event) => {
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        setDropAt(null);
      }}
      onDrop={(event) => {
        event.preventDefault();
        const index = indexAt(event);
        setDropAt(null);
        onDropPayload((type) => event.dataTransfer.getData(type), index);
      }}
    >
      <h2 className="explore-zone-title">
        {ZONE_LABELS[zone]}
        {count > 0 && <span className="explore-zone-count">{count}</span>}
      </h2>
      <ul className="explore-chips" ref={listRef}>
        {ids.map((ref, index) => {
          const name = nameOf(index);
          const filter = filterText(index);
          const otherZones = zonesFor(ref).filter((z) => z !== zone);
          const items: MenuItem[] = [
            ...(zone === 'filters' && ref.kind === 'dimension' ? [{ label: 'Choose members…', testId: 'chip-edit', onSelect: () => onEditFilter(ref.id) }] : []),
            { label: 'Move up', disabled: index === 0, testId: 'chip-up', onSelect: () => onMove(index, index - 1) },
            { label: 'Move down', disabled: index === count - 1, testId: 'chip-down', onSelect: () => onMove(index, index + 1) },
            ...otherZones.map((z) => ({ label: `Move to ${ZONE_LABELS[z]}`, testId: `chip-to-${z}`, onSelect: () => onMove(index, layout[z].length, z) })),
            { label: 'Remove', testId: 'chip-remove', onSelect: () => onRemove(index) },
          ];
          const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
            if (event.target !== event.currentTarget) return;
            if ((event.key === 'ArrowUp' || event.key === 'ArrowLeft') && index > 0) onMove(index, index - 1);
            else if ((event.key === 'ArrowDown' || event.key === 'ArrowRight') && index < count - 1) onMove(index, index + 1);
            else if (event.key === 'Delete' || event.key === 'Backspace') onRemove(index);
            else if (event.key === 'Enter' && zone === 'filters' && ref.kind === 'dimension') onEditFilter(ref.id);
            else return;
            event.preventDefault();
          };
          return (
            <li key={ref.id} className="explore-chip-slot">
              {dropAt === index && <span className="explore-drop-marker" aria-hidden="true" />}
              <div
                role="group"
                className={`explore-chip explore-chip-${ref.kind}`}
                tabIndex={0}
                draggable
                data-chip-id={ref.id}
                data-testid={`chip-${ref.id}`}
                aria-label={`${name}${filter === null ? '' : `: ${filter}`}, ${ZONE_LABELS[zone]} ${index + 1} of ${count}. Arrow keys move it, Delete removes it${zone === 'filters' ? ', Enter chooses members' : ''}.`}
                onKeyDown={onKeyDown}
                onDragStart={(event) => {
                  const [type, data] = encodeDrag({ field: ref, from: { zone, index } });
                  event.dataTransfer.setData(type, data);
                  event.dataTransfer.effectAllowed = 'move';
                }}
              >
                {zone === 'filters' && ref.kind === 'dimension' ? (
                  <button type="button" className="explore-chip-label explore-chip-edit" tabIndex={-1} onClick={() => onEditFilter(ref.id)} title="Choose members">
                    {name}: <span className="explore-chip-filter">{filter}</span>
                  </button>
                ) : (
                  <span className="explore-chip-label">{name}</span>
                )}
                <MenuButton label={`${name} options`} items={items} testId="chip-menu" align="end" className="button-icon explore-chip-menu">
                  ⋯
                </MenuButton>
              </div>
            </li>
          );
        })}
        {dropAt !== null && dropAt >= count && (
          <li className="explore-chip-slot" aria-hidden="true">
            <span className="explore-drop-marker" />
          </li>
        )}
      </ul>
      {count === 0 && <p className="explore-zone-hint">{ZONE_HINTS[zone]}</p>}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { MenuButton } from '../../components/MenuButton';
import { encodeDrag } from './dnd';
import type { ExploreFields } from './explore-api';
import { fieldGroups, matchesSearch, type FieldEntry } from './field-groups';
import { placesOf, ZONE_LABELS, zonesFor, type FieldRef, type Layout, type Zone } from './layout-model';

type FieldListProps = {
  fields: ExploreFields;
  layout: Layout;
  onAdd: (field: FieldRef, zone: Zone) => void;
};

const ZONE_MARKS: Record<Zone, string> = { rows: 'R', cols: 'C', values: 'V', filters: 'F' };

function FieldItem({ entry, layout, onAdd }: { entry: FieldEntry; layout: Layout; onAdd: FieldListProps['onAdd'] }) {
  const places = placesOf(layout, entry.ref);
  const items = zonesFor(entry.ref).map((zone) => ({
    label: `Add to ${ZONE_LABELS[zone]}`,
    testId: `field-add-${zone}`,
    disabled: places.includes(zone),
    onSelect: () => onAdd(entry.ref, zone),
  }));
  return (
    <li
      className={`field-item${places.length > 0 ? ' field-item-placed' : ''}`}
      draggable
      data-testid={`field-${entry.ref.id}`}
      data-kind={entry.ref.kind}
      title={entry.description}
      onDragStart={(event) => {
        const [type, data] = encodeDrag({ field: entry.ref, from: null });
        event.dataTransfer.setData(type, data);
        event.dataTransfer.effectAllowed = 'copyMove';
      }}
    >
      <span className="field-item-grip" aria-hidden="true">
        ⋮⋮
      </span>
      <span className="field-item-label">{entry.label}</span>
      {places.map((zone) => (
        <span key={zone} className="field-item-mark" title={`In ${ZONE_LABELS[zone]}`}>
          {ZONE_MARKS[zone]}
        </span>
      ))}
      <MenuButton label={`Add ${entry.label} to…`} items={items} testId="field-menu" align="end">
        +
      </MenuButton>
    </li>
  );
}

/** Every dimension and measure pivot:fields offers, grouped and searchable; drag them to a zone or use their + menu. */
export function FieldList({ fields, layout, onAdd }: FieldListProps) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => fieldGroups(fields), [fields]);
  const shown = groups.map((g) => ({ ...g, entries: g.entries.filter((e) => matchesSearch(e, search)) })).filter((g) => g.entries.length > 0);
  return (
    <aside className="card explore-fields" aria-labelledby="explore-fields-title" data-testid="explore-fields">
      <h2 id="explore-fields-title" className="card-title">
        Fields
      </h2>
      <input
        type="search"
        className="input explore-field-search"
        placeholder="Search fields"
        aria-label="Search fields"
        value={search}
        data-testid="field-search"
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="explore-field-groups">
        {shown.length === 0 && <p className="muted small">No field matches “{search}”.</p>}
        {shown.map((group) => (
          <section key={group.id} className="field-group" aria-label={group.label}>
            <h3 className="field-group-title">{group.label}</h3>
            <ul className="field-group-list">
              {group.entries.map((entry) => (
                <FieldItem key={entry.ref.id} entry={entry} layout={layout} onAdd={onAdd} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

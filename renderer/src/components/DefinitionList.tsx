import type { ReactNode } from 'react';

export type DefinitionItem = { term: string; value: ReactNode; mono?: boolean };

/** Label/value pairs laid out as a compact two-column list. */
export function DefinitionList({ items }: { items: DefinitionItem[] }) {
  return (
    <dl className="definition-list">
      {items.map((item) => (
        <div key={item.term} className="definition-row">
          <dt>{item.term}</dt>
          <dd className={item.mono === true ? 'mono' : undefined}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

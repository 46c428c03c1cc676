import type { Pilot } from '../../../../shared/domain/pilots';
import { scopeSummary } from './pilot-form-model';

type PilotListProps = { pilots: Pilot[]; selectedId: number | null; onSelect: (id: number) => void };

/** The pilots as a list of buttons; the selected one's scorecard is shown beside it. */
export function PilotList({ pilots, selectedId, onSelect }: PilotListProps) {
  return (
    <nav aria-label="Pilots">
      <ul className="plain-list">
        {pilots.map((pilot) => (
          <li key={pilot.id}>
            <button
              type="button"
              className="choice-list-item"
              data-testid="pilot-item"
              data-pilot={pilot.name}
              aria-current={pilot.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(pilot.id)}
            >
              <span className="pilot-list-name">{pilot.name}</span>
              {pilot.owner !== '' && <span className="pilot-list-owner">{pilot.owner}</span>}
              <span className="pilot-list-scope">{scopeSummary(pilot.scope)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { formatDateTime } from '../../lib/format';
import type { ScenarioSummary } from './scenarios-api';

type ScenarioListProps = { scenarios: readonly ScenarioSummary[]; selected: string | null; unsaved: ReadonlySet<string>; onSelect: (name: string) => void };

/** The saved scenarios as a list of buttons; the selected one is edited beside it. */
export function ScenarioList({ scenarios, selected, unsaved, onSelect }: ScenarioListProps) {
  return (
    <nav aria-label="Saved scenarios">
      <ul className="plain-list">
        {scenarios.map((s) => (
          <li key={s.name}>
            <button
              type="button"
              className="choice-list-item scenario-list-item"
              data-testid="scenario-item"
              data-name={s.name}
              aria-current={s.name === selected ? 'true' : undefined}
              onClick={() => onSelect(s.name)}
            >
              <span className="scenario-list-name">
                {s.name}
                {unsaved.has(s.name) && (
                  <span className="scenario-unsaved-dot" title="Unsaved changes" data-testid="scenario-item-unsaved">
                    <span className="visually-hidden"> (unsaved changes)</span>
                  </span>
                )}
              </span>
              <span className="scenario-list-meta">
                {s.pilot !== null ? `Pilot ${s.pilot}` : 'Workspace'} · {s.plan} · {s.horizonMonths} months
              </span>
              <span className="scenario-list-meta">Saved {formatDateTime(s.updatedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { Pilot } from '../../../../shared/domain/pilots';
import { RECORD_SIGNALS } from '../../../../shared/domain/records/types';
import { SelectField } from '../../components/SelectField';
import { SIGNAL_CODES, isSignalCode } from './records-labels';
import { useRecordsUi } from './records-store';
import { ANY, dimensionOptions, fromSelect, isFiltered, outcomeChips, type RecordFacets } from './records-view-model';

type RecordsFilterBarProps = {
  facets: RecordFacets | null;
  pilots: Pilot[] | null;
};

/** Search, outcome chips and the dimension, pilot and signal selects of the Records tab. */
export function RecordsFilterBar({ facets, pilots }: RecordsFilterBarProps) {
  const ui = useRecordsUi();
  const { filter } = ui;
  const chips = outcomeChips(facets, filter.outcomes);
  const pilotNames = (pilots ?? []).map((p) => p.name);
  const signalOptions = [{ value: ANY, label: 'Any signal' }, ...SIGNAL_CODES.map((code) => ({ value: code, label: RECORD_SIGNALS[code] }))];

  return (
    <div className="records-filters" role="search" aria-label="Filter the records">
      <div className="records-filters-row">
        <div className="field records-search">
          <label htmlFor="records-search" className="field-label">
            Search
          </label>
          <input
            id="records-search"
            type="search"
            className="input"
            placeholder="Ticket key, title, repository or MR link"
            value={ui.searchText}
            spellCheck={false}
            autoComplete="off"
            data-testid="records-search"
            onChange={(e) => ui.typeSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') ui.flushSearch();
            }}
          />
        </div>
        <SelectField
          id="records-team"
          label="Team"
          value={filter.team ?? ANY}
          options={dimensionOptions(facets?.teams ?? [], filter.team, 'All teams')}
          onChange={(v) => ui.setDimension('team', fromSelect(v))}
          testId="records-team"
        />
        <SelectField
          id="records-project"
          label="Project"
          value={filter.project ?? ANY}
          options={dimensionOptions(facets?.projects ?? [], filter.project, 'All projects')}
          onChange={(v) => ui.setDimension('project', fromSelect(v))}
          testId="records-project"
        />
        <SelectField
          id="records-repository"
          label="Repository"
          value={filter.repository ?? ANY}
          options={dimensionOptions(facets?.repositories ?? [], filter.repository, 'All repositories')}
          onChange={(v) => ui.setDimension('repository', fromSelect(v))}
          testId="records-repository"
        />
        <SelectField
          id="records-pilot"
          label="Pilot"
          value={filter.pilot ?? ANY}
          options={dimensionOptions(pilotNames, filter.pilot, 'Whole workspace')}
          onChange={(v) => ui.setPilot(fromSelect(v))}
          testId="records-pilot"
        />
        <SelectField
          id="records-signal"
          label="Risk signal"
          value={filter.signal ?? ANY}
          options={signalOptions}
          onChange={(v) => ui.setSignal(isSignalCode(v) ? v : null)}
          testId="records-signal"
        />
      </div>
      <div className="records-filters-row records-outcomes">
        <span className="field-label" id="records-outcome-label">
          Outcome
        </span>
        <div className="chip-group" role="group" aria-labelledby="records-outcome-label">
          {chips.map((chip) => (
            <button
              key={chip.outcome}
              type="button"
              className="filter-chip"
              aria-pressed={chip.pressed}
              data-testid={`records-outcome-${chip.outcome}`}
              onClick={() => ui.toggleOutcome(chip.outcome)}
            >
              {chip.label}
            </button>
          ))}
          {filter.outcomes.length > 0 && (
            <button type="button" className="button-link" onClick={ui.clearOutcomes}>
              Any outcome
            </button>
          )}
        </div>
        <span className="records-filters-spacer" />
        {(isFiltered({ ...filter, pilot: null }) || ui.searchText !== '') && (
          <button type="button" className="button button-small" data-testid="records-clear-filters" onClick={ui.clearFilters}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { viewsResource } from '../explore/explore-store';
import { pilotsResource } from '../pilots/pilots-store';
import { scenariosResource } from '../scenarios/scenarios-store';
import { PIVOT_SLIDE_CHARTS, type PivotSlideChart, type SlideView, type SlideViewId } from '../../../../shared/domain/present/deck';
import { pinView } from './deck-store';
import { pivotSlideView } from './pivot-slide';
import { PIVOT_CHART_LABELS, VIEW_CHOICES } from './slide-catalog';

/** Adds a slide of any view without leaving the page: figures and charts of the Overview, a pilot, a scenario or a saved Explore view. */
export function AddSlideForm({ onAdded }: { onAdded: (slideId: string | null) => void }) {
  const [kind, setKind] = useState<SlideViewId>('overview-figures');
  const [pilotId, setPilotId] = useState('');
  const [scenario, setScenario] = useState('');
  const [savedId, setSavedId] = useState('');
  const [chart, setChart] = useState<PivotSlideChart>('table');
  const pilots = pilotsResource.useStore((s) => s.data);
  const scenarios = scenariosResource.useStore((s) => s.data);
  // Saved views whose spec this version can read; the others cannot be run.
  const saved = viewsResource.useStore((s) => s.data)?.filter((v) => v.spec !== null) ?? null;
  useEffect(() => pilotsResource.watch(), []);
  useEffect(() => scenariosResource.watch(), []);
  useEffect(() => viewsResource.watch(), []);

  const needs = VIEW_CHOICES.find((c) => c.id === kind)?.needs ?? 'period';
  const pilot = pilots?.find((p) => String(p.id) === pilotId) ?? pilots?.[0] ?? null;
  const scenarioName = scenarios?.some((s) => s.name === scenario) ? scenario : (scenarios?.[0]?.name ?? null);
  const savedView = saved?.find((v) => String(v.id) === savedId) ?? saved?.[0] ?? null;
  // A saved view is titled by its name; a chart draws its first measure, a table all of them.
  const pivot = savedView?.spec == null ? null : pivotSlideView({ spec: savedView.spec, chart, measure: null, title: savedView.name });

  const view = ((): SlideView | null => {
    switch (kind) {
      case 'overview-cost':
      case 'overview-figures':
        return { view: kind, period: null };
      case 'pilot-monthly':
      case 'pilot-figures':
        return pilot === null ? null : { view: kind, pilot: { id: pilot.id, name: pilot.name } };
      case 'scenario-cost':
      case 'scenario-figures':
        return scenarioName === null ? null : { view: kind, scenario: scenarioName };
      case 'pivot':
        return pivot?.view ?? null;
    }
  })();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (view === null) return;
    const placed = pinView(view);
    onAdded(placed?.deck.slides[placed.position - 1]?.id ?? null);
  };

  return (
    <form className="card add-slide" onSubmit={submit} aria-labelledby="add-slide-title" data-testid="add-slide">
      <h2 className="card-title" id="add-slide-title">
        Add a slide
      </h2>
      <div className="field">
        <label className="field-label" htmlFor="add-slide-kind">
          Shows
        </label>
        <select id="add-slide-kind" className="input select" data-testid="add-slide-kind" value={kind} onChange={(e) => setKind(e.target.value as SlideViewId)}>
          {VIEW_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {needs === 'pilot' && (
        <div className="field">
          <label className="field-label" htmlFor="add-slide-pilot">
            Pilot
          </label>
          <select id="add-slide-pilot" className="input select" data-testid="add-slide-pilot" value={pilot === null ? '' : String(pilot.id)} onChange={(e) => setPilotId(e.target.value)} disabled={!pilots?.length}>
            {(pilots ?? []).map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
          {pilots?.length === 0 && <p className="field-hint">This workspace has no pilots yet.</p>}
        </div>
      )}
      {needs === 'scenario' && (
        <div className="field">
          <label className="field-label" htmlFor="add-slide-scenario">
            Scenario
          </label>
          <select id="add-slide-scenario" className="input select" data-testid="add-slide-scenario" value={scenarioName ?? ''} onChange={(e) => setScenario(e.target.value)} disabled={!scenarios?.length}>
            {(scenarios ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
          {scenarios?.length === 0 && <p className="field-hint">This workspace has no saved scenarios yet.</p>}
        </div>
      )}
      {needs === 'saved-view' && (
        <>
          <div className="field">
            <label className="field-label" htmlFor="add-slide-saved-view">
              Saved view
            </label>
            <select
              id="add-slide-saved-view"
              className="input select"
              data-testid="add-slide-saved-view"
              value={savedView === null ? '' : String(savedView.id)}
              onChange={(e) => setSavedId(e.target.value)}
              disabled={!saved?.length}
            >
              {(saved ?? []).map((v) => (
                <option key={v.id} value={String(v.id)}>
                  {v.name}
                </option>
              ))}
            </select>
            {saved?.length === 0 && <p className="field-hint">No saved views yet: save one on the Explore page.</p>}
            {pivot?.problem != null && <p className="field-hint">{pivot.problem}</p>}
          </div>
          <div className="field">
            <label className="field-label" htmlFor="add-slide-chart">
              Show as
            </label>
            <select id="add-slide-chart" className="input select" data-testid="add-slide-chart" value={chart} onChange={(e) => setChart(e.target.value as PivotSlideChart)}>
              {PIVOT_SLIDE_CHARTS.map((c) => (
                <option key={c} value={c}>
                  {PIVOT_CHART_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <button type="submit" className="button" data-testid="add-slide-submit" disabled={view === null}>
        Add slide
      </button>
    </form>
  );
}

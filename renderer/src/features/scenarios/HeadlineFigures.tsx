import type { Figure } from './results-view-model';

type HeadlineFiguresProps = { figures: readonly Figure[]; computing: boolean; bandsError: string | null };

/** The horizon's headline figures; they follow every edit at once, the P10–P90 lines once Monte Carlo is back. */
export function HeadlineFigures({ figures, computing, bandsError }: HeadlineFiguresProps) {
  return (
    <section className="scenario-figures" aria-label="Headline figures" data-testid="scenario-figures" aria-busy={computing}>
      {figures.map((f) => (
        <div key={f.id} className={`card scenario-figure scenario-figure-${f.tone}`} data-testid={`figure-${f.id}`} data-value={f.value ?? ''}>
          <span className="scenario-figure-label">{f.label}</span>
          <span className="scenario-figure-value" data-testid="figure-value" title={f.title ?? undefined}>
            {f.text}
          </span>
          <span className="scenario-figure-sub">{f.sub}</span>
          {f.band !== null ? (
            <span className="scenario-figure-band" data-testid="figure-band" data-p10={f.band.p10 ?? ''} data-p90={f.band.p90 ?? ''} title="P10 to P90 of the Monte Carlo draws over the assumptions' ranges">
              <span className="scenario-figure-band-label">P10–P90</span> {f.band.text}
            </span>
          ) : (f.id === 'net_saving' || f.id === 'cost_per_accepted' || f.id === 'hours_freed' || f.id === 'scenario_cost') && (computing || bandsError !== null) ? (
            <span className="scenario-figure-band muted">{bandsError !== null ? 'No bands' : 'P10–P90 computing…'}</span>
          ) : null}
        </div>
      ))}
    </section>
  );
}

import type { TimelineStep } from './record-detail-view-model';

const SOURCE_KIND_LABELS = { jira: 'Jira', gitlab: 'GitLab', import: 'Import' } as const;

/** The evidence chain as a vertical list: when, what (coloured by tone), and where it comes from. */
export function EvidenceTimeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return <p className="muted">No evidence steps were recorded for this record.</p>;
  return (
    <ol className="timeline" data-testid="record-timeline">
      {steps.map((step) => (
        <li key={step.key} className={`timeline-step timeline-${step.tone}`} data-testid="timeline-step" data-kind={step.kind} data-tone={step.tone}>
          <span className="timeline-icon" aria-hidden="true">
            {step.icon}
          </span>
          <div className="timeline-body">
            <p className="timeline-head">
              <span className="timeline-title">
                {step.tone !== 'neutral' && <span className="visually-hidden">{step.tone === 'good' ? 'Good: ' : 'Problem: '}</span>}
                {step.title}
              </span>
              <time className="timeline-time" dateTime={step.at}>
                {step.when}
              </time>
            </p>
            {step.detail !== null && step.detail !== '' && <p className="timeline-detail">{step.detail}</p>}
            <p className="timeline-source">
              <span className="timeline-kind">{step.kindLabel}</span>
              <span aria-hidden="true"> · </span>
              <span className="muted">{SOURCE_KIND_LABELS[step.source.kind]}:</span>{' '}
              {step.source.href !== null ? (
                <a href={step.source.href} target="_blank" rel="noreferrer" data-testid="timeline-source-link">
                  {step.source.label}
                </a>
              ) : (
                <span className="mono" data-testid="timeline-source-text">
                  {step.source.label}
                </span>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

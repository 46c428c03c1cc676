import { useEffect, useMemo } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { signalsResource, useRecordsUi } from './records-store';
import { orderSignalCards, signalCards } from './signals-view-model';

/** Every risk signal with its count; a click shows the records (or unlinked items) behind it. */
export function SignalsTab() {
  useEffect(() => signalsResource.watch(), []);
  const { status, data, error, load } = signalsResource.useStore();
  const pilot = useRecordsUi((s) => s.filter.pilot);
  const followSignal = useRecordsUi((s) => s.followSignal);
  const cards = useMemo(() => (data === null ? [] : orderSignalCards(signalCards(data.signals))), [data]);

  if (status === 'error') return <ErrorState title="Could not load the risk signals" message={error ?? ''} onRetry={() => void load()} />;
  if (data === null) {
    return (
      <div className="signal-grid" aria-busy="true" data-testid="signals-loading">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="card">
            <Skeleton height="5rem" />
          </div>
        ))}
      </div>
    );
  }
  return (
    <>
      <p className="muted">
        {pilot === null ? 'Across the whole workspace.' : `Within the pilot “${pilot}” (choose another on the Records tab).`} Each signal counts the records it was
        raised on; open one to see them.
      </p>
      <ul className="signal-grid" data-testid="signal-list">
        {cards.map((card) => (
          <li key={card.code} className={`card signal-card signal-${card.tone}`} data-testid={`signal-${card.code}`} data-count={card.count}>
            <div className="signal-card-head">
              <span className="signal-count" data-testid="signal-count">
                {card.countDisplay}
              </span>
              <h2 className="card-title">{card.label}</h2>
            </div>
            <p className="records-signal-description">{card.description}</p>
            {card.action !== null && card.actionLabel !== null && (
              <button
                type="button"
                className="button button-small"
                data-testid="signal-open"
                onClick={() => {
                  if (card.action !== null) followSignal(card.action);
                }}
              >
                {card.actionLabel}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

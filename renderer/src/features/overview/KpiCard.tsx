import { Skeleton } from '../../components/Skeleton';
import { dataValue, type KpiCardModel } from './overview-view-model';

export function KpiCard({ model }: { model: KpiCardModel }) {
  return (
    <article className="card kpi" data-testid={model.testId} data-value={dataValue(model.value)} aria-labelledby={`${model.testId}-label`}>
      <h2 className="kpi-label" id={`${model.testId}-label`}>
        {model.label}
      </h2>
      <p className="kpi-value" data-testid="kpi-value" title={model.missingReason ?? undefined}>
        {model.display}
      </p>
      {model.missingReason !== null && <p className="visually-hidden">{model.missingReason}</p>}
      {model.subline !== null && (
        <p className="kpi-subline" title={model.subline.title}>
          {model.subline.text}
        </p>
      )}
      <p className="kpi-caption">{model.caption}</p>
    </article>
  );
}

export function KpiCardSkeleton() {
  return (
    <div className="card kpi" aria-hidden="true">
      <Skeleton width="60%" height="0.9rem" />
      <Skeleton width="45%" height="2rem" />
      <Skeleton width="90%" height="0.8rem" />
      <Skeleton width="75%" height="0.8rem" />
    </div>
  );
}

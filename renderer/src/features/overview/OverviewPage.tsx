import { useEffect, useMemo } from 'react';
import type { Overview } from '../../../../shared/ipc/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ExportMenu, ExportStatus, useExporter } from '../../components/ExportMenu';
import { Notice } from '../../components/Notice';
import { Skeleton } from '../../components/Skeleton';
import { CostBreakdownCard } from './CostBreakdownCard';
import { CostPerAcceptedChart } from './CostPerAcceptedChart';
import { KpiCard, KpiCardSkeleton } from './KpiCard';
import { exportWorkspaceFile } from './overview-api';
import { overviewResource } from './overview-store';
import { costBreakdown, kpiCards, missingRatesWarning, overviewContent, periodLabel } from './overview-view-model';

export function OverviewPage() {
  const { status, data, error, refreshing, load } = overviewResource.useStore();
  useEffect(() => overviewResource.watch(), []);
  const exporter = useExporter(exportWorkspaceFile);

  return (
    <section className="page" aria-labelledby="page-title" aria-busy={status === 'loading' || refreshing}>
      <header className="page-header page-header-with-actions">
        <div className="page-heading">
          <h1 id="page-title">Overview</h1>
          {data !== null && data.period !== null ? (
            <p className="page-subtitle period" data-testid="overview-period">
              {periodLabel(data.period)}
            </p>
          ) : status === 'loading' || status === 'idle' ? (
            <Skeleton width="16rem" height="1rem" />
          ) : null}
        </div>
        <div className="page-actions">
          <ExportMenu exporter={exporter} subject="the whole workspace" testId="overview-export" />
        </div>
      </header>
      <ExportStatus exporter={exporter} testId="overview-export-status" />
      {status === 'error' ? (
        <ErrorState title="Could not load the overview" message={error ?? ''} onRetry={() => void load()} />
      ) : data === null ? (
        <OverviewSkeleton />
      ) : (
        <OverviewBody overview={data} />
      )}
    </section>
  );
}

function OverviewBody({ overview }: { overview: Overview }) {
  const content = overviewContent(overview);
  const cards = useMemo(() => kpiCards(overview), [overview]);
  const breakdown = useMemo(() => costBreakdown(overview), [overview]);
  const warning = missingRatesWarning(overview);

  if (content.kind === 'empty-workspace') {
    return (
      <EmptyState title="No data yet">
        <p data-testid="overview-empty">
          This workspace has no accepted-work records yet. Add a source or run <code>yardstick demo</code>.
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="overview">
      {content.kind === 'empty-period' && <Notice tone="info">{content.note}</Notice>}
      {warning !== null && (
        <Notice tone="warning" testId="missing-rates-warning">
          {warning}
        </Notice>
      )}
      <div className="kpi-grid">
        {cards.map((card) => (
          <KpiCard key={card.testId} model={card} />
        ))}
      </div>
      <div className="overview-detail">
        <CostPerAcceptedChart overview={overview} />
        <CostBreakdownCard breakdown={breakdown} />
      </div>
    </div>
  );
}

function OverviewSkeleton() {
  return (
    <div className="overview" data-testid="overview-loading">
      <div className="kpi-grid">
        <KpiCardSkeleton />
        <KpiCardSkeleton />
        <KpiCardSkeleton />
        <KpiCardSkeleton />
      </div>
      <div className="overview-detail">
        <div className="card">
          <Skeleton height="18rem" />
        </div>
        <div className="card">
          <Skeleton height="18rem" />
        </div>
      </div>
    </div>
  );
}

import { NotBuiltYet } from '../../components/NotBuiltYet';

export function ScenariosPage() {
  return (
    <NotBuiltYet title="Scenarios">
      <p>
        Named sets of assumptions that start from your synced data (volume, funnel rates, plan and price per PR/MR, review
        and repair hours) and project AI-path against human-path cost, hours and FTE freed and the break-even point, with
        P10–P90 bands, compared side by side.
      </p>
    </NotBuiltYet>
  );
}

import { NotBuiltYet } from '../../components/NotBuiltYet';

export function PilotsPage() {
  return (
    <NotBuiltYet title="Pilots">
      <p>Pilots: a named scope with an owner, its rollout decisions and its scorecard.</p>
    </NotBuiltYet>
  );
}

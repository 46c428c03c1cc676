import { ScenarioNameSchema } from '../../../../shared/domain/scenario';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why a name cannot be used (names are unique regardless of case), or null when it can; `current` is the scenario's own name. */
export function nameProblem(name: string, existing: readonly string[], current: string | null = null): string | null {
  if (!ScenarioNameSchema.safeParse(name).success) return name.trim() === '' ? 'Give the scenario a name.' : 'At most 80 characters.';
  if (existing.some((n) => same(n, name) && (current === null || !same(n, current)))) return 'A scenario with this name already exists.';
  return null;
}

/** `base`, or `base 2`, `base 3`… whichever is free. */
export function uniqueName(base: string, existing: readonly string[]): string {
  const root = base.trim().slice(0, 74) || 'Scenario';
  if (!existing.some((n) => same(n, root))) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root} ${i}`;
    if (!existing.some((n) => same(n, candidate))) return candidate;
  }
}

import { ASSUMPTION_IDS, ASSUMPTIONS, TEAM_ASSUMPTION_IDS, TEAM_ASSUMPTIONS, type Scenario } from '../../../../shared/domain/scenario';

/**
 * The scenario being edited: the saved version it started from, the edited one, and a local undo
 * and redo stack for edits not yet saved. After a save the stack is cleared and undo goes to main
 * (scenarios:undo), which keeps the history of saved versions.
 */
export type Draft = {
  base: Scenario;
  current: Scenario;
  past: Scenario[];
  future: Scenario[];
  /**
   * The field the last edit came from. Keystrokes in one field while it keeps the focus make one
   * undo step, not one per character; blurring the field (or editing another) starts a new step.
   */
  session: string | null;
};

const KEPT = 100;

export const openDraft = (saved: Scenario): Draft => ({ base: saved, current: saved, past: [], future: [], session: null });

/** JSON with keys sorted: scenarios from main (zod, schema order) and from edits (spread order) compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export const sameScenario = (a: Scenario, b: Scenario): boolean => a === b || stableJson(a) === stableJson(b);

export function applyEdit(d: Draft, next: Scenario, session: string | null = null): Draft {
  if (sameScenario(next, d.current)) return { ...d, session };
  const coalesce = session !== null && session === d.session && d.past.length > 0;
  const past = coalesce ? d.past : [...d.past, d.current].slice(-KEPT);
  return { ...d, current: next, past, future: [], session };
}

export const endSession = (d: Draft): Draft => (d.session === null ? d : { ...d, session: null });

export function undoEdit(d: Draft): Draft {
  const previous = d.past[d.past.length - 1];
  if (previous === undefined) return d;
  return { ...d, current: previous, past: d.past.slice(0, -1), future: [d.current, ...d.future], session: null };
}

export function redoEdit(d: Draft): Draft {
  const [next, ...rest] = d.future;
  if (next === undefined) return d;
  return { ...d, current: next, past: [...d.past, d.current], future: rest, session: null };
}

export const isDirty = (d: Draft): boolean => !sameScenario(d.base, d.current);

/** After a save: the saved version is the new base and the local stack starts again. */
export const markSaved = (saved: Scenario): Draft => openDraft(saved);

/**
 * Main sent a saved version (a refresh, an undo in main, a save from the command line). A draft
 * without edits follows it; one with edits keeps them and notes that its base moved.
 */
export function rebase(d: Draft | undefined, saved: Scenario): { draft: Draft; conflict: boolean } {
  if (d === undefined) return { draft: openDraft(saved), conflict: false };
  if (sameScenario(d.base, saved)) return { draft: d, conflict: false };
  if (!isDirty(d)) return { draft: openDraft(saved), conflict: false };
  return { draft: { ...d, base: saved }, conflict: true };
}

/** What differs between two versions, in words: one line per changed assumption or setting. */
export function changedItems(base: Scenario, current: Scenario): string[] {
  const out: string[] = [];
  if (base.horizonMonths !== current.horizonMonths) out.push('Horizon');
  if (stableJson(base.plan) !== stableJson(current.plan)) out.push('Plan');
  if (stableJson(base.capacity) !== stableJson(current.capacity)) out.push('Capacity options');
  for (const id of ASSUMPTION_IDS) if (stableJson(base.assumptions[id]) !== stableJson(current.assumptions[id])) out.push(ASSUMPTIONS[id].label);
  for (const team of current.teams) {
    const before = base.teams.find((t) => t.name === team.name);
    for (const id of TEAM_ASSUMPTION_IDS) if (before === undefined || stableJson(before.assumptions[id]) !== stableJson(team.assumptions[id])) out.push(`${team.name}: ${TEAM_ASSUMPTIONS[id].label}`);
  }
  return out;
}

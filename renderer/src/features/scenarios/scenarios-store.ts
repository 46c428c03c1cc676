import { create } from 'zustand';
import type { Scenario } from '../../../../shared/domain/scenario';
import { createResource } from '../../lib/resource-store';
import { MAX_COMPARED } from './comparison-view-model';
import { applyEdit, endSession, markSaved, rebase, redoEdit, undoEdit, type Draft } from './draft-model';
import { fetchScenarios } from './scenarios-api';

export const scenariosResource = createResource(fetchScenarios);

export type ResultsTab = 'assumptions' | 'months' | 'compare' | 'sensitivity' | 'capacity';

/** The last change made through the page, offered for Undo until the next one. */
export type LastChange = { text: string; /** The name scenarios:undo takes to undo it; null: nothing to undo. */ undoName: string | null };

type ScenariosUiState = {
  /** The scenario shown; null (or a name no longer listed) picks the first one. */
  selected: string | null;
  /** Edits per scenario name, kept while switching between scenarios until saved or discarded. */
  drafts: Record<string, Draft>;
  /** Scenarios whose saved version changed under unsaved edits. */
  conflicts: Record<string, true>;
  compare: string[];
  tab: ResultsTab;
  lastChange: LastChange | null;
  select(name: string | null): void;
  setTab(tab: ResultsTab): void;
  setLastChange(change: LastChange | null): void;
  toggleCompare(name: string): void;
  /** Drops compared names that are no longer saved scenarios. */
  keepCompared(names: readonly string[]): void;
  /** A saved version arrived from main. */
  loadSaved(saved: Scenario): void;
  edit(name: string, next: Scenario, session?: string | null): void;
  endSession(name: string): void;
  undo(name: string): void;
  redo(name: string): void;
  discard(name: string): void;
  saved(saved: Scenario): void;
  renamed(from: string, to: string): void;
  forget(name: string): void;
};

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

const renamedScenario = (s: Scenario, name: string): Scenario => ({ ...s, name });

/** Session state of the Scenarios page: selection, comparison, tab and unsaved edits. Saved scenarios live in main. */
export const useScenariosUi = create<ScenariosUiState>()((set) => ({
  selected: null,
  drafts: {},
  conflicts: {},
  compare: [],
  tab: 'assumptions',
  lastChange: null,
  select: (selected) => set({ selected }),
  setTab: (tab) => set({ tab }),
  setLastChange: (lastChange) => set({ lastChange }),
  toggleCompare: (name) =>
    set((s) => ({ compare: s.compare.includes(name) ? s.compare.filter((n) => n !== name) : s.compare.length >= MAX_COMPARED ? s.compare : [...s.compare, name] })),
  keepCompared: (names) =>
    set((s) => {
      const kept = s.compare.filter((n) => names.includes(n));
      return kept.length === s.compare.length ? s : { compare: kept };
    }),
  loadSaved: (saved) =>
    set((s) => {
      const { draft, conflict } = rebase(s.drafts[saved.name], saved);
      if (draft === s.drafts[saved.name] && !conflict) return s;
      return { drafts: { ...s.drafts, [saved.name]: draft }, conflicts: conflict ? { ...s.conflicts, [saved.name]: true } : without(s.conflicts, saved.name) };
    }),
  edit: (name, next, session = null) =>
    set((s) => {
      const d = s.drafts[name];
      return d === undefined ? s : { drafts: { ...s.drafts, [name]: applyEdit(d, next, session) } };
    }),
  endSession: (name) =>
    set((s) => {
      const d = s.drafts[name];
      if (d === undefined) return s;
      const next = endSession(d);
      return next === d ? s : { drafts: { ...s.drafts, [name]: next } };
    }),
  undo: (name) => set((s) => (s.drafts[name] ? { drafts: { ...s.drafts, [name]: undoEdit(s.drafts[name]) } } : s)),
  redo: (name) => set((s) => (s.drafts[name] ? { drafts: { ...s.drafts, [name]: redoEdit(s.drafts[name]) } } : s)),
  discard: (name) => set((s) => (s.drafts[name] ? { drafts: { ...s.drafts, [name]: markSaved(s.drafts[name].base) }, conflicts: without(s.conflicts, name) } : s)),
  saved: (saved) => set((s) => ({ drafts: { ...s.drafts, [saved.name]: markSaved(saved) }, conflicts: without(s.conflicts, saved.name) })),
  renamed: (from, to) =>
    set((s) => {
      const d = s.drafts[from];
      const drafts = without(s.drafts, from);
      // Every snapshot takes the new name: an undo must never bring back a name that would save as a new scenario.
      if (d !== undefined)
        drafts[to] = {
          ...d,
          base: renamedScenario(d.base, to),
          current: renamedScenario(d.current, to),
          past: d.past.map((p) => renamedScenario(p, to)),
          future: d.future.map((p) => renamedScenario(p, to)),
        };
      return {
        drafts,
        conflicts: without(s.conflicts, from),
        compare: s.compare.map((n) => (n === from ? to : n)),
        selected: s.selected === from ? to : s.selected,
      };
    }),
  forget: (name) => set((s) => ({ drafts: without(s.drafts, name), conflicts: without(s.conflicts, name), compare: s.compare.filter((n) => n !== name) })),
}));

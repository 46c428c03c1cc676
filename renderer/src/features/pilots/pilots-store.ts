import { create } from 'zustand';
import type { Pilot } from '../../../../shared/domain/pilots';
import { createResource } from '../../lib/resource-store';
import { fetchSettings } from '../settings/settings-api';
import { fetchPilots } from './pilots-api';

export const pilotsResource = createResource(fetchPilots);

/** Projects, repositories and teams the workspace knows (from its team mappings), offered in the scope fields. */
export const scopeSuggestionsResource = createResource(async () => {
  const settings = await fetchSettings();
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    projects: sorted(Object.keys(settings.teamByProject)),
    repositories: sorted(Object.keys(settings.teamByRepository)),
    teams: sorted([...Object.values(settings.teamByProject), ...Object.values(settings.teamByRepository)]),
  };
});

type PilotsUiState = {
  /** The pilot whose scorecard is shown; null picks the first one. */
  selectedId: number | null;
  /** The last deleted pilot, offered for Undo until another action. */
  deleted: Pilot | null;
  select(id: number | null): void;
  setDeleted(pilot: Pilot | null): void;
};

/** Session state of the pilots page; the pilots themselves live in main. */
export const usePilotsUi = create<PilotsUiState>()((set) => ({
  selectedId: null,
  deleted: null,
  select: (selectedId) => set({ selectedId }),
  setDeleted: (deleted) => set({ deleted }),
}));

import { create } from 'zustand';
import { createResource } from '../../lib/resource-store';
import { fetchKnownWorkspaces, fetchRecordCount, fetchSettings, fetchUnlinked } from './settings-api';
import type { SaveFeedback, SettingsSection } from './settings-save-model';

/** The workspace settings; reloaded on data changes (a save re-links and reports the tables it changed). */
export const settingsResource = createResource(fetchSettings);

/** What linking could not attach, by kind. */
export const unlinkedResource = createResource(fetchUnlinked);

export const recordCountResource = createResource(fetchRecordCount);

export const knownWorkspacesResource = createResource(fetchKnownWorkspaces);

type SettingsUiState = {
  /** The last save of each card, with the values it replaced (for Undo). */
  feedback: Partial<Record<SettingsSection, SaveFeedback>>;
  setFeedback(section: SettingsSection, feedback: SaveFeedback | null): void;
};

/** Session state of the settings page: what the last saves did. The settings themselves live in main. */
export const useSettingsUi = create<SettingsUiState>()((set) => ({
  feedback: {},
  setFeedback: (section, feedback) =>
    set((state) => {
      const next = { ...state.feedback };
      if (feedback === null) delete next[section];
      else next[section] = feedback;
      return { feedback: next };
    }),
}));

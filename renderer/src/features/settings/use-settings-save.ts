import { useState } from 'react';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { errorMessage } from '../../lib/ipc';
import { appInfoResource } from '../workspace/workspace-store';
import { updateSettings } from './settings-api';
import { undoPatch, type SaveFeedback, type SettingsPatch, type SettingsSection } from './settings-save-model';
import { recordCountResource, settingsResource, unlinkedResource, useSettingsUi } from './settings-store';

export type SettingsSave = {
  busy: 'save' | 'undo' | null;
  error: string | null;
  feedback: SaveFeedback | null;
  /** Saves the patch; resolves true when it was saved. The values it replaces are kept for Undo. */
  save(patch: SettingsPatch, current: WorkspaceSettings): Promise<boolean>;
  undo(): Promise<void>;
  dismiss(): void;
};

async function refresh(): Promise<void> {
  // A save re-links the records: the figures beside the forms change with it.
  await Promise.all([
    settingsResource.useStore.getState().load(),
    unlinkedResource.useStore.getState().load(),
    recordCountResource.useStore.getState().load(),
    appInfoResource.useStore.getState().load(),
  ]);
}

/** Save and undo for one card of the settings page, with what the last save did. */
export function useSettingsSave(section: SettingsSection): SettingsSave {
  const feedback = useSettingsUi((state) => state.feedback[section] ?? null);
  const setFeedback = useSettingsUi((state) => state.setFeedback);
  const [busy, setBusy] = useState<'save' | 'undo' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (kind: 'save' | 'undo', patch: SettingsPatch, undo: SettingsPatch | null): Promise<boolean> => {
    setBusy(kind);
    setError(null);
    try {
      const result = await updateSettings(patch);
      setFeedback(section, { relinked: result.relinked, undo, undone: kind === 'undo' });
      await refresh();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    error,
    feedback,
    save: (patch, current) => run('save', patch, undoPatch(current, patch)),
    undo: async () => {
      if (feedback?.undo == null) return;
      await run('undo', feedback.undo, null);
    },
    dismiss: () => {
      setError(null);
      setFeedback(section, null);
    },
  };
}

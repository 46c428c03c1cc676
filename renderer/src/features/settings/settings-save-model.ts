import type { z } from 'zod';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import type { SettingsPatchSchema, SettingsUpdateResultSchema } from '../../../../shared/ipc/contract-records';
import { formatCount } from '../../lib/format';

export type SettingsPatch = z.input<typeof SettingsPatchSchema>;
export type SettingsUpdateResult = z.infer<typeof SettingsUpdateResultSchema>;
export type Relinked = NonNullable<SettingsUpdateResult['relinked']>;

/** The cards of the settings page that save on their own, each with its own feedback and undo. */
export type SettingsSection = 'linking' | 'plans' | 'rates' | 'people';

/** What the last save of a card did, and how to take it back. Session state: gone on reload. */
export type SaveFeedback = {
  relinked: Relinked | null;
  /** The values the save replaced, as a patch; null once undone (an undo is not undone again). */
  undo: SettingsPatch | null;
  undone: boolean;
};

const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "Re-linked: 1,204 records (36 updated, 2 new, 5 removed), 41 unlinked items". */
export function relinkSummary(relinked: Relinked): string {
  return (
    `Re-linked: ${plural(relinked.records, 'record', 'records')} ` +
    `(${formatCount(relinked.updated)} updated, ${formatCount(relinked.inserted)} new, ${formatCount(relinked.deleted)} removed), ` +
    `${plural(relinked.unlinked, 'unlinked item', 'unlinked items')}`
  );
}

/** The sentence shown after a save or an undo. */
export function feedbackText(feedback: SaveFeedback): string {
  const done = feedback.undone ? 'Restored the previous values.' : 'Saved.';
  return feedback.relinked === null ? `${done} The records did not need re-linking.` : `${done} ${relinkSummary(feedback.relinked)}.`;
}

/** The current values of the keys a patch sets: saving them back undoes the patch. */
export function undoPatch(settings: WorkspaceSettings, patch: SettingsPatch): SettingsPatch {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof SettingsPatch)[]) {
    if (key in settings) out[key] = structuredClone(settings[key as keyof WorkspaceSettings]);
  }
  return out as SettingsPatch;
}

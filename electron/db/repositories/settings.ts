import { WorkspaceSettingsSchema, type WorkspaceSettings } from '../../../shared/domain/settings';
import type { Db } from '../connection';

const KEY = 'workspace';

/** Settings live in the database so they are backed up and migrated with the data they describe. */
export function readSettings(db: Db): WorkspaceSettings {
  const row = db.prepare('SELECT value_json FROM settings WHERE key = ?').get(KEY) as { value_json: string } | undefined;
  // Unknown or missing fields fall back to defaults, so settings written by older versions still open.
  return WorkspaceSettingsSchema.parse(row ? JSON.parse(row.value_json) : {});
}

export function writeSettings(db: Db, value: Partial<WorkspaceSettings>): WorkspaceSettings {
  const parsed = WorkspaceSettingsSchema.parse(value);
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(
    KEY,
    JSON.stringify(parsed),
  );
  return parsed;
}
